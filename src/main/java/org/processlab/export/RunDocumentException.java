package org.processlab.export;

import java.io.IOException;

/**
 * A run document that cannot be read: not JSON, cut short, or JSON of another shape. The message says what was
 * wrong and where, for a person: {@code processes[1].states[0].state: "sleepy" is not a lifecycle state (created,
 * running, waiting-join, zombie, ended) (line 1, column 412)}.
 */
public final class RunDocumentException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String problem;
    private final String where;
    private final long line;
    private final long column;

    /**
     * @param problem what was wrong
     * @param where   the place in the document as a path from its root ({@code processes[1].output[7].t}), or
     *                the empty string for the document as a whole
     * @param line    the line of the document, from 1, or -1 when not known
     * @param column  the column in that line, from 1, or -1 when not known
     * @param cause   the JSON parser's error, or null
     */
    public RunDocumentException(String problem, String where, long line, long column, Throwable cause) {
        super(message(problem, where, line, column), cause);
        this.problem = problem;
        this.where = where;
        this.line = line;
        this.column = column;
    }

    /** What was wrong, without where. */
    public String problem() {
        return problem;
    }

    /** The path from the document's root to the place, or the empty string for the document as a whole. */
    public String where() {
        return where;
    }

    /** The line of the document, from 1, or -1 when not known. */
    public long line() {
        return line;
    }

    /** The column in that line, from 1, or -1 when not known. */
    public long column() {
        return column;
    }

    private static String message(String problem, String where, long line, long column) {
        String at = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        return (where.isEmpty() ? "" : where + ": ") + problem + at;
    }
}
