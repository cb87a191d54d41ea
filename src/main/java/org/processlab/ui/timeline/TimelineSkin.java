package org.processlab.ui.timeline;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.processlab.model.JoinView;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.ui.fx.Formats;
import org.processlab.ui.fx.ProcessPalette;

/**
 * Draws a {@link Timeline} on a resizable canvas: a time axis on top, lanes under it (scrolled by a vertical
 * scroll bar when they do not fit) and a legend at the bottom. The skin only draws and turns mouse and keys into
 * the control's selection, cursor and range; every fact comes from the control's snapshot and ticks, every colour
 * and size from its CSS properties.
 *
 * <p>Drawing is coalesced: a change only marks the canvas dirty and asks for a pulse; the canvas is drawn once, after
 * that pulse's layout (a post-layout pulse listener, as chart-fx does), however many properties changed in it.
 *
 * <p>Mouse and keys: a lane's header selects its process. On the plot, once the run has ended, pressing or dragging
 * moves the time cursor; while it is live, a click selects and a drag pans. Shift+drag or a middle/secondary-button
 * drag pans; Ctrl+wheel zooms around the mouse, Shift+wheel pans, the wheel scrolls the lanes. Keys: {@code +} /
 * {@code -} zoom, {@code 0} fits the run, Left / Right pan (Shift: further), Esc clears the selection.
 *
 * <p>Threading: FX thread only.
 */
public class TimelineSkin extends SkinBase<Timeline> {
    private static final double[] AXIS_STEPS = {0.00001, 0.00002, 0.00005, 0.0001, 0.0002, 0.0005, 0.001, 0.002,
            0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600};
    private static final double[] WINDOWS = {0.5, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900,
            1200, 1800, 3600};
    /** Above this many pixels per millisecond, every line gets its own tick (else one per millisecond). */
    private static final double EXACT_TICKS_PX_PER_MS = 3;
    /** A lane with more lines than this is always drawn one tick per millisecond. */
    private static final int EXACT_TICKS_MAX_LINES = 200_000;

    private final Pane plot = new Pane();
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final FlowPane legend = new FlowPane();
    private final Tooltip tip = new Tooltip();
    private final Text measure = new Text();
    private final InvalidationListener redraw = o -> invalidate();
    private boolean dirty = true;
    private final Runnable afterLayout = () -> {
        if (dirty) {
            draw();
        }
    };
    private Scene listeningScene;
    private Geometry geo;
    private String tipKey;
    private java.util.EnumSet<KernelStateKind> legendKinds = java.util.EnumSet.noneOf(KernelStateKind.class);

    private enum Gesture { NONE, HEADER, CURSOR, PAN, PLOT_PRESS }

    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private TimeRange pressRange;
    private boolean moved;

    /** Builds the skin's nodes and listens to the control. */
    public TimelineSkin(Timeline control) {
        super(control);
        plot.getStyleClass().add("timeline-plot");
        plot.getChildren().add(canvas);
        plot.setMinSize(0, 0);
        canvas.setManaged(false);
        scroll.setOrientation(Orientation.VERTICAL);
        scroll.setVisible(false);
        scroll.setManaged(false);
        legend.getStyleClass().add("timeline-legend");
        tip.getStyleClass().add("timeline-tooltip");
        tip.setShowDelay(Duration.ZERO);
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        getChildren().addAll(plot, scroll, legend);

        control.snapshotProperty().addListener(redraw);
        control.snapshotProperty().addListener(o -> updateKernelLegend());
        control.nowProperty().addListener(redraw);
        control.selectedPidProperty().addListener(redraw);
        control.outputRevisionProperty().addListener(redraw);
        control.paletteProperty().addListener(redraw);
        control.cursorTimeProperty().addListener(redraw);
        control.replayingProperty().addListener(redraw);
        control.viewRangeProperty().addListener(redraw);
        control.followProperty().addListener(redraw);
        scroll.valueProperty().addListener(redraw);
        for (javafx.beans.Observable p : control.lookProperties()) {
            p.addListener(redraw);
            p.addListener(o -> buildLegend());
        }
        control.getLanes().addListener((InvalidationListener) o -> control.requestLayout());
        control.sceneProperty().addListener((o, a, b) -> listenTo(b));
        listenTo(control.getScene());
        control.setRedrawHook(() -> {
            if (dirty) {
                draw();
            }
        });

        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> {
            hideTip();
            canvas.setCursor(Cursor.DEFAULT);
        });
        canvas.setOnMousePressed(this::pressed);
        canvas.setOnMouseDragged(this::dragged);
        canvas.setOnMouseReleased(this::released);
        canvas.setOnScroll(this::wheel);
        control.addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        buildLegend();
        updateKernelLegend();
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
            invalidate();
        }
    }

    @Override
    public void dispose() {
        listenTo(null);
        getSkinnable().setRedrawHook(null);
        super.dispose();
    }

    /** Marks the canvas for drawing after the next pulse's layout. */
    private void invalidate() {
        dirty = true;
        Platform.requestNextPulse();
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        // the lanes come first: the legend shows only where it leaves the plot its axis and two lanes (or all of
        // its lanes, when fewer); on a short view (a small screen, large text) it steps aside
        double lh = legend.prefHeight(w);
        double plotNeed = Math.min(contentHeight(), axisHeight() + getSkinnable().getLaneHeight() * 2);
        boolean legendFits = h - lh >= plotNeed;
        if (legend.isVisible() != legendFits) {
            legend.setVisible(legendFits);
        }
        if (!legendFits) {
            lh = 0;
        }
        double plotH = Math.max(0, h - lh);
        double sw = scroll.isVisible() ? scroll.prefWidth(-1) : 0;
        plot.resizeRelocate(x, y, w - sw, plotH);
        legend.resizeRelocate(x, y + plotH, w, lh);
        if (canvas.getWidth() != w - sw || canvas.getHeight() != plotH) {
            canvas.setWidth(Math.max(0, w - sw));
            canvas.setHeight(plotH);
        }
        double content = contentHeight();
        boolean need = content > plotH + 0.5;
        if (need != scroll.isVisible()) {
            scroll.setVisible(need);
            getSkinnable().requestLayout();
        }
        if (need) {
            double sw2 = scroll.prefWidth(-1);
            scroll.resizeRelocate(x + w - sw2, y + axisHeight(), sw2, Math.max(0, plotH - axisHeight()));
            double max = content - plotH;
            scroll.setMax(max);
            scroll.setVisibleAmount(max * (plotH - axisHeight()) / Math.max(1, content - axisHeight()));
            scroll.setUnitIncrement(getSkinnable().getLaneHeight());
            scroll.setBlockIncrement(plotH / 2);
            if (scroll.getValue() > max) {
                scroll.setValue(max);
            }
        } else if (scroll.getValue() != 0) {
            scroll.setValue(0);
        }
        invalidate();
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        // the legend wraps: measure it at the width it has (a parent often asks with -1)
        double w = width > 0 ? width : getSkinnable().getWidth();
        return top + bottom + contentHeight() + legend.prefHeight(w > 0 ? w - left - right : -1);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + bottom + axisHeight() + getSkinnable().getLaneHeight() * 2;
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return left + right + getSkinnable().getHeaderWidth() + 500;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return left + right + getSkinnable().getHeaderWidth() + 120;
    }

    private double contentHeight() {
        int n = Math.max(getSkinnable().getLanes().size(), 3);
        return axisHeight() + n * getSkinnable().getLaneHeight() + 6;
    }

    private double axisHeight() {
        return Math.ceil(getSkinnable().getSmallFont().getSize() * 2.3);
    }

    /** The x (control coordinates) of time {@code t}, or NaN before the first drawing. */
    double xOfTime(long t) {
        if (dirty) {
            draw();
        }
        return geo == null ? Double.NaN : plot.getLayoutX() + canvas.getLayoutX() + geo.x(t);
    }

    // ------------------------------------------------------------------ drawing

    /** Where things are, for drawing and for hit tests. */
    private record Geometry(double width, double height, double axisH, double laneH, double plotLeft, double plotRight,
                            long t0, TimeRange range, double scrollY, List<ProcessView> processes) {
        /** The x of time {@code t} (epoch µs); far-away times are kept a bounded distance off the canvas. */
        double x(long t) {
            double v = plotLeft + (t - range.from()) / (double) range.span() * (plotRight - plotLeft);
            return Math.max(-100_000, Math.min(width + 100_000, v));
        }

        /** The time (epoch µs) at x. */
        long timeAt(double x) {
            return range.from() + Math.round((x - plotLeft) / (plotRight - plotLeft) * range.span());
        }

        /** The x of {@code sec} seconds since the run's start. */
        double xOfSeconds(double sec) {
            return x(t0 + Math.round(sec * 1e6));
        }

        /** Seconds since the run's start at the left edge of the plot. */
        double firstSecond() {
            return (range.from() - t0) / 1e6;
        }

        double windowSeconds() {
            return range.span() / 1e6;
        }

        double laneTop(int i) {
            return axisH + i * laneH - scrollY;
        }

        double barTop(int i) {
            return laneTop(i) + laneH * 0.42;
        }

        double barHeight() {
            return Math.max(6, Math.round(laneH * 0.36));
        }

        double kernelTop(int i) {
            return barTop(i) + barHeight() + Math.max(2, Math.round(laneH * 0.04));
        }

        double kernelHeight() {
            return Math.max(3, Math.round(laneH * 0.1));
        }

        int laneAt(double y) {
            if (y < axisH) {
                return -1;
            }
            int i = (int) Math.floor((y - axisH + scrollY) / laneH);
            return i >= 0 && i < processes.size() ? i : -1;
        }
    }

    private void draw() {
        exitLabels.clear();
        long started = System.nanoTime();
        dirty = false;
        Timeline t = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineDashes();
        g.setGlobalAlpha(1);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setFill(t.getLaneColor());
        g.fillRect(0, 0, w, h);
        RunSnapshot s = t.getSnapshot();
        double axisH = axisHeight();
        double laneH = t.getLaneHeight();
        double plotLeft = t.getHeaderWidth() + 14;
        double plotRight = Math.max(plotLeft + 40, w - endLabelWidth() - 14);
        TimeRange range = t.getVisibleRange();
        if (s == null || s.startedAt() < 0 || s.processes().isEmpty() || range == null) {
            geo = null;
            drawAxisBand(g, w, axisH, 0, null, null);
            g.setFill(t.getMutedTextColor());
            g.setFont(t.getLaneFont());
            g.setTextAlign(TextAlignment.CENTER);
            String hint = s == null || s.status() == RunStatus.NOT_STARTED
                    ? "Press Run: every process of the run gets a lane here."
                    : s.status() == RunStatus.FAILED ? "The run could not start: no process ran." : "Starting…";
            g.fillText(hint, w / 2, axisH + Math.min(h - axisH, laneH * 3) / 2);
            g.setTextAlign(TextAlignment.LEFT);
            report(started);
            return;
        }
        long right = t.liveRight(s);
        boolean live = !s.status().finished();
        long cursor = t.getCursorTime();
        long clip = t.replayingProperty().get() && cursor >= 0 ? cursor : Long.MAX_VALUE;
        long end = Math.min(right, clip);
        geo = new Geometry(w, h, axisH, laneH, plotLeft, plotRight, s.startedAt(), range, scroll.getValue(),
                s.processes());

        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < s.processes().size(); i++) {
            row.putIfAbsent(s.processes().get(i).pid(), i);
        }
        int firstLane = Math.max(0, (int) Math.floor(scroll.getValue() / laneH));
        int lastLane = Math.min(s.processes().size() - 1, (int) Math.ceil((scroll.getValue() + h - axisH) / laneH));
        Long selected = t.getSelectedPid();
        double step = axisStep(geo.windowSeconds(), plotRight - plotLeft);
        double firstTick = Math.ceil(geo.firstSecond() / step - 1e-9) * step;

        // No GraphicsContext.clip() here: in the software pipeline each clip costs a full-canvas mask and blend on the
        // render thread (most of a big run's frame). What must not show is painted over instead: the header column
        // after the plot, the axis band last.
        for (int i = firstLane; i <= lastLane; i++) {
            ProcessView p = s.processes().get(i);
            boolean sel = selected != null && selected == p.pid();
            g.setFill(sel ? t.getSelectionColor() : i % 2 == 1 ? t.getLaneAltColor() : t.getLaneColor());
            g.fillRect(0, geo.laneTop(i), w, laneH);
        }
        double plotClip = t.getHeaderWidth() + 1;
        drawGrid(g, axisH, h, firstTick, step);
        for (int i = firstLane; i <= lastLane; i++) {
            ProcessView p = s.processes().get(i);
            TimelineLane lane = i < t.getLanes().size() ? t.getLanes().get(i) : TimelineLane.of(p, s.supervisorPid());
            // Python's own helpers (resource tracker, fork server, Manager) are shown, dimmed: not the program's work.
            double alpha = g.getGlobalAlpha();
            if (p.role() == org.processlab.model.Role.HELPER) {
                g.setGlobalAlpha(alpha * 0.55);
            }
            drawBars(g, p, i, end, clip);
            g.setGlobalAlpha(alpha);
            drawKernelStates(g, p, i, end, clip);
            drawTicks(g, p, i, Math.min(range.to(), clip));
            if (lane.note() != null && p.orphanedAt() >= 0 && p.orphanedAt() <= clip) {
                drawNote(g, lane.note(), geo.x(p.orphanedAt()), i);
            }
        }
        drawArrows(g, s, row, clip, firstLane, lastLane);
        double labelsAlpha = g.getGlobalAlpha();
        exitLabels.forEach(Runnable::run);
        exitLabels.clear();
        g.setGlobalAlpha(labelsAlpha);
        if (live) {
            double x = geo.x(right);
            g.setStroke(t.getNowColor());
            g.setLineWidth(1.5);
            g.setLineDashes(5, 4);
            g.strokeLine(x, axisH, x, h);
            g.setLineDashes();
        }
        if (cursor >= 0) {
            drawCursorLine(g, geo.x(cursor), axisH, w, h, clip == Long.MAX_VALUE);
        }
        // the header column hides whatever the plot drew left of it (a panned bar never runs under a name)
        g.setFill(t.getLaneColor());
        g.fillRect(0, axisH, plotClip, h - axisH);
        for (int i = firstLane; i <= lastLane; i++) {
            ProcessView p = s.processes().get(i);
            TimelineLane lane = i < t.getLanes().size() ? t.getLanes().get(i) : TimelineLane.of(p, s.supervisorPid());
            boolean notYet = clip != Long.MAX_VALUE && !existsBy(p, clip);
            drawHeader(g, lane, p, i, laneH, selected != null && selected == p.pid(), notYet);
        }
        g.setStroke(t.getGridColor());
        g.setLineWidth(1);
        g.strokeLine(t.getHeaderWidth() + 0.5, axisH, t.getHeaderWidth() + 0.5, h);
        double[] badge = cursor >= 0 ? cursorBadge(s, cursor, axisH, w) : null;
        drawAxisBand(g, w, axisH, firstTick, step, badge);
        if (badge != null) {
            drawCursorLabel(g, s, cursor, axisH, badge);
        }
        report(started);
    }

    private void report(long startedNanos) {
        java.util.function.LongConsumer l = getSkinnable().drawTimeListener();
        if (l != null) {
            l.accept(System.nanoTime() - startedNanos);
        }
    }

    /** True when the process (or its Process object) existed, had been asked for or had started by {@code t}. */
    private static boolean existsBy(ProcessView p, long t) {
        return !p.states().isEmpty() && p.states().get(0).from() <= t
                || p.startCalledAt() >= 0 && p.startCalledAt() <= t || p.startedAt() >= 0 && p.startedAt() <= t;
    }

    /**
     * The axis band: "Process", the time labels and "seconds since Run". A label that the cursor's badge would cover
     * ({@code badge}: its left x and width, or null) is left out: the badge says the time there.
     */
    private void drawAxisBand(GraphicsContext g, double w, double axisH, double firstTick, Double step, double[] badge) {
        Timeline t = getSkinnable();
        g.setFill(t.getLaneAltColor());
        g.fillRect(0, 0, w, axisH);
        g.setStroke(t.getGridColor());
        g.setLineWidth(1);
        g.strokeLine(0, axisH - 0.5, w, axisH - 0.5);
        g.setFont(t.getSmallFont());
        g.setFill(t.getMutedTextColor());
        double base = axisH * 0.64;
        g.fillText("Process", 10, base);
        if (step == null || geo == null) {
            return;
        }
        g.setTextAlign(TextAlignment.RIGHT);
        String unit = "seconds since Run";
        double unitLeft = w - 8 - textWidth(unit, t.getSmallFont());
        if (badge == null || badge[0] + badge[1] < unitLeft - 4) {
            g.fillText(unit, w - 8, base);
        }
        g.setTextAlign(TextAlignment.CENTER);
        double last = geo.firstSecond() + geo.windowSeconds() + 1e-9;
        for (int k = 0; ; k++) {
            double sec = firstTick + k * step;
            if (sec > last) {
                break;
            }
            double x = geo.xOfSeconds(sec);
            String label = axisLabel(sec, step);
            double half = textWidth(label, t.getSmallFont()) / 2;
            if (x < geo.plotLeft() - 1 || x + half > unitLeft - 6
                    || badge != null && x + half > badge[0] - 4 && x - half < badge[0] + badge[1] + 4) {
                continue;
            }
            g.setStroke(t.getMutedTextColor());
            g.strokeLine(x + 0.5, axisH - 5, x + 0.5, axisH);
            g.fillText(label, x, base);
        }
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawGrid(GraphicsContext g, double top, double bottom, double firstTick, double step) {
        g.setFill(getSkinnable().getGridColor());
        double last = geo.firstSecond() + geo.windowSeconds() + 1e-9;
        for (int k = 0; ; k++) {
            double sec = firstTick + k * step;
            if (sec > last) {
                break;
            }
            // a 1-pixel rectangle, not a stroked line: the software pipeline fills rectangles without the rasteriser
            g.fillRect(Math.round(geo.xOfSeconds(sec)), top, 1, bottom - top);
        }
    }

    private void drawHeader(GraphicsContext g, TimelineLane lane, ProcessView p, int i, double laneH,
                            boolean selected, boolean notYet) {
        Timeline t = getSkinnable();
        double y = geo.laneTop(i);
        ProcessPalette pal = t.paletteProperty().get();
        Color c = pal == null ? t.getTextColor() : pal.colorOf(lane.pid());
        // the header's own background: bars panned to the left end under it, not over the names
        g.setFill(selected ? t.getSelectionColor() : i % 2 == 1 ? t.getLaneAltColor() : t.getLaneColor());
        g.fillRect(0, y, t.getHeaderWidth(), laneH);
        if (notYet) {
            g.setGlobalAlpha(0.35);
        }
        g.setFill(c);
        g.fillRect(0, y + 3, selected ? 7 : 5, laneH - 6);
        double x = 14 + lane.depth() * t.getIndent();
        double maxW = t.getHeaderWidth() - x - 6;
        if (lane.depth() > 0) {
            // a small elbow: this process hangs under its parent
            g.setStroke(t.getGridColor().darker());
            g.setLineWidth(1.5);
            double ex = x - t.getIndent() * 0.6;
            g.strokeLine(ex, y, ex, y + laneH * 0.36);
            g.strokeLine(ex, y + laneH * 0.36, x - 3, y + laneH * 0.36);
        }
        g.setFont(t.getLaneFont());
        g.setFill(c.darker());
        g.fillText(fit(lane.title(), t.getLaneFont(), maxW), x, y + laneH * 0.44);
        g.setFont(t.getSmallFont());
        boolean orphan = p.orphan();
        g.setFill(orphan ? t.getWarningColor() : t.getMutedTextColor());
        if (orphan) {
            g.setFont(Font.font(t.getSmallFont().getFamily(), FontWeight.BOLD, t.getSmallFont().getSize()));
        }
        g.fillText(fit(lane.detail(), g.getFont(), maxW), x, y + laneH * 0.84);
        g.setGlobalAlpha(1);
    }

    private void drawBars(GraphicsContext g, ProcessView p, int i, long end, long clip) {
        Timeline t = getSkinnable();
        double top = geo.barTop(i);
        double bh = geo.barHeight();
        double barEnd = -1;
        if (p.startCalledAt() >= 0 && p.startedAt() > p.startCalledAt() && p.startCalledAt() <= clip) {
            double x0 = geo.x(p.startCalledAt());
            double x1 = geo.x(Math.min(p.startedAt(), end));
            if (x1 - x0 >= 2) {
                g.setStroke(t.getCreatedColor());
                g.setLineWidth(1.5);
                g.strokeRect(x0 + 0.75, top + 0.75, x1 - x0 - 1.5, bh - 1.5);
            }
        }
        for (Span<LifeState> span : p.states()) {
            if (span.from() > end) {
                continue;
            }
            double x0 = geo.x(span.from());
            double x1 = geo.x(span.open() ? end : Math.min(span.to(), end));
            if (span.state() == LifeState.ENDED) {
                g.setStroke(t.getEndedColor());
                g.setLineWidth(2);
                g.setLineDashes(2, 5);
                double cy = top + bh / 2;
                g.strokeLine(x0, cy, Math.max(x0, geo.x(end)), cy);
                g.setLineDashes();
                continue;
            }
            double wdt = Math.max(2, x1 - x0);
            switch (span.state()) {
                case RUNNING -> {
                    g.setFill(t.getRunningColor());
                    g.fillRect(x0, top, wdt, bh);
                }
                case WAITING_JOIN -> drawWaiting(g, x0, top, wdt, bh);
                case ZOMBIE -> {
                    g.setFill(t.getZombieColor());
                    g.fillRect(x0, top, wdt, bh);
                    Font f = t.getSmallFont();
                    if (wdt > textWidth("zombie", f) + 10) {
                        g.setFont(f);
                        g.setFill(Color.WHITE);
                        g.fillText("zombie", Math.max(x0, geo.plotLeft()) + 5, top + bh / 2 + f.getSize() * 0.35);
                    }
                }
                case CREATED -> {
                    g.setStroke(t.getCreatedColor());
                    g.setLineWidth(1.5);
                    g.strokeRect(x0, top, wdt, bh);
                }
                default -> {
                }
            }
            barEnd = Math.max(barEnd, x0 + wdt);
        }
        boolean ended = p.endedAt() >= 0 && p.endedAt() <= clip;
        boolean known = p.exitCode() != null && (p.reapedAt() < 0 || p.reapedAt() <= clip);
        if (ended && barEnd >= geo.plotLeft() - 2 && barEnd <= geo.width()) {
            // drawn after the arrows, so a join or reaped arrow passes under the label, not through its text
            double x = barEnd;
            double alpha = g.getGlobalAlpha();
            boolean show = clip == Long.MAX_VALUE || known;
            exitLabels.add(() -> {
                g.setGlobalAlpha(alpha);
                drawExitLabel(g, p, x, top, bh, show);
            });
        }
    }

    /** The kernel's own view, sampled from /proc: a thin strip under the bar, one colour per state. */
    private void drawKernelStates(GraphicsContext g, ProcessView p, int i, long end, long clip) {
        if (p.kernelStates().isEmpty()) {
            return;
        }
        double top = geo.kernelTop(i);
        double kh = geo.kernelHeight();
        // the sampler notices an end a little late: what it saw after the process ended is not drawn, except Z
        long life = p.endedAt() >= 0 ? Math.min(end, p.endedAt()) : end;
        for (Span<KernelStateKind> k : p.kernelStates()) {
            if (k.from() > end) {
                break;
            }
            boolean zombie = k.state() == KernelStateKind.ZOMBIE;
            long stop = zombie ? end : life;
            if (k.from() >= stop) {
                continue;
            }
            long to = Math.min(k.toOr(end), stop);
            double x0 = geo.x(k.from());
            double x1 = geo.x(to);
            if (x1 < geo.plotLeft() - 20 || x0 > geo.width()) {
                continue;
            }
            g.setFill(kernelColor(k.state()));
            g.fillRect(x0, top, Math.max(1, x1 - x0), kh);
        }
    }

    private Color kernelColor(KernelStateKind k) {
        Timeline t = getSkinnable();
        return switch (k) {
            case RUNNING -> t.getKernelRunningColor();
            case SLEEPING -> t.getKernelSleepingColor();
            case DISK_WAIT -> t.getKernelDiskWaitColor();
            case STOPPED -> t.getKernelStoppedColor();
            case ZOMBIE -> t.getKernelZombieColor();
        };
    }

    /** A marker where something happened to the process (orphaned), with its text in a small pill. */
    private void drawNote(GraphicsContext g, String text, double x, int i) {
        Timeline t = getSkinnable();
        Font f = Font.font(t.getSmallFont().getFamily(), FontWeight.BOLD, t.getSmallFont().getSize());
        double top = geo.laneTop(i) + 2;
        double bottom = geo.barTop(i) + geo.barHeight();
        g.setStroke(t.getWarningColor());
        g.setLineWidth(2.5);
        g.strokeLine(x, top, x, bottom);
        double tw = textWidth(text, f);
        double lx = Math.max(geo.plotLeft(), Math.min(x + 4, geo.width() - tw - 12));
        double lh = f.getSize() + 5;
        g.setFill(Color.web("#fff8c5"));
        g.fillRoundRect(lx, top, tw + 10, lh, 8, 8);
        g.setStroke(t.getWarningColor());
        g.setLineWidth(1.5);
        g.strokeRoundRect(lx, top, tw + 10, lh, 8, 8);
        g.setFont(f);
        g.setFill(t.getWarningColor());
        g.fillText(text, lx + 5, top + lh / 2 + f.getSize() * 0.35);
    }

    private void drawWaiting(GraphicsContext g, double x, double y, double w, double h) {
        Timeline t = getSkinnable();
        g.setFill(t.getWaitingColor());
        g.fillRect(x, y, w, h);
        g.setStroke(t.getRunningColor());
        g.setLineWidth(1.5);
        double from = Math.max(x - h, -h - 10);
        double to = Math.min(x + w, (geo == null ? x + w : geo.width()) + 10);
        for (double k = from + ((x - h - from) % 7 + 7) % 7; k < to; k += 7) {
            // the hatch line (k + u, y + h - u), u in [0, h], cut to the bar's x range by hand (no clip(): see draw())
            double u0 = Math.max(0, x - k);
            double u1 = Math.min(h, x + w - k);
            if (u0 < u1) {
                g.strokeLine(k + u0, y + h - u0, k + u1, y + h - u1);
            }
        }
        g.setStroke(t.getRunningColor());
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), h - 1);
    }

    /** Exit labels of the lanes being drawn, drawn after the arrows (draw() only). */
    private final java.util.List<Runnable> exitLabels = new java.util.ArrayList<>();

    private void drawExitLabel(GraphicsContext g, ProcessView p, double x, double top, double bh, boolean known) {
        Timeline t = getSkinnable();
        if (!known) {
            return;
        }
        String text = p.exitCode() == null ? (p.zombie() ? "" : "exit ?") : "exit " + Formats.exitCode(p.exitCode());
        if (text.isEmpty()) {
            return;
        }
        boolean bad = p.exitCode() == null || p.exitCode() != 0;
        Font f = t.getSmallFont();
        double tw = textWidth(text, f);
        double pad = 5;
        double lx = Math.min(x + 6, geo.width() - tw - 2 * pad - 4);
        double ly = top + (bh - (f.getSize() + 6)) / 2;
        double lh = f.getSize() + 6;
        g.setFill(t.getLaneColor());
        g.fillRoundRect(lx, ly, tw + 2 * pad, lh, 8, 8);
        g.setStroke(bad ? t.getErrorColor() : t.getEndedColor());
        g.setLineWidth(bad ? 1.5 : 1);
        g.strokeRoundRect(lx, ly, tw + 2 * pad, lh, 8, 8);
        g.setFont(f);
        g.setFill(bad ? t.getErrorColor() : t.getTextColor());
        g.fillText(text, lx + pad, ly + lh / 2 + f.getSize() * 0.35);
    }

    private void drawTicks(GraphicsContext g, ProcessView p, int i, long until) {
        Timeline t = getSkinnable();
        OutputTicks.Lane lane = t.getTicks().lane(p.pid());
        if (lane == null) {
            return;
        }
        double top = geo.laneTop(i) + geo.laneH() * 0.06;
        double bottom = geo.barTop(i) - 1;
        long from = geo.range().from();
        double pxPerMs = (geo.plotRight() - geo.plotLeft()) / (geo.range().span() / 1000.0);
        boolean exact = pxPerMs >= EXACT_TICKS_PX_PER_MS && lane.size() <= EXACT_TICKS_MAX_LINES;
        // A tick is a 2-pixel-wide rectangle (filled, not stroked: a flood draws hundreds per lane and the software
        // pipeline fills rectangles without the rasteriser).
        for (int pass = 0; pass < 2; pass++) {
            boolean err = pass == 1;
            g.setFill(err ? t.getStderrTickColor() : t.getTickColor());
            double b = err ? bottom + 1 : bottom;
            if (exact) {
                // zoomed in: every line at its own moment, at most one mark per pixel column
                BitSet drawn = new BitSet();
                for (int k = 0; k < lane.size(); k++) {
                    long tk = lane.time(k);
                    if (lane.stderr(k) != err || tk < from || tk > until) {
                        continue;
                    }
                    int px = (int) Math.round(geo.x(tk));
                    if (px >= 0 && !drawn.get(px)) {
                        drawn.set(px);
                        g.fillRect(px - 1, top, 2, b - top);
                    }
                }
                continue;
            }
            long[] lastPx = {Long.MIN_VALUE};
            // one mark per millisecond that had output, and at most one per pixel column
            lane.forEachMillisecond(err, from, until, tMicros -> {
                long px = Math.round(geo.x(tMicros + 500));
                if (px != lastPx[0]) {
                    lastPx[0] = px;
                    g.fillRect(px - 1, top, 2, b - top);
                }
            });
        }
    }

    /**
     * Arrows between lanes: start (parent → child, where {@code start()} was called), join (parent → child, dashed,
     * where the parent began to wait) and reaped (child → parent, where the parent collected the exit status). Only
     * arrows whose head lands on a lane in view are drawn: with hundreds of children, the others would be hundreds of
     * overlapping lines leading out of the picture.
     */
    private void drawArrows(GraphicsContext g, RunSnapshot s, Map<Long, Integer> row, long clip, int firstLane,
                            int lastLane) {
        Timeline t = getSkinnable();
        double bh = geo.barHeight();
        for (int i = 0; i < s.processes().size(); i++) {
            ProcessView c = s.processes().get(i);
            Integer pr = row.get(c.parent());
            boolean childInView = i >= firstLane && i <= lastLane;
            if (childInView && pr != null && pr != i && c.startedAt() >= 0 && c.startedAt() <= clip) {
                long from = c.startCalledAt() >= 0 ? c.startCalledAt() : c.startedAt();
                double y0 = geo.barTop(pr) + (pr < i ? bh : 0);
                double y1 = geo.barTop(i) + (pr < i ? 0 : bh);
                g.setStroke(t.getArrowColor());
                g.setFill(t.getArrowColor());
                g.setLineWidth(1.6);
                arrow(g, geo.x(from), y0, geo.x(c.startedAt()), y1);
            }
            boolean parentInView = pr != null && pr >= firstLane && pr <= lastLane;
            if (parentInView && pr != i && !c.orphan() && c.reapedAt() >= 0 && c.reapedAt() <= clip) {
                double x = geo.x(c.reapedAt());
                double y0 = geo.barTop(i) + (pr < i ? 0 : bh);
                double y1 = geo.barTop(pr) + (pr < i ? bh : 0);
                g.setStroke(t.getEndedColor());
                g.setFill(t.getEndedColor());
                g.setLineWidth(1.4);
                arrow(g, x, y0, x, y1);
            }
            for (JoinView j : c.joins()) {
                Integer cr = row.get(j.child());
                if (cr == null || cr == i || j.from() > clip || cr < firstLane || cr > lastLane) {
                    continue;
                }
                double x = geo.x(j.from());
                double y0 = geo.barTop(i) + (cr > i ? bh : 0);
                double y1 = geo.barTop(cr) + (cr > i ? 0 : bh);
                g.setStroke(t.getRunningColor().darker());
                g.setFill(t.getRunningColor().darker());
                g.setLineWidth(1.4);
                g.setLineDashes(4, 3);
                arrow(g, x, y0, x, y1);
                g.setLineDashes();
            }
        }
    }

    /** The cursor: a solid line; the time after it is veiled (when not replaying) so "now" reads at a glance. */
    private void drawCursorLine(GraphicsContext g, double x, double top, double w, double h, boolean veilAfter) {
        Timeline t = getSkinnable();
        if (veilAfter && x < w) {
            Color lane = t.getLaneColor();
            g.setFill(Color.color(lane.getRed(), lane.getGreen(), lane.getBlue(), 0.55));
            double from = Math.max(x + 1, t.getHeaderWidth() + 1);
            g.fillRect(from, top, w - from, h - top);
        }
        g.setStroke(t.getCursorColor());
        g.setLineWidth(2.5);
        g.strokeLine(x, top, x, h);
    }

    /** The cursor's time in a pill on the axis, with a small pointer down to the line. */
    private Font badgeFont() {
        Timeline t = getSkinnable();
        return Font.font(t.getSmallFont().getFamily(), FontWeight.BOLD, t.getSmallFont().getSize() * 1.05);
    }

    /** Where the cursor's badge goes in the axis band: {left x, width}, or null when the cursor is out of view. */
    private double[] cursorBadge(RunSnapshot s, long cursor, double axisH, double w) {
        Timeline t = getSkinnable();
        double x = geo.x(cursor);
        if (x < t.getHeaderWidth() || x > w) {
            return null;
        }
        double pw = textWidth(cursorText(s, cursor, geo.range().span()), badgeFont()) + 14;
        return new double[] {Math.max(t.getHeaderWidth() + 2, Math.min(x - pw / 2, w - pw - 2)), pw};
    }

    private void drawCursorLabel(GraphicsContext g, RunSnapshot s, long cursor, double axisH, double[] badge) {
        Timeline t = getSkinnable();
        double x = geo.x(cursor);
        Font f = badgeFont();
        String text = cursorText(s, cursor, geo.range().span());
        double pw = badge[1];
        double ph = Math.min(axisH - 6, f.getSize() + 8);
        double lx = badge[0];
        double ly = 2;
        g.setFill(t.getCursorColor());
        g.fillRoundRect(lx, ly, pw, ph, 10, 10);
        g.fillPolygon(new double[] {x - 5, x + 5, x}, new double[] {ly + ph - 1, ly + ph - 1, axisH}, 3);
        g.setFill(Color.WHITE);
        g.setFont(f);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(text, lx + pw / 2, ly + ph / 2 + f.getSize() * 0.36);
        g.setTextAlign(TextAlignment.LEFT);
    }

    /** The cursor's time since Run, with more decimals the further one has zoomed in. */
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

    private static void arrow(GraphicsContext g, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double len = Math.hypot(dx, dy);
        if (len < 4) {
            return;
        }
        double ux = dx / len;
        double uy = dy / len;
        double head = Math.min(8, len / 2);
        double bx = x1 - ux * head;
        double by = y1 - uy * head;
        g.strokeLine(x0, y0, bx, by);
        g.fillPolygon(new double[] {x1, bx - uy * head * 0.5, bx + uy * head * 0.5},
                new double[] {y1, by + ux * head * 0.5, by - ux * head * 0.5}, 3);
    }

    // ------------------------------------------------------------------ interaction

    private boolean finished() {
        RunSnapshot s = getSkinnable().getSnapshot();
        return s != null && s.status().finished() && s.startedAt() >= 0;
    }

    private boolean inPlot(double x) {
        return geo != null && x >= getSkinnable().getHeaderWidth() + 1;
    }

    private void pressed(MouseEvent e) {
        Timeline t = getSkinnable();
        t.requestFocus();
        hideTip();
        pressX = e.getX();
        moved = false;
        gesture = Gesture.NONE;
        if (geo == null) {
            return;
        }
        if (!inPlot(e.getX())) {
            gesture = e.getButton() == MouseButton.PRIMARY ? Gesture.HEADER : Gesture.NONE;
            return;
        }
        pressRange = geo.range();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
            gesture = Gesture.PAN;
            canvas.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY && finished()) {
            gesture = Gesture.CURSOR;
            moveCursorTo(e.getX());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.PLOT_PRESS;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > 3) {
            moved = true;
        }
        switch (gesture) {
            case CURSOR -> moveCursorTo(e.getX());
            case PLOT_PRESS -> {
                if (moved) {
                    gesture = Gesture.PAN;
                    canvas.setCursor(Cursor.CLOSED_HAND);
                    panFromPress(e.getX());
                }
            }
            case PAN -> panFromPress(e.getX());
            default -> {
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Gesture was = gesture;
        gesture = Gesture.NONE;
        canvas.setCursor(Cursor.DEFAULT);
        if (was == Gesture.HEADER || was == Gesture.PLOT_PRESS && !moved) {
            select(e.getY());
        }
    }

    private void panFromPress(double x) {
        if (geo == null || pressRange == null) {
            return;
        }
        double dx = x - pressX;
        long dt = Math.round(-dx / (geo.plotRight() - geo.plotLeft()) * pressRange.span());
        getSkinnable().showRange(pressRange.shift(dt));
    }

    private void moveCursorTo(double x) {
        RunSnapshot s = getSkinnable().getSnapshot();
        if (geo == null || s == null) {
            return;
        }
        long time = geo.timeAt(x);
        time = Math.max(s.startedAt(), Math.min(s.horizon(), time));
        getSkinnable().setCursorTime(time);
    }

    private void select(double y) {
        Timeline t = getSkinnable();
        if (geo == null) {
            return;
        }
        int i = geo.laneAt(y);
        if (i < 0) {
            return;
        }
        long pid = geo.processes().get(i).pid();
        Long sel = t.getSelectedPid();
        t.setSelectedPid(sel != null && sel == pid ? null : pid);
    }

    private void hover(MouseEvent e) {
        if (geo != null && finished() && inPlot(e.getX()) && getSkinnable().getCursorTime() >= 0
                && Math.abs(geo.x(getSkinnable().getCursorTime()) - e.getX()) < 6) {
            canvas.setCursor(Cursor.H_RESIZE);
        } else {
            canvas.setCursor(Cursor.DEFAULT);
        }
        Tick tick = tickAt(e.getX(), e.getY());
        if (tick == null) {
            hideTip();
            return;
        }
        String key = tick.pid + ":" + tick.index;
        if (key.equals(tipKey) && tip.isShowing()) {
            return;
        }
        tipKey = key;
        tip.setText(tick.text);
        tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 16);
    }

    private void hideTip() {
        tipKey = null;
        if (tip.isShowing()) {
            tip.hide();
        }
    }

    /** A tick under the mouse, with the text its tooltip shows. */
    private record Tick(long pid, int index, String text) {
    }

    private Tick tickAt(double x, double y) {
        Timeline t = getSkinnable();
        if (geo == null || x < geo.plotLeft() - 4) {
            return null;
        }
        int i = geo.laneAt(y);
        if (i < 0) {
            return null;
        }
        if (y > geo.barTop(i) + 1) {
            return null;
        }
        ProcessView p = geo.processes().get(i);
        OutputTicks.Lane lane = t.getTicks().lane(p.pid());
        if (lane == null) {
            return null;
        }
        long clip = t.replayingProperty().get() && t.getCursorTime() >= 0 ? t.getCursorTime() : Long.MAX_VALUE;
        int best = -1;
        double bestD = 5;
        for (int k = 0; k < lane.size(); k++) {
            if (lane.time(k) > clip) {
                continue;
            }
            double d = Math.abs(geo.x(lane.time(k)) - x);
            if (d <= bestD) {
                bestD = d;
                best = k;
            }
        }
        if (best < 0) {
            return null;
        }
        RunSnapshot s = t.getSnapshot();
        String when = Formats.secondsFromStart(s, lane.time(best));
        String text = lane.text(best) + "\n" + when + " · " + (lane.stderr(best) ? "stderr" : "stdout") + " · "
                + Formats.who(p);
        return new Tick(p.pid(), best, text);
    }

    private void wheel(ScrollEvent e) {
        Timeline t = getSkinnable();
        if (geo != null && (e.isShortcutDown() || e.isControlDown())) {
            double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            if (d != 0) {
                t.zoom(Math.pow(1.25, Math.max(-4, Math.min(4, d / 40.0))), geo.timeAt(Math.max(geo.plotLeft(), e.getX())));
            }
            e.consume();
            return;
        }
        if (geo != null && e.isShiftDown()) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            t.pan(-d / (geo.plotRight() - geo.plotLeft()));
            e.consume();
            return;
        }
        if (!scroll.isVisible()) {
            return;
        }
        double v = scroll.getValue() - e.getDeltaY();
        scroll.setValue(Math.max(0, Math.min(scroll.getMax(), v)));
        e.consume();
    }

    private void key(KeyEvent e) {
        Timeline t = getSkinnable();
        KeyCode c = e.getCode();
        if (c == KeyCode.ESCAPE && t.getSelectedPid() != null) {
            t.setSelectedPid(null);
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return;
        }
        switch (c) {
            case PLUS, EQUALS, ADD -> t.zoomIn();
            case MINUS, SUBTRACT -> t.zoomOut();
            case DIGIT0, NUMPAD0 -> t.fitAll();
            case LEFT, KP_LEFT -> t.pan(e.isShiftDown() ? -0.5 : -0.1);
            case RIGHT, KP_RIGHT -> t.pan(e.isShiftDown() ? 0.5 : 0.1);
            default -> {
                return;
            }
        }
        e.consume();
    }

    // ------------------------------------------------------------------ legend

    private void buildLegend() {
        Timeline t = getSkinnable();
        legend.getChildren().setAll(
                legendItem("created (no start() yet)", (g, w, h) -> {
                    g.setStroke(t.getCreatedColor());
                    g.setLineWidth(1.5);
                    g.strokeRect(1, 3, w - 2, h - 6);
                }),
                legendItem("running", (g, w, h) -> {
                    g.setFill(t.getRunningColor());
                    g.fillRect(0, 2, w, h - 4);
                }),
                legendItem("waiting in join()", (g, w, h) -> drawWaiting(g, 0, 2, w, h - 4)),
                legendItem("zombie (not reaped)", (g, w, h) -> {
                    g.setFill(t.getZombieColor());
                    g.fillRect(0, 2, w, h - 4);
                }),
                legendItem("ended", (g, w, h) -> {
                    g.setStroke(t.getEndedColor());
                    g.setLineWidth(2);
                    g.setLineDashes(2, 5);
                    g.strokeLine(0, h / 2, w, h / 2);
                    g.setLineDashes();
                }),
                legendItem("start()", (g, w, h) -> {
                    g.setStroke(t.getArrowColor());
                    g.setFill(t.getArrowColor());
                    g.setLineWidth(1.6);
                    arrow(g, 2, h / 2, w - 2, h / 2);
                }),
                legendItem("reaped", (g, w, h) -> {
                    g.setStroke(t.getEndedColor());
                    g.setFill(t.getEndedColor());
                    g.setLineWidth(1.4);
                    arrow(g, 2, h / 2, w - 2, h / 2);
                }),
                legendItem("join()", (g, w, h) -> {
                    g.setStroke(t.getRunningColor().darker());
                    g.setFill(t.getRunningColor().darker());
                    g.setLineWidth(1.4);
                    g.setLineDashes(4, 3);
                    arrow(g, 2, h / 2, w - 2, h / 2);
                    g.setLineDashes();
                }),
                legendItem("stdout", (g, w, h) -> {
                    g.setStroke(t.getTickColor());
                    g.setLineWidth(1.5);
                    for (int k = 4; k < w; k += 7) {
                        g.strokeLine(k, 1, k, h - 1);
                    }
                }),
                legendItem("stderr", (g, w, h) -> {
                    g.setStroke(t.getStderrTickColor());
                    g.setLineWidth(1.5);
                    for (int k = 4; k < w; k += 7) {
                        g.strokeLine(k, 1, k, h - 1);
                    }
                }));
        if (!legendKinds.isEmpty()) {
            Label title = new Label("kernel:");
            title.getStyleClass().addAll("timeline-legend-label", "timeline-legend-group");
            Tooltip.install(title, new Tooltip("The thin strip under each bar: what the kernel says the process is "
                    + "doing, sampled from /proc/PID/stat every few milliseconds (Linux)."));
            legend.getChildren().add(title);
            for (KernelStateKind k : legendKinds) {
                legend.getChildren().add(kernelItem(switch (k) {
                    case RUNNING -> "R running";
                    case SLEEPING -> "S sleeping";
                    case DISK_WAIT -> "D disk wait";
                    case STOPPED -> "T stopped";
                    case ZOMBIE -> "Z zombie";
                }, kernelColor(k)));
            }
        }
    }

    /** The legend lists the kernel states the run has shown (the strip's colours), so it stays short. */
    private void updateKernelLegend() {
        RunSnapshot s = getSkinnable().getSnapshot();
        java.util.EnumSet<KernelStateKind> kinds = java.util.EnumSet.noneOf(KernelStateKind.class);
        if (s != null) {
            for (ProcessView p : s.processes()) {
                for (Span<KernelStateKind> k : p.kernelStates()) {
                    kinds.add(k.state());
                }
            }
        }
        if (!kinds.equals(legendKinds)) {
            legendKinds = kinds;
            buildLegend();
            getSkinnable().requestLayout();
        }
    }

    private interface Swatch {
        void draw(GraphicsContext g, double w, double h);
    }

    private HBox legendItem(String text, Swatch swatch) {
        double size = Math.max(14, getSkinnable().getSmallFont().getSize() * 1.2);
        Canvas c = new Canvas(size * 2.2, size);
        swatch.draw(c.getGraphicsContext2D(), c.getWidth(), c.getHeight());
        Label l = new Label(text);
        l.getStyleClass().add("timeline-legend-label");
        HBox box = new HBox(6, c, l);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("timeline-legend-item");
        return box;
    }

    private HBox kernelItem(String text, Color color) {
        double size = Math.max(14, getSkinnable().getSmallFont().getSize() * 1.2);
        Canvas c = new Canvas(size, size);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(color);
        double kh = Math.max(4, Math.round(size * 0.4));
        g.fillRect(0, (size - kh) / 2, c.getWidth(), kh);
        Label l = new Label(text);
        l.getStyleClass().add("timeline-legend-label");
        HBox box = new HBox(4, c, l);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.getStyleClass().add("timeline-legend-item");
        return box;
    }

    // ------------------------------------------------------------------ helpers

    private double endLabelWidth() {
        return textWidth("exit -15 SIGTERM", getSkinnable().getSmallFont()) + 16;
    }

    private double textWidth(String s, Font f) {
        measure.setFont(f);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private String fit(String s, Font f, double max) {
        if (textWidth(s, f) <= max) {
            return s;
        }
        String cut = s;
        while (cut.length() > 1 && textWidth(cut + "…", f) > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    static double niceWindow(double seconds) {
        for (double w : WINDOWS) {
            if (w >= seconds) {
                return w;
            }
        }
        return Math.ceil(seconds / 3600) * 3600;
    }

    static double axisStep(double window, double pixels) {
        for (double s : AXIS_STEPS) {
            if (s / window * pixels >= 90) {
                return s;
            }
        }
        return AXIS_STEPS[AXIS_STEPS.length - 1];
    }

    static String axisLabel(double sec, double step) {
        int decimals = step < 0.0001 ? 5 : step < 0.001 ? 4 : step < 0.01 ? 3 : step < 0.1 ? 2 : step < 1 ? 1 : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f s", sec);
    }
}
