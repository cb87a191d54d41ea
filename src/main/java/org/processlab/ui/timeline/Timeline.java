package org.processlab.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
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

/**
 * A live timeline of one run: one lane per process (main first, children indented under their parent), a bar
 * per lifecycle span (running, waiting in {@code join()}, zombie, ended), the exit code at the end of each bar,
 * arrows from a parent to each child it starts and to each child it joins, and a tick for every line of
 * output (stderr ticks in red). The time axis is seconds from the run's start; while the run is live the right
 * edge follows {@link #nowProperty() now}.
 *
 * <p>Data: {@link #snapshotProperty()} (replaced once per pulse), {@link #addOutput} (new lines once per pulse),
 * {@link #nowProperty()} (epoch microseconds). Selection: {@link #selectedPidProperty()} — clicking a lane selects
 * its process, clicking it again or pressing Esc clears (null). Look: {@code timeline.css} beside this class
 * and the styleable properties below ({@code -pl-lane-height}, {@code -pl-running-color}...).
 *
 * <p>Threading: FX thread only, like every control.
 */
public class Timeline extends Control {
    private static final StyleablePropertyFactory<Timeline> CSS = new StyleablePropertyFactory<>(Control.getClassCssMetaData());

    private final ObjectProperty<RunSnapshot> snapshot = new SimpleObjectProperty<>(this, "snapshot");
    private final LongProperty now = new SimpleLongProperty(this, "now", -1);
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private final ReadOnlyIntegerWrapper outputRevision = new ReadOnlyIntegerWrapper(this, "outputRevision");
    private final ObservableList<TimelineLane> lanes = FXCollections.observableArrayList();
    private final ObservableList<TimelineLane> lanesView = FXCollections.unmodifiableObservableList(lanes);
    private final OutputTicks ticks = new OutputTicks();

    private final StyleableProperty<Number> laneHeight =
            CSS.createStyleableNumberProperty(this, "laneHeight", "-pl-lane-height", t -> t.laneHeight, 46);
    private final StyleableProperty<Number> headerWidth =
            CSS.createStyleableNumberProperty(this, "headerWidth", "-pl-header-width", t -> t.headerWidth, 230);
    private final StyleableProperty<Number> indent =
            CSS.createStyleableNumberProperty(this, "indent", "-pl-indent", t -> t.indent, 18);
    private final StyleableProperty<Color> runningColor =
            CSS.createStyleableColorProperty(this, "runningColor", "-pl-running-color", t -> t.runningColor, Color.web("#218bff"));
    private final StyleableProperty<Color> waitingColor =
            CSS.createStyleableColorProperty(this, "waitingColor", "-pl-waiting-color", t -> t.waitingColor, Color.web("#b6e3ff"));
    private final StyleableProperty<Color> zombieColor =
            CSS.createStyleableColorProperty(this, "zombieColor", "-pl-zombie-color", t -> t.zombieColor, Color.web("#a0656e"));
    private final StyleableProperty<Color> endedColor =
            CSS.createStyleableColorProperty(this, "endedColor", "-pl-ended-color", t -> t.endedColor, Color.web("#8c959f"));
    private final StyleableProperty<Color> createdColor =
            CSS.createStyleableColorProperty(this, "createdColor", "-pl-created-color", t -> t.createdColor, Color.web("#d0d7de"));
    private final StyleableProperty<Color> errorColor =
            CSS.createStyleableColorProperty(this, "errorColor", "-pl-error-color", t -> t.errorColor, Color.web("#cf222e"));
    private final StyleableProperty<Color> tickColor =
            CSS.createStyleableColorProperty(this, "tickColor", "-pl-tick-color", t -> t.tickColor, Color.web("#24292f"));
    private final StyleableProperty<Color> stderrTickColor =
            CSS.createStyleableColorProperty(this, "stderrTickColor", "-pl-stderr-tick-color", t -> t.stderrTickColor, Color.web("#e5534b"));
    private final StyleableProperty<Color> arrowColor =
            CSS.createStyleableColorProperty(this, "arrowColor", "-pl-arrow-color", t -> t.arrowColor, Color.web("#57606a"));
    private final StyleableProperty<Color> textColor =
            CSS.createStyleableColorProperty(this, "textColor", "-pl-text-color", t -> t.textColor, Color.web("#1f2328"));
    private final StyleableProperty<Color> mutedTextColor =
            CSS.createStyleableColorProperty(this, "mutedTextColor", "-pl-muted-text-color", t -> t.mutedTextColor, Color.web("#57606a"));
    private final StyleableProperty<Color> gridColor =
            CSS.createStyleableColorProperty(this, "gridColor", "-pl-grid-color", t -> t.gridColor, Color.web("#d8dee4"));
    private final StyleableProperty<Color> laneColor =
            CSS.createStyleableColorProperty(this, "laneColor", "-pl-lane-color", t -> t.laneColor, Color.WHITE);
    private final StyleableProperty<Color> laneAltColor =
            CSS.createStyleableColorProperty(this, "laneAltColor", "-pl-lane-alt-color", t -> t.laneAltColor, Color.web("#f6f8fa"));
    private final StyleableProperty<Color> selectionColor =
            CSS.createStyleableColorProperty(this, "selectionColor", "-pl-selection-color", t -> t.selectionColor, Color.web("#ddf4ff"));
    private final StyleableProperty<Color> warningColor =
            CSS.createStyleableColorProperty(this, "warningColor", "-pl-warning-color", t -> t.warningColor, Color.web("#9a6700"));
    private final StyleableProperty<Color> nowColor =
            CSS.createStyleableColorProperty(this, "nowColor", "-pl-now-color", t -> t.nowColor, Color.web("#bf8700"));
    private final StyleableProperty<Font> laneFont =
            CSS.createStyleableFontProperty(this, "laneFont", "-pl-lane-font", t -> t.laneFont, Font.font("System", FontWeight.BOLD, 15));
    private final StyleableProperty<Font> smallFont =
            CSS.createStyleableFontProperty(this, "smallFont", "-pl-small-font", t -> t.smallFont, Font.font("System", 12.5));

    /** An empty timeline. */
    public Timeline() {
        getStyleClass().add("timeline");
        setFocusTraversable(true);
        snapshot.addListener((o, a, b) -> rebuildLanes(b));
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

    /** The lanes as drawn now, one per process of the snapshot, in its order. Read-only. */
    public final ObservableList<TimelineLane> getLanes() {
        return lanesView;
    }

    /** Adds output lines as ticks (call once per pulse with the pulse's new lines). */
    public final void addOutput(List<OutputLine> lines) {
        if (!lines.isEmpty()) {
            ticks.addAll(lines);
            outputRevision.set(outputRevision.get() + 1);
        }
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

    private void rebuildLanes(RunSnapshot s) {
        List<TimelineLane> l = new ArrayList<>();
        if (s != null) {
            for (ProcessView p : s.processes()) {
                l.add(TimelineLane.of(p));
            }
        }
        if (!l.equals(lanes)) {
            lanes.setAll(l);
        }
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

    /** Start and join arrows ({@code -pl-arrow-color}). */
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

    /** The "now" line of a live run ({@code -pl-now-color}). */
    public final Color getNowColor() {
        return nowColor.getValue();
    }

    /** Lane titles ({@code -pl-lane-font}). */
    public final Font getLaneFont() {
        return laneFont.getValue();
    }

    /** PIDs, axis labels, exit codes ({@code -pl-small-font}). */
    public final Font getSmallFont() {
        return smallFont.getValue();
    }

    /** All look properties, for a skin that redraws when any of them changes. */
    final List<javafx.beans.Observable> lookProperties() {
        List<javafx.beans.Observable> l = new ArrayList<>();
        for (StyleableProperty<?> p : List.of(laneHeight, headerWidth, indent, runningColor, waitingColor, zombieColor,
                endedColor, createdColor, errorColor, tickColor, stderrTickColor, arrowColor, textColor, mutedTextColor,
                gridColor, laneColor, laneAltColor, selectionColor, warningColor, nowColor, laneFont, smallFont)) {
            l.add((javafx.beans.Observable) p);
        }
        return l;
    }
}
