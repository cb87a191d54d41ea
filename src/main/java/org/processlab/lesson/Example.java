package org.processlab.lesson;

import java.nio.file.Path;
import java.util.List;

import org.processlab.model.StartMethod;

/**
 * A program a lesson runs.
 *
 * @param title    what the lesson calls it
 * @param file     the program file (absolute)
 * @param args     arguments for it
 * @param meantFor the start methods the lesson's point holds for (empty: any, the interpreter's default included)
 * @param expect   what every run must show, or null
 */
public record Example(String title, Path file, List<String> args, List<StartMethod> meantFor, Expectation expect) {
    public Example {
        args = args == null ? List.of() : List.copyOf(args);
        meantFor = meantFor == null ? List.of() : List.copyOf(meantFor);
    }

    /**
     * Whether the lesson's point holds under {@code method}: true when the lesson names it or names none; null (the
     * interpreter's default) is always meant.
     */
    public boolean isMeantFor(StartMethod method) {
        return method == null || meantFor.isEmpty() || meantFor.contains(method);
    }

    /** The wire names of {@link #meantFor()}, in order, for text that lists them ({@code fork, spawn}). */
    public List<String> startMethods() {
        return meantFor.stream().map(StartMethod::wireName).toList();
    }
}
