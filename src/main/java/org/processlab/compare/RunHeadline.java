package org.processlab.compare;

import java.util.Locale;

import org.processlab.model.RunSnapshot;
import org.processlab.model.StopReason;

/**
 * A run in one line, large over its timeline: {@code fork · exit 0 · 0.42 s}.
 *
 * @param startMethod    the start method asked for ({@code fork}); else the ones the children used
 *                       ({@code spawn + forkserver}); else {@code default start method}
 * @param exitStatus     the main process's status as a shell reports it (128+N for signal N), or null when unknown
 * @param stoppedBy      why ProcessLab ended the run early, or null
 * @param durationMicros from the run's start to the end of its last process, µs; -1 when unknown
 */
public record RunHeadline(String startMethod, Integer exitStatus, StopReason stoppedBy, long durationMicros) {

    /** The headline of {@code s}. */
    public static RunHeadline of(RunSnapshot s) {
        String method = s.requestedStartMethod() != null ? s.requestedStartMethod()
                : !s.startMethods().isEmpty() ? String.join(" + ", s.startMethods()) : "default start method";
        long d = s.startedAt() >= 0 && s.endedAt() >= s.startedAt() ? s.endedAt() - s.startedAt() : -1;
        return new RunHeadline(method, s.rootStatus(), s.stoppedBy(), d);
    }

    /** {@code fork · exit 0 · 0.42 s}; {@code stopped}, {@code interrupted, exit 0} or {@code exit ?} where that is what is known. */
    public String text() {
        String status = exitStatus == null ? "exit ?" : "exit " + exitStatus;
        // an interrupted program ends with a status of its own; a stopped one is ended by ProcessLab
        String exit = stoppedBy == StopReason.INTERRUPT ? "interrupted, " + status : stoppedBy != null ? "stopped"
                : status;
        return startMethod + " · " + exit + " · " + seconds(durationMicros);
    }

    /**
     * {@code 0.42 s}: three decimals below 0.1 s ({@code 0.032 s}, a fork child), two below 10 s, one above;
     * {@code ? s} for unknown (negative).
     */
    public static String seconds(long micros) {
        if (micros < 0) {
            return "? s";
        }
        double s = micros / 1e6;
        return String.format(Locale.ROOT, s < 0.1 ? "%.3f s" : s < 10 ? "%.2f s" : "%.1f s", s);
    }
}
