package org.processlab.ui.shell.compare;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import org.processlab.compare.Side;
import org.processlab.ui.timeline.Timeline;

/**
 * What the comparison draws over one run's timeline, where its lanes are: a band across a row whose process this run
 * lacks ("no resource tracker in A — only in B"), a dashed outline around the lane of a process only this run has,
 * and a numbered badge with a bar over the tick of each line of an order difference. Each has its own shape and words, not only a
 * colour. It lets the mouse through to the timeline under it, and is laid out again whenever the timeline's lanes or
 * time range move ({@link Timeline#yOfLane}, {@link Timeline#xOfTime}).
 *
 * <p>Threading: FX thread only.
 */
final class LaneMarks extends Pane {
    private final Timeline timeline;
    private final Side side;
    private final List<Placed> placed = new ArrayList<>();
    private long start = -1;

    /** A mark and where it goes: a whole row ({@code time} -1) or a moment of a row. */
    private record Placed(Node node, int row, long time) {
    }

    LaneMarks(Timeline timeline, Side side) {
        this.timeline = timeline;
        this.side = side;
        setMouseTransparent(true);
        setPickOnBounds(false);
        getStyleClass().add("compare-lane-marks");
        timeline.viewRangeProperty().addListener(o -> requestLayout());
        timeline.snapshotProperty().addListener(o -> requestLayout());
        timeline.widthProperty().addListener(o -> requestLayout());
        timeline.heightProperty().addListener(o -> requestLayout());
    }

    /** Marks the lanes of a run that started at {@code start} (epoch µs). */
    void show(long start, List<LaneNote> notes, List<OrderMark> marks) {
        this.start = start;
        placed.clear();
        for (LaneNote n : notes) {
            if (n.kind() == LaneNote.Kind.MISSING) {
                Label text = new Label(n.text());
                text.getStyleClass().add("compare-missing-text");
                StackPane band = new StackPane(text);
                band.setAlignment(Pos.CENTER_LEFT);
                band.getStyleClass().add("compare-missing-band");
                placed.add(new Placed(band, n.row(), -1));
            } else if (n.kind() == LaneNote.Kind.ONLY_HERE) {
                Region outline = new Region();
                outline.getStyleClass().add("compare-only-outline");
                placed.add(new Placed(outline, n.row(), -1));
            }
        }
        for (OrderMark m : marks) {
            Region bar = new Region();
            bar.getStyleClass().add("compare-order-bar");
            Label badge = new Label(Integer.toString(m.number()));
            badge.getStyleClass().add("compare-order-badge");
            long t = side == Side.A ? m.fromStartA() : m.fromStartB();
            placed.add(new Placed(bar, m.row(), t));
            placed.add(new Placed(badge, m.row(), t));
        }
        getChildren().setAll(placed.stream().map(Placed::node).toList());
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double laneH = timeline.getLaneHeight();
        double w = timeline.getWidth();
        for (Placed p : placed) {
            Node n = p.node();
            double y = timeline.yOfLane(p.row());
            if (Double.isNaN(y)) {
                n.setVisible(false);
                continue;
            }
            n.setVisible(true);
            if (p.time() < 0) {
                double left = n.getStyleClass().contains("compare-only-outline") ? timeline.getHeaderWidth() + 2 : 0;
                n.resizeRelocate(left, y + 1, Math.max(0, w - left - 2), laneH - 2);
                continue;
            }
            double x = timeline.xOfTime(start + p.time());
            boolean inPlot = !Double.isNaN(x) && x > timeline.getHeaderWidth() && x < w;
            n.setVisible(inPlot);
            if (!inPlot) {
                continue;
            }
            if (n instanceof Label badge) {
                double bw = badge.prefWidth(-1);
                double bh = badge.prefHeight(bw);
                // left of the tick, on the tick row: the tick itself stays in sight, under the bar
                badge.resizeRelocate(x - bw - 2, y + laneH * 0.22 - bh / 2, bw, bh);
            } else {
                double bw = Math.max(3, laneH * 0.07);
                n.resizeRelocate(x - bw / 2, y + 1, bw, laneH * 0.42);
            }
        }
    }
}
