package org.processlab.model;

/**
 * A stretch of time in one state.
 *
 * @param state the state
 * @param from  start, epoch microseconds
 * @param to    end, epoch microseconds; {@link #OPEN} while the state goes on
 */
public record Span<S>(S state, long from, long to) {
    /** The {@code to} of a span that has not ended yet. */
    public static final long OPEN = Long.MAX_VALUE;

    /** True while the span goes on. */
    public boolean open() {
        return to == OPEN;
    }

    /** The end, or {@code now} for an open span. */
    public long toOr(long now) {
        return open() ? Math.max(from, now) : to;
    }
}
