package org.processlab.ui.shell.views;

import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;

import org.processlab.model.OutputLog;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.console.ConsoleView;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.processes.ProcessTableView;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * The three live views of a run — the timeline, the process table and the console — drawing one
 * {@link RunViewsModel}. A frame reaches them by one route, {@link #show(RunFrame)} (the same as the model's
 * {@link RunViewsModel#show}): the model brings the table's rows and the console's lines up to date, then these views
 * draw the frame ({@link #draw}). The window's views and the warm-up rehearsal's ({@link RunViewsRehearsal}) are both
 * made here, so the rehearsal runs the very code a run runs.
 *
 * <p>The views share the model's colours, selected process and time cursor; a replay in a zoomed timeline pans along
 * with the cursor.
 *
 * <p>Threading: FX thread only; every field is written there.
 */
public final class RunViews {
    private final RunViewsModel model;
    private final Timeline timeline = new Timeline();
    private final ProcessTableView table;
    private final ConsoleView console;
    /** The output log whose texts the timeline's tick tooltips read (a new one with each run). */
    private OutputLog tickTexts;

    /** Views over {@code model}. */
    public RunViews(RunViewsModel model) {
        this.model = model;
        table = new ProcessTableView(model.table());
        console = new ConsoleView(model.console());
        timeline.paletteProperty().bind(model.paletteProperty());
        table.paletteProperty().bind(model.paletteProperty());
        console.paletteProperty().bind(model.paletteProperty());
        timeline.selectedPidProperty().bindBidirectional(model.selectedPidProperty());
        table.selectedPidProperty().bindBidirectional(model.selectedPidProperty());
        timeline.cursorTimeProperty().bindBidirectional(model.cursorTimeProperty());
        timeline.replayingProperty().bind(model.replay().activeProperty());
        table.setOnBackToEnd(model::backToEndOfRun);
        model.cursorTimeProperty().addListener((o, a, b) -> keepCursorInView(b.longValue()));
        model.frameProperty().addListener((o, a, f) -> draw(f));
    }

    /** Shows frame {@code f} in the three views (the model first, then the drawing). */
    public void show(RunFrame f) {
        model.show(f);
    }

    /** Empties the three views (a new run, or none). */
    public void reset() {
        model.clear();
    }

    /** The frame the model was just shown, or null when it was emptied. */
    private void draw(RunFrame f) {
        if (f == null) {
            timeline.setSnapshot(null);
            timeline.clearOutput();
            timeline.fitAll();
            tickTexts = null;
            return;
        }
        if (f.output() != tickTexts) {
            OutputLog log = f.output();
            tickTexts = log;
            timeline.setOutputText(n -> n >= 0 && n < log.size() ? log.get(n).text() : "");
        }
        timeline.nowProperty().set(f.nowMicros());
        // a tick for every line, also those a flood kept out of the console (ticks are drawn, not nodes)
        timeline.addOutput(f.skippedMarks());
        timeline.addOutput(f.firstLine(), f.newLines());
        if (f.changed()) {
            timeline.setSnapshot(f.snapshot());
        }
        // The lists lay out their cells now, before this pulse's CSS pass. A cell that changes its index or its
        // look while being laid out asks for CSS up to the scene's root; after the CSS pass, that left the root on
        // JavaFX's dirty list for the next pulse, whose repaint then had no dirty region and painted the whole
        // window (one extra full repaint per frame: -Djavafx.pulseLogger=true, FxBench).
        table.table().layout();
        console.list().layout();
    }

    /** While a replay plays in a zoomed timeline, the visible range follows the cursor. */
    private void keepCursorInView(long cursor) {
        if (cursor < 0 || !model.replay().playingProperty().get() || timeline.followProperty().get()) {
            return;
        }
        TimeRange r = timeline.getVisibleRange();
        if (r != null && !r.contains(cursor)) {
            timeline.showRange(r.shift(cursor - r.from() - r.span() / 10));
        }
    }

    /**
     * Makes the table's and the console's own cells before the first run: they show {@code rows} and {@code lines}
     * (a rehearsal's), are laid out, and get their own items back, all in this one FX task, so no frame ever shows
     * them. The lists keep the cells they made and reuse them for the first run's rows (as they do from one run to
     * the next), instead of making them in the run's first frames (FxBench: 70–80 ms of FX thread CPU in one frame).
     */
    public void primeCells(List<ProcessRow> rows, List<ConsoleRow> lines) {
        TableView<ProcessRow> t = table.table();
        ObservableList<ProcessRow> ownRows = t.getItems();
        ListView<ConsoleRow> c = console.list();
        ObservableList<ConsoleRow> ownLines = c.getItems();
        t.setItems(FXCollections.observableArrayList(rows));
        c.setItems(FXCollections.observableArrayList(lines));
        t.applyCss();
        t.layout();
        c.applyCss();
        c.layout();
        t.setItems(ownRows);
        c.setItems(ownLines);
        t.layout();
        c.layout();
    }

    /** Sizes the table's columns for text of {@code px} pixels per em. */
    public void setEm(double px) {
        table.setEm(px);
    }

    /** The model these views draw. */
    public RunViewsModel model() {
        return model;
    }

    /** The timeline control. */
    public Timeline timeline() {
        return timeline;
    }

    /** The process table view. */
    public ProcessTableView table() {
        return table;
    }

    /** The console view. */
    public ConsoleView console() {
        return console;
    }
}
