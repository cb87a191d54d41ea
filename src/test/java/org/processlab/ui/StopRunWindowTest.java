package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.StopReason;
import org.processlab.testing.Await;

/** Stop ends every process of a run, and so does closing the window: nothing is left behind. */
class StopRunWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void stopAndCloseLeaveNoProcessBehind() throws Exception {
        AppDriver.writeSleeperLesson(lessons);
        app.launch(home, "--lessons", lessons.toString());

        // Stop: the status says so, and both processes are gone.
        List<Long> pids = runUntilTwoProcesses();
        app.click("#stopButton");
        app.waitFor("the run to stop", Duration.ofSeconds(30), () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo("Stopped");
        assertThat(app.fx(() -> app.vm().run().model().snapshot().stoppedBy())).isEqualTo(StopReason.USER);
        app.screenshot("stopped-run");
        assertGone(pids);

        // A time limit chosen in the toolbar ends the whole run by itself.
        app.click("#timeLimit");
        app.robot.clickOn("Stop after 5 s");
        app.waitFor("the limit to be set", Duration.ofSeconds(10), () -> Integer.valueOf(5).equals(app.vm().timeLimitProperty().get()));
        List<Long> limited = runUntilTwoProcesses();
        app.waitFor("the time limit to end the run", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo("Stopped: time limit");
        assertThat(app.fx(() -> app.vm().run().model().snapshot().stoppedBy())).isEqualTo(StopReason.TIME_LIMIT);
        assertGone(limited);
        app.screenshot("time-limit-run");
        app.click("#timeLimit");
        app.robot.clickOn("No time limit");
        app.waitFor("the limit to be cleared", Duration.ofSeconds(10), () -> app.vm().timeLimitProperty().get() == null);

        // Closing the app while a run goes on ends it too.
        List<Long> again = runUntilTwoProcesses();
        app.close();
        assertGone(again);
    }

    private List<Long> runUntilTwoProcesses() {
        app.click("#runButton");
        app.waitFor("main and its child", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().processes().stream().filter(ProcessView::alive).count() >= 2
                && app.vm().run().model().output().size() >= 1);
        return app.fx(() -> app.vm().run().model().snapshot().processes().stream().map(ProcessView::pid).toList());
    }

    private void assertGone(List<Long> pids) {
        Await.atMost(Duration.ofSeconds(15)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).allSatisfy(p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is still alive", p).isFalse());
    }
}
