package org.processlab.model;

/**
 * A {@code Process.start()} that raised instead of returning: the object got no process (an unpicklable target under
 * spawn, a start in a child still bootstrapping, too many open files). Reported by the agent of the process that
 * called it ({@code start-failed}, assets/tracer/PROTOCOL.md).
 *
 * @param t       when {@code start()} raised, epoch µs
 * @param error   the exception's class as a traceback names it ({@code RuntimeError}, {@code _pickle.PicklingError})
 * @param message its message on one line (at most 300 characters), or null when it has none
 */
public record StartFailure(long t, String error, String message) {
    /** "start() raised RuntimeError: An attempt has been made…": what a lane, a row and the report say. */
    public String describe() {
        return "start() raised " + error + (message == null || message.isEmpty() ? "" : ": " + message);
    }
}
