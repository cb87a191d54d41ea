package org.processlab.ui.shell.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import org.processlab.ui.timeline.Timeline;

/**
 * The column right of a run's timeline that says, level with each lane, what differs about it: {@code only in B},
 * {@code exit 1 (A: 0)}, {@code 1.5× as long} (as in A). Both runs' columns are as wide (the view binds them), so
 * the two timelines are as wide and their time axes line up. Laid out again whenever the timeline's lanes
 * move ({@link Timeline#yOfLane}).
 *
 * <p>Threading: FX thread only.
 */
final class LaneNotesColumn extends Pane {
    private final Timeline timeline;
    private final List<Integer> rows = new ArrayList<>();
    /** The other run's column, whose width this one also takes (null: none). */
    private LaneNotesColumn partner;

    LaneNotesColumn(Timeline timeline) {
        this.timeline = timeline;
        getStyleClass().add("compare-notes");
        timeline.heightProperty().addListener(o -> requestLayout());
        timeline.snapshotProperty().addListener(o -> requestLayout());
    }

    /** Makes this column and {@code other} as wide as the wider of the two. */
    void shareWidthWith(LaneNotesColumn other) {
        partner = other;
        other.partner = this;
    }

    /** Shows {@code notes} (several for one lane stack up in its row). */
    void show(List<LaneNote> notes) {
        rows.clear();
        List<VBox> cells = new ArrayList<>();
        int last = -1;
        for (LaneNote n : notes) {
            if (n.kind() == LaneNote.Kind.MISSING) {
                continue;   // the band across the row says it, larger
            }
            Label l = new Label(n.text());
            if (n.detail() != null) {
                l.setTooltip(new javafx.scene.control.Tooltip(n.detail()));
            }
            l.getStyleClass().addAll("compare-note", "compare-note-" + n.kind().name().toLowerCase().replace('_', '-'));
            if (n.row() != last) {
                VBox cell = new VBox(l);
                cell.getStyleClass().add("compare-note-cell");
                cells.add(cell);
                rows.add(n.row());
                last = n.row();
            } else {
                cells.get(cells.size() - 1).getChildren().add(l);
            }
        }
        getChildren().setAll(cells);
        requestLayout();
        if (partner != null) {
            partner.requestLayout();
        }
    }

    @Override
    protected void layoutChildren() {
        double laneH = timeline.getLaneHeight();
        for (int i = 0; i < rows.size(); i++) {
            VBox cell = (VBox) getChildren().get(i);
            double y = timeline.yOfLane(rows.get(i));
            cell.setVisible(!Double.isNaN(y));
            double h = Math.max(laneH, cell.prefHeight(getWidth()));
            cell.resizeRelocate(0, Double.isNaN(y) ? 0 : y + (laneH - h) / 2, getWidth(), h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return partner == null ? ownWidth() : Math.max(ownWidth(), partner.ownWidth());
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    private double ownWidth() {
        double w = 0;
        for (var c : getChildren()) {
            w = Math.max(w, c.prefWidth(-1));
        }
        return w + snappedLeftInset() + snappedRightInset();
    }
}
