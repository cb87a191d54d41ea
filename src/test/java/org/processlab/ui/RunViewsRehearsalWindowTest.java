package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunStatus;

/**
 * A moment after the window opens, it rehearses its run views out of sight (so the first real run's frames do not
 * stall): nothing of the rehearsal reaches the window's table, console or timeline, no process is started, and a
 * real run afterwards shows only its own processes.
 */
class RunViewsRehearsalWindowTest extends WindowTest {

    @Test
    void theRehearsalLeavesNoTraceAndARealRunFollowsAsUsual() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.waitFor("the lesson page", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null);
        app.waitFor("the rehearsal", Duration.ofSeconds(30), () -> app.shell().warmedUpProperty().get());

        assertThat(app.fx(() -> app.vm().run().model())).as("no run").isNull();
        assertThat(app.fx(() -> app.shell().processTable().table().getItems().size())).isZero();
        assertThat(app.fx(() -> app.shell().console().list().getItems().size())).isZero();
        assertThat(app.fx(() -> app.shell().timeline().getLanes().size())).isZero();
        assertThat(app.fx(() -> app.shell().timeline().getSnapshot())).isNull();
        List<String> started = ProcessHandle.current().descendants()
                .map(h -> h.info().commandLine().orElse("?")).filter(c -> c.contains("supervisor.py")).toList();
        assertThat(started).as("no run was started").isEmpty();
        app.screenshot("after-rehearsal");

        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitForRunShown();
        var snap = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(snap.status()).isEqualTo(RunStatus.ENDED);
        List<Long> pids = snap.processes().stream().map(p -> p.pid()).toList();
        assertThat(app.fx(() -> app.shell().processTable().table().getItems().stream().map(r -> r.getPid()).toList()))
                .as("the table shows the run's own processes, nothing rehearsed").isEqualTo(pids);
        assertThat(app.fx(() -> app.shell().timeline().getLanes().stream().map(l -> l.pid()).toList())).isEqualTo(pids);
        assertThat(app.fx(() -> app.shell().console().list().getItems().stream().map(r -> r.text()).toList()))
                .doesNotContain("main starts", "main ends").contains("Done!");
    }
}
