package org.processlab.ui.timeline;

/**
 * A stretch of time a {@link Timeline} shows: from {@code from} to {@code to}, epoch microseconds, {@code from < to}.
 * Immutable; any thread.
 *
 * @param from the left edge of the plot, epoch µs
 * @param to   the right edge of the plot, epoch µs
 */
public record TimeRange(long from, long to) {
    public TimeRange {
        if (to <= from) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
    }

    /** Its length in microseconds. */
    public long span() {
        return to - from;
    }

    /** The time in its middle, epoch µs. */
    public long middle() {
        return from + span() / 2;
    }

    /** True when {@code t} (epoch µs) lies in it, ends included. */
    public boolean contains(long t) {
        return t >= from && t <= to;
    }

    /** The same length, moved by {@code micros}. */
    public TimeRange shift(long micros) {
        return new TimeRange(from + micros, to + micros);
    }
}
