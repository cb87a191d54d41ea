package org.processlab.ui.shell.views;

import java.util.List;

import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;

import org.processlab.ui.timeline.Timeline;

/**
 * The run views laid out: the timeline under its bar on top, the process table and the console below, in a vertical
 * split whose dividers follow what each view needs ({@link RunSideHeights}): when the number of lanes or the split's
 * height changes (not every change of a lane's texts), the timeline gets the height of its lanes and the table the
 * height of its rows. A note (the export's) may float over the timeline's top right corner.
 *
 * <p>Threading: FX thread only; {@code fittedLanes} is written there.
 */
public final class RunViewsPane extends SplitPane {
    private final RunViews views;
    private final Region bar;
    private final VBox timelineBox;
    private final ObservableDoubleValue em;
    /** The number of lanes the dividers were last fitted to. */
    private int fittedLanes = -1;

    /**
     * @param views   the three views
     * @param bar     the timeline's bar (title, replay, zoom, export), above the timeline
     * @param overlay a note shown over the timeline's top right corner (it sizes itself)
     * @param em      the text size, px
     */
    public RunViewsPane(RunViews views, Region bar, Node overlay, ObservableDoubleValue em) {
        this.views = views;
        this.bar = bar;
        this.em = em;
        Timeline timeline = views.timeline();
        StackPane timelineStack = new StackPane(timeline, overlay);
        timelineStack.setPickOnBounds(false);
        StackPane.setAlignment(overlay, Pos.TOP_RIGHT);
        StackPane.setMargin(overlay, new Insets(42, 22, 0, 0));
        VBox.setVgrow(timelineStack, Priority.ALWAYS);
        timelineBox = new VBox(bar, timelineStack);
        timelineBox.getStyleClass().add("timeline-box");
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setId("timeline");
        timeline.setMinHeight(120);
        getItems().setAll(timelineBox, views.table(), views.console());
        // Each view may be squeezed below its least height on a short run side (1024x768, large text); it is cut at
        // its own bottom edge then. With their least heights counted, SplitPane drew the first view over the toolbar.
        for (Region v : List.of(timelineBox, views.table(), views.console())) {
            v.setMinHeight(0);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(v.widthProperty());
            clip.heightProperty().bind(v.heightProperty());
            v.setClip(clip);
        }
        setOrientation(Orientation.VERTICAL);
        setDividerPositions(0.42, 0.66);
        timeline.getLanes().addListener((ListChangeListener<Object>) c -> {
            if (c.getList().size() != fittedLanes) {
                fittedLanes = c.getList().size();
                fit();
            }
        });
        heightProperty().addListener((o, a, b) -> fit());
        getStyleClass().add("run-views");
    }

    /** What the views need now, laid out {@code width} px wide (-1: unknown). */
    private RunSideHeights.Needs needs(double width) {
        Timeline timeline = views.timeline();
        double barHeight = bar.getHeight() > 0 ? bar.getHeight() : bar.prefHeight(width);
        return RunSideHeights.Needs.of(em.get(), barHeight, timeline.prefHeight(width), timeline.minHeight(width),
                views.table().table().getItems().size());
    }

    /** The least height the views need to show two lanes, two table rows and two console lines (px). */
    public double leastHeight() {
        return needs(getWidth() > 0 ? getWidth() : -1).least();
    }

    private void fit() {
        if (getHeight() < RunSideHeights.LEAST_FITTED) {
            return;   // too short to fit: asking the views what they need would be wasted
        }
        double[] d = RunSideHeights.dividers(needs(timelineBox.getWidth() > 0 ? timelineBox.getWidth() : -1),
                getHeight());
        if (d != null) {
            setDividerPositions(d);
        }
    }

    /** The timeline's bar (its height counts in the views' needs). */
    public Region bar() {
        return bar;
    }
}
