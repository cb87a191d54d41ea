package org.processlab.run;

/** No usable interpreter for a run; the message says what was tried and how to get one. */
public final class InterpreterNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    public InterpreterNotFoundException(String message) {
        super(message);
    }
}
