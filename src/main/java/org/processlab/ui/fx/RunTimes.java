package org.processlab.ui.fx;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * Moments of a run the views agree on. All times are epoch microseconds. Stateless; any thread.
 */
public final class RunTimes {
    private RunTimes() {
    }

    /**
     * Where the interesting part of a run begins: the run's start, unless the program's first process began well
     * after it (starting Python and the tracer takes a moment); then a little before that process. Used as the left
     * edge of a fitted timeline and as the start of a replay.
     *
     * @param right the right edge considered (the run's end, or now while it is live)
     */
    public static long firstActivity(RunSnapshot s, long right) {
        long first = Long.MAX_VALUE;
        for (ProcessView p : s.processes()) {
            long t = p.startCalledAt() >= 0
                    ? Math.min(p.startCalledAt(), p.startedAt() >= 0 ? p.startedAt() : Long.MAX_VALUE)
                    : p.startedAt();
            if (t >= 0) {
                first = Math.min(first, t);
            }
        }
        long span = right - s.startedAt();
        if (first == Long.MAX_VALUE || span <= 0 || first - s.startedAt() < span * 0.15) {
            return s.startedAt();
        }
        long pad = Math.max(2_000, (right - first) / 25);
        return Math.max(s.startedAt(), first - pad);
    }
}
