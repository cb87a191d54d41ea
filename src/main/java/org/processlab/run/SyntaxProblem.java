package org.processlab.run;

/**
 * Where a Python program does not compile, and why, in the interpreter's own words ({@link SyntaxCheck}).
 *
 * @param line    the line, counted from 1
 * @param column  the column, counted from 1 (characters, as Python 3.10 and newer count them); 0 when unknown
 * @param message the interpreter's message ({@code '(' was never closed})
 * @param kind    the exception's class: {@code SyntaxError}, {@code IndentationError}, {@code TabError}, …
 */
public record SyntaxProblem(int line, int column, String message, String kind) {
    public SyntaxProblem {
        line = Math.max(1, line);
        column = Math.max(0, column);
        message = message == null || message.isBlank() ? "invalid syntax" : message.strip();
        kind = kind == null || kind.isBlank() ? "SyntaxError" : kind;
    }

    /** As a person reads it: {@code SyntaxError on line 3: '(' was never closed}. */
    public String text() {
        return kind + " on line " + line + ": " + message;
    }
}
