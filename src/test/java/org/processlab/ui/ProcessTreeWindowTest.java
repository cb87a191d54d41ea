package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.lesson.Example;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.TimelineLane;
import org.processlab.ui.timeline.Timeline;

/**
 * The process tree on the timeline and in the table: lesson 13's orphan example (main → p_parent → a grandchild that
 * outlives its parent). The grandchild is indented two levels, stays visible after its parent has died, and is marked
 * an orphan with its new parent's PID; at a cursor before its parent's end, the table shows it not yet orphaned.
 */
class ProcessTreeWindowTest extends WindowTest {

    @Test
    void anOrphanedGrandchildIsIndentedAndMarkedWithItsNewParent() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("13-");
        app.click("#skipPrediction");
        app.fx(() -> {
            Example orphan = app.vm().examples().stream().filter(e -> e.file().getFileName().toString()
                    .equals("orphan.py")).findFirst().orElseThrow();
            app.vm().exampleProperty().set(orphan);
        });
        app.click("#runButton");
        Timeline timeline = app.shell().timeline();
        app.waitFor("the run to end", Duration.ofSeconds(90), () -> timeline.getSnapshot() != null
                && timeline.getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
        RunSnapshot s = app.fx(timeline::getSnapshot);
        ProcessView parent = s.processes().stream().filter(p -> "p_parent".equals(p.label())).findFirst().orElseThrow();
        ProcessView grandchild = s.processes().stream().filter(p -> p.parent() == parent.pid()).findFirst()
                .orElseThrow(() -> new AssertionError("no grandchild in " + s.processes()));
        assertThat(grandchild.orphan()).isTrue();

        List<TimelineLane> lanes = app.fx(() -> List.copyOf(timeline.getLanes()));
        TimelineLane lane = lanes.stream().filter(l -> l.pid() == grandchild.pid()).findFirst().orElseThrow();
        assertThat(lane.depth()).as("the grandchild hangs two levels down").isEqualTo(2);
        assertThat(lanes.indexOf(lane)).as("right under its parent").isEqualTo(
                lanes.indexOf(lanes.stream().filter(l -> l.pid() == parent.pid()).findFirst().orElseThrow()) + 1);
        assertThat(lane.detail()).contains("PID " + grandchild.pid()).contains("orphan");
        assertThat(lane.note()).startsWith("orphan → adopted by PPID " + grandchild.ppid());
        assertThat(grandchild.ppid()).isNotEqualTo(parent.pid());

        ProcessRow row = app.fx(() -> app.vm().run().table().row(grandchild.pid()));
        assertThat(app.fx(() -> row.depthProperty().get())).isEqualTo(2);
        assertThat(app.fx(() -> row.orphanProperty().get())).isTrue();
        assertThat(app.fx(() -> row.ppidProperty().get())).isEqualTo(grandchild.ppid());
        app.nodeScreenshot(timeline, "timeline-orphan-13");

        // Before its parent ended, it was nobody's orphan: its PPID was its parent's.
        long before = parent.startedAt() + (parent.endedAt() - parent.startedAt()) / 2;
        if (grandchild.startedAt() >= 0 && grandchild.startedAt() < before) {
            app.fx(() -> timeline.setCursorTime(before));
            app.waitFor("the table at the cursor", Duration.ofSeconds(10), () -> !row.orphanProperty().get());
            assertThat(app.fx(() -> row.ppidProperty().get())).isEqualTo(parent.pid());
            assertThat(app.fx(() -> row.aliveProperty().get())).isTrue();
        }
        app.screenshot("orphan-13");
    }
}
