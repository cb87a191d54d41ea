package org.processlab.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import org.processlab.model.ProcessView;

/**
 * One row of a comparison: a process of run A and the process of run B it was paired with; either is null when the
 * process is present in only one run.
 *
 * <p>A process's <em>duration</em> is from the start of the OS process to its end ({@link ProcessView#startedAt()}
 * to {@link ProcessView#endedAt()}, µs): the time it existed, not the time since {@code start()} was called, and not
 * until its parent reaped it.
 *
 * @param a the process in run A, or null
 * @param b the process in run B, or null
 */
public record ProcessPair(ProcessView a, ProcessView b) {
    public ProcessPair {
        if (a == null && b == null) {
            throw new IllegalArgumentException("a pair needs at least one process");
        }
    }

    /** The process in run {@code side}, or null. */
    public ProcessView in(Side side) {
        return side == Side.A ? a : b;
    }

    /** The run the process is present in when it is in only one ({@code B}: a helper only spawn starts), or null. */
    public Side onlyIn() {
        return a == null ? Side.B : b == null ? Side.A : null;
    }

    /** What a person calls it: its label or name in A (in B when it is only there). */
    public String name() {
        return (a != null ? a : b).displayName();
    }

    /** True when both processes' exit codes are known and differ (an unknown exit code differs from nothing). */
    public boolean exitDiffers() {
        return a != null && b != null && a.exitCode() != null && b.exitCode() != null
                && !a.exitCode().equals(b.exitCode());
    }

    /** The duration in run {@code side}, µs; -1 when the process is not in it, or its start or end is unknown. */
    public long duration(Side side) {
        return durationOf(in(side));
    }

    /**
     * Duration in B divided by duration in A, rounded to 2 significant digits ({@code 1.5}, {@code 0.62},
     * {@code 12}, {@code 1.0}); null when either is unknown or A's is 0.
     */
    public BigDecimal ratio() {
        return ratio(duration(Side.A), duration(Side.B));
    }

    /** From the start of {@code p}'s OS process to its end, µs; -1 when unknown (or {@code p} is null). */
    public static long durationOf(ProcessView p) {
        return p != null && p.startedAt() >= 0 && p.endedAt() >= p.startedAt() ? p.endedAt() - p.startedAt() : -1;
    }

    /** {@code b / a} rounded to 2 significant digits (half up), or null when either is negative or {@code a} is 0. */
    public static BigDecimal ratio(long a, long b) {
        if (a <= 0 || b < 0) {
            return null;
        }
        BigDecimal r = new BigDecimal(b).divide(new BigDecimal(a), new MathContext(2, RoundingMode.HALF_UP));
        // 1 shows as 1.0 and 0.5 as 0.50: two digits said, so the precision reads the same in every row
        return r.precision() < 2 ? r.setScale(r.scale() + 2 - r.precision(), RoundingMode.UNNECESSARY) : r;
    }

    /** A ratio as a person reads it: {@code 1.5}, {@code 0.62}, {@code 12}, {@code 1.0} (never {@code 1.2E+2}). */
    public static String ratioText(BigDecimal r) {
        return r.toPlainString();
    }
}
