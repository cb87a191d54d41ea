package org.processlab.ui.timeline.impl;

/**
 * Where things are on the timeline's plot area, px, origin at its top-left corner: the axis band across the top, the
 * header column on the left ({@code 0} to {@code headerWidth}), the plot to its right ({@code plotLeft} to
 * {@code plotRight}, with room kept right of it for exit labels) and the lanes under the band, one per process,
 * scrolled up by {@code scrollY}. For drawing and for hit tests alike. Immutable; any thread.
 *
 * @param width       the plot area's width, px
 * @param height      the plot area's height, px
 * @param axisHeight  the axis band's height, px
 * @param laneHeight  one lane's height, px
 * @param headerWidth the header column's width, px
 * @param plotLeft    the x of the run's time axis's left end, px
 * @param plotRight   the x of its right end, px
 * @param scrollY     how far the lanes are scrolled up, px
 * @param laneCount   how many lanes there are
 */
record TimelineGeometry(double width, double height, double axisHeight, double laneHeight, double headerWidth,
                        double plotLeft, double plotRight, double scrollY, int laneCount) {

    /** The gap between the header column and the plot, and between the plot and the exit labels' room, px. */
    static final double PLOT_MARGIN = 14;
    /** The plot is never narrower than this, px. */
    static final double MIN_PLOT_WIDTH = 40;
    /** Room kept under the last lane, px. */
    static final double BOTTOM_ROOM = 6;
    /** The fewest lanes a timeline makes room for, so an empty one is not a sliver. */
    static final int MIN_LANES = 3;

    /**
     * The geometry of a {@code width} × {@code height} px plot area whose header column is {@code headerWidth} px
     * wide, with {@code endLabelWidth} px kept right of the plot for exit labels (all px).
     */
    static TimelineGeometry of(double width, double height, double headerWidth, double laneHeight, double axisHeight,
                               double endLabelWidth, double scrollY, int laneCount) {
        double plotLeft = headerWidth + PLOT_MARGIN;
        double plotRight = Math.max(plotLeft + MIN_PLOT_WIDTH, width - endLabelWidth - PLOT_MARGIN);
        return new TimelineGeometry(width, height, axisHeight, laneHeight, headerWidth, plotLeft, plotRight, scrollY,
                laneCount);
    }

    /** The axis band's height for a small font of {@code fontSize} px: its labels with room above and below. */
    static double axisHeight(double fontSize) {
        return Math.ceil(fontSize * 2.3);
    }

    /** The height all lanes need, with the axis band and room under the last one, px. */
    static double contentHeight(int laneCount, double laneHeight, double axisHeight) {
        return axisHeight + Math.max(laneCount, MIN_LANES) * laneHeight + BOTTOM_ROOM;
    }

    /** The plot's width, px. */
    double plotWidth() {
        return plotRight - plotLeft;
    }

    /** The x from which the plot shows (the header column, with its edge line, ends just before), px. */
    double plotClip() {
        return headerWidth + 1;
    }

    /** True when {@code x} is on the plot, not on the header column. */
    boolean inPlot(double x) {
        return x >= plotClip();
    }

    /** The top of lane {@code i}, px. */
    double laneTop(int i) {
        return axisHeight + i * laneHeight - scrollY;
    }

    /** The top of lane {@code i}'s bar (under the row of output ticks), px. */
    double barTop(int i) {
        return laneTop(i) + laneHeight * 0.42;
    }

    /** A bar's height, px. */
    double barHeight() {
        return Math.max(6, Math.round(laneHeight * 0.36));
    }

    /** The top of lane {@code i}'s kernel-state strip (under its bar), px. */
    double kernelTop(int i) {
        return barTop(i) + barHeight() + Math.max(2, Math.round(laneHeight * 0.04));
    }

    /** The kernel-state strip's height, px. */
    double kernelHeight() {
        return Math.max(3, Math.round(laneHeight * 0.1));
    }

    /** The lane at {@code y}, or -1 (the axis band, or below the last lane). */
    int laneAt(double y) {
        if (y < axisHeight) {
            return -1;
        }
        int i = (int) Math.floor((y - axisHeight + scrollY) / laneHeight);
        return i >= 0 && i < laneCount ? i : -1;
    }

    /** The first lane at least partly in view (0 when there are none). */
    int firstVisibleLane() {
        return Math.max(0, (int) Math.floor(scrollY / laneHeight));
    }

    /** The last lane at least partly in view (-1 when there are none). */
    int lastVisibleLane() {
        return Math.min(laneCount - 1, (int) Math.ceil((scrollY + height - axisHeight) / laneHeight));
    }
}
