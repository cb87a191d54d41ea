package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.RunSnapshot;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.console.ConsoleViewModel;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineLane;

/**
 * exec (issue 16, point 3): a child that becomes a shell keeps its lane and its PID, and from then on the lane and its
 * row in the process table are called by the shell's command, with what it was before.
 */
class ExecWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void aChildThatExecsKeepsItsLaneUnderTheNewProgramsName() throws Exception {
        AppDriver.writeLesson(lessons, "01-exec", "A child becomes a shell", "execs.py", """
                import multiprocessing as mp
                import os
                import time


                def work():
                    print("worker: about to become a shell")
                    os.execv("/bin/sh", ["sh", "-c", "sleep 0.3; echo I am sh now"])


                if __name__ == "__main__":
                    mp.set_start_method("fork")
                    worker = mp.Process(target=work)
                    worker.start()
                    worker.join()
                    print("main: worker ended with", worker.exitcode)
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        app.waitForRunShown();
        app.waitForPulses(3);
        Timeline timeline = app.shell().timeline();
        RunSnapshot s = app.fx(timeline::getSnapshot);
        List<TimelineLane> lanes = app.fx(() -> List.copyOf(timeline.getLanes()));
        assertThat(lanes).as("one lane per process: the exec makes none").hasSize(s.processes().size());
        TimelineLane worker = lanes.stream().filter(l -> l.process().depth() == 1 && l.process().helperKind() == null)
                .findFirst().orElseThrow();
        long pid = worker.process().pid();
        assertThat(worker.title()).isEqualTo("sh -c sleep 0.3; echo I am sh now");
        assertThat(worker.detail()).isEqualTo("PID " + pid + " · was worker · child · fork");
        assertThat(worker.process().execs()).hasSize(1);
        ProcessRow row = app.fx(() -> app.vm().run().table().rows().stream().filter(r -> r.getPid() == pid)
                .findFirst().orElseThrow());
        assertThat(app.fx(() -> row.nameProperty().get())).isEqualTo("sh -c sleep 0.3; echo I am sh now");
        ConsoleViewModel console = app.vm().run().console();
        ConsoleRow before = app.fx(() -> console.shownRows().stream()
                .filter(r -> r.text().equals("worker: about to become a shell")).findFirst().orElseThrow());
        assertThat(before.pid()).as("printed before the exec, never flushed: kept, on its lane").isEqualTo(pid);
        assertThat(app.fx(() -> console.nameOf(pid, before.t()))).as("named as it was when it printed")
                .isEqualTo("worker · " + pid);
        app.screenshot("exec");
        app.nodeScreenshot(timeline, "timeline-exec");
    }
}
