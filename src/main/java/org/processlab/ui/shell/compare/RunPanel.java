package org.processlab.ui.shell.compare;

import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.processlab.compare.Side;
import org.processlab.export.SavedRun;
import org.processlab.model.OutputLog;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.timeline.Timeline;

/**
 * One run of a comparison: its headline in large text ({@code A  fork · exit 0 · 0.42 s}), its timeline with the
 * comparison's marks over it ({@link LaneMarks}) and the notes column beside it ({@link LaneNotesColumn}). The
 * timeline is as tall as its lanes (the comparison scrolls as a whole, so the two runs' rows stay level with their
 * notes).
 *
 * <p>Threading: FX thread only.
 */
final class RunPanel extends VBox {
    private final Side side;
    private final Timeline timeline = new Timeline();
    private final Label headline = new Label();
    private final LaneMarks marks;
    private final LaneNotesColumn notes;

    RunPanel(Side side) {
        this.side = side;
        Label letter = new Label(side.name());
        letter.getStyleClass().add("compare-side-letter");
        headline.setGraphic(letter);
        headline.getStyleClass().add("compare-headline");
        headline.setId("compareHeadline" + side.name());
        timeline.setId("compareTimeline" + side.name());
        timeline.setMinHeight(Region.USE_PREF_SIZE);
        marks = new LaneMarks(timeline, side);
        notes = new LaneNotesColumn(timeline);
        StackPane plot = new StackPane(timeline, marks);
        HBox row = new HBox(plot, notes);
        HBox.setHgrow(plot, Priority.ALWAYS);
        notes.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().setAll(headline, row);
        getStyleClass().addAll("compare-run", "compare-run-" + side.name().toLowerCase());
    }

    /**
     * Shows {@code run}: its lanes in the comparison's rows ({@code lanes}), coloured row by row in {@code shades}
     * (so a pair has one colour in both runs), its lines as ticks, and what the comparison says about it.
     */
    void show(String text, SavedRun run, RunSnapshot lanes, List<LaneNote> laneNotes, List<OrderMark> orderMarks,
              ProcessPalette.Colours shades) {
        headline.setText(text.substring(side.name().length()).strip());
        ProcessPalette palette = new ProcessPalette().withColours(shades);
        palette.assign(lanes.processes());
        timeline.paletteProperty().set(palette);
        timeline.clearOutput();
        OutputLog out = run.output();
        timeline.setOutputText(n -> n >= 0 && n < out.size() ? out.get(n).text() : "");
        timeline.setSnapshot(lanes);
        timeline.nowProperty().set(-1);
        timeline.addOutput(out.marks(0, out.size()));
        marks.show(lanes.startedAt(), laneNotes, orderMarks);
        notes.show(laneNotes);
    }

    /** The column of notes beside the lanes. */
    LaneNotesColumn notes() {
        return notes;
    }

    /** This run's timeline. */
    Timeline timeline() {
        return timeline;
    }

    /** The headline ({@code fork · exit 0 · 0.42 s}, after the run's letter). */
    Label headline() {
        return headline;
    }
}
