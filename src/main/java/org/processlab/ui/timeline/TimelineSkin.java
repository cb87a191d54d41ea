package org.processlab.ui.timeline;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.SkinBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;

import org.processlab.model.JoinView;
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
 * selection; every fact comes from the control's snapshot and ticks, every colour and size from its CSS
 * properties. Redraws happen when one of those changes (once per pulse at most, as the control is fed).
 *
 * <p>Threading: FX thread only.
 */
public class TimelineSkin extends SkinBase<Timeline> {
    private static final double[] AXIS_STEPS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10,
            15, 30, 60, 120, 300, 600, 1200, 1800, 3600};
    private static final double[] WINDOWS = {0.5, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900,
            1200, 1800, 3600};

    private final Pane plot = new Pane();
    private final Canvas canvas = new Canvas();
    private final ScrollBar scroll = new ScrollBar();
    private final FlowPane legend = new FlowPane();
    private final Tooltip tip = new Tooltip();
    private final Text measure = new Text();
    private final InvalidationListener redraw = o -> draw();
    private Geometry geo;
    private String tipKey;

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
        control.nowProperty().addListener(redraw);
        control.selectedPidProperty().addListener(redraw);
        control.outputRevisionProperty().addListener(redraw);
        control.paletteProperty().addListener(redraw);
        scroll.valueProperty().addListener(redraw);
        for (javafx.beans.Observable p : control.lookProperties()) {
            p.addListener(redraw);
            p.addListener(o -> buildLegend());
        }
        control.getLanes().addListener((InvalidationListener) o -> control.requestLayout());

        canvas.setOnMouseMoved(this::hover);
        canvas.setOnMouseExited(e -> hideTip());
        canvas.setOnMouseClicked(this::click);
        canvas.setOnScroll(this::wheel);
        control.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && control.getSelectedPid() != null) {
                control.setSelectedPid(null);
                e.consume();
            }
        });
        buildLegend();
    }

    // ------------------------------------------------------------------ layout

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double lh = legend.prefHeight(w);
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
        draw();
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return top + bottom + contentHeight() + legend.prefHeight(width);
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return top + bottom + axisHeight() + getSkinnable().getLaneHeight() * 2 + legend.minHeight(width);
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

    // ------------------------------------------------------------------ drawing

    /** Where things are, for drawing and for hit tests. */
    private record Geometry(double width, double height, double axisH, double laneH, double plotLeft, double plotRight,
                            long t0, long viewFrom, double windowSeconds, double scrollY, List<ProcessView> processes) {
        /** The x of time {@code t} (epoch µs). */
        double x(long t) {
            double s = (t - viewFrom) / 1e6;
            return plotLeft + Math.max(0, s) / windowSeconds * (plotRight - plotLeft);
        }

        /** The x of {@code sec} seconds since the run's start. */
        double xOfSeconds(double sec) {
            return x(t0 + Math.round(sec * 1e6));
        }

        /** Seconds since the run's start at the left edge of the plot. */
        double firstSecond() {
            return (viewFrom - t0) / 1e6;
        }

        double laneTop(int i) {
            return axisH + i * laneH - scrollY;
        }

        double barTop(int i) {
            return laneTop(i) + laneH * 0.42;
        }

        double barHeight() {
            return Math.max(6, Math.round(laneH * 0.38));
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
        Timeline t = getSkinnable();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineDashes();
        g.setLineCap(StrokeLineCap.BUTT);
        g.setFill(t.getLaneColor());
        g.fillRect(0, 0, w, h);
        RunSnapshot s = t.getSnapshot();
        double axisH = axisHeight();
        double laneH = t.getLaneHeight();
        double plotLeft = t.getHeaderWidth() + 14;
        double plotRight = Math.max(plotLeft + 40, w - endLabelWidth() - 14);
        if (s == null || s.startedAt() < 0 || s.processes().isEmpty()) {
            geo = null;
            drawAxisBand(g, w, axisH, 0, null);
            g.setFill(t.getMutedTextColor());
            g.setFont(t.getLaneFont());
            g.setTextAlign(TextAlignment.CENTER);
            String hint = s == null || s.status() == RunStatus.NOT_STARTED
                    ? "Press Run: every process of the run gets a lane here."
                    : s.status() == RunStatus.FAILED ? "The run could not start: no process ran." : "Starting…";
            g.fillText(hint, w / 2, axisH + Math.min(h - axisH, laneH * 3) / 2);
            g.setTextAlign(TextAlignment.LEFT);
            return;
        }
        long right = s.horizon();
        boolean live = !s.status().finished();
        if (live && t.nowProperty().get() > right) {
            right = t.nowProperty().get();
        }
        long from = viewFrom(s, right);
        double elapsed = Math.max(0, (right - from) / 1e6);
        double window = live ? niceWindow(elapsed * 1.1) : Math.max(elapsed * 1.04, 0.05);
        geo = new Geometry(w, h, axisH, laneH, plotLeft, plotRight, s.startedAt(), from, window, scroll.getValue(),
                s.processes());

        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < s.processes().size(); i++) {
            row.putIfAbsent(s.processes().get(i).pid(), i);
        }
        g.save();
        g.beginPath();
        g.rect(0, axisH, w, h - axisH);
        g.clip();
        Long selected = t.getSelectedPid();
        double step = axisStep(window, plotRight - plotLeft);
        double firstTick = Math.ceil(geo.firstSecond() / step - 1e-9) * step;
        for (int i = 0; i < s.processes().size(); i++) {
            double y = geo.laneTop(i);
            if (y > h || y + laneH < axisH) {
                continue;
            }
            ProcessView p = s.processes().get(i);
            boolean sel = selected != null && selected == p.pid();
            g.setFill(sel ? t.getSelectionColor() : i % 2 == 1 ? t.getLaneAltColor() : t.getLaneColor());
            g.fillRect(0, y, w, laneH);
        }
        drawGrid(g, axisH, h, firstTick, step);
        for (int i = 0; i < s.processes().size(); i++) {
            double y = geo.laneTop(i);
            if (y > h || y + laneH < axisH) {
                continue;
            }
            ProcessView p = s.processes().get(i);
            TimelineLane lane = i < t.getLanes().size() ? t.getLanes().get(i) : TimelineLane.of(p);
            drawHeader(g, lane, y, laneH, selected != null && selected == p.pid());
            drawBars(g, p, i, right);
            drawTicks(g, p, i);
            if (lane.note() != null && p.orphanedAt() >= 0) {
                drawNote(g, lane.note(), geo.x(p.orphanedAt()), i);
            }
        }
        drawArrows(g, s, row);
        if (live) {
            double x = geo.x(right);
            g.setStroke(t.getNowColor());
            g.setLineWidth(1.5);
            g.setLineDashes(5, 4);
            g.strokeLine(x, axisH, x, h);
            g.setLineDashes();
        }
        g.restore();
        g.setStroke(t.getGridColor());
        g.setLineWidth(1);
        g.strokeLine(t.getHeaderWidth() + 0.5, axisH, t.getHeaderWidth() + 0.5, h);
        drawAxisBand(g, w, axisH, firstTick, step);
    }

    /**
     * Where the plot starts: the run's start, unless the program's first process began well after it (starting
     * Python and the tracer takes a moment); then a little before that process, so the processes fill the width.
     * The axis still counts seconds since Run.
     */
    private static long viewFrom(RunSnapshot s, long right) {
        long first = Long.MAX_VALUE;
        for (ProcessView p : s.processes()) {
            long t = p.startCalledAt() >= 0 ? Math.min(p.startCalledAt(), p.startedAt() >= 0 ? p.startedAt() : Long.MAX_VALUE)
                    : p.startedAt();
            if (t >= 0) {
                first = Math.min(first, t);
            }
        }
        long span = right - s.startedAt();
        if (first == Long.MAX_VALUE || span <= 0 || first - s.startedAt() < span * 0.15) {
            return s.startedAt();
        }
        long pad = Math.max(2_000, (right - first) / 25);
        return Math.max(s.startedAt(), first - pad);
    }

    private void drawAxisBand(GraphicsContext g, double w, double axisH, double firstTick, Double step) {
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
        g.setTextAlign(TextAlignment.CENTER);
        double last = geo.firstSecond() + geo.windowSeconds() + 1e-9;
        for (int k = 0; ; k++) {
            double sec = firstTick + k * step;
            if (sec > last) {
                break;
            }
            double x = geo.xOfSeconds(sec);
            g.setStroke(t.getMutedTextColor());
            g.strokeLine(x + 0.5, axisH - 5, x + 0.5, axisH);
            String label = axisLabel(sec, step);
            g.fillText(label, x, base);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText("seconds since Run", w - 8, base);
        g.setTextAlign(TextAlignment.LEFT);
    }

    private void drawGrid(GraphicsContext g, double top, double bottom, double firstTick, double step) {
        g.setStroke(getSkinnable().getGridColor());
        g.setLineWidth(1);
        double last = geo.firstSecond() + geo.windowSeconds() + 1e-9;
        for (int k = 0; ; k++) {
            double sec = firstTick + k * step;
            if (sec > last) {
                break;
            }
            double x = Math.round(geo.xOfSeconds(sec)) + 0.5;
            g.strokeLine(x, top, x, bottom);
        }
    }

    private void drawHeader(GraphicsContext g, TimelineLane lane, double y, double laneH, boolean selected) {
        Timeline t = getSkinnable();
        ProcessPalette pal = t.paletteProperty().get();
        Color c = pal == null ? t.getTextColor() : pal.colorOf(lane.pid());
        g.setFill(c);
        g.fillRect(0, y + 3, selected ? 7 : 5, laneH - 6);
        double x = 14 + lane.depth() * t.getIndent();
        double maxW = t.getHeaderWidth() - x - 6;
        if (lane.depth() > 0) {
            // a small elbow: this process hangs under its parent
            g.setStroke(t.getGridColor());
            g.setLineWidth(1.5);
            double ex = x - t.getIndent() * 0.6;
            g.strokeLine(ex, y, ex, y + laneH * 0.36);
            g.strokeLine(ex, y + laneH * 0.36, x - 3, y + laneH * 0.36);
        }
        g.setFont(t.getLaneFont());
        g.setFill(c.darker());
        g.fillText(fit(lane.title(), t.getLaneFont(), maxW), x, y + laneH * 0.44);
        g.setFont(t.getSmallFont());
        g.setFill(lane.process().orphan() ? t.getWarningColor() : t.getMutedTextColor());
        g.fillText(fit(lane.detail(), t.getSmallFont(), maxW), x, y + laneH * 0.84);
    }

    private void drawBars(GraphicsContext g, ProcessView p, int i, long right) {
        Timeline t = getSkinnable();
        double top = geo.barTop(i);
        double bh = geo.barHeight();
        double barEnd = -1;
        if (p.startCalledAt() >= 0 && p.startedAt() > p.startCalledAt()) {
            double x0 = geo.x(p.startCalledAt());
            double x1 = geo.x(p.startedAt());
            if (x1 - x0 >= 2) {
                g.setStroke(t.getCreatedColor());
                g.setLineWidth(1.5);
                g.strokeRect(x0 + 0.75, top + 0.75, x1 - x0 - 1.5, bh - 1.5);
            }
        }
        for (Span<LifeState> span : p.states()) {
            double x0 = geo.x(span.from());
            double x1 = geo.x(span.open() ? right : Math.min(span.to(), right));
            if (span.state() == LifeState.ENDED) {
                g.setStroke(t.getEndedColor());
                g.setLineWidth(2);
                g.setLineDashes(2, 5);
                double cy = top + bh / 2;
                g.strokeLine(x0, cy, Math.max(x0, geo.x(right)), cy);
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
                        g.fillText("zombie", x0 + 5, top + bh / 2 + f.getSize() * 0.35);
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
        if (p.endedAt() >= 0 && barEnd >= 0) {
            drawExitLabel(g, p, barEnd, top, bh);
        }
    }

    /** A marker where something happened to the process (orphaned), with its text in a small pill. */
    private void drawNote(GraphicsContext g, String text, double x, int i) {
        Timeline t = getSkinnable();
        Font f = t.getSmallFont();
        double top = geo.laneTop(i) + 2;
        double bottom = geo.barTop(i) + geo.barHeight();
        g.setStroke(t.getWarningColor());
        g.setLineWidth(2);
        g.strokeLine(x, top, x, bottom);
        double tw = textWidth(text, f);
        double lx = Math.min(x + 4, geo.width() - tw - 12);
        double lh = f.getSize() + 4;
        g.setFill(t.getLaneColor());
        g.fillRoundRect(lx, top, tw + 8, lh, 6, 6);
        g.setStroke(t.getWarningColor());
        g.setLineWidth(1);
        g.strokeRoundRect(lx, top, tw + 8, lh, 6, 6);
        g.setFont(f);
        g.setFill(t.getWarningColor());
        g.fillText(text, lx + 4, top + lh / 2 + f.getSize() * 0.35);
    }

    private void drawWaiting(GraphicsContext g, double x, double y, double w, double h) {
        Timeline t = getSkinnable();
        g.setFill(t.getWaitingColor());
        g.fillRect(x, y, w, h);
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.clip();
        g.setStroke(t.getRunningColor());
        g.setLineWidth(1.5);
        for (double k = x - h; k < x + w; k += 7) {
            g.strokeLine(k, y + h, k + h, y);
        }
        g.restore();
        g.setStroke(t.getRunningColor());
        g.setLineWidth(1);
        g.strokeRect(x + 0.5, y + 0.5, Math.max(1, w - 1), h - 1);
    }

    private void drawExitLabel(GraphicsContext g, ProcessView p, double x, double top, double bh) {
        Timeline t = getSkinnable();
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

    private void drawTicks(GraphicsContext g, ProcessView p, int i) {
        Timeline t = getSkinnable();
        OutputTicks.Lane lane = t.getTicks().lane(p.pid());
        if (lane == null) {
            return;
        }
        double top = geo.laneTop(i) + geo.laneH() * 0.06;
        double bottom = geo.barTop(i) - 1;
        g.setLineWidth(2);
        for (int pass = 0; pass < 2; pass++) {
            boolean err = pass == 1;
            g.setStroke(err ? t.getStderrTickColor() : t.getTickColor());
            long[] lastPx = {Long.MIN_VALUE};
            double b = err ? bottom + 1 : bottom;
            // one mark per millisecond that had output, and at most one per pixel column
            lane.forEachMillisecond(err, geo.viewFrom(), tMicros -> {
                long px = Math.round(geo.x(tMicros + 500));
                if (px != lastPx[0]) {
                    lastPx[0] = px;
                    g.strokeLine(px, top, px, b);
                }
            });
        }
    }

    private void drawArrows(GraphicsContext g, RunSnapshot s, Map<Long, Integer> row) {
        Timeline t = getSkinnable();
        double bh = geo.barHeight();
        for (int i = 0; i < s.processes().size(); i++) {
            ProcessView c = s.processes().get(i);
            Integer pr = row.get(c.parent());
            if (pr != null && pr != i && c.startedAt() >= 0) {
                long from = c.startCalledAt() >= 0 ? c.startCalledAt() : c.startedAt();
                double x0 = geo.x(from);
                double x1 = geo.x(c.startedAt());
                double y0 = geo.barTop(pr) + (pr < i ? bh : 0);
                double y1 = geo.barTop(i) + (pr < i ? 0 : bh);
                g.setStroke(t.getArrowColor());
                g.setFill(t.getArrowColor());
                g.setLineWidth(1.6);
                arrow(g, x0, y0, x1, y1);
            }
            for (JoinView j : c.joins()) {
                Integer cr = row.get(j.child());
                if (cr == null || cr == i) {
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

    private void hover(MouseEvent e) {
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
        int best = -1;
        double bestD = 5;
        for (int k = 0; k < lane.size(); k++) {
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

    private void click(MouseEvent e) {
        Timeline t = getSkinnable();
        t.requestFocus();
        if (geo == null) {
            return;
        }
        int i = geo.laneAt(e.getY());
        if (i < 0) {
            return;
        }
        long pid = geo.processes().get(i).pid();
        Long sel = t.getSelectedPid();
        t.setSelectedPid(sel != null && sel == pid ? null : pid);
    }

    private void wheel(ScrollEvent e) {
        if (!scroll.isVisible()) {
            return;
        }
        double v = scroll.getValue() - e.getDeltaY();
        scroll.setValue(Math.max(0, Math.min(scroll.getMax(), v)));
        e.consume();
    }

    // ------------------------------------------------------------------ legend

    private void buildLegend() {
        Timeline t = getSkinnable();
        legend.getChildren().setAll(
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
        int decimals = step < 0.01 ? 3 : step < 0.1 ? 2 : step < 1 ? 1 : 0;
        return String.format(Locale.ROOT, "%." + decimals + "f s", sec);
    }
}
