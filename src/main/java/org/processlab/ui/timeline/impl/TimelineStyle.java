package org.processlab.ui.timeline.impl;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.processlab.model.KernelStateKind;
import org.processlab.ui.timeline.Timeline;

/**
 * Everything the timeline's look is made of, read from the control's CSS properties once per style change (never
 * per drawing): sizes (px), fonts, colours and the pens drawn with them. It is the one source of each mark's look:
 * the lanes and the legend both draw from it, so a style change is made once, in {@code timeline.css}. No colour is
 * written here: each comes from the stylesheet (a colour the stylesheet did not set is null, and what it would paint
 * is left out). Line widths and dashes are part of the marks' shapes, and are here: each is its width at the default
 * text size times {@code unit}, so that lines, arrows, ticks and the cursor's badge grow with the text (the lane
 * font follows the window's font size, as every size in {@code timeline.css} does). Immutable; made on the FX thread.
 *
 * @param unit            how many times larger than at the default text size ({@link #DEFAULT_LANE_FONT_PX}) the
 *                        marks are drawn: the lane font's size over that
 * @param laneHeight      one lane's height, px
 * @param headerWidth     the header column's width, px
 * @param indent          the header's indent per tree level, px
 * @param axisHeight      the axis band's height, px (from the small font's size)
 * @param endLabelWidth   room kept right of the plot for an exit label, px
 * @param zombieTextWidth the width of {@link #ZOMBIE_TEXT} in the small font, px
 * @param axisUnitWidth   the width of {@link #AXIS_UNIT} in the small font, px
 * @param laneFont        lane titles
 * @param smallFont       PIDs, axis labels, exit codes
 * @param smallBoldFont   orphan details and notes
 * @param badgeFont       the time cursor's badge
 */
record TimelineStyle(
        double unit, double laneHeight, double headerWidth, double indent, double axisHeight, double endLabelWidth,
        double zombieTextWidth, double axisUnitWidth,
        Font laneFont, Font smallFont, Font smallBoldFont, Font badgeFont,
        // backgrounds and text
        Color lane, Color laneAlt, Color selection, Color text, Color mutedText, Color emphasisText, Color warning,
        Color note, Color grid, Color error,
        // fills of the bars and marks
        Color running, Color waiting, Color zombie, Color tick, Color stderrTick, Color cursor,
        Color kernelRunning, Color kernelSleeping, Color kernelDiskWait, Color kernelStopped, Color kernelZombie,
        // pens
        Pen created, Pen ended, Pen hatch, Pen waitingOutline, Pen startArrow, Pen reapedArrow, Pen joinArrow,
        Pen gridLine, Pen axisTick, Pen treeLine, Pen noteLine, Pen noteOutline, Pen exitOk, Pen exitBad,
        Pen nowLine, Pen cursorLine,
        // lost from view: its band's dashed outline, and the colour of its "?" marks and of its lane's detail
        Pen lost) {

    /** The lane font's size at the default text size, px: the marks' sizes are given for it. */
    static final double DEFAULT_LANE_FONT_PX = 15;

    /** The text an exit label is kept room for: the widest one usually met. */
    static final String WIDEST_EXIT_LABEL = "exit -15 SIGTERM";
    /** What a zombie's bar says, where it is wide enough. */
    static final String ZOMBIE_TEXT = "zombie";
    /** What a band lost from view repeats along its length: whether it still ran, nobody saw. */
    static final String LOST_MARK = "?";
    /** The axis's unit, at its right end. */
    static final String AXIS_UNIT = "seconds since Run";

    /** Reads the control's CSS properties (FX thread, after CSS). */
    static TimelineStyle of(Timeline t, TextMeasure measure) {
        Font small = t.getSmallFont();
        Font smallBold = Font.font(small.getFamily(), FontWeight.BOLD, small.getSize());
        Font badge = Font.font(small.getFamily(), FontWeight.BOLD, small.getSize() * 1.05);
        double u = Math.max(0.5, t.getLaneFont().getSize() / DEFAULT_LANE_FONT_PX);
        double endLabelWidth = measure.width(WIDEST_EXIT_LABEL, small) + 16 * u;
        return new TimelineStyle(
                u, t.getLaneHeight(), t.getHeaderWidth(), t.getIndent(), TimelineGeometry.axisHeight(small.getSize()),
                endLabelWidth, measure.width(ZOMBIE_TEXT, small), measure.width(AXIS_UNIT, small),
                t.getLaneFont(), small, smallBold, badge,
                t.getLaneColor(), t.getLaneAltColor(), t.getSelectionColor(), t.getTextColor(), t.getMutedTextColor(),
                t.getEmphasisTextColor(), t.getWarningColor(), t.getNoteColor(), t.getGridColor(), t.getErrorColor(),
                t.getRunningColor(), t.getWaitingColor(), t.getZombieColor(), t.getTickColor(), t.getStderrTickColor(),
                t.getCursorColor(),
                t.getKernelRunningColor(), t.getKernelSleepingColor(), t.getKernelDiskWaitColor(),
                t.getKernelStoppedColor(), t.getKernelZombieColor(),
                Pen.solid(t.getCreatedColor(), 1.5 * u),
                Pen.dashed(t.getEndedColor(), 2 * u, 2 * u, 5 * u),
                Pen.solid(t.getRunningColor(), 1.5 * u),
                Pen.solid(t.getRunningColor(), 1 * u),
                Pen.solid(t.getArrowColor(), 1.6 * u),
                Pen.solid(t.getEndedColor(), 1.4 * u),
                Pen.dashed(t.getJoinArrowColor(), 1.4 * u, 4 * u, 3 * u),
                Pen.solid(t.getGridColor(), 1 * u),
                Pen.solid(t.getMutedTextColor(), 1 * u),
                Pen.solid(t.getTreeLineColor(), 1.5 * u),
                Pen.solid(t.getWarningColor(), 2.5 * u),
                Pen.solid(t.getWarningColor(), 1.5 * u),
                Pen.solid(t.getEndedColor(), 1 * u),
                Pen.solid(t.getErrorColor(), 1.5 * u),
                Pen.dashed(t.getNowColor(), 1.5 * u, 5 * u, 4 * u),
                Pen.solid(t.getCursorColor(), 2.5 * u),
                Pen.dashed(t.getLostColor(), 2 * u, 6 * u, 4 * u));
    }

    /** The kernel-state strip's colour for {@code k}. */
    Color kernelColor(KernelStateKind k) {
        return switch (k) {
            case RUNNING -> kernelRunning;
            case SLEEPING -> kernelSleeping;
            case DISK_WAIT -> kernelDiskWait;
            case STOPPED -> kernelStopped;
            case ZOMBIE -> kernelZombie;
        };
    }
}
