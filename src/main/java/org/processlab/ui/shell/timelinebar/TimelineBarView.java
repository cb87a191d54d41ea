package org.processlab.ui.shell.timelinebar;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.ui.shell.keys.CursorSteps;
import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.shell.views.ReplaySpeed;
import org.processlab.ui.shell.views.ReplayViewModel;
import org.processlab.ui.timeline.Timeline;

/**
 * The bar above the timeline: its title, then replay (play or pause, a step to the previous or next event from 1× to 0.01× or "the whole run in N
 * seconds"), zoom out and in, fit the run, follow now (while live), and the export menu given to it. The groups wrap
 * onto more rows when the run side is narrow or the text large. No state of its own: the replay's is in
 * {@link ReplayViewModel}, the zoom's in the {@link Timeline}.
 *
 * <p>Threading: FX thread only.
 */
public final class TimelineBarView extends HBox {

    /**
     * @param replay     the replay of the finished run
     * @param timeline   the timeline the zoom buttons act on
     * @param running    true while a run is live (Follow shows then; replay after)
     * @param exportMenu the export room's menu, at the bar's right end
     */
    public TimelineBarView(ReplayViewModel replay, Timeline timeline, ObservableBooleanValue running, Node exportMenu) {
        super(8);
        Label title = new Label("Timeline");
        title.getStyleClass().add("pane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        HBox replayBox = replayControls(replay);
        replayBox.getChildren().addAll(1, stepControls(timeline, replay));
        // a replay needs a finished run: while one is live, its place goes to Follow
        replayBox.visibleProperty().bind(Bindings.not(running));
        replayBox.managedProperty().bind(replayBox.visibleProperty());
        HBox zoomBox = zoomControls(timeline, running);
        // one row while it fits (Export at the right end); on a narrow run side or with large text the groups wrap
        // onto more rows rather than make the run side wider than the window allows (at 1024 px with the text three
        // steps up, one row needed 817 px and squeezed the lesson page to 180 px)
        FlowPane groups = new FlowPane(18, 4, replayBox, zoomBox, exportMenu);
        groups.setAlignment(Pos.CENTER_RIGHT);
        groups.setRowValignment(VPos.CENTER);
        groups.setMinWidth(0);
        groups.setPrefWrapLength(10);
        HBox.setHgrow(groups, Priority.ALWAYS);
        getChildren().setAll(title, groups);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().addAll("pane-header", "timeline-bar");
    }

    /** Puts {@code node} right after the bar's title (the run list: which run the timeline shows). */
    public void addAfterTitle(Node node) {
        getChildren().add(1, node);
    }

    private static HBox replayControls(ReplayViewModel replay) {
        Button play = new Button();
        play.setId("replayButton");
        play.getStyleClass().addAll("small", "replay-button");
        play.textProperty().bind(Bindings.when(replay.playingProperty()).then("Pause").otherwise("Replay"));
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(replay.playingProperty().get()
                ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY), replay.playingProperty()));
        play.setTooltip(new Tooltip(Shortcut.PLAY.tooltip("Replay the finished run slowly: the timeline, the table "
                + "and the console show each moment in turn")));
        play.disableProperty().bind(replay.availableProperty().not());
        play.setOnAction(e -> replay.toggle());
        play.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<ReplaySpeed> speed = new ComboBox<>(FXCollections.observableList(ReplaySpeed.CHOICES));
        speed.setId("replaySpeed");
        speed.getStyleClass().add("small");
        speed.valueProperty().bindBidirectional(replay.speedProperty());
        speed.setTooltip(new Tooltip("Replay speed: 0.1× makes 1 ms of the run last 10 ms; "
                + "\"whole run in N s\" stretches the whole run over N seconds"));
        speed.disableProperty().bind(replay.availableProperty().not());
        speed.setMinWidth(60);
        Spinner<Integer> seconds = new Spinner<>(1, 600, (int) Math.round(replay.wholeRunSecondsProperty().get()));
        seconds.setId("replaySeconds");
        seconds.setEditable(true);
        seconds.getStyleClass().add("small");
        seconds.setMinWidth(Region.USE_PREF_SIZE);
        seconds.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                replay.wholeRunSecondsProperty().set(b);
            }
        });
        seconds.setTooltip(new Tooltip("N: how many seconds the whole replay takes"));
        Label secondsUnit = new Label("s");
        secondsUnit.getStyleClass().add("toolbar-caption");
        HBox whole = new HBox(4, seconds, secondsUnit);
        whole.setAlignment(Pos.CENTER_LEFT);
        whole.visibleProperty().bind(Bindings.createBooleanBinding(() -> speed.getValue() != null
                && speed.getValue().wholeRun(), speed.valueProperty()));
        whole.managedProperty().bind(whole.visibleProperty());
        whole.disableProperty().bind(replay.availableProperty().not());

        HBox box = new HBox(6, play, speed, whole);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /** Step the time cursor back or on, event by event (the arrow keys' buttons). */
    private static List<Button> stepControls(Timeline timeline, ReplayViewModel replay) {
        CursorSteps steps = new CursorSteps(timeline);
        Button back = iconButton("previousEvent", MaterialDesignS.STEP_BACKWARD, Shortcut.PREVIOUS_EVENT.tooltip());
        back.setOnAction(e -> steps.previous());
        Button on = iconButton("nextEvent", MaterialDesignS.STEP_FORWARD, Shortcut.NEXT_EVENT.tooltip());
        on.setOnAction(e -> steps.next());
        for (Button b : List.of(back, on)) {
            b.disableProperty().bind(replay.availableProperty().not());
        }
        return List.of(back, on);
    }

    private static HBox zoomControls(Timeline timeline, ObservableBooleanValue running) {
        Button zoomOut = iconButton("zoomOut", MaterialDesignM.MAGNIFY_MINUS_OUTLINE,
                Shortcut.ZOOM_OUT.tooltip("Zoom out") + "; Ctrl+wheel too");
        zoomOut.setOnAction(e -> timeline.zoomOut());
        Button zoomIn = iconButton("zoomIn", MaterialDesignM.MAGNIFY_PLUS_OUTLINE,
                Shortcut.ZOOM_IN.tooltip("Zoom in") + "; Ctrl+wheel too. To pan, drag with Shift or the right button, or "
                        + Shortcut.SCROLL.keysText());
        zoomIn.setOnAction(e -> timeline.zoomIn());
        Button fit = iconButton("fitAll", MaterialDesignA.ARROW_EXPAND_HORIZONTAL, Shortcut.FIT.tooltip());
        fit.setOnAction(e -> timeline.fitAll());
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("followNow");
        follow.getStyleClass().add("small");
        follow.setTooltip(new Tooltip("While the run is live, keep \"now\" in view"));
        follow.selectedProperty().bindBidirectional(timeline.followProperty());
        follow.visibleProperty().bind(running);
        follow.managedProperty().bind(follow.visibleProperty());
        follow.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {zoomOut, zoomIn, fit}) {
            b.disableProperty().bind(timeline.snapshotProperty().isNull());
        }
        HBox box = new HBox(2, zoomOut, zoomIn, fit, follow);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Button iconButton(String id, Ikon icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "small");
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
