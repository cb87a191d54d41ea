package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.testing.Await;

/**
 * Issue 15 through the window: a lesson whose program kills its supervisor ({@code os.kill(os.getppid(), 9)}, as a
 * lesson on signals might) and leaves a child running. The run ends, nothing of it is left, and the process table says
 * the processes whose end nobody saw were lost from view, not that they ended.
 */
class ContainmentWindowTest extends WindowTest {
    private static final String PROGRAM = """
            import os
            import time

            if os.fork() == 0:
                while True:
                    time.sleep(0.1)
            time.sleep(0.3)
            print("main: killing my parent, the supervisor", flush=True)
            os.kill(os.getppid(), 9)
            for i in range(100):
                print("main still here", i, flush=True)
                time.sleep(0.05)
            """;

    @TempDir
    Path lessons;

    @Test
    void aProgramThatKillsItsSupervisorEndsAndItsProcessesAreLostFromView() throws Exception {
        AppDriver.writeLesson(lessons, "01-signals", "Killing one's parent", "kills_parent.py", PROGRAM);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().status().finished());
        RunSnapshot s = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(s.supervisorLost()).as("the supervisor's loss is recorded").isNotNull();
        assertThat(s.supervisorLost().verifiedGone()).isTrue();
        ProcessView main = s.main().orElseThrow();
        assertThat(main.lost()).isTrue();
        assertThat(s.lostProcesses()).isEqualTo(2);
        String status = "Ended — its supervisor was killed; 2 processes lost from view";
        app.waitFor("the status to say so", Duration.ofSeconds(30),
                () -> status.equals(app.vm().run().statusProperty().get()));
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo(status);
        app.waitForPulses(3);
        assertThat(app.texts(app.shell())).contains("lost from view");
        app.screenshot("supervisor-killed-lost-from-view");
        List<Long> pids = s.processes().stream().map(ProcessView::pid).toList();
        Await.atMost(Duration.ofSeconds(10)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).allSatisfy(p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is still alive", p).isFalse());
    }
}
