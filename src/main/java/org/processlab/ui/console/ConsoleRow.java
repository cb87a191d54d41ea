package org.processlab.ui.console;

import org.processlab.model.Stream;

/**
 * One row of the console: an output line, a line a process has begun and not finished yet, what the person typed, or
 * a marker saying how many lines a flood kept out of the view.
 *
 * @param line     the line's number in the run's output log (-1 for any other kind)
 * @param t        when it was written (typed), epoch microseconds
 * @param pid      the process that wrote it (for typed input: the main process, whose stdin it went to; -1 for a
 *                 marker)
 * @param stream   stdout or stderr
 * @param text     the line, without its newline (a marker's message; for typed input: the program's prompt before it,
 *                 which may be empty). A main-process line whose start was shown as the prompt before typed input has
 *                 only its rest here, as a terminal shows it; the run's log keeps the whole line
 * @param untraced true when no agent said who wrote it (attributed by the model's best guess)
 * @param kind     what the row is
 * @param typed    for {@link Kind#TYPED}: what the person typed, as shown ({@code "7 ⏎"}); else empty
 * @param shared   true when {@code pid} or one of its untraced children wrote it (they held one output channel)
 */
public record ConsoleRow(int line, long t, long pid, Stream stream, String text, boolean untraced, Kind kind,
                         String typed, boolean shared) {
    /** What a row is. */
    public enum Kind {
        /** An output line (finished). */
        LINE,
        /** The text so far of a line its process has not finished (updated live; becomes a line once finished). */
        UNFINISHED,
        /** What the person typed to the main process's stdin, after the prompt it answered. */
        TYPED,
        /** "… lines arrived too fast to list here". */
        SKIPPED
    }

    /** An output line. */
    static ConsoleRow line(int line, long t, long pid, Stream stream, String text, boolean untraced, boolean shared) {
        return new ConsoleRow(line, t, pid, stream, text, untraced, Kind.LINE, "", shared);
    }

    /** A marker for {@code n} lines kept out of the view. */
    static ConsoleRow skipped(long t, int n) {
        return new ConsoleRow(-1, t, -1, Stream.STDOUT, String.format("… %,d lines arrived too fast to list here "
                + "(the run keeps them all; the counts are exact)", n), false, Kind.SKIPPED, "", false);
    }

    /**
     * The small words beside the writer's name: the stream when it is stderr, and how sure the writer is: "untraced"
     * (no agent said who: the model's best guess), "or its child" (its channel was shared with an untraced child of
     * its own); empty for a stdout line its writer surely wrote.
     */
    public String badge() {
        String who = untraced ? "untraced" : shared ? "or its child" : "";
        return stream != Stream.STDERR ? who : who.isEmpty() ? "stderr" : "stderr \u00b7 " + who;
    }

    /** True for a "lines not shown" marker. */
    public boolean marker() {
        return kind == Kind.SKIPPED;
    }
}
