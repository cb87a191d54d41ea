package org.processlab.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A program a lesson runs.
 *
 * @param title        what the lesson calls it
 * @param file         the program file (absolute)
 * @param args         arguments for it
 * @param startMethods the start methods the lesson's point holds for (empty: the interpreter's default)
 * @param expect       what every run must show, or null
 */
public record Example(String title, Path file, List<String> args, List<String> startMethods, Expectation expect) {
    public Example {
        args = args == null ? List.of() : List.copyOf(args);
        startMethods = startMethods == null ? List.of() : List.copyOf(startMethods);
    }

    /**
     * Whether the lesson's point holds under {@code startMethod} ({@code fork}, {@code spawn}, {@code forkserver}):
     * true when the lesson names it or names none; null (the interpreter's default) is always meant.
     */
    public boolean isMeantFor(String startMethod) {
        return startMethod == null || startMethods.isEmpty() || startMethods.contains(startMethod);
    }
}
