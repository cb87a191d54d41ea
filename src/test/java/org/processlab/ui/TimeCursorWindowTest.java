package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;

import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Role;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.shell.export.RunExports;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * Issue 3's acceptance: runs the s1_e2 lesson (03-process-ids) for real, drags the time cursor to a moment between
 * the children's end and main's end, and checks that the table then shows both children not alive (and main alive).
 * Saves PNGs of the live view ({@code timeline-live-03.png}, and {@code timeline-live-03-window.png} as the window
 * caught it) and of the finished view ({@code timeline-finished-03.png}).
 */
class TimeCursorWindowTest extends WindowTest {

    @Test
    void draggingTheCursorBetweenTheChildrensEndAndMainsEndShowsBothChildrenNotAlive() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("03-");
        app.click("#skipPrediction");
        Timeline timeline = app.shell().timeline();

        // The live view, two ways. (1) The window's own timeline, pictured as each live frame arrives (the one showing
        // the most). On a slow headless machine a pulse may come only every few hundred ms, so which moment it catches
        // varies. (2) The same control drawing the model as it was at the live moment with the most processes alive,
        // seen by a thread watching the run's model: the picture a pulse at that moment would have shown.
        AtomicReference<WritableImage> windowLive = new AtomicReference<>();
        AtomicInteger windowScore = new AtomicInteger();
        app.fx(() -> timeline.snapshotProperty().addListener((o, a, s) -> {
            if (s == null || s.status().finished() || s.processes().isEmpty()) {
                return;
            }
            int score = s.processes().size() * 100 + (int) s.processes().stream().filter(ProcessView::alive).count();
            if (score > windowScore.get()) {
                windowScore.set(score);
                windowLive.set(RunExports.timelineImage(timeline, 2));
            }
        }));

        // the watcher starts before Run: the whole run may last less than a few pulses of a slow headless machine
        AtomicReference<RunSnapshot> liveMoment = new AtomicReference<>();
        AtomicReference<RunModel> watched = new AtomicReference<>();
        Thread watcher = new Thread(() -> {
            int best = -1;
            while (!Thread.currentThread().isInterrupted()) {
                RunModel m = app.vm().run().model();
                if (m != null) {
                    watched.set(m);
                    RunSnapshot s = m.snapshot();
                    if (s.status().finished()) {
                        return;
                    }
                    int score = (int) s.processes().stream().filter(ProcessView::alive).count() * 100
                            + s.processes().size();
                    if (score > best) {
                        best = score;
                        liveMoment.set(s);
                    }
                }
                try {
                    Thread.sleep(2);     // a sampler, not a wait: the liveliest moment of a short run lasts milliseconds
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "live-moment-watcher");
        watcher.setDaemon(true);
        watcher.start();
        app.click("#runButton");
        app.waitFor("the run to end and the timeline to show it", Duration.ofSeconds(60), () -> {
            RunSnapshot s = timeline.getSnapshot();
            return s != null && s.status().finished() && !app.vm().run().runningProperty().get();
        });
        watcher.interrupt();
        watcher.join(5_000);
        assertThat(windowLive.get()).as("a live frame was drawn in the window while the run went on").isNotNull();
        assertThat(app.save(windowLive.get(), "timeline-live-03-window")).exists();
        RunModel model = watched.get();
        assertThat(model).as("the run's model was seen").isNotNull();
        RunSnapshot moment = liveMoment.get();
        if (moment == null || moment.processes().stream().filter(ProcessView::alive).count() < 2) {
            // a loaded machine may starve the sampler through the few milliseconds all three live together: the
            // model's own events say when that was
            moment = liveliestMoment(model.events());
        }
        assertThat(moment.processes().stream().filter(ProcessView::alive).count())
                .as("the live moment shows main and at least one child alive").isGreaterThanOrEqualTo(2);
        RunSnapshot shown = moment;
        assertThat(app.save(app.fx(() -> liveView(timeline, model, shown)), "timeline-live-03")).exists();
        app.dismissReveal();

        RunSnapshot snap = app.fx(timeline::getSnapshot);
        assertThat(snap.status()).as("error: %s", snap.error()).isEqualTo(RunStatus.ENDED);
        ProcessView main = snap.main().orElseThrow();
        List<ProcessView> children = snap.processes().stream().filter(p -> p.role() == Role.CHILD).toList();
        assertThat(children).extracting(ProcessView::label).containsExactlyInAnyOrder("p1", "p2");
        long childrenEnd = children.stream().mapToLong(ProcessView::endedAt).max().orElseThrow();
        long mainEnd = main.endedAt();
        assertThat(childrenEnd).as("both children ended").isPositive();
        assertThat(mainEnd).as("main ends after its children (it joins them)").isGreaterThan(childrenEnd);
        long target = childrenEnd + (mainEnd - childrenEnd) / 2;

        // The gap is a few milliseconds: zoom so that it is wide on screen, as a person would.
        long gap = mainEnd - childrenEnd;
        long pad = Math.max(2 * gap, 1_000);
        app.fx(() -> timeline.showRange(new TimeRange(childrenEnd - pad, mainEnd + pad)));
        Point2D from = app.timelinePoint(timeline, childrenEnd - pad / 2, 0);
        Point2D to = app.timelinePoint(timeline, target, 0);
        app.robot.drag(from, MouseButton.PRIMARY).dropTo(to);

        app.waitFor("the cursor to land between the children's end and main's end", Duration.ofSeconds(10), () -> {
            long c = timeline.getCursorTime();
            return c > childrenEnd && c < mainEnd;
        });
        long cursor = app.fx(timeline::getCursorTime);
        assertThat(app.fx(() -> app.vm().run().cursorTimeProperty().get())).isEqualTo(cursor);

        app.waitFor("the table to show the moment of the cursor", Duration.ofSeconds(10),
                () -> app.vm().run().table().atTimeProperty().get() == cursor);
        for (ProcessView c : children) {
            ProcessRow row = app.fx(() -> app.vm().run().table().row(c.pid()));
            assertThat(app.fx(() -> row.aliveProperty().get())).as("%s alive at the cursor", c.label()).isFalse();
            assertThat(app.fx(() -> row.stateProperty().get())).as("%s's state at the cursor", c.label())
                    .isIn("ended", "zombie");
        }
        ProcessRow mainRow = app.fx(() -> app.vm().run().table().row(main.pid()));
        assertThat(app.fx(() -> mainRow.aliveProperty().get())).as("main is still alive at the cursor").isTrue();
        assertThat(app.fx(() -> mainRow.exitCodeProperty().get())).as("main's exit code is not known yet").isNull();
        app.screenshot("time-cursor-03-zoomed");
        // what the person sees in the table: the Alive column says no for both children
        app.waitFor("the Alive column to say no for both children", Duration.ofSeconds(10),
                () -> aliveColumn().stream().sorted().toList().equals(List.of("no", "no", "● yes")));
        String at = app.fx(() -> ((javafx.scene.control.Label) app.robot.lookup("#tableAt").query()).getText());
        assertThat(at).startsWith("at ").endsWith(" s");
        assertThat(app.fx(() -> app.robot.lookup("#tableAtChip").query().isVisible())).isTrue();

        // The finished view: the whole run, with the cursor where it was dragged.
        app.fx(timeline::fitAll);
        app.waitFor("the whole run in view", Duration.ofSeconds(10), () -> timeline.followProperty().get());
        assertThat(app.nodeScreenshot(timeline, "timeline-finished-03")).exists();
        app.screenshot("time-cursor-03");

        // "End of run" removes the cursor: the table shows the end again (every process ended, codes known).
        app.click("#endOfRun");
        app.waitFor("the cursor to go", Duration.ofSeconds(10), () -> timeline.getCursorTime() == -1
                && app.vm().run().table().atTimeProperty().get() == -1);
        assertThat(app.fx(() -> app.vm().run().table().rows().stream().map(r -> r.exitCodeProperty().get()).toList()))
                .containsOnly(0);
        assertThat(app.fx(() -> app.robot.lookup("#tableAtChip").query().isVisible())).isFalse();
    }

    /**
     * The window's timeline control, drawn as it is drawn live, for the run as it was in {@code moment}: a second
     * {@link Timeline} with the window's colours, font size and size, fed that snapshot and the lines written by then.
     * FX thread.
     */
    /** The run as it was after the event with the most processes alive (the first such), rebuilt from its events. */
    private static RunSnapshot liveliestMoment(List<RunEvent> events) {
        RunSnapshot best = null;
        long bestAlive = -1;
        RunModel replay = new RunModel();
        for (RunEvent e : events) {
            replay.append(e);
            RunSnapshot s = replay.snapshot(e.t());
            long alive = s.processes().stream().filter(ProcessView::alive).count();
            if (alive > bestAlive && !s.status().finished()) {
                bestAlive = alive;
                best = s;
            }
        }
        return best;
    }

    private WritableImage liveView(Timeline window, RunModel model, RunSnapshot moment) {
        Timeline t = new Timeline();
        t.paletteProperty().set(window.paletteProperty().get());
        int lines = (int) Math.min(moment.outputLines(), model.output().size());
        t.addOutput(0, model.output().range(0, lines));
        t.nowProperty().set(moment.now());
        t.setSnapshot(moment);
        javafx.scene.layout.StackPane root = new javafx.scene.layout.StackPane(t);
        root.setStyle(app.shell().getStyle());
        new javafx.scene.Scene(root, window.getWidth(), window.getHeight());
        return RunExports.timelineImage(t, 2);
    }

    /** The texts of the table's Alive cells on screen (FX thread). */
    private List<String> aliveColumn() {
        return app.shell().processTable().table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.TableCell<?, ?> tc && tc.getTableColumn() != null
                        && "Alive".equals(tc.getTableColumn().getText()) && tc.getText() != null && tc.isVisible())
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).toList();
    }
}
