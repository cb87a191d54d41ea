package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.run.ProcFs;
import org.processlab.run.RunSpec;
import org.processlab.ui.console.ConsoleRow;

/**
 * The window runs an example {@link RunSpec#WINDOW_NICE} steps of niceness below itself, children included, so
 * an example that keeps every core busy still leaves the window room to draw.
 */
class ExamplePriorityWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void anExampleAndItsChildrenRunBelowTheWindow() throws Exception {
        AppDriver.writeLesson(lessons, "01-nice", "Niceness", "nice.py", """
                import multiprocessing
                import os


                def child():
                    print(f"child nice {os.nice(0)}", flush=True)


                if __name__ == "__main__":
                    print(f"main nice {os.nice(0)}", flush=True)
                    p = multiprocessing.Process(target=child)
                    p.start()
                    p.join()
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get()
                && app.shell().console().list().getItems().size() >= 2);
        List<String> lines = app.fx(() -> app.shell().console().list().getItems().stream().map(ConsoleRow::text).toList());
        int expected = Math.min(19, ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().nice() + RunSpec.WINDOW_NICE);
        assertThat(lines).containsExactlyInAnyOrder("main nice " + expected, "child nice " + expected);
    }
}
