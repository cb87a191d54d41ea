package org.processlab.export;

import java.io.IOException;

/**
 * A run document that cannot be read, and which of three reasons it is ({@link #kind()}): made by a newer ProcessLab,
 * over a limit, or broken (not JSON, cut short, JSON of another shape, or parts that do not fit together). The message
 * says what was wrong and where, for a person: {@code processes[1].states[0].state: "sleepy" is not a lifecycle state
 * (created, running, waiting-join, zombie, ended) (line 1, column 412)}.
 */
public final class RunDocumentException extends IOException {
    private static final long serialVersionUID = 1L;

    /** Why a document cannot be read. */
    public enum Kind {
        /** Its {@code formatVersion} is newer than this ProcessLab reads ({@link RunDocument#FORMAT_VERSION}). */
        NEWER_VERSION,
        /** It is over a limit: bytes, nesting depth, processes, lines or the length of a text. */
        TOO_LARGE,
        /** Anything else: not JSON, cut short, a value of the wrong kind, parts that do not fit together. */
        BROKEN
    }

    private final Kind kind;
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
        this(Kind.BROKEN, problem, where, line, column, cause);
    }

    /**
     * @param kind    why it cannot be read
     * @param problem what was wrong
     * @param where   the place in the document as a path from its root, or the empty string for the whole
     * @param line    the line of the document, from 1, or -1 when not known
     * @param column  the column in that line, from 1, or -1 when not known
     * @param cause   the JSON parser's error, or null
     */
    public RunDocumentException(Kind kind, String problem, String where, long line, long column, Throwable cause) {
        super(message(problem, where, line, column), cause);
        this.kind = java.util.Objects.requireNonNull(kind);
        this.problem = problem;
        this.where = where;
        this.line = line;
        this.column = column;
    }

    /** Why the document cannot be read. */
    public Kind kind() {
        return kind;
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
