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
 */
public record RunRequest(String title, Path file, List<String> args, String startMethod, String python) {
    public RunRequest {
        args = args == null ? List.of() : List.copyOf(args);
    }
}
