package org.processlab.ui.shell;

import java.nio.file.Path;
import java.util.List;

/**
 * What to run: a Python program, how, and with which interpreter.
 *
 * @param title       what the status and the run call it
 * @param file        the program file (absolute)
 * @param args        its arguments
 * @param startMethod {@code fork}, {@code spawn}, {@code forkserver}, or null for the interpreter's default
 * @param python      the interpreter asked for ({@code --python}), or null to find {@code python3} on the PATH
 * @param lessonId    the lesson's folder name ({@code 03-process-ids}), for naming the run log and exports; null to
 *                    use the file's name
 * @param timeLimitSeconds end the whole run after this many seconds; null for no limit
 */
public record RunRequest(String title, Path file, List<String> args, String startMethod, String python,
                         String lessonId, Integer timeLimitSeconds) {
    public RunRequest {
        args = args == null ? List.of() : List.copyOf(args);
        if (lessonId == null || lessonId.isBlank()) {
            String f = file == null ? "run" : file.getFileName().toString();
            lessonId = f.endsWith(".py") ? f.substring(0, f.length() - 3) : f;
        }
    }

    /** A request without a time limit. */
    public RunRequest(String title, Path file, List<String> args, String startMethod, String python, String lessonId) {
        this(title, file, args, startMethod, python, lessonId, null);
    }

    /** A request without a lesson id (named after the file). */
    public RunRequest(String title, Path file, List<String> args, String startMethod, String python) {
        this(title, file, args, startMethod, python, null, null);
    }
}
