package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineLane;

/**
 * Between {@code Process(...)} and {@code start()} the object has a lane and a row, with no PID and the state
 * "created"; once started, its process takes that place under its PID.
 */
class NotStartedWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void aProcessObjectShowsAsCreatedWithoutAPidUntilItStarts() throws Exception {
        AppDriver.writeLesson(lessons, "01-late", "A late start", "late.py", """
                import multiprocessing
                import time


                def work():
                    print("working", flush=True)


                if __name__ == "__main__":
                    late = multiprocessing.Process(target=work)
                    print("made the Process object; start() comes in 3 s", flush=True)
                    time.sleep(3)
                    late.start()
                    late.join()
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        Timeline timeline = app.shell().timeline();
        app.waitFor("a lane for the object", Duration.ofSeconds(60), () -> timeline.getLanes().stream()
                .anyMatch(l -> l.process().notStarted()));
        TimelineLane lane = app.fx(() -> timeline.getLanes().stream().filter(l -> l.process().notStarted())
                .findFirst().orElseThrow());
        assertThat(lane.title()).isEqualTo("Process-1");
        assertThat(lane.detail()).isEqualTo("no PID · start() not called");
        ProcessRow row = app.fx(() -> app.vm().run().table().rows().stream().filter(r -> r.getPid() < 0)
                .findFirst().orElseThrow());
        assertThat(app.fx(() -> row.stateProperty().get())).isEqualTo("created");
        assertThat(app.fx(() -> row.aliveProperty().get())).isFalse();
        app.screenshot("not-started-live");

        app.waitFor("the run to end", Duration.ofSeconds(60), () -> timeline.getSnapshot() != null
                && timeline.getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
        RunSnapshot s = app.fx(timeline::getSnapshot);
        assertThat(s.processes()).as("the object's lane became its process's").hasSize(2)
                .noneMatch(ProcessView::notStarted);
        ProcessView late = s.processes().stream().filter(p -> "late".equals(p.label())).findFirst().orElseThrow();
        assertThat(late.states().get(0).state()).isEqualTo(LifeState.CREATED);
        assertThat(late.states().get(0).to() - late.states().get(0).from()).as("created for the 3 s before start()")
                .isGreaterThan(2_500_000);
        List<ProcessRow> rows = app.fx(() -> List.copyOf(app.vm().run().table().rows()));
        assertThat(rows).extracting(ProcessRow::getPid).allMatch(pid -> pid > 0);
        app.nodeScreenshot(timeline, "timeline-created-then-started");
    }
}
