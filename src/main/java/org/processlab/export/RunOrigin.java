package org.processlab.export;

import java.util.List;
import java.util.Objects;

/**
 * What was run: the lesson, the program file and its arguments. A saved run carries it so that it can be kept with its
 * lesson, run again and compared with another run of the same program. Immutable.
 *
 * @param lessonId  the lesson's id ({@code 02-first-processes}), or null for a program of one's own
 * @param program   the program file's absolute path, as a string, or null when not known
 * @param arguments the program's arguments, in order (empty for none; never null)
 */
public record RunOrigin(String lessonId, String program, List<String> arguments) {
    /** Nothing known: no lesson, no program, no arguments. */
    public static final RunOrigin NONE = new RunOrigin(null, null, List.of());

    public RunOrigin {
        arguments = List.copyOf(Objects.requireNonNull(arguments, "arguments"));
    }
}
