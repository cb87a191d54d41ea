package org.processlab.ui.timeline.impl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.transform.Scale;

import org.processlab.model.KernelStateKind;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Span;
import org.processlab.ui.timeline.DrawingSurface;
import org.processlab.ui.timeline.SvgSurface;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * The default skin of a {@link Timeline}. It only wires: it builds the nodes (a time axis and lanes on two canvases,
 * a vertical scroll bar when the lanes do not fit, the legend at the bottom), lays them out, hands mouse and keys to
 * a {@link TimelineBehavior} and has the layers painted when what they show changed.
 *
 * <h2>Layers and dirty state</h2>
 * The lanes canvas ({@link LanesPainter}) holds the bars, arrows, ticks and headers; the overlay canvas above it
 * ({@link OverlayPainter}) holds the axis band, the "now" line and the time cursor. Each change marks the layers it
 * touches: moving the time cursor marks the overlay alone (and the lanes only while replaying, when the cursor clips
 * them); "now" marks the lanes only while the run is live (their bars grow to it); the selection, the output and the
 * scroll position mark the lanes alone.
 *
 * <h2>Once per pulse</h2>
 * A change only marks and asks for a pulse; the dirty layers are painted once, after that pulse's layout (a
 * post-layout pulse listener, as chart-fx does), however many properties changed in it. A change of any of the
 * control's look properties marks the style: the {@link TimelineStyle} is read again, and the legend's swatches
 * repainted, at its first use after the pulse's CSS pass (its layout), once however many properties the CSS pass
 * changed.
 *
 * <h2>Pictures</h2>
 * For slides, {@link #writeSvg} paints the whole timeline (every lane, the overlay, the legend) with the same
 * painters on an {@link SvgSurface}, and {@link #drawnAt} gives the canvases more pixels while a snapshot at a scale
 * is taken, so they are as sharp in it as the text.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineSkin extends SkinBase<Timeline> {
    private static final int LANES = 1;
    private static final int OVERLAY = 2;
    private static final int BOTH = LANES | OVERLAY;
    private static final int KERNEL_STATES = KernelStateKind.values().length;
    /** The largest side of a canvas drawn for a sharper snapshot ({@link #drawnAt}), px: a texture every card holds. */
    private static final double MAX_CANVAS_PX = 4096;

    private final Pane plot = new Pane();
    private final Canvas lanesCanvas = new Canvas();
    private final Canvas overlayCanvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final TextMeasure measure = new TextMeasure();
    private final CanvasSurface lanesSurface = new CanvasSurface(lanesCanvas, measure);
    private final CanvasSurface overlaySurface = new CanvasSurface(overlayCanvas, measure);
    private final LanesPainter lanesPainter = new LanesPainter();
    private final OverlayPainter overlayPainter = new OverlayPainter();
    private final TimelineLegend legend = new TimelineLegend(measure);
    private final TimelineBehavior behavior;
    private final Runnable afterLayout = this::paintNow;
    private Scene listeningScene;
    /** The layers to paint at the next pulse: {@link #LANES}, {@link #OVERLAY}. */
    private int dirty = BOTH;
    private boolean styleDirty = true;
    private TimelineStyle style;
    /** The last painting's frame (the behaviour's hit tests read it); null before the first. */
    private PaintFrame frame;
    private Set<KernelStateKind> kernelKinds = EnumSet.noneOf(KernelStateKind.class);
    /** How many times each layer was painted (tests). */
    private long lanePaints;
    private long overlayPaints;

    /** Builds the skin's nodes and listens to the control. */
    public TimelineSkin(Timeline control) {
        super(control);
        plot.getStyleClass().add("pl-timeline-plot");
        plot.getChildren().addAll(lanesCanvas, overlayCanvas);
        plot.setMinSize(0, 0);
        lanesCanvas.setManaged(false);
        overlayCanvas.setManaged(false);
        overlayCanvas.setMouseTransparent(true);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setVisible(false);
        scroll.setManaged(false);
        getChildren().addAll(plot, scroll, legend.node());
        behavior = new TimelineBehavior(control, lanesCanvas, scroll, () -> frame);

        registerInvalidationListener(control.snapshotProperty(), o -> {
            mark(BOTH);
            showKernelStates(control.getSnapshot());
        });
        registerInvalidationListener(control.nowProperty(), o -> {
            RunSnapshot s = control.getSnapshot();
            if (s != null && !s.status().finished()) {
                mark(BOTH);
            }
        });
        registerInvalidationListener(control.cursorTimeProperty(),
                o -> mark(control.replayingProperty().get() ? BOTH : OVERLAY));
        registerInvalidationListener(control.selectedPidProperty(), o -> mark(LANES));
        registerInvalidationListener(control.outputRevisionProperty(), o -> mark(LANES));
        registerInvalidationListener(control.paletteProperty(), o -> mark(LANES));
        registerInvalidationListener(control.replayingProperty(), o -> mark(BOTH));
        registerInvalidationListener(control.viewRangeProperty(), o -> mark(BOTH));
        registerInvalidationListener(control.followProperty(), o -> mark(BOTH));
        registerInvalidationListener(scroll.valueProperty(), o -> mark(LANES));
        registerListChangeListener(control.getLanes(), c -> {
            mark(LANES);
            control.requestLayout();
        });
        for (CssMetaData<? extends Styleable, ?> m : Timeline.getClassCssMetaData()) {
            if (m.getProperty().startsWith("-pl-")) {
                registerInvalidationListener(lookProperty(m, control), o -> styleChanged());
            }
        }
        registerChangeListener(control.sceneProperty(), o -> listenTo(control.getScene()));
        listenTo(control.getScene());
        showKernelStates(control.getSnapshot());
    }

    @SuppressWarnings("unchecked")
    private static ObservableValue<?> lookProperty(CssMetaData<? extends Styleable, ?> m, Timeline control) {
        return (ObservableValue<?>) ((CssMetaData<Timeline, ?>) m).getStyleableProperty(control);
    }

    private void listenTo(Scene scene) {
        if (listeningScene == scene) {
            return;
        }
        if (listeningScene != null) {
            listeningScene.removePostLayoutPulseListener(afterLayout);
        }
        listeningScene = scene;
        if (scene != null) {
            scene.addPostLayoutPulseListener(afterLayout);
            mark(BOTH);
        }
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        listenTo(null);
        behavior.dispose();
        super.dispose();
    }

    /** Marks {@code layers} for painting after the next pulse's layout. */
    private void mark(int layers) {
        dirty |= layers;
        Platform.requestNextPulse();
    }

    /** A look property changed: the style is read again at its next use (after this pulse's CSS pass). */
    private void styleChanged() {
        styleDirty = true;
        mark(BOTH);
        getSkinnable().requestLayout();
    }

    /** The style, read again if a look property changed since. */
    TimelineStyle style() {
        if (styleDirty || style == null) {
            styleDirty = false;
            style = TimelineStyle.of(getSkinnable(), measure);
            legend.restyle(style);
        }
        return style;
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        TimelineStyle st = style();
        FlowPane legendNode = legend.node();
        // the lanes come first: the legend shows only where it leaves the plot its axis and three lanes (or all of
        // its lanes, when fewer); on a short view (a small screen, large text) it steps aside
        double lh = legendNode.prefHeight(w);
        double plotNeed = Math.min(contentHeight(st), st.axisHeight() + st.laneHeight() * 3);
        boolean legendFits = h - lh >= plotNeed;
        if (legendNode.isVisible() != legendFits) {
            legendNode.setVisible(legendFits);
        }
        if (!legendFits) {
            lh = 0;
        }
        double plotH = Math.max(0, h - lh);
        double sw = scroll.isVisible() ? scroll.prefWidth(-1) : 0;
        plot.resizeRelocate(x, y, w - sw, plotH);
        legendNode.resizeRelocate(x, y + plotH, w, lh);
        double canvasW = Math.max(0, w - sw);
        if (lanesCanvas.getWidth() != canvasW || lanesCanvas.getHeight() != plotH) {
            lanesCanvas.setWidth(canvasW);
            lanesCanvas.setHeight(plotH);
            overlayCanvas.setWidth(canvasW);
            overlayCanvas.setHeight(plotH);
            mark(BOTH);
        }
        double content = contentHeight(st);
        boolean need = content > plotH + 0.5;
        if (need != scroll.isVisible()) {
            scroll.setVisible(need);
            getSkinnable().requestLayout();
        }
        if (need) {
            double sw2 = scroll.prefWidth(-1);
            scroll.resizeRelocate(x + w - sw2, y + st.axisHeight(), sw2, Math.max(0, plotH - st.axisHeight()));
            double max = content - plotH;
            scroll.setMax(max);
            scroll.setVisibleAmount(max * (plotH - st.axisHeight()) / Math.max(1, content - st.axisHeight()));
            scroll.setUnitIncrement(st.laneHeight());
            scroll.setBlockIncrement(plotH / 2);
            if (scroll.getValue() > max) {
                scroll.setValue(max);
            }
        } else if (scroll.getValue() != 0) {
            scroll.setValue(0);
        }
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        // the legend wraps: measure it at the width it has (a parent often asks with -1)
        double w = width > 0 ? width : getSkinnable().getWidth();
        return top + bottom + contentHeight(style()) + legend.node().prefHeight(w > 0 ? w - left - right : -1);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        TimelineStyle st = style();
        return top + bottom + st.axisHeight() + st.laneHeight() * 2;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + right + style().headerWidth() + 500;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + right + style().headerWidth() + 120;
    }

    private double contentHeight(TimelineStyle st) {
        return TimelineGeometry.contentHeight(getSkinnable().getLanes().size(), st.laneHeight(), st.axisHeight());
    }

    // ------------------------------------------------------------------ painting

    /** Paints the dirty layers now (after layout: a pulse, or {@link Timeline#redrawNow()}). */
    public void paintNow() {
        if (dirty == 0) {
            return;
        }
        long started = System.nanoTime();
        int layers = dirty;
        dirty = 0;
        PaintFrame f = frame(style());
        frame = f;
        if ((layers & LANES) != 0) {
            lanesPainter.paint(lanesSurface, f);
            lanePaints++;
        }
        if ((layers & OVERLAY) != 0) {
            overlaySurface.clear();
            overlayPainter.paint(overlaySurface, f);
            overlayPaints++;
        }
        java.util.function.LongConsumer l = getSkinnable().getDrawTimeListener();
        if (l != null) {
            l.accept(System.nanoTime() - started);
        }
    }

    /** What is painted now: the control's facts, in the style, the canvases' size and the scroll position. */
    private PaintFrame frame(TimelineStyle st) {
        return frame(st, lanesCanvas.getWidth(), lanesCanvas.getHeight(), scroll.getValue());
    }

    /**
     * The control's facts, in the style, on a picture of {@code w} × {@code h} px whose lanes are scrolled up by
     * {@code scrollY} px.
     */
    private PaintFrame frame(TimelineStyle st, double w, double h, double scrollY) {
        Timeline t = getSkinnable();
        RunSnapshot s = t.getSnapshot();
        TimelineGeometry geo = TimelineGeometry.of(w, h, st.headerWidth(), st.laneHeight(),
                st.axisHeight(), st.endLabelWidth(), scrollY, s == null ? 0 : s.processes().size());
        TimeRange range = t.getVisibleRange();
        boolean run = s != null && s.startedAt() >= 0 && !s.processes().isEmpty() && range != null;
        AxisScale scale = run ? new AxisScale(range, s.startedAt(), geo.plotLeft(), geo.plotRight(), w, st.unit()) : null;
        return new PaintFrame(s, t.getLanes(), t.getTicks(), t.getSelectedPid(), t.paletteProperty().get(),
                t.getCursorTime(), t.replayingProperty().get(), run ? t.liveEdge() : -1, st, geo, scale);
    }

    // ------------------------------------------------------------------ the whole picture (slides)

    /**
     * Writes the timeline as an SVG picture on {@code out} (see {@link Timeline#writeSvg}): as wide as the lanes on
     * the screen, tall enough for every lane and the legend under them, painted by {@link #paintWhole}.
     */
    public void writeSvg(OutputStream out) throws IOException {
        paintNow();
        TimelineStyle st = style();
        double w = lanesCanvas.getWidth();
        double lanesH = wholeLanesHeight(st);
        double h = lanesH + legend.height(st, w);
        SvgSurface svg = new SvgSurface(out, w, h, svgTitle(getSkinnable().getSnapshot()));
        try {
            paintWhole(svg);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        svg.finish();
    }

    /** The picture's title: {@code Timeline of 02 — Many processes}, or {@code Timeline}. */
    private static String svgTitle(RunSnapshot s) {
        return s == null || s.title() == null || s.title().isBlank() ? "Timeline" : "Timeline of " + s.title();
    }

    /** The height of every lane with the axis band above them, px. */
    private double wholeLanesHeight(TimelineStyle st) {
        return TimelineGeometry.contentHeight(getSkinnable().getLanes().size(), st.laneHeight(), st.axisHeight());
    }

    /**
     * Paints the whole timeline on {@code s} (as wide as the lanes on the screen): every lane, not scrolled, in the
     * range, cursor and style on the screen, by the painters of the screen (the lanes, then the overlay above them,
     * both clipped to the lanes' height), then the legend under them. FX thread.
     */
    void paintWhole(DrawingSurface s) {
        TimelineStyle st = style();
        double lanesH = wholeLanesHeight(st);
        PaintFrame f = frame(st, s.width(), lanesH, 0);
        // the painters see a surface as tall as the lanes (they fill and draw lines to its bottom)
        DrawingSurface lanes = new ShiftedSurface(s, 0, 0, s.width(), lanesH);
        s.save();
        s.clipRect(0, 0, s.width(), lanesH);
        lanesPainter.paint(lanes, f);
        overlayPainter.paint(lanes, f);
        s.restore();
        legend.paint(s, st, lanesH, s.width());
    }

    /**
     * Runs {@code picture} while the lanes and overlay canvases hold {@code scale} times as many pixels (fewer when
     * that would make a side longer than {@value #MAX_CANVAS_PX} px), drawn through a scale and shown shrunk back by
     * it (so a snapshot at {@code scale} shows them pixel for pixel); then gives them back their size and paints
     * them again, before any pulse shows them (see {@link Timeline#drawnAt}).
     */
    public <T> T drawnAt(double scale, Supplier<T> picture) {
        paintNow();
        double w = lanesCanvas.getWidth();
        double h = lanesCanvas.getHeight();
        // a canvas is a texture of the graphics card: within the size every card draws
        double k = Math.min(scale, MAX_CANVAS_PX / Math.max(1, Math.max(w, h)));
        if (!(k > 1) || frame == null) {
            return picture.get();
        }
        try {
            for (Canvas c : new Canvas[] {lanesCanvas, overlayCanvas}) {
                c.setWidth(Math.ceil(w * k));
                c.setHeight(Math.ceil(h * k));
                c.getTransforms().setAll(new Scale(1 / k, 1 / k, 0, 0));
            }
            lanesSurface.setScale(k);
            overlaySurface.setScale(k);
            PaintFrame f = frame(style(), w, h, scroll.getValue());
            lanesPainter.paint(lanesSurface, f);
            overlaySurface.clear();
            overlayPainter.paint(overlaySurface, f);
            return picture.get();
        } finally {
            for (Canvas c : new Canvas[] {lanesCanvas, overlayCanvas}) {
                c.getTransforms().clear();
                c.setWidth(w);
                c.setHeight(h);
            }
            lanesSurface.setScale(1);
            overlaySurface.setScale(1);
            mark(BOTH);
            paintNow();
        }
    }

    /** The frame of the whole picture ({@link #paintWhole}), for tests. */
    PaintFrame wholeFrame(double width) {
        TimelineStyle st = style();
        return frame(st, width, wholeLanesHeight(st), 0);
    }

    /** The x (in the control's coordinates) of time {@code t} (epoch µs), or NaN when no run has been painted. */
    public double xOfTime(long t) {
        paintNow();
        return frame == null || frame.scale() == null ? Double.NaN
                : plot.getLayoutX() + lanesCanvas.getLayoutX() + frame.scale().x(t);
    }

    /** The y (in the control's coordinates) of the top of lane {@code i}, or NaN when nothing has been painted. */
    public double yOfLane(int i) {
        paintNow();
        return frame == null ? Double.NaN : plot.getLayoutY() + lanesCanvas.getLayoutY() + frame.geometry().laneTop(i);
    }

    /** The last painting's frame, or null. */
    PaintFrame frame() {
        return frame;
    }

    /** How many times the lanes layer was painted. */
    long lanePaints() {
        return lanePaints;
    }

    /** How many times the overlay (axis band, "now", cursor) was painted. */
    long overlayPaints() {
        return overlayPaints;
    }

    /** How many times the legend's swatches were repainted for a new style. */
    int legendRestyles() {
        return legend.restyles();
    }

    // ------------------------------------------------------------------ legend

    /** The legend lists the kernel states the run has shown (the strip's colours), so it stays short. */
    private void showKernelStates(RunSnapshot s) {
        Set<KernelStateKind> kinds = EnumSet.noneOf(KernelStateKind.class);
        if (s != null) {
            for (int i = 0; i < s.processes().size() && kinds.size() < KERNEL_STATES; i++) {
                for (Span<KernelStateKind> k : s.processes().get(i).kernelStates()) {
                    kinds.add(k.state());
                }
            }
        }
        if (!kinds.equals(kernelKinds)) {
            kernelKinds = kinds;
            legend.showKernelStates(kinds);
            getSkinnable().requestLayout();
        }
    }
}
