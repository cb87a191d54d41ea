package org.processlab.ui.timeline.impl;

import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.processlab.ui.timeline.DrawingSurface;

/**
 * Paints the timeline's overlay, the layer above the lanes: the axis band across the top (its time labels and, on
 * it, the time cursor's badge), the "now" line of a live run and the time cursor, with the time after it veiled.
 * These move often (the cursor under the mouse, "now" every frame) and are cheap; on their own layer they are
 * painted without the lanes under them. Nothing is drawn left of the plot, where the lanes layer has its header
 * column. FX thread only.
 */
final class OverlayPainter {
    /** How opaque the veil over the time after the cursor is. */
    private static final double VEIL_ALPHA = 0.55;
    /** Labels of the axis stay this far left of its unit, and of the cursor's badge, px. */
    private static final double LABEL_GAP = 4;
    private final double[] pointerX = new double[3];
    private final double[] pointerY = new double[3];
    /** The cursor's badge in this painting: left x and width, px (width 0: none). */
    private double badgeLeft;
    private double badgeWidth;

    /** Paints the overlay of {@code f} on {@code s}, which is transparent and {@code f}'s geometry's size. */
    void paint(DrawingSurface s, PaintFrame f) {
        s.setAlpha(1);
        s.setTextAlign(TextAlignment.LEFT);
        badgeWidth = 0;
        if (f.scale() == null) {
            paintAxisBand(s, f, null);
            return;
        }
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        AxisScale sc = f.scale();
        if (f.live()) {
            lineInPlot(s, geo, st.nowLine(), sc.x(f.right()));
        }
        String cursorText = null;
        if (f.cursor() >= 0) {
            paintCursorLine(s, f, sc.x(f.cursor()), f.clip() == Long.MAX_VALUE);
            cursorText = AxisScale.cursorText(f.snapshot(), f.cursor(), sc.range().span());
            placeBadge(s, f, cursorText);
        }
        paintAxisBand(s, f, sc);
        if (badgeWidth > 0) {
            paintBadge(s, f, cursorText);
        }
    }

    /** A vertical line over the lanes at {@code x}, in {@code pen}; the part over the header column is left out. */
    private static void lineInPlot(DrawingSurface s, TimelineGeometry geo, Pen pen, double x) {
        double half = pen.width() / 2;
        double left = geo.plotClip();
        if (x + half <= left) {
            return;
        }
        if (x - half >= left) {
            pen.use(s);
            s.strokeLine(x, geo.axisHeight(), x, s.height());
        } else {
            s.setFill(pen.color());
            s.fillRect(left, geo.axisHeight(), x + half - left, s.height() - geo.axisHeight());
        }
    }

    /** The cursor: a solid line; the time after it is veiled (when not replaying) so "then" reads at a glance. */
    private static void paintCursorLine(DrawingSurface s, PaintFrame f, double x, boolean veilAfter) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        double top = geo.axisHeight();
        double w = s.width();
        if (veilAfter && x < w) {
            double from = Math.max(x + 1, geo.plotClip());
            double alpha = s.alpha();
            s.setAlpha(alpha * VEIL_ALPHA);
            s.setFill(st.lane());
            s.fillRect(from, top, w - from, s.height() - top);
            s.setAlpha(alpha);
        }
        lineInPlot(s, geo, st.cursorLine(), x);
    }

    /** Where the cursor's badge goes in the axis band (none when the cursor is out of view). */
    private void placeBadge(DrawingSurface s, PaintFrame f, String text) {
        TimelineGeometry geo = f.geometry();
        double x = f.scale().x(f.cursor());
        double w = s.width();
        if (x < geo.headerWidth() || x > w) {
            return;
        }
        double pw = s.textWidth(text, f.style().badgeFont()) + 14 * f.style().unit();
        badgeLeft = Math.max(geo.headerWidth() + 2, Math.min(x - pw / 2, w - pw - 2));
        badgeWidth = pw;
    }

    /**
     * The axis band: "Process", the time labels and "seconds since Run" ({@code sc} null: "Process" alone). A label
     * the cursor's badge would cover is left out: the badge says the time there.
     */
    private void paintAxisBand(DrawingSurface s, PaintFrame f, AxisScale sc) {
        TimelineStyle st = f.style();
        double w = s.width();
        double axisH = f.geometry().axisHeight();
        s.setFill(st.laneAlt());
        s.fillRect(0, 0, w, axisH);
        st.gridLine().use(s);
        s.strokeLine(0, axisH - 0.5, w, axisH - 0.5);
        Font font = st.smallFont();
        s.setFont(font);
        s.setFill(st.mutedText());
        double base = axisH * 0.64;
        s.fillText("Process", 10, base);
        if (sc == null) {
            return;
        }
        s.setTextAlign(TextAlignment.RIGHT);
        double unitLeft = w - 8 - st.axisUnitWidth();
        boolean badge = badgeWidth > 0;
        if (!badge || badgeLeft + badgeWidth < unitLeft - LABEL_GAP) {
            s.fillText(TimelineStyle.AXIS_UNIT, w - 8, base);
        }
        s.setTextAlign(TextAlignment.CENTER);
        st.axisTick().use(s);
        s.setFill(st.mutedText());
        double step = sc.step();
        double first = sc.firstTick(step);
        double last = sc.lastSecond();
        double plotLeft = f.geometry().plotLeft();
        for (int k = 0; ; k++) {
            double sec = first + k * step;
            if (sec > last) {
                break;
            }
            double x = sc.xOfSeconds(sec);
            String label = AxisScale.label(sec, step);
            double half = s.textWidth(label, font) / 2;
            if (x < plotLeft - 1 || x + half > unitLeft - 6 || badge && x + half > badgeLeft - LABEL_GAP
                    && x - half < badgeLeft + badgeWidth + LABEL_GAP) {
                continue;
            }
            s.strokeLine(x + 0.5, axisH - 5 * st.unit(), x + 0.5, axisH);
            s.fillText(label, x, base);
        }
        s.setTextAlign(TextAlignment.LEFT);
    }

    /** The cursor's time in a pill on the axis band, with a small pointer down to the line. */
    private void paintBadge(DrawingSurface s, PaintFrame f, String text) {
        TimelineStyle st = f.style();
        double axisH = f.geometry().axisHeight();
        double x = f.scale().x(f.cursor());
        Font font = st.badgeFont();
        double u = st.unit();
        double ph = Math.min(axisH - 6 * u, font.getSize() + 8 * u);
        double ly = 2 * u;
        s.setFill(st.cursor());
        s.fillRoundRect(badgeLeft, ly, badgeWidth, ph, 10 * u);
        pointerX[0] = x - 5 * u;
        pointerY[0] = ly + ph - 1;
        pointerX[1] = x + 5 * u;
        pointerY[1] = ly + ph - 1;
        pointerX[2] = x;
        pointerY[2] = axisH;
        s.fillPolygon(pointerX, pointerY, 3);
        s.setFill(st.emphasisText());
        s.setFont(font);
        s.setTextAlign(TextAlignment.CENTER);
        s.fillText(text, badgeLeft + badgeWidth / 2, ly + ph / 2 + font.getSize() * 0.36);
        s.setTextAlign(TextAlignment.LEFT);
    }
}
