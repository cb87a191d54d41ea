package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineLane;

/**
 * A {@code start()} that raised (issue 15, point 7): the object's lane says "start() raised RuntimeError" with the
 * message on the lane where it raised, and its row's State says the same; never "start() not called".
 */
class StartRaisedWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void aStartThatRaisedShowsOnItsLaneAndInItsRow() throws Exception {
        AppDriver.writeLesson(lessons, "01-raises", "A start that raises", "raises.py", """
                import multiprocessing as mp
                import time


                class Unpicklable:
                    def __reduce__(self):
                        raise RuntimeError("this argument cannot be sent to a spawned child")


                def work(n):
                    time.sleep(0.5)
                    print(f"child {n} ran", flush=True)


                if __name__ == "__main__":
                    ctx = mp.get_context("spawn")
                    first = ctx.Process(target=work, args=(1,))
                    second = ctx.Process(target=work, args=(Unpicklable(),))
                    third = ctx.Process(target=work, args=(3,))
                    first.start()
                    time.sleep(0.3)
                    try:
                        second.start()
                    except RuntimeError as e:
                        print("second.start() raised:", e, flush=True)
                    time.sleep(0.3)
                    third.start()
                    first.join()
                    third.join()
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        Timeline timeline = app.shell().timeline();
        app.waitFor("the run to end", Duration.ofSeconds(90), () -> timeline.getSnapshot() != null
                && timeline.getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
        app.waitForPulses(3);
        RunSnapshot s = app.fx(timeline::getSnapshot);
        assertThat(s.processes()).filteredOn(ProcessView::notStarted).hasSize(1);
        TimelineLane lane = app.fx(() -> timeline.getLanes().stream().filter(l -> l.process().notStarted())
                .findFirst().orElseThrow());
        assertThat(lane.title()).isEqualTo("second");
        assertThat(lane.detail()).isEqualTo("no PID · start() raised RuntimeError");
        assertThat(lane.note()).isEqualTo("start() raised RuntimeError: this argument cannot be sent to a spawned child");
        ProcessRow row = app.fx(() -> app.vm().run().table().rows().stream().filter(r -> r.getPid() < 0)
                .findFirst().orElseThrow());
        assertThat(app.fx(() -> row.stateProperty().get()))
                .isEqualTo("start() raised RuntimeError: this argument cannot be sent to a spawned child");
        List<String> states = app.fx(() -> app.vm().run().table().rows().stream()
                .map(r -> r.stateProperty().get()).toList());
        assertThat(states).noneMatch(t -> t.contains("not called") || t.contains("not started"));
        app.screenshot("start-raised");
        app.nodeScreenshot(timeline, "timeline-start-raised");
    }
}
