package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;

import org.junit.jupiter.api.Test;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.shell.views.ReplaySpeed;
import org.processlab.ui.shell.views.ReplayViewModel;
import org.processlab.ui.timeline.Timeline;

/**
 * Replays a finished run of lesson 03 at 0.05× (slow enough that on a loaded machine it is still playing when the test pauses it): the cursor moves by itself, the timeline draws only what had happened
 * by then, and the table's row of p1 goes from "not started" through alive to not alive as the cursor passes p1's
 * start and end. Every check is a poll or a recorded sequence of values; nothing is timed.
 */
class ReplayWindowTest extends WindowTest {

    @Test
    void aSlowReplayMovesTheCursorAndTheTableFollowsIt() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("03-");
        app.click("#skipPrediction");
        app.click("#runButton");
        Timeline timeline = app.shell().timeline();
        ReplayViewModel replay = app.vm().run().replay();
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> timeline.getSnapshot() != null
                && timeline.getSnapshot().status().finished() && replay.availableProperty().get());
        app.dismissReveal();
        RunSnapshot snap = app.fx(timeline::getSnapshot);
        ProcessView p1 = snap.processes().stream().filter(p -> "p1".equals(p.label())).findFirst().orElseThrow();
        int totalLines = (int) snap.outputLines();

        // record what the table and the cursor go through
        ProcessRow row = app.fx(() -> app.vm().run().table().row(p1.pid()));
        List<Boolean> alive = new CopyOnWriteArrayList<>();
        List<String> states = new CopyOnWriteArrayList<>();
        List<Long> cursors = new CopyOnWriteArrayList<>();
        List<Integer> consoleRows = new CopyOnWriteArrayList<>();
        app.fx(() -> {
            row.aliveProperty().addListener((o, a, b) -> alive.add(b));
            row.stateProperty().addListener((o, a, b) -> states.add(b));
            timeline.cursorTimeProperty().addListener((o, a, b) -> {
                cursors.add(b.longValue());
                consoleRows.add(app.shell().console().list().getItems().size());
            });
        });

        @SuppressWarnings("unchecked")
        ComboBox<ReplaySpeed> speed = (ComboBox<ReplaySpeed>) app.robot.lookup("#replaySpeed").query();
        app.fx(() -> speed.setValue(ReplaySpeed.times(0.05)));
        app.click("#replayButton");
        app.waitFor("the replay to start", Duration.ofSeconds(10), () -> replay.playingProperty().get()
                && timeline.replayingProperty().get());
        app.waitFor("the cursor to pass p1's end", Duration.ofSeconds(60), () -> timeline.getCursorTime() > p1.endedAt());
        app.screenshot("replay-03-playing");

        assertThat(cursors).as("the cursor moves forward by itself").hasSizeGreaterThan(3);
        assertThat(cursors.get(0)).as("the replay starts before p1 exists").isLessThan(p1.startedAt());
        for (int i = 1; i < cursors.size(); i++) {
            assertThat(cursors.get(i)).isGreaterThanOrEqualTo(cursors.get(i - 1));
        }
        assertThat(states).as("p1's state as the cursor passes it").contains("not started", "running");
        assertThat(states.indexOf("running")).isLessThan(states.lastIndexOf("ended") >= 0 ? states.lastIndexOf("ended")
                : states.lastIndexOf("zombie"));
        assertThat(alive).as("p1 becomes alive, then not").containsSubsequence(true, false);
        assertThat(consoleRows.get(0)).as("the console starts with the lines written by then")
                .isLessThan(totalLines);

        // Pause: the cursor stays where it is.
        app.waitFor("the replay to go on", Duration.ofSeconds(10), () -> replay.playingProperty().get());
        app.click("#replayButton");
        app.waitFor("the replay to pause", Duration.ofSeconds(10), () -> !replay.playingProperty().get());
        long paused = app.fx(timeline::getCursorTime);
        app.waitForPulses(20);     // frames in which a playing replay would have moved the cursor
        assertThat(app.fx(timeline::getCursorTime)).as("a paused replay keeps its cursor").isEqualTo(paused);
        assertThat(app.fx(() -> timeline.replayingProperty().get())).as("still clipped at the cursor").isTrue();

        // Play on to the end: it stops there, the console shows every line.
        app.click("#replayButton");
        app.waitFor("the replay to reach the end", Duration.ofSeconds(60), () -> !replay.playingProperty().get()
                && timeline.getCursorTime() == snap.endedAt());
        app.waitFor("the console to show every line", Duration.ofSeconds(10),
                () -> app.shell().console().list().getItems().size() == totalLines);
        assertThat(app.fx(() -> row.aliveProperty().get())).isFalse();

        // "The whole run in N seconds": N = 1 here; it plays to the end too.
        @SuppressWarnings("unchecked")
        Spinner<Integer> seconds = (Spinner<Integer>) app.robot.lookup("#replaySeconds").query();
        app.fx(() -> {
            speed.setValue(ReplaySpeed.WHOLE_RUN);
            seconds.getValueFactory().setValue(1);
        });
        assertThat(app.fx(() -> replay.wholeRunSecondsProperty().get())).isEqualTo(1.0);
        cursors.clear();
        app.click("#replayButton");
        app.waitFor("the whole-run replay to reach the end", Duration.ofSeconds(60), () -> !cursors.isEmpty()
                && !replay.playingProperty().get() && timeline.getCursorTime() == snap.endedAt());
        assertThat(cursors.get(0)).as("it started again from the beginning").isLessThan(p1.startedAt());

        // End of run: no cursor, the whole run drawn again.
        app.click("#endOfRun");
        app.waitFor("the replay to end", Duration.ofSeconds(10), () -> !timeline.replayingProperty().get()
                && timeline.getCursorTime() == -1 && app.vm().run().table().atTimeProperty().get() == -1);
    }
}
