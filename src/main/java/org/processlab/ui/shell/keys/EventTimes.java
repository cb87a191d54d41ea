package org.processlab.ui.shell.keys;

import java.util.Arrays;

import org.processlab.model.JoinView;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Span;

/**
 * The moments something happened in a finished run, in order, so the time cursor can step through them as a
 * debugger steps through lines: each process's start and exit, each {@code join()}'s call and return, and each
 * output line. Moments shared by several events are one step; moments outside the run (before its start, after
 * its end) are left out.
 *
 * <p>All times are epoch microseconds; -1 means "none" (for the cursor: no cursor, the views show the end).
 * Immutable; no toolkit needed.
 */
public final class EventTimes {
    private final long[] times;
    private final long start;
    private final long end;

    private EventTimes(long[] times, long start, long end) {
        this.times = times;
        this.start = start;
        this.end = end;
    }

    /**
     * The events of run {@code s} (which should have ended: a live run's events are still coming) and its output
     * lines' times {@code outputTimes} (any order; the array is not kept).
     */
    public static EventTimes of(RunSnapshot s, long[] outputTimes) {
        long start = s.startedAt();
        long end = s.horizon();
        int size = outputTimes.length;
        for (ProcessView p : s.processes()) {
            size += 2 + 2 * p.joins().size();
        }
        long[] all = Arrays.copyOf(outputTimes, size);
        int n = outputTimes.length;
        for (ProcessView p : s.processes()) {
            all[n++] = p.startedAt();
            all[n++] = p.endedAt();
            for (JoinView j : p.joins()) {
                all[n++] = j.from();
                all[n++] = j.to() == Span.OPEN ? -1 : j.to();
            }
        }
        long[] kept = Arrays.stream(all).filter(t -> t >= 0 && t >= start && t <= end).sorted().distinct()
                .toArray();
        return new EventTimes(kept, start, end);
    }

    /** How many moments. */
    public int size() {
        return times.length;
    }

    /** Moment {@code i} (0 the earliest). */
    public long time(int i) {
        return times[i];
    }

    /** The run's start (the cursor's Home), or -1 before it started. */
    public long start() {
        return start;
    }

    /** The run's end (the cursor's End). */
    public long end() {
        return end;
    }

    /**
     * Where the cursor goes on the next step from {@code cursor}: the first moment after it; from no cursor
     * ({@code -1}) the first moment of all, as a debugger starts at the first line. -1 when there is none.
     */
    public long next(long cursor) {
        int i = cursor < 0 ? 0 : firstAfter(cursor);
        return i < times.length ? times[i] : -1;
    }

    /**
     * Where the cursor goes on a step back from {@code cursor}: the last moment before it; from no cursor
     * ({@code -1}, the views show the end) the last moment before the run's end. -1 when there is none.
     */
    public long previous(long cursor) {
        long from = cursor < 0 ? end : cursor;
        int i = firstAfter(from - 1) - 1;   // the last index with a time < from
        return i >= 0 ? times[i] : -1;
    }

    /** The index of the first moment later than {@code t} ({@link #size()} when none is). */
    private int firstAfter(long t) {
        int i = Arrays.binarySearch(times, t);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
