package org.processlab.ui.timeline.impl;

import java.util.Locale;

import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.Formats;
import org.processlab.ui.timeline.TimeRange;

/**
 * The timeline's time axis: which x (px) a time (epoch µs) is drawn at and back, the axis's step and labels, in
 * seconds since the run's start. Immutable; any thread.
 *
 * @param range     the times shown, epoch µs: {@code range.from()} at {@code plotLeft}, {@code range.to()} at
 *                  {@code plotRight}
 * @param runStart  the run's start, epoch µs (second 0 of the axis)
 * @param plotLeft  the x of the range's start, px
 * @param plotRight the x of the range's end, px
 * @param width     the picture's width, px (a far-away time is kept a bounded distance off it)
 * @param unit      how many times larger than at the default text size the labels are drawn
 *                  ({@link TimelineStyle#unit()}): labels keep {@link #MIN_STEP_PX} times it apart, so larger text
 *                  gets fewer labels rather than labels that touch
 */
record AxisScale(TimeRange range, long runStart, double plotLeft, double plotRight, double width, double unit) {
    /** The axis's steps, seconds; the first at least {@link #MIN_STEP_PX} apart is used. */
    private static final double[] STEPS = {0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002,
            0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600};
    /** Two labels of the axis are at least this far apart, px at the default text size. */
    static final double MIN_STEP_PX = 90;
    /** A time far off the picture is drawn at most this far off it, px (so no coordinate overflows a rasteriser). */
    private static final double FAR = 100_000;

    /** An axis with labels at the default text size. */
    AxisScale(TimeRange range, long runStart, double plotLeft, double plotRight, double width) {
        this(range, runStart, plotLeft, plotRight, width, 1);
    }

    /** The x of time {@code t} (epoch µs), px. */
    double x(long t) {
        double v = plotLeft + (t - range.from()) / (double) range.span() * (plotRight - plotLeft);
        return Math.max(-FAR, Math.min(width + FAR, v));
    }

    /** The time (epoch µs) at {@code x} (px). */
    long timeAt(double x) {
        return range.from() + Math.round((x - plotLeft) / (plotRight - plotLeft) * range.span());
    }

    /** The x of {@code sec} seconds since the run's start, px. */
    double xOfSeconds(double sec) {
        return x(runStart + Math.round(sec * 1e6));
    }

    /** Seconds since the run's start at the plot's left end. */
    double firstSecond() {
        return (range.from() - runStart) / 1e6;
    }

    /** How many seconds the plot shows. */
    double windowSeconds() {
        return range.span() / 1e6;
    }

    /** How many px one millisecond takes. */
    double pxPerMillisecond() {
        return (plotRight - plotLeft) / (range.span() / 1000.0);
    }

    /** The axis's step here, seconds: labels at least {@link #MIN_STEP_PX} times {@link #unit} apart. */
    double step() {
        return step(windowSeconds(), (plotRight - plotLeft) / Math.max(1, unit));
    }

    /** The first labelled second at or after the plot's left end, for {@code step}. */
    double firstTick(double step) {
        return Math.ceil(firstSecond() / step - 1e-9) * step;
    }

    /** The last second the plot shows (with room for rounding), for walking the labels. */
    double lastSecond() {
        return firstSecond() + windowSeconds() + 1e-9;
    }

    /**
     * The smallest step (seconds) that puts the labels of a {@code window}-second axis {@code pixels} px long at
     * least {@link #MIN_STEP_PX} apart.
     */
    static double step(double window, double pixels) {
        for (double s : STEPS) {
            if (s / window * pixels >= MIN_STEP_PX) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1];
    }

    /** The label of second {@code sec} on an axis of {@code step}: as many decimals as the step needs. */
    static String label(double sec, double step) {
        int decimals = step < 0.0001 ? 5 : step < 0.001 ? 4 : step < 0.01 ? 3 : step < 0.1 ? 2 : step < 1 ? 1 : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f s", sec);
    }

    /** The time cursor's text: its time since the run's start, with more decimals the further one has zoomed in. */
    static String cursorText(RunSnapshot s, long cursor, long spanMicros) {
        double sec = (cursor - s.startedAt()) / 1e6;
        if (spanMicros < 5_000) {
            return String.format(Locale.ROOT, "%.5f s", sec);
        }
        if (spanMicros < 50_000) {
            return String.format(Locale.ROOT, "%.4f s", sec);
        }
        return Formats.seconds(sec);
    }
}
