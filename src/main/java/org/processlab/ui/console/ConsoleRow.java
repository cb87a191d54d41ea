package org.processlab.ui.console;

import org.processlab.model.Stream;

/**
 * One row of the console: an output line, or a marker saying how many lines a flood kept out of the view.
 *
 * @param line     the line's number in the run's output log (-1 for a marker)
 * @param t        when it was written, epoch microseconds
 * @param pid      the process that wrote it (-1 for a marker)
 * @param stream   stdout or stderr
 * @param text     the line, without its newline (a marker's message)
 * @param untraced true when no agent said who wrote it (attributed by the model's best guess)
 * @param marker   true for a "lines not shown" marker
 */
public record ConsoleRow(int line, long t, long pid, Stream stream, String text, boolean untraced, boolean marker) {
    /** A marker for {@code n} lines kept out of the view. */
    static ConsoleRow skipped(long t, int n) {
        return new ConsoleRow(-1, t, -1, Stream.STDOUT, String.format("… %,d lines arrived too fast to list here "
                + "(the run keeps them all; the counts are exact)", n), false, true);
    }
}
