package org.processlab.ui.shell.views;

import java.util.List;
import java.util.Locale;

/**
 * How fast a replay goes: a fixed fraction of real time ({@code 0.1×}: one second of the run takes ten), or the
 * whole run stretched over a number of seconds chosen by the person ({@link #WHOLE_RUN}). Immutable; any thread.
 *
 * @param factor   run time per wall time (1 = real time); unused for {@link #WHOLE_RUN}
 * @param wholeRun true for "the whole run in N seconds"
 */
public record ReplaySpeed(double factor, boolean wholeRun) {
    /** "Play the whole run in N seconds". */
    public static final ReplaySpeed WHOLE_RUN = new ReplaySpeed(0, true);

    /** The choices, fastest first, then {@link #WHOLE_RUN}. */
    public static final List<ReplaySpeed> CHOICES = List.of(new ReplaySpeed(1, false), new ReplaySpeed(0.5, false),
            new ReplaySpeed(0.25, false), new ReplaySpeed(0.1, false), new ReplaySpeed(0.05, false),
            new ReplaySpeed(0.01, false), WHOLE_RUN);

    /** The speed {@code factor}× (one of the choices or not). */
    public static ReplaySpeed times(double factor) {
        return new ReplaySpeed(factor, false);
    }

    /**
     * Run microseconds per wall microsecond for a replay of {@code runMicros} (what is replayed) when the whole run
     * is to take {@code wholeRunSeconds}.
     */
    public double rate(long runMicros, double wholeRunSeconds) {
        if (!wholeRun) {
            return factor;
        }
        return Math.max(1, runMicros) / (Math.max(0.1, wholeRunSeconds) * 1e6);
    }

    /** {@code 0.1×}, or {@code whole run in} (the window puts N and "s" after it). */
    public String label() {
        if (wholeRun) {
            return "whole run in";
        }
        String f = factor == Math.rint(factor) ? String.format(Locale.ROOT, "%.0f", factor)
                : String.format(Locale.ROOT, "%s", Double.toString(factor));
        return f + "×";
    }

    @Override
    public String toString() {
        return label();
    }
}
