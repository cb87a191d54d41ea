package org.processlab.ui.shell.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.processlab.model.StartMethod;

/**
 * What to run: a Python program, how, and with which interpreter.
 *
 * @param title            what the status and the run call it
 * @param file             the program file (absolute)
 * @param args             its arguments
 * @param startMethod      the start method asked for; empty for the interpreter's default
 * @param python           the interpreter asked for ({@code --python}), or null to find {@code python3} on the PATH
 * @param lessonId         the lesson's folder name ({@code 03-process-ids}), for naming the run log and exports; null
 *                         to use the file's name
 * @param timeLimitSeconds end the whole run after this many seconds; null for no limit
 */
public record RunRequest(String title, Path file, List<String> args, Optional<StartMethod> startMethod, String python,
                         String lessonId, Integer timeLimitSeconds) {
    public RunRequest {
        args = args == null ? List.of() : List.copyOf(args);
        startMethod = Objects.requireNonNullElse(startMethod, Optional.empty());
        if (lessonId == null || lessonId.isBlank()) {
            String f = file == null ? "run" : file.getFileName().toString();
            lessonId = f.endsWith(".py") ? f.substring(0, f.length() - 3) : f;
        }
    }
}
