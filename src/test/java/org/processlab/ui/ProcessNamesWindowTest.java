package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineLane;

/**
 * A process the program named is called by that name on its lane and in the table, and children started in a loop
 * into one variable are told apart (issue 17, a student tester's find): pressing Run as a user does.
 */
class ProcessNamesWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void laneAndTableShowTheNameTheProgramGaveAndNumberALoopsChildren() throws Exception {
        AppDriver.writeLesson(lessons, "01-names", "Names", "names.py", """
                from multiprocessing import Process


                def work(n):
                    print("working", n)


                if __name__ == "__main__":
                    ps = [Process(target=work, args=(i,), name=f"c{i}") for i in range(2)]
                    for p in ps:
                        p.start()
                    for p in ps:
                        p.join()
                    for i in range(3):
                        p = Process(target=work, args=(10 + i,))
                        p.start()
                        p.join()
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        Timeline timeline = app.shell().timeline();
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> timeline.getSnapshot() != null
                && timeline.getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
        app.waitForPulses(3);

        List<String> titles = app.fx(() -> timeline.getLanes().stream().map(TimelineLane::title).toList());
        assertThat(titles).contains("c0", "c1")
                .anyMatch(t -> t.matches("p  \\(Process-\\d+\\)"))
                .anyMatch(t -> t.matches("p #2  \\(Process-\\d+\\)"))
                .anyMatch(t -> t.matches("p #3  \\(Process-\\d+\\)"));
        List<String> rows = app.fx(() -> app.vm().run().table().rows().stream()
                .map(r -> r.nameProperty().get()).toList());
        assertThat(rows).containsExactly("MainProcess", "c0", "c1", "p", "p #2", "p #3");
        assertThat(app.texts(app.shell().processTable())).as("drawn in the table's cells").contains("c0", "c1");
        app.screenshot("process-names");
        app.nodeScreenshot(app.shell().processTable(), "process-names-table");
        app.nodeScreenshot(timeline, "process-names-timeline");
    }
}
