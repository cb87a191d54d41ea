package org.processlab.lesson;

import java.nio.file.Path;
import java.util.List;

/**
 * A person's own program, opened from a file (File ▸ Open, a file dropped on the window, or
 * {@code java -jar processlab.jar FILE.py}) rather than from a lesson. Nothing is checked against it: it has no
 * question and no expectations.
 *
 * @param file   the program file (absolute)
 * @param text   its text as read (UTF-8)
 * @param args   its arguments ({@code sys.argv[1:]})
 * @param python the interpreter to run it with (a path or a command name), or null for the window's
 */
public record OwnProgram(Path file, String text, List<String> args, String python) {
    public OwnProgram {
        file = file.toAbsolutePath().normalize();
        args = args == null ? List.of() : List.copyOf(args);
        python = python == null || python.isBlank() ? null : python.strip();
    }

    /** The file's name ({@code guess.py}): what the header, the status and the run call it. */
    public String name() {
        return file.getFileName().toString();
    }

    /** The program as a one-example list's example, for the run toolbar: no start methods named, nothing expected. */
    public Example asExample() {
        return new Example(name(), file, args, List.of(), null);
    }
}
