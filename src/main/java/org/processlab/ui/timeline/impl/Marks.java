package org.processlab.ui.timeline.impl;

import javafx.scene.text.TextAlignment;

import org.processlab.model.KernelStateKind;
import org.processlab.ui.timeline.DrawingSurface;

/**
 * The timeline's marks, each drawn one way for the lanes and for the legend: the bars of a process's life, the
 * ended line, the arrows between lanes, the output ticks and the kernel-state strip. Their look comes from a
 * {@link TimelineStyle}; where a mark goes is the caller's. Keeps two small arrays for arrow heads, so drawing
 * allocates nothing. FX thread only (one per painter).
 *
 * <p>No state is told by colour alone (a colour-blind student, a washed-out projector): each has its own shape as
 * well. A process's life: created an empty outline, running a solid bar, waiting in {@code join()} a pale bar
 * hatched one way, a zombie a bar crossed both ways (a mesh), ended a dashed line, lost from view an empty band
 * with a dashed outline and a row of "?" marks (nobody saw whether it still ran). The kernel strip: R solid, S a
 * thin line (present, idle), D dashed, T an empty outline, Z dotted. Patterns are drawn only where the surface
 * shows them, so their cost is bounded by its width.
 */
final class Marks {
    /** The longest arrow head, in widths of its pen. */
    private static final double ARROW_HEAD_PER_WIDTH = 5.5;
    /** The distance between two hatch lines of a waiting bar, px at the default text size. */
    private static final double HATCH_STEP = 7;
    /** The distance between two "?" marks of a band lost from view, px at the default text size. */
    private static final double LOST_MARK_STEP = 30;
    /** The distance between two mesh lines of a zombie bar (each way), px at the default text size. */
    private static final double MESH_STEP = 6;
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

    /**
     * A zombie (exited, not reaped): a filled bar crossed both ways by thin lines of the lane's colour, a mesh that
     * neither running's solid bar nor waiting's one-way hatch has.
     */
    void zombie(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        s.setFill(st.zombie());
        s.fillRect(x, y, w, h);
        s.setStroke(st.lane());
        s.setLineWidth(1);
        s.setSolidLines();
        diagonals(s, x, y, w, h, MESH_STEP * st.unit(), false);
        diagonals(s, x, y, w, h, MESH_STEP * st.unit(), true);
    }

    /** Where a zombie bar says "zombie": a plain patch of the bar's colour under the word, so the mesh is not in it. */
    void zombieLabelPatch(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
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
        diagonals(s, x, y, w, h, HATCH_STEP * st.unit(), false);
        st.waitingOutline().use(s);
        s.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), h - 1);
    }

    /** After the end: a dashed line at height {@code y} from {@code x0} to {@code x1}. */
    void ended(DrawingSurface s, TimelineStyle st, double x0, double x1, double y) {
        st.ended().use(s);
        s.strokeLine(x0, y, x1, y);
    }

    /**
     * Lost from view (ProcessLab's supervisor was gone while it ran, and no one saw its end): an empty band with a
     * dashed outline, a row of "?" marks along its middle. The first mark is half a step in from {@code x}, so even a
     * short band (a legend's swatch) has one; only marks on the surface are drawn.
     */
    void lost(DrawingSurface s, TimelineStyle st, double x, double y, double w, double h) {
        st.lost().use(s);
        double inset = st.lost().width() / 2;
        s.strokeRect(x + inset, y + inset, Math.max(1, w - 2 * inset), Math.max(1, h - 2 * inset));
        double step = LOST_MARK_STEP * st.unit();
        double end = Math.min(x + w - step / 4, s.width());
        double k = x + step / 2;
        if (k < -step) {
            k += Math.floor((-step - k) / step) * step;
        }
        s.setFont(st.smallBoldFont());
        s.setTextAlign(TextAlignment.CENTER);
        double baseline = y + h / 2 + st.smallBoldFont().getSize() * 0.35;
        for (; k < end; k += step) {
            s.fillText(TimelineStyle.LOST_MARK, k, baseline);
        }
        s.setTextAlign(TextAlignment.LEFT);
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

    /**
     * A stretch of the kernel-state strip, in the state's colour and shape: R solid, S a thin line through the middle,
     * D dashed, T an empty outline, Z dotted.
     */
    void kernelStrip(DrawingSurface s, TimelineStyle st, KernelStateKind k, double x, double y, double w, double h) {
        s.setFill(st.kernelColor(k));
        switch (k) {
            case RUNNING -> s.fillRect(x, y, w, h);
            case SLEEPING -> {
                double t = Math.max(1, Math.round(h / 3));
                s.fillRect(x, y + (h - t) / 2, w, t);
            }
            case DISK_WAIT -> pieces(s, x, y, w, h, Math.max(4, 2 * h), Math.max(2, h / 2 + 1));
            case STOPPED -> {
                s.setStroke(st.kernelColor(k));
                s.setLineWidth(1);
                s.setSolidLines();
                s.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), Math.max(1, h - 1));
            }
            case ZOMBIE -> pieces(s, x, y, w, h, Math.max(2, h), Math.max(2, h));
        }
    }

    /** Pieces {@code on} px long, {@code off} px apart, from {@code x} over {@code w} px (only those on the surface). */
    private static void pieces(DrawingSurface s, double x, double y, double w, double h, double on, double off) {
        double step = on + off;
        double end = Math.min(x + w, s.width());
        double k = x < 0 ? x + Math.floor(-x / step) * step : x;
        for (; k < end; k += step) {
            s.fillRect(k, y, Math.min(on, x + w - k), h);
        }
    }

    /**
     * Lines at 45° across the bar ({@code x}, {@code y}, {@code w}, {@code h}), {@code step} px apart, cut to it by hand
     * (no clip: on the window's canvas a clip costs a full-canvas mask); rising to the right, or falling when
     * {@code falling}. Only lines left of the surface's right edge are drawn. Uses the pen set before.
     */
    private static void diagonals(DrawingSurface s, double x, double y, double w, double h, double step,
                                  boolean falling) {
        double from = Math.max(x - h, -h - 10);
        double to = Math.min(x + w, s.width() + 10);
        for (double k = from + ((x - h - from) % step + step) % step; k < to; k += step) {
            // the line (k + u, y + h - u) rising, or (k + u, y + u) falling, u in [0, h], cut to the bar's x range
            double u0 = Math.max(0, x - k);
            double u1 = Math.min(h, x + w - k);
            if (u0 < u1) {
                if (falling) {
                    s.strokeLine(k + u0, y + u0, k + u1, y + u1);
                } else {
                    s.strokeLine(k + u0, y + h - u0, k + u1, y + h - u1);
                }
            }
        }
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
