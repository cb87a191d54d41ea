package org.processlab.run;

/**
 * No usable interpreter for a run; the message says what was tried, why it does not work ({@link #reason()}), and
 * how to get one.
 */
public final class InterpreterNotFoundException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reason;

    public InterpreterNotFoundException(String message) {
        super(message);
        this.reason = message;
    }

    /**
     * @param reason what was tried and why it does not work, one sentence without its full stop
     * @param howTo  how to get one ({@link PythonInterpreter#HOW_TO_GET})
     */
    public InterpreterNotFoundException(String reason, String howTo) {
        super(reason + ". " + howTo);
        this.reason = reason;
    }

    /** What was tried and why it does not work, without how to get another (a window may say that its own way). */
    public String reason() {
        return reason;
    }
}
