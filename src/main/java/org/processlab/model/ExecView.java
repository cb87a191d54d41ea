package org.processlab.model;

/**
 * One {@code exec} of a process: from {@code t} (epoch µs) it runs another program, keeping its PID. Immutable.
 *
 * @param t       when the process called exec (the agent's clock, just before the call)
 * @param path    the file it runs ({@code /bin/sh}), or null where the agent could not tell
 * @param command the new program's arguments joined by spaces ({@code sh -c echo hi}), or null
 */
public record ExecView(long t, String path, String command) {

    /** The command if known, else the path, else {@code "?"}: the new program with its arguments. */
    public String program() {
        return command != null && !command.isBlank() ? command : path != null ? path : "?";
    }

    /**
     * What a person calls the new program: {@link #program()} without folders, from the script on for an interpreter
     * ({@code sh -c echo hi}, {@code worker.py 3}), at most {@link CommandLines#SHORT_CHARS} characters.
     */
    public String name() {
        String s = CommandLines.shortForm(program());
        return s.length() > CommandLines.SHORT_CHARS ? s.substring(0, CommandLines.SHORT_CHARS - 1) + "…" : s;
    }
}
