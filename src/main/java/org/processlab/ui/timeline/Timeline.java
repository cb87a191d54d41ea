package org.processlab.ui.timeline;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.timeline.impl.TimelineSkin;

/**
 * A live timeline of one run: one lane per process (main first, children indented under their parent, grandchildren
 * further), a bar per lifecycle span (running, waiting in {@code join()}, zombie, ended), a thin strip under it with
 * the kernel state sampled from {@code /proc} (R, S, D, T, Z) where the OS gives it, the exit code at the end of
 * each bar, arrows from a parent to each child it starts and to each child it joins, and a tick for every line of
 * output (stderr ticks in red). The time axis is seconds from the run's start.
 *
 * <h2>Data</h2>
 * {@link #snapshotProperty()} (replaced once per pulse), {@link #addOutput} (new lines once per pulse),
 * {@link #nowProperty()} (the live clock). Every time is epoch microseconds.
 *
 * <h2>Navigation</h2>
 * <ul>
 *   <li><b>Range</b>: while {@link #followProperty() follow} is on, the view fits the run (and follows "now" while the
 *       run is live). Zooming ({@link #zoom}, Ctrl+wheel, {@code +}/{@code -}) and panning ({@link #pan}, Shift+drag
 *       or a middle/secondary-button drag, the arrow keys) set a {@link #viewRangeProperty() range of one's own} and
 *       turn follow off; {@link #fitAll()} ({@code 0}) turns it on again. {@link #getVisibleRange()} says what is
 *       shown.</li>
 *   <li><b>Cursor</b>: {@link #cursorTimeProperty()}, epoch µs, -1 for none. Once the run has ended, pressing or
 *       dragging on the plot (or the axis) moves it; it is drawn as a vertical line with its time.</li>
 *   <li><b>Replay</b>: while {@link #replayingProperty() replaying}, only what had happened by the cursor is drawn
 *       (spans clipped at the cursor, ticks up to it), so a replay shows the run unfolding.</li>
 * </ul>
 * Selection: {@link #selectedPidProperty()} — clicking a lane's header (or its bar while live) selects its process,
 * clicking it again or pressing Esc clears (null).
 *
 * <h2>Look</h2>
 * The styleable properties below ({@code -pl-lane-height}, {@code -pl-running-color},
 * {@code -pl-kernel-running-color}...), set by {@code timeline.css} beside this class on the style class
 * {@value #STYLE_CLASS}. Every colour is there alone, as an alias of the theme's {@code -color-*} tokens (AtlantaFX),
 * so another theme (dark, high contrast) restyles the timeline without code; a colour property is null until CSS has
 * been applied, and with a theme that lacks the tokens. Sizes are px (in the stylesheet, em of the font size).
 * How it is drawn and answers the mouse is the default skin's ({@code org.processlab.ui.timeline.impl}, not API);
 * its painter draws on a {@link DrawingSurface}.
 *
 * <p>Threading: FX thread only, like every control. Changes are drawn once per pulse, however many arrive.
 */
public class Timeline extends Control {
    /** The control's style class; ours alone (a theme's {@code .timeline} rules cannot reach it). */
    public static final String STYLE_CLASS = "pl-timeline";
    private static final StyleablePropertyFactory<Timeline> CSS = new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final ObjectProperty<RunSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final LongProperty now = new SimpleLongProperty(this, "now", -1);
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private final ReadOnlyIntegerWrapper outputRevision = new ReadOnlyIntegerWrapper(this, "outputRevision");
    private final ObservableList<TimelineLane> lanes = FXCollections.observableArrayList();
    private final ObservableList<TimelineLane> lanesView = FXCollections.unmodifiableObservableList(lanes);
    private final OutputTicks ticks = new OutputTicks();
    private final LongProperty cursorTime = new SimpleLongProperty(this, "cursorTime", -1);
    private final BooleanProperty replaying = new SimpleBooleanProperty(this, "replaying");
    private final BooleanProperty follow = new SimpleBooleanProperty(this, "follow", true);
    private final ObjectProperty<TimeRange> viewRange = new SimpleObjectProperty<>(this, "viewRange");
    private java.util.function.LongConsumer drawTimeListener;

    private final StyleableProperty<Number> laneHeight =
            CSS.createStyleableNumberProperty(this, "laneHeight", "-pl-lane-height", t -> t.laneHeight, 46);
    private final StyleableProperty<Number> headerWidth =
            CSS.createStyleableNumberProperty(this, "headerWidth", "-pl-header-width", t -> t.headerWidth, 230);
    private final StyleableProperty<Number> indent =
            CSS.createStyleableNumberProperty(this, "indent", "-pl-indent", t -> t.indent, 18);
    private final StyleableProperty<Color> runningColor =
            CSS.createStyleableColorProperty(this, "runningColor", "-pl-running-color", t -> t.runningColor, null);
    private final StyleableProperty<Color> waitingColor =
            CSS.createStyleableColorProperty(this, "waitingColor", "-pl-waiting-color", t -> t.waitingColor, null);
    private final StyleableProperty<Color> zombieColor =
            CSS.createStyleableColorProperty(this, "zombieColor", "-pl-zombie-color", t -> t.zombieColor, null);
    private final StyleableProperty<Color> lostColor =
            CSS.createStyleableColorProperty(this, "lostColor", "-pl-lost-color", t -> t.lostColor, null);
    private final StyleableProperty<Color> endedColor =
            CSS.createStyleableColorProperty(this, "endedColor", "-pl-ended-color", t -> t.endedColor, null);
    private final StyleableProperty<Color> createdColor =
            CSS.createStyleableColorProperty(this, "createdColor", "-pl-created-color", t -> t.createdColor, null);
    private final StyleableProperty<Color> errorColor =
            CSS.createStyleableColorProperty(this, "errorColor", "-pl-error-color", t -> t.errorColor, null);
    private final StyleableProperty<Color> tickColor =
            CSS.createStyleableColorProperty(this, "tickColor", "-pl-tick-color", t -> t.tickColor, null);
    private final StyleableProperty<Color> stderrTickColor =
            CSS.createStyleableColorProperty(this, "stderrTickColor", "-pl-stderr-tick-color", t -> t.stderrTickColor, null);
    private final StyleableProperty<Color> arrowColor =
            CSS.createStyleableColorProperty(this, "arrowColor", "-pl-arrow-color", t -> t.arrowColor, null);
    private final StyleableProperty<Color> textColor =
            CSS.createStyleableColorProperty(this, "textColor", "-pl-text-color", t -> t.textColor, null);
    private final StyleableProperty<Color> mutedTextColor =
            CSS.createStyleableColorProperty(this, "mutedTextColor", "-pl-muted-text-color", t -> t.mutedTextColor, null);
    private final StyleableProperty<Color> gridColor =
            CSS.createStyleableColorProperty(this, "gridColor", "-pl-grid-color", t -> t.gridColor, null);
    private final StyleableProperty<Color> laneColor =
            CSS.createStyleableColorProperty(this, "laneColor", "-pl-lane-color", t -> t.laneColor, null);
    private final StyleableProperty<Color> laneAltColor =
            CSS.createStyleableColorProperty(this, "laneAltColor", "-pl-lane-alt-color", t -> t.laneAltColor, null);
    private final StyleableProperty<Color> selectionColor =
            CSS.createStyleableColorProperty(this, "selectionColor", "-pl-selection-color", t -> t.selectionColor, null);
    private final StyleableProperty<Color> warningColor =
            CSS.createStyleableColorProperty(this, "warningColor", "-pl-warning-color", t -> t.warningColor, null);
    private final StyleableProperty<Color> nowColor =
            CSS.createStyleableColorProperty(this, "nowColor", "-pl-now-color", t -> t.nowColor, null);
    private final StyleableProperty<Color> cursorColor =
            CSS.createStyleableColorProperty(this, "cursorColor", "-pl-cursor-color", t -> t.cursorColor, null);
    private final StyleableProperty<Color> noteColor =
            CSS.createStyleableColorProperty(this, "noteColor", "-pl-note-color", t -> t.noteColor, null);
    private final StyleableProperty<Color> emphasisTextColor =
            CSS.createStyleableColorProperty(this, "emphasisTextColor", "-pl-emphasis-text-color", t -> t.emphasisTextColor, null);
    private final StyleableProperty<Color> joinArrowColor =
            CSS.createStyleableColorProperty(this, "joinArrowColor", "-pl-join-arrow-color", t -> t.joinArrowColor, null);
    private final StyleableProperty<Color> treeLineColor =
            CSS.createStyleableColorProperty(this, "treeLineColor", "-pl-tree-line-color", t -> t.treeLineColor, null);
    private final StyleableProperty<Color> kernelRunningColor =
            CSS.createStyleableColorProperty(this, "kernelRunningColor", "-pl-kernel-running-color", t -> t.kernelRunningColor, null);
    private final StyleableProperty<Color> kernelSleepingColor =
            CSS.createStyleableColorProperty(this, "kernelSleepingColor", "-pl-kernel-sleeping-color", t -> t.kernelSleepingColor, null);
    private final StyleableProperty<Color> kernelDiskWaitColor =
            CSS.createStyleableColorProperty(this, "kernelDiskWaitColor", "-pl-kernel-disk-wait-color", t -> t.kernelDiskWaitColor, null);
    private final StyleableProperty<Color> kernelStoppedColor =
            CSS.createStyleableColorProperty(this, "kernelStoppedColor", "-pl-kernel-stopped-color", t -> t.kernelStoppedColor, null);
    private final StyleableProperty<Color> kernelZombieColor =
            CSS.createStyleableColorProperty(this, "kernelZombieColor", "-pl-kernel-zombie-color", t -> t.kernelZombieColor, null);
    private final StyleableProperty<Font> laneFont =
            CSS.createStyleableFontProperty(this, "laneFont", "-pl-lane-font", t -> t.laneFont, Font.font("System", FontWeight.BOLD, 15));
    private final StyleableProperty<Font> smallFont =
            CSS.createStyleableFontProperty(this, "smallFont", "-pl-small-font", t -> t.smallFont, Font.font("System", 12.5));

    /** An empty timeline. */
    public Timeline() {
        getStyleClass().add(STYLE_CLASS);
        setFocusTraversable(true);
        snapshot.addListener((o, a, b) -> rebuildLanes(b));
        follow.addListener((o, a, on) -> {
            if (on) {
                viewRange.set(null);
            } else if (viewRange.get() == null) {
                TimeRange r = getVisibleRange();
                if (r != null) {
                    viewRange.set(r);
                }
            }
        });
        viewRange.addListener((o, a, b) -> {
            if (b != null && follow.get()) {
                follow.set(false);
            }
        });
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new TimelineSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return Timeline.class.getResource("timeline.css").toExternalForm();
    }

    /** The CSS properties of this class: those of {@link Control} and the {@code -pl-...} ones. */
    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    // ------------------------------------------------------------------ data

    /** The run as drawn; null draws an empty timeline with a hint. */
    public final ObjectProperty<RunSnapshot> snapshotProperty() {
        return snapshot;
    }

    public final RunSnapshot getSnapshot() {
        return snapshot.get();
    }

    public final void setSnapshot(RunSnapshot s) {
        snapshot.set(s);
    }

    /** The live clock (epoch µs): the right edge while the run is live; -1 to use the snapshot's own time. */
    public final LongProperty nowProperty() {
        return now;
    }

    /** The PID of the selected process, or null. */
    public final ObjectProperty<Long> selectedPidProperty() {
        return selectedPid;
    }

    public final Long getSelectedPid() {
        return selectedPid.get();
    }

    public final void setSelectedPid(Long pid) {
        selectedPid.set(pid);
    }

    /** The per-process colours, shared with the other views of the run. */
    public final ObjectProperty<ProcessPalette> paletteProperty() {
        return palette;
    }

    /**
     * The lanes as drawn now, one per process of the snapshot, in its order. Read-only. The list changes only when
     * what the lanes say changes (a process appears, is renamed, orphaned...); a lane's {@code process()} is the
     * process as of that change (the skin draws each process from the snapshot itself).
     */
    public final ObservableList<TimelineLane> getLanes() {
        return lanesView;
    }

    /**
     * Adds output lines as ticks (call once per pulse with the pulse's new lines); the first is line number
     * {@code firstLine} of the run's output log, the others follow it.
     */
    public final void addOutput(int firstLine, List<OutputLine> lines) {
        if (!lines.isEmpty()) {
            ticks.addAll(firstLine, lines);
            outputRevision.set(outputRevision.get() + 1);
        }
    }

    /** Adds ticks for lines known by their marks only (a flood's lines that no view shows as text). */
    public final void addOutput(org.processlab.model.LineMarks marks) {
        if (marks.size() > 0) {
            ticks.addAll(marks);
            outputRevision.set(outputRevision.get() + 1);
        }
    }

    /** Where tick tooltips read a line's text by its number (the run's output log); any thread-safe function. */
    public final void setOutputText(java.util.function.IntFunction<String> textOfLine) {
        ticks.setTextSource(textOfLine);
    }

    /** Forgets every tick (a new run). */
    public final void clearOutput() {
        ticks.clear();
        outputRevision.set(outputRevision.get() + 1);
    }

    /** The ticks drawn. */
    public final OutputTicks getTicks() {
        return ticks;
    }

    /** Grows each time ticks are added or cleared (the skin redraws). */
    public final ReadOnlyIntegerProperty outputRevisionProperty() {
        return outputRevision.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ time navigation

    /** The time cursor, epoch µs; -1 for none (the views show the end of the run, or now). */
    public final LongProperty cursorTimeProperty() {
        return cursorTime;
    }

    public final long getCursorTime() {
        return cursorTime.get();
    }

    public final void setCursorTime(long t) {
        cursorTime.set(t);
    }

    /** True while a replay shows the run unfolding: only what had happened by the cursor is drawn. */
    public final BooleanProperty replayingProperty() {
        return replaying;
    }

    /**
     * True (the default) while the view fits the run by itself: the whole run once it has ended, and up to "now"
     * while it is live. Zooming or panning turns it off; turning it on forgets the range of one's own.
     */
    public final BooleanProperty followProperty() {
        return follow;
    }

    /** The range chosen by zooming or panning (epoch µs), or null while the view {@link #followProperty() follows}. */
    public final ObjectProperty<TimeRange> viewRangeProperty() {
        return viewRange;
    }

    /**
     * What the plot shows now, epoch µs: the {@link #viewRangeProperty() chosen range}, or the fitted one; null
     * while there is no run to show.
     */
    public final TimeRange getVisibleRange() {
        TimeRange chosen = viewRange.get();
        if (chosen != null) {
            return chosen;
        }
        return fittedRange();
    }

    /** The range that shows the whole run (up to now while it is live), or null without a run. */
    public final TimeRange fittedRange() {
        RunSnapshot s = snapshot.get();
        if (s == null || s.startedAt() < 0 || s.processes().isEmpty()) {
            return null;
        }
        long right = liveRight(s);
        boolean live = !s.status().finished();
        long from = org.processlab.ui.fx.RunTimes.firstActivity(s, right);
        double elapsed = Math.max(0, (right - from) / 1e6);
        double window = live ? niceWindow(elapsed * 1.1) : Math.max(elapsed * 1.04, 0.05);
        return new TimeRange(from, from + Math.max(1, Math.round(window * 1e6)));
    }

    /** The windows a live run is shown in, seconds: the view grows in these steps, not every frame. */
    private static final double[] WINDOWS = {0.5, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 900,
            1200, 1800, 3600};

    /** The window (seconds) a live run of {@code seconds} is shown in: the next of a few round lengths. */
    private static double niceWindow(double seconds) {
        for (double w : WINDOWS) {
            if (w >= seconds) {
                return w;
            }
        }
        return Math.ceil(seconds / 3600) * 3600;
    }

    /**
     * The right edge of the run's data, epoch µs: the run's end (its horizon), or now while it is live; -1 without a
     * run.
     */
    public final long liveEdge() {
        RunSnapshot s = snapshot.get();
        return s == null ? -1 : liveRight(s);
    }

    /** The right edge of the data: the run's end, or now while it is live. */
    private long liveRight(RunSnapshot s) {
        long right = s.horizon();
        if (!s.status().finished() && now.get() > right) {
            right = now.get();
        }
        return right;
    }

    /** The shortest range zooming in reaches: 200 µs. */
    public static final long MIN_SPAN = 200;

    /**
     * Zooms by {@code factor} (above 1: in, below 1: out) keeping time {@code around} (epoch µs) where it is on the
     * screen; turns follow off.
     */
    public final void zoom(double factor, long around) {
        TimeRange r = getVisibleRange();
        if (r == null || factor <= 0) {
            return;
        }
        long max = maxSpan();
        long span = Math.max(MIN_SPAN, Math.min(max, Math.round(r.span() / factor)));
        if (span == r.span()) {
            return;
        }
        double at = Math.max(0, Math.min(1, (around - r.from()) / (double) r.span()));
        long from = around - Math.round(at * span);
        setRange(new TimeRange(from, from + span));
    }

    /** Zooms in (×1.5) around the cursor if it is in view, else around the middle. */
    public final void zoomIn() {
        zoom(1.5, zoomCentre());
    }

    /** Zooms out (÷1.5) around the cursor if it is in view, else around the middle. */
    public final void zoomOut() {
        zoom(1 / 1.5, zoomCentre());
    }

    private long zoomCentre() {
        TimeRange r = getVisibleRange();
        long c = cursorTime.get();
        return c >= 0 && r != null && r.contains(c) ? c : r == null ? 0 : r.middle();
    }

    /** Moves the view by {@code fraction} of its width (negative: towards the start); turns follow off. */
    public final void pan(double fraction) {
        TimeRange r = getVisibleRange();
        if (r != null) {
            setRange(r.shift(Math.round(r.span() * fraction)));
        }
    }

    /** Shows {@code r} (epoch µs), within the limits of zooming; turns follow off. */
    public final void showRange(TimeRange r) {
        if (r != null) {
            long span = Math.max(MIN_SPAN, Math.min(maxSpan(), r.span()));
            long mid = r.middle();
            setRange(new TimeRange(mid - span / 2, mid - span / 2 + span));
        }
    }

    /** Fits the whole run (up to now while it is live) and follows it from then on. */
    public final void fitAll() {
        follow.set(true);
        viewRange.set(null);
    }

    private void setRange(TimeRange r) {
        RunSnapshot s = snapshot.get();
        if (s != null && s.startedAt() >= 0) {
            // keep some of the run in view: never pan entirely past its start or its end
            long lo = s.startedAt() - r.span() * 9 / 10;
            long hi = liveRight(s) - r.span() / 10;
            if (r.from() < lo) {
                r = r.shift(lo - r.from());
            } else if (r.from() > hi) {
                r = r.shift(hi - r.from());
            }
        }
        viewRange.set(r);
    }

    private long maxSpan() {
        RunSnapshot s = snapshot.get();
        long run = s == null || s.startedAt() < 0 ? 0 : liveRight(s) - s.startedAt();
        return Math.max(10_000_000L, run * 4);
    }

    /**
     * The x (in this control's coordinates) where time {@code t} (epoch µs) is drawn, or NaN when nothing has been
     * drawn yet. For tests and tools that point at a moment.
     */
    public final double xOfTime(long t) {
        return getSkin() instanceof TimelineSkin k ? k.xOfTime(t) : Double.NaN;
    }

    /**
     * The y (in this control's coordinates) of the top of lane {@code i} (its row in the snapshot's order; one lane
     * is {@link #getLaneHeight()} high), scrolled as drawn, or NaN when nothing has been drawn yet. For views that
     * put something beside a lane (a comparison's notes), as {@link #xOfTime} is for a moment.
     */
    public final double yOfLane(int i) {
        return getSkin() instanceof TimelineSkin k ? k.yOfLane(i) : Double.NaN;
    }

    /**
     * Draws pending changes now rather than at the next pulse (before taking a snapshot of this node). Call after
     * {@code applyCss()} and {@code layout()}.
     */
    public final void redrawNow() {
        if (getSkin() instanceof TimelineSkin k) {
            k.paintNow();
        }
    }

    /**
     * Writes the timeline as an SVG picture (a vector picture for slides) on {@code out}, drawn by the painters of
     * the screen through an {@link SvgSurface}, so it shows what the screen shows: the same width, range (zoom and
     * pan), time cursor, replay, selection and colours (the current theme's); but every lane, not scrolled, and the
     * legend under them. The stream is flushed, not closed. FX thread, while the timeline is shown (it has its skin
     * and has been laid out).
     *
     * @throws IOException           when {@code out} cannot be written
     * @throws IllegalStateException when the timeline has no skin (it was never shown)
     */
    public final void writeSvg(OutputStream out) throws IOException {
        if (!(getSkin() instanceof TimelineSkin k)) {
            throw new IllegalStateException("the timeline is not shown");
        }
        k.writeSvg(out);
    }

    /**
     * Returns what {@code picture} makes (a snapshot, at {@code scale} times its size, of this timeline or a node
     * holding it) while the lanes are drawn with {@code scale} times as many pixels, so that they are as sharp in the
     * picture as its text (a canvas is a grid of pixels: a snapshot at a scale would only stretch them). The lanes are
     * drawn as before again before this returns, so the screen never shows the difference. FX thread, after layout.
     */
    public final <T> T drawnAt(double scale, Supplier<T> picture) {
        return getSkin() instanceof TimelineSkin k ? k.drawnAt(scale, picture) : picture.get();
    }

    /** For benchmarks: told how long each redraw took, in nanoseconds (null for no one). FX thread. */
    public final void setDrawTimeListener(java.util.function.LongConsumer listener) {
        drawTimeListener = listener;
    }

    /** The listener told how long each redraw took, or null. */
    public final java.util.function.LongConsumer getDrawTimeListener() {
        return drawTimeListener;
    }

    private void rebuildLanes(RunSnapshot s) {
        List<TimelineLane> l = new ArrayList<>();
        if (s != null) {
            for (ProcessView p : s.processes()) {
                l.add(TimelineLane.of(p, s.supervisorPid()));
            }
        }
        // Only a change a person sees (a lane added, renamed, re-parented, orphaned) replaces the lanes: the
        // processes' own facts change every pulse of a live run, and the skin reads them from the snapshot.
        if (l.size() != lanes.size() || !sameTexts(l, lanes)) {
            lanes.setAll(l);
        }
    }

    private static boolean sameTexts(List<TimelineLane> a, List<TimelineLane> b) {
        for (int i = 0; i < a.size(); i++) {
            TimelineLane x = a.get(i);
            TimelineLane y = b.get(i);
            if (x.pid() != y.pid() || x.depth() != y.depth() || !x.title().equals(y.title())
                    || !x.detail().equals(y.detail()) || !java.util.Objects.equals(x.note(), y.note())) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ look (CSS)

    /** Height of one lane in pixels ({@code -pl-lane-height}). */
    public final double getLaneHeight() {
        return laneHeight.getValue().doubleValue();
    }

    /** Width of the lane headers in pixels ({@code -pl-header-width}). */
    public final double getHeaderWidth() {
        return headerWidth.getValue().doubleValue();
    }

    /** Indent per tree level in the headers, pixels ({@code -pl-indent}). */
    public final double getIndent() {
        return indent.getValue().doubleValue();
    }

    /** Bars while running ({@code -pl-running-color}). */
    public final Color getRunningColor() {
        return runningColor.getValue();
    }

    /** Bars while waiting in join(), drawn hatched ({@code -pl-waiting-color}). */
    public final Color getWaitingColor() {
        return waitingColor.getValue();
    }

    /** Bars while a zombie: exited, not reaped ({@code -pl-zombie-color}). */
    public final Color getZombieColor() {
        return zombieColor.getValue();
    }

    /**
     * A process lost from view: the dashed outline and the "?" marks of its band after ProcessLab's supervisor was
     * gone, and its lane's detail text ({@code -pl-lost-color}).
     */
    public final Color getLostColor() {
        return lostColor.getValue();
    }

    /** The thin line after the end ({@code -pl-ended-color}). */
    public final Color getEndedColor() {
        return endedColor.getValue();
    }

    /** Outline of a created, not yet started process ({@code -pl-created-color}). */
    public final Color getCreatedColor() {
        return createdColor.getValue();
    }

    /** Non-zero exit codes ({@code -pl-error-color}). */
    public final Color getErrorColor() {
        return errorColor.getValue();
    }

    /** stdout ticks ({@code -pl-tick-color}). */
    public final Color getTickColor() {
        return tickColor.getValue();
    }

    /** stderr ticks ({@code -pl-stderr-tick-color}). */
    public final Color getStderrTickColor() {
        return stderrTickColor.getValue();
    }

    /** Start arrows ({@code -pl-arrow-color}). */
    public final Color getArrowColor() {
        return arrowColor.getValue();
    }

    /** Text ({@code -pl-text-color}). */
    public final Color getTextColor() {
        return textColor.getValue();
    }

    /** Secondary text ({@code -pl-muted-text-color}). */
    public final Color getMutedTextColor() {
        return mutedTextColor.getValue();
    }

    /** Grid lines ({@code -pl-grid-color}). */
    public final Color getGridColor() {
        return gridColor.getValue();
    }

    /** Lane background ({@code -pl-lane-color}). */
    public final Color getLaneColor() {
        return laneColor.getValue();
    }

    /** Every other lane's background ({@code -pl-lane-alt-color}). */
    public final Color getLaneAltColor() {
        return laneAltColor.getValue();
    }

    /** The selected lane's background ({@code -pl-selection-color}). */
    public final Color getSelectionColor() {
        return selectionColor.getValue();
    }

    /** Orphan notes ({@code -pl-warning-color}). */
    public final Color getWarningColor() {
        return warningColor.getValue();
    }

    /** The background of a note on a lane, e.g. "orphan → adopted by..." ({@code -pl-note-color}). */
    public final Color getNoteColor() {
        return noteColor.getValue();
    }

    /** Text on a strong colour: a zombie's bar, the time cursor's badge ({@code -pl-emphasis-text-color}). */
    public final Color getEmphasisTextColor() {
        return emphasisTextColor.getValue();
    }

    /** Join arrows, dashed ({@code -pl-join-arrow-color}). */
    public final Color getJoinArrowColor() {
        return joinArrowColor.getValue();
    }

    /** The small elbow that hangs a child's header under its parent's ({@code -pl-tree-line-color}). */
    public final Color getTreeLineColor() {
        return treeLineColor.getValue();
    }

    /** The "now" line of a live run ({@code -pl-now-color}). */
    public final Color getNowColor() {
        return nowColor.getValue();
    }

    /** The time cursor and its label ({@code -pl-cursor-color}). */
    public final Color getCursorColor() {
        return cursorColor.getValue();
    }

    /** The kernel-state strip where the kernel says R, running or runnable ({@code -pl-kernel-running-color}). */
    public final Color getKernelRunningColor() {
        return kernelRunningColor.getValue();
    }

    /** The kernel-state strip where the kernel says S, sleeping ({@code -pl-kernel-sleeping-color}). */
    public final Color getKernelSleepingColor() {
        return kernelSleepingColor.getValue();
    }

    /** The kernel-state strip where the kernel says D, waiting for the disk ({@code -pl-kernel-disk-wait-color}). */
    public final Color getKernelDiskWaitColor() {
        return kernelDiskWaitColor.getValue();
    }

    /** The kernel-state strip where the kernel says T, stopped ({@code -pl-kernel-stopped-color}). */
    public final Color getKernelStoppedColor() {
        return kernelStoppedColor.getValue();
    }

    /** The kernel-state strip where the kernel says Z, zombie ({@code -pl-kernel-zombie-color}). */
    public final Color getKernelZombieColor() {
        return kernelZombieColor.getValue();
    }

    /** Lane titles ({@code -pl-lane-font}). */
    public final Font getLaneFont() {
        return laneFont.getValue();
    }

    /** PIDs, axis labels, exit codes ({@code -pl-small-font}). */
    public final Font getSmallFont() {
        return smallFont.getValue();
    }
}
