package org.processlab.ui.shell.views;

import java.util.List;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.value.ObservableBooleanValue;
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
 * height changes (not every change of a lane's texts), the timeline gets three lanes, the table four rows and the
 * console five lines where they fit, then the timeline the height of its lanes and the table the height of its rows.
 * What the views need is published ({@link #leastHeightProperty()}, {@link #goodHeightProperty()}) so that the
 * prediction card above them leaves them their room. A note (the export's) may float over the timeline's top right
 * corner.
 *
 * <p>In presenter mode the split has the timeline over one view: the console with its last lines, or the table
 * (one key swaps them); the timeline gets the larger part ({@link RunSideHeights#presenterDivider}).
 *
 * <p>Threading: FX thread only; {@code fittedLanes}, {@code leastHeight} and {@code goodHeight} are written there.
 */
public final class RunViewsPane extends SplitPane {
    private final RunViews views;
    private final Region bar;
    private final VBox timelineBox;
    private final ObservableDoubleValue em;
    private final ObservableBooleanValue presenter;
    private final ObservableBooleanValue tableShown;
    /** The views' least height as of the last layout ({@link #leastHeight()}). */
    private final ReadOnlyDoubleWrapper leastHeight = new ReadOnlyDoubleWrapper(this, "leastHeight");
    /** The views' good height as of the last layout ({@link #goodHeightProperty()}). */
    private final ReadOnlyDoubleWrapper goodHeight = new ReadOnlyDoubleWrapper(this, "goodHeight");
    /** The number of lanes the dividers were last fitted to. */
    private int fittedLanes = -1;

    /**
     * @param views   the three views
     * @param bar     the timeline's bar (title, replay, zoom, export), above the timeline
     * @param overlay a note shown over the timeline's top right corner (it sizes itself)
     * @param em         the text size, px
     * @param presenter  true in presenter mode
     * @param tableShown in presenter mode: true to show the table under the timeline, false for the console
     */
    public RunViewsPane(RunViews views, Region bar, Node overlay, ObservableDoubleValue em,
                        ObservableBooleanValue presenter, ObservableBooleanValue tableShown) {
        this.views = views;
        this.bar = bar;
        this.em = em;
        this.presenter = presenter;
        this.tableShown = tableShown;
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
        showItems();
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
        presenter.addListener(o -> showItems());
        tableShown.addListener(o -> showItems());
        em.addListener(o -> fit());
        getStyleClass().add("run-views");
    }

    /** The views of the mode: all three, or in presenter mode the timeline over the console or the table. */
    private void showItems() {
        if (!presenter.get()) {
            getItems().setAll(timelineBox, views.table(), views.console());
        } else {
            getItems().setAll(timelineBox, tableShown.get() ? views.table() : views.console());
        }
        fit();
    }

    /** The timeline box with all its lanes (at least three) and no legend, px. */
    private double timelineAll(double width) {
        double barHeight = bar.getHeight() > 0 ? bar.getHeight() : bar.prefHeight(width);
        return 4 + barHeight + lanesHeight(Math.max(3, views.timeline().getLanes().size()));
    }

    /** The timeline's axis band and {@code n} lanes, px (at the sizes its CSS gives it now). */
    private double lanesHeight(int n) {
        Timeline t = views.timeline();
        return Math.ceil(t.getSmallFont().getSize() * 2.3) + n * t.getLaneHeight() + 8;
    }

    private double presenterBelowLeast() {
        return tableShown.get() ? RunSideHeights.presenterTableLeast(em.get())
                : RunSideHeights.presenterConsoleLeast(em.get());
    }

    /** What the views need now, laid out {@code width} px wide (-1: unknown). */
    private RunSideHeights.Needs needs(double width) {
        Timeline timeline = views.timeline();
        double barHeight = bar.getHeight() > 0 ? bar.getHeight() : bar.prefHeight(width);
        // lanes at the sizes its CSS gives them now (the timeline's own least height is kept low, so that a short run
        // side can squeeze it)
        return RunSideHeights.Needs.of(em.get(), barHeight, timeline.prefHeight(width),
                Math.ceil(timeline.getSmallFont().getSize() * 2.3), timeline.getLaneHeight(),
                views.table().table().getItems().size());
    }

    /**
     * The least height the views need to show two lanes, two table rows and two console lines (px); in presenter
     * mode, every lane (at least three) and the console's last three lines (or three table rows).
     */
    public double leastHeight() {
        double w = getWidth() > 0 ? getWidth() : -1;
        if (presenter.get()) {
            return timelineAll(w) + presenterBelowLeast() + 0.4 * em.get();
        }
        return needs(w).least();
    }

    /**
     * {@link #leastHeight()} as of the last layout: it changes once the views have their new sizes (a larger text,
     * another mode, more lanes), so what is placed above them (the prediction card) can leave them their room.
     */
    public ReadOnlyDoubleProperty leastHeightProperty() {
        return leastHeight.getReadOnlyProperty();
    }

    /**
     * The height that gives each view its room: three lanes, four table rows, five console lines (px), as of the last
     * layout; what is placed above the views (the reveal) leaves them this much where it can. In presenter mode, the
     * least height ({@link #leastHeight()}).
     */
    public ReadOnlyDoubleProperty goodHeightProperty() {
        return goodHeight.getReadOnlyProperty();
    }

    /** Once laid out with new sizes (its views' CSS applied: a new text size, another mode), fits the dividers. */
    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double least;
        double good;
        if (presenter.get()) {
            least = leastHeight();
            good = least;
        } else {
            RunSideHeights.Needs v = needs(getWidth() > 0 ? getWidth() : -1);
            least = v.least();
            good = v.good();
        }
        if (least != leastHeight.get() || good != goodHeight.get()) {
            leastHeight.set(least);
            goodHeight.set(good);
            fit();
        }
    }

    private void fit() {
        if (getHeight() < RunSideHeights.LEAST_FITTED) {
            return;   // too short to fit: asking the views what they need would be wasted
        }
        if (presenter.get()) {
            double[] d = RunSideHeights.presenterDivider(timelineAll(timelineBox.getWidth() > 0
                    ? timelineBox.getWidth() : -1), presenterBelowLeast(), getHeight());
            if (d != null) {
                setDividerPositions(d);
            }
            return;
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
