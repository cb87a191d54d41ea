package org.processlab.ui.timeline.impl;

import javafx.scene.paint.Color;

import org.processlab.ui.timeline.DrawingSurface;

/**
 * The timeline's marks, each drawn one way for the lanes and for the legend: the bars of a process's life, the
 * ended line, the arrows between lanes, the output ticks and the kernel-state strip. Their look comes from a
 * {@link TimelineStyle}; where a mark goes is the caller's. Keeps two small arrays for arrow heads, so drawing
 * allocates nothing. FX thread only (one per painter).
 */
final class Marks {
    /** The longest arrow head, in widths of its pen. */
    private static final double ARROW_HEAD_PER_WIDTH = 5.5;
    /** The distance between two hatch lines of a waiting bar, px at the default text size. */
    private static final double HATCH_STEP = 7;
    /** A line of output's tick, px wide at the default text size. */
    private static final double TICK_WIDTH = 2;
    private final double[] headX = new double[3];
    private final double[] headY = new double[3];
    /** The width of the ticks drawn next, px: set with their colour ({@link #tickColour}). */
    private double tickWidth = TICK_WIDTH;

    /** A process object made but not started yet: an outline. */
    void created(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        st.created().use(s);
        s.strokeRect(x, y, w, h);
    }

    /** Running: a filled bar. */
    void running(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        s.setFill(st.running());
        s.fillRect(x, y, w, h);
    }

    /** A zombie (exited, not reaped): a filled bar. */
    void zombie(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        s.setFill(st.zombie());
        s.fillRect(x, y, w, h);
    }

    /**
     * Waiting in {@code join()}: a light bar, hatched in the running colour and outlined. The hatch lines are cut to
     * the bar by hand (no clip: on the window's canvas a clip costs a full-canvas mask), and only those left of the
     * surface's right edge are drawn.
     */
    void waiting(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        s.setFill(st.waiting());
        s.fillRect(x, y, w, h);
        st.hatch().use(s);
        double step = HATCH_STEP * st.unit();
        double from = Math.max(x - h, -h - 10);
        double to = Math.min(x + w, s.width() + 10);
        for (double k = from + ((x - h - from) % step + step) % step; k < to; k += step) {
            // the hatch line (k + u, y + h - u), u in [0, h], cut to the bar's x range
            double u0 = Math.max(0, x - k);
            double u1 = Math.min(h, x + w - k);
            if (u0 < u1) {
                s.strokeLine(k + u0, y + h - u0, k + u1, y + h - u1);
            }
        }
        st.waitingOutline().use(s);
        s.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), h - 1);
    }

    /** After the end: a dashed line at height {@code y} from {@code x0} to {@code x1}. */
    void ended(DrawingSurface s, TimelineStyle st, double x0, double x1, double y) {
        st.ended().use(s);
        s.strokeLine(x0, y, x1, y);
    }

    /** A parent started a child ({@code start()}): an arrow from the parent's bar to the child's. */
    void startArrow(DrawingSurface s, TimelineStyle st, double x0, double y0, double x1, double y1) {
        arrow(s, st.startArrow(), x0, y0, x1, y1);
    }

    /** A parent collected a child's exit status (reaped): an arrow from the child's bar to the parent's. */
    void reapedArrow(DrawingSurface s, TimelineStyle st, double x0, double y0, double x1, double y1) {
        arrow(s, st.reapedArrow(), x0, y0, x1, y1);
    }

    /** A parent began to wait for a child ({@code join()}): a dashed arrow from the parent's bar to the child's. */
    void joinArrow(DrawingSurface s, TimelineStyle st, double x0, double y0, double x1, double y1) {
        arrow(s, st.joinArrow(), x0, y0, x1, y1);
    }

    /**
     * The colour of a line of output's tick, stdout or stderr, and its width at the style's size (set once for many
     * {@link #tick}s).
     */
    void tickColour(DrawingSurface s, TimelineStyle st, boolean stderr) {
        s.setFill(stderr ? st.stderrTick() : st.tick());
        tickWidth = Math.max(TICK_WIDTH, Math.round(TICK_WIDTH * st.unit()));
    }

    /**
     * A line of output: a mark ({@code 2 px} at the default text size, wider with larger text) centred on
     * {@code x} from {@code top} to {@code bottom} (a filled rectangle, not a stroked line: a flood draws hundreds
     * per lane, and a canvas fills rectangles without its rasteriser).
     */
    void tick(DrawingSurface s, double x, double top, double bottom) {
        s.fillRect(x - tickWidth / 2, top, tickWidth, bottom - top);
    }

    /** A stretch of the kernel-state strip, in the state's colour. */
    void kernelStrip(DrawingSurface s, Color colour, double x, double y, double w, double h) {
        s.setFill(colour);
        s.fillRect(x, y, w, h);
    }

    /** An arrow from (x0, y0) to (x1, y1) in {@code pen}, its head filled; none when shorter than 4 px. */
    void arrow(DrawingSurface s, Pen pen, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 4) {
            return;
        }
        pen.use(s);
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(ARROW_HEAD_PER_WIDTH * pen.width(), len / 2);
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        s.strokeLine(x0, y0, bx, by);
        // the head is solid even on a dashed pen: a dash pattern does not apply to fills
        headX[0] = x1;
        headY[0] = y1;
        headX[1] = bx - uy * head * 0.5;
        headY[1] = by + ux * head * 0.5;
        headX[2] = bx + uy * head * 0.5;
        headY[2] = by - ux * head * 0.5;
        s.fillPolygon(headX, headY, 3);
    }
}
