package org.processlab.run;

import java.util.Locale;

/**
 * When a run turns busy, so that the window can ask the supervisor to lower it ({@link RunSpec#niceWhenBusy}): it has
 * had {@link #PROCESSES} processes, or it printed {@link #LINES_PER_SECOND} output lines a second over at least
 * {@link #RATE_WINDOW_NANOS}. It says so once per run. Pure: the caller passes the clock and the counts.
 *
 * <p>Threading: not thread-safe; its owner ({@link RunSession}) calls it under its lock, from the sampling thread and
 * from connection threads.
 */
final class BusyPolicy {
    /** No lesson makes more than about ten processes, a fork storm many more. */
    static final int PROCESSES = 16;
    /**
     * Lessons print a few dozen lines in all; a flood, tens of thousands a second, keeps the window's threads
     * working.
     */
    static final int LINES_PER_SECOND = 2_000;
    /** The shortest time over which an output rate is measured. */
    static final long RATE_WINDOW_NANOS = 250_000_000L;

    /** Start of the current rate window ({@link System#nanoTime()}), or -1 before the first look. */
    private long windowStart = -1;
    /** Output lines counted at {@link #windowStart}. */
    private long windowLines;
    private boolean said;

    /**
     * Looks at the run now.
     *
     * @param nowNanos  {@link System#nanoTime()} now
     * @param lines     output lines the run has printed so far
     * @param processes processes the run has had so far, ended ones included
     * @return why the run is busy (words for the person: "it has made 20 processes"), the first time it is; null
     *         otherwise, and every time after
     */
    String check(long nowNanos, long lines, int processes) {
        if (said) {
            return null;
        }
        String why = null;
        if (processes >= PROCESSES) {
            why = "it has made " + processes + " processes";
        } else if (windowStart < 0) {
            windowStart = nowNanos;
            windowLines = lines;
        } else if (nowNanos - windowStart >= RATE_WINDOW_NANOS) {
            double perSecond = (lines - windowLines) * 1e9 / (nowNanos - windowStart);
            if (perSecond >= LINES_PER_SECOND) {
                why = String.format(Locale.ROOT, "it prints %,d lines a second", Math.round(perSecond));
            }
            windowStart = nowNanos;
            windowLines = lines;
        }
        said = why != null;
        return why;
    }

    /** True once {@link #check} has said the run is busy: it will not say it again. */
    boolean hasSaid() {
        return said;
    }
}
