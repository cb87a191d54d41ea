package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.StartMethod;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.TimelineLane;

/** Opens the whole window, runs the square/cube lesson for real and checks the three live views. */
class RunLessonWindowTest extends WindowTest {

    @Test
    void runningTheSquareCubeLessonFillsTimelineTableAndConsole() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");

        app.waitForRunShown();

        RunSnapshot snap = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(snap.status()).as("error: %s", snap.error()).isEqualTo(RunStatus.ENDED);
        assertThat(snap.rootStatus()).isEqualTo(0);
        List<Long> modelPids = snap.processes().stream().map(ProcessView::pid).toList();
        assertThat(modelPids).hasSizeGreaterThanOrEqualTo(3);

        List<TimelineLane> lanes = app.fx(() -> List.copyOf(app.shell().timeline().getLanes()));
        List<Long> lanePids = lanes.stream().map(TimelineLane::pid).toList();
        List<Long> tablePids = app.fx(() -> app.shell().processTable().table().getItems().stream()
                .map(ProcessRow::getPid).toList());
        assertThat(lanePids).as("one lane per process, in the model's order").isEqualTo(modelPids);
        assertThat(tablePids).as("table rows match the timeline's lanes").isEqualTo(lanePids);
        assertThat(lanes.get(0).depth()).isZero();
        assertThat(lanes).allSatisfy(l -> assertThat(l.detail()).contains("PID " + l.pid()));
        assertThat(lanes.stream().map(TimelineLane::title).collect(Collectors.joining(" ")))
                .contains("p1").contains("p2");
        assertThat(lanes.stream().filter(l -> l.depth() == 1).count()).isGreaterThanOrEqualTo(2);

        List<ConsoleRow> rows = app.fx(() -> List.copyOf(app.shell().console().list().getItems()));
        assertThat(rows).extracting(ConsoleRow::text)
                .contains("Square of 10: 100", "Cube of 10: 1000", "Done!");
        assertThat(rows.get(rows.size() - 1).text()).as("lines in the order they were written").isEqualTo("Done!");
        Map<String, Long> who = rows.stream().collect(Collectors.toMap(ConsoleRow::text, ConsoleRow::pid, (a, b) -> a));
        long p1 = snap.processes().stream().filter(p -> "p1".equals(p.label())).findFirst().orElseThrow().pid();
        long main = snap.main().orElseThrow().pid();
        assertThat(who.get("Square of 10: 100")).as("the square line is p1's").isEqualTo(p1);
        assertThat(who.get("Done!")).as("Done! is main's").isEqualTo(main);

        String status = app.fx(() -> app.vm().run().statusProperty().get());
        assertThat(status).isEqualTo("Ended — exit 0");
        // Follow is on: the newest line is wholly in view, also once the list has shrunk under the reveal
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(6);
        assertThat(app.fx(() -> newestLineInView("Done!"))).as("the newest line wholly in view").isTrue();

        // Hovering a tick shows the line, its time and stream.
        String tip = app.hoverTick(app.shell().timeline(), lanePids.indexOf(p1));
        assertThat(tip).contains("Square of 10: 100").contains("stdout").contains("PID " + p1);

        // Clicking a lane selects the table row and filters the console to that process; Esc clears.
        app.clickLane(app.shell().timeline(), lanePids.indexOf(p1));
        app.waitFor("the table to follow the selection", Duration.ofSeconds(10), () -> {
            ProcessRow r = app.shell().processTable().table().getSelectionModel().getSelectedItem();
            return r != null && r.getPid() == p1;
        });
        assertThat(app.fx(() -> app.vm().run().selectedPidProperty().get())).isEqualTo(p1);
        List<String> filtered = app.fx(() -> app.shell().console().list().getItems().stream().map(ConsoleRow::text).toList());
        assertThat(filtered).containsExactly("Square of 10: 100");
        app.screenshot("run-lesson-02-selected");
        app.robot.type(javafx.scene.input.KeyCode.ESCAPE);
        app.waitFor("Esc to clear the selection", Duration.ofSeconds(10),
                () -> app.vm().run().selectedPidProperty().get() == null
                        && app.shell().console().list().getItems().size() >= 3);

        assertThat(app.screenshot("run-lesson-02")).exists();
        app.nodeScreenshot(app.shell().timeline(), "timeline-lesson-02");

        // Larger text for a projector: everything grows, the lanes too.
        double laneBefore = app.fx(() -> app.shell().timeline().getLaneHeight());
        app.click("#largerText");
        app.click("#largerText");
        app.waitFor("larger lanes", Duration.ofSeconds(10), () -> app.shell().timeline().getLaneHeight() > laneBefore);
        app.screenshot("run-lesson-02-large-text");

        // Another start method: the run uses it and the window says which.
        app.fx(() -> app.vm().startMethodProperty().set(Optional.of(StartMethod.SPAWN)));
        app.click("#runButton");
        app.waitFor("the spawn run to end", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get()
                && app.vm().run().model() != null && app.vm().run().model().snapshot().status().finished());
        RunSnapshot spawned = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(spawned.requestedStartMethod()).isEqualTo("spawn");
        assertThat(spawned.startMethods()).containsExactly("spawn");
        assertThat(app.fx(() -> ((javafx.scene.control.Label) app.robot.lookup("#usedStartMethod").query()).getText()))
                .isEqualTo("used: spawn");
        assertThat(app.fx(() -> app.shell().console().list().getItems().stream().map(ConsoleRow::text).toList()))
                .as("a new run starts with an empty console").containsExactlyInAnyOrder("Square of 10: 100",
                        "Cube of 10: 1000", "Done!");
    }

    /** Whether the console's cell showing {@code text} lies wholly inside the list's viewport. */
    private boolean newestLineInView(String text) {
        javafx.scene.control.ListView<ConsoleRow> list = app.shell().console().list();
        javafx.scene.Node flow = list.lookup(".virtual-flow");
        javafx.scene.Node clip = flow.lookup(".clipped-container");
        javafx.geometry.Bounds v = clip.localToScene(clip.getLayoutBounds());
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.isVisible() && c.getItem() instanceof ConsoleRow r
                        && r.text().equals(text))
                .anyMatch(n -> {
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5;
                });
    }
}
