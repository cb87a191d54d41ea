package org.processlab.ui.timeline.impl;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.scene.text.TextAlignment;

import org.processlab.model.KernelStateKind;
import org.processlab.ui.timeline.DrawingSurface;

/**
 * The legend under the lanes: a swatch and a word for each mark, drawn by the same {@link Marks} in the same
 * {@link TimelineStyle} as the lanes (so it cannot say another thing than the bars), then the kernel states the run
 * has shown. Its nodes are made once; a style change only repaints the swatches ({@link #restyle}), and the kernel
 * states are shown or hidden ({@link #showKernelStates}). FX thread only.
 */
final class TimelineLegend {
    /** Draws one swatch, {@code w} × {@code h} px. */
    private interface Swatch {
        void draw(DrawingSurface s, TimelineStyle st, double w, double h);
    }

    /** A swatch's canvas with what it shows, and the legend's entry (its node) it is in, with its label. */
    private record Item(Canvas canvas, CanvasSurface surface, Swatch swatch, double widthInHeights, HBox box,
                        Label label) {
    }

    private final FlowPane pane = new FlowPane();
    private final TextMeasure measure;
    private final Marks marks = new Marks();
    private final List<Item> items = new ArrayList<>();
    private final Label kernelTitle = new Label("kernel:");
    private final Map<KernelStateKind, HBox> kernelItems = new EnumMap<>(KernelStateKind.class);
    /** How many times the swatches were repainted for a style (tests hold style changes to one per pulse). */
    private int restyles;

    TimelineLegend(TextMeasure measure) {
        this.measure = measure;
        pane.getStyleClass().add("pl-timeline-legend");
        add("created (no start() yet)", (s, st, w, h) -> marks.created(s, st, 1, 3, w - 2, h - 6));
        add("running", (s, st, w, h) -> marks.running(s, st, 0, 2, w, h - 4));
        add("waiting in join()", (s, st, w, h) -> marks.waiting(s, st, 0, 2, w, h - 4));
        add("zombie (not reaped)", (s, st, w, h) -> marks.zombie(s, st, 0, 2, w, h - 4));
        add("ended", (s, st, w, h) -> marks.ended(s, st, 0, w, h / 2));
        add("lost from view", (s, st, w, h) -> marks.lost(s, st, 0, 2, w, h - 4));
        add("start()", (s, st, w, h) -> marks.startArrow(s, st, 2, h / 2, w - 2, h / 2));
        add("reaped", (s, st, w, h) -> marks.reapedArrow(s, st, 2, h / 2, w - 2, h / 2));
        add("join()", (s, st, w, h) -> marks.joinArrow(s, st, 2, h / 2, w - 2, h / 2));
        add("stdout", (s, st, w, h) -> ticks(s, st, w, h, false));
        add("stderr", (s, st, w, h) -> ticks(s, st, w, h, true));
        kernelTitle.getStyleClass().addAll("pl-timeline-legend-label", "pl-timeline-legend-group");
        Tooltip.install(kernelTitle, new Tooltip("The thin strip under each bar: what the kernel says the process is "
                + "doing, sampled from /proc/PID/stat every few milliseconds (Linux)."));
        hide(kernelTitle);
        pane.getChildren().add(kernelTitle);
        for (KernelStateKind k : KernelStateKind.values()) {
            HBox box = item(kernelText(k), 2, 4,
                    (s, st, w, h) -> marks.kernelStrip(s, st, k, 0, (h - strip(h)) / 2, w, strip(h)));
            hide(box);
            kernelItems.put(k, box);
            pane.getChildren().add(box);
        }
    }

    /** The legend's node. */
    FlowPane node() {
        return pane;
    }

    /** Sizes and repaints every swatch in {@code st} (once per style change). */
    void restyle(TimelineStyle st) {
        restyles++;
        double size = swatchSize(st);
        for (Item i : items) {
            i.canvas().setWidth(size * i.widthInHeights());
            i.canvas().setHeight(size);
            i.surface().clear();
            i.swatch().draw(i.surface(), st, i.canvas().getWidth(), size);
        }
    }

    int restyles() {
        return restyles;
    }

    /** Shows the kernel states {@code kinds} (those the run has shown), and the group's title when there are any. */
    void showKernelStates(Set<KernelStateKind> kinds) {
        show(kernelTitle, !kinds.isEmpty());
        kernelItems.forEach((k, box) -> show(box, kinds.contains(k)));
    }

    private void add(String text, Swatch swatch) {
        pane.getChildren().add(item(text, 2.2, 6, swatch));
    }

    private HBox item(String text, double widthInHeights, double gap, Swatch swatch) {
        Canvas c = new Canvas();
        Label l = new Label(text);
        l.getStyleClass().add("pl-timeline-legend-label");
        HBox box = new HBox(gap, c, l);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("pl-timeline-legend-item");
        items.add(new Item(c, new CanvasSurface(c, measure), swatch, widthInHeights, box, l));
        return box;
    }

    // ------------------------------------------------------------------ on any surface

    /**
     * How tall the legend is when {@link #paint painted} {@code width} px wide, px. FX thread, after CSS (the
     * labels' fonts and the legend's gaps come from the stylesheet).
     */
    double height(TimelineStyle st, double width) {
        return flow(null, st, 0, width);
    }

    /**
     * Paints the legend on {@code s} from {@code top} down, {@code width} px wide: the entries shown on the screen,
     * in its order, flowing into rows as the screen's legend does, each swatch drawn by the same {@link Swatch} as
     * its canvas on the screen and each word a text. FX thread, after CSS.
     */
    void paint(DrawingSurface s, TimelineStyle st, double top, double width) {
        double h = flow(null, st, top, width);
        s.setAlpha(1);
        s.setFill(st.laneAlt());
        s.fillRect(0, top, width, h);
        s.setFill(st.grid());
        s.fillRect(0, top, width, 1);
        flow(s, st, top, width);
    }

    /** Places the entries shown in rows from {@code top}, drawing them when {@code s} is not null; their height. */
    private double flow(DrawingSurface s, TimelineStyle st, double top, double width) {
        Insets pad = pane.getPadding();
        double size = swatchSize(st);
        double x = pad.getLeft();
        double y = top + pad.getTop();
        double rowH = 0;
        boolean any = false;
        for (Node n : pane.getChildren()) {
            if (!n.isManaged()) {
                continue;
            }
            Item item = itemOf(n);
            Label label = item != null ? item.label() : (Label) n;
            double gap = item != null ? item.box().getSpacing() : 0;
            double sw = item != null ? size * item.widthInHeights() : 0;
            double lw = label.prefWidth(-1);
            double lh = label.prefHeight(-1);
            double w = sw + (item != null ? gap : 0) + lw;
            double h = Math.max(item != null ? size : 0, lh);
            if (any && x + w > width - pad.getRight()) {
                x = pad.getLeft();
                y += rowH + pane.getVgap();
                rowH = 0;
            }
            if (s != null) {
                if (item != null) {
                    double sy = y + (h - size) / 2;
                    s.save();
                    s.clipRect(x, sy, sw, size);
                    item.swatch().draw(new ShiftedSurface(s, x, sy, sw, size), st, sw, size);
                    s.restore();
                }
                s.setAlpha(1);
                s.setTextAlign(TextAlignment.LEFT);
                s.setFont(label.getFont());
                s.setFill(label.getTextFill() instanceof Color c ? c : st.mutedText());
                s.fillText(label.getText(), x + sw + (item != null ? gap : 0) + label.snappedLeftInset(),
                        y + (h - lh) / 2 + label.getBaselineOffset());
            }
            x += w + pane.getHgap();
            rowH = Math.max(rowH, h);
            any = true;
        }
        return y + rowH + pad.getBottom() - top;
    }

    private Item itemOf(Node n) {
        for (Item i : items) {
            if (i.box() == n) {
                return i;
            }
        }
        return null;
    }

    /** A swatch's height, px (its width is a number of heights). */
    private static double swatchSize(TimelineStyle st) {
        return Math.max(14, st.smallFont().getSize() * 1.2);
    }

    private void ticks(DrawingSurface s, TimelineStyle st, double w, double h, boolean stderr) {
        marks.tickColour(s, st, stderr);
        for (int k = 4; k < w; k += 7) {
            marks.tick(s, k, 1, h - 1);
        }
    }

    /** The kernel strip's height in a swatch of {@code h} px. */
    private static double strip(double h) {
        return Math.max(4, Math.round(h * 0.4));
    }

    private static String kernelText(KernelStateKind k) {
        return switch (k) {
            case RUNNING -> "R running";
            case SLEEPING -> "S sleeping";
            case DISK_WAIT -> "D disk wait";
            case STOPPED -> "T stopped";
            case ZOMBIE -> "Z zombie";
        };
    }

    private static void hide(Node n) {
        show(n, false);
    }

    private static void show(Node n, boolean on) {
        n.setVisible(on);
        n.setManaged(on);
    }
}
