package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.StopReason;
import org.processlab.ui.shell.keys.Shortcut;

/**
 * The window's Interrupt, beside Stop, and its key Ctrl+.: SIGINT to the program's processes, as Ctrl+C in a terminal.
 * A program whose main and two workers catch {@code KeyboardInterrupt} cleans up and ends well: every clean-up line is
 * shown, the exit status is 0, the status line says it was interrupted, and no process is flagged as an orphan.
 */
class InterruptWindowTest extends WindowTest {
    private static final String PROGRAM = """
            import multiprocessing
            import time


            def work(n):
                try:
                    print(f"worker {n} waiting", flush=True)
                    time.sleep(120)
                except KeyboardInterrupt:
                    print(f"worker {n}: KeyboardInterrupt, cleaning up", flush=True)


            if __name__ == "__main__":
                workers = [multiprocessing.Process(target=work, args=(n,)) for n in (1, 2)]
                for w in workers:
                    w.start()
                try:
                    print("main waiting", flush=True)
                    for w in workers:
                        w.join()
                except KeyboardInterrupt:
                    print("main: KeyboardInterrupt, cleaning up", flush=True)
                    for w in workers:
                        w.join()
                print("main: done", flush=True)
            """;

    @TempDir
    Path lessons;

    @Test
    void ctrlPeriodAndTheButtonInterruptAProgramThatCleansUp() throws Exception {
        AppDriver.writeLesson(lessons, "01-interrupt", "Interrupted workers", "workers.py", PROGRAM);
        app.launch(home, "--lessons", lessons.toString());
        Button interrupt = app.robot.lookup("#interruptButton").queryAs(Button.class);
        assertThat(app.fx(interrupt::isDisabled)).as("no run yet: nothing to interrupt").isTrue();
        assertThat(app.fx(() -> interrupt.getTooltip().getText())).isEqualTo(Shortcut.INTERRUPT.tooltip());

        // Ctrl+., from the keyboard
        runUntilEveryoneWaits();
        assertThat(app.fx(interrupt::isDisabled)).as("a live run can be interrupted").isFalse();
        Node toolbar = app.robot.lookup(".run-toolbar").query();
        app.nodeScreenshot(toolbar, "interrupt-toolbar-live");
        app.robot.press(KeyCode.CONTROL, KeyCode.PERIOD).release(KeyCode.PERIOD, KeyCode.CONTROL);
        assertInterruptedAndCleanedUp();
        assertThat(app.fx(interrupt::isDisabled)).as("the run has ended").isTrue();
        app.screenshot("interrupt-ctrl-period-ended");

        // the button, in presenter mode
        app.robot.type(KeyCode.F11);
        app.waitFor("presenter mode", Duration.ofSeconds(10), () -> app.vm().presenter().presenterProperty().get());
        runUntilEveryoneWaits();
        app.screenshot("interrupt-presenter-live");
        app.nodeScreenshot(toolbar, "interrupt-toolbar-presenter-live");
        app.click("#interruptButton");
        assertInterruptedAndCleanedUp();
        app.screenshot("interrupt-presenter-ended");
    }

    /** Runs the example until main and both workers are waiting (each printed it inside its try). */
    private void runUntilEveryoneWaits() {
        app.click("#runButton");
        app.waitFor("main and both workers waiting", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().processes().stream().filter(ProcessView::alive).count() == 3
                && texts().stream().filter(t -> t.endsWith("waiting")).count() == 3);
    }

    private void assertInterruptedAndCleanedUp() {
        app.waitFor("the run to end", Duration.ofSeconds(30), () -> !app.vm().run().runningProperty().get());
        RunSnapshot s = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(s.stoppedBy()).isEqualTo(StopReason.INTERRUPT);
        assertThat(s.rootStatus()).as("the program's own status: it ended well").isZero();
        assertThat(texts()).contains("main: KeyboardInterrupt, cleaning up", "worker 1: KeyboardInterrupt, cleaning up",
                "worker 2: KeyboardInterrupt, cleaning up", "main: done");
        assertThat(s.processes()).hasSize(3).allSatisfy(p -> {
            assertThat(p.orphan()).as("%s flagged as an orphan", p.pid()).isFalse();
            assertThat(p.exitCode()).as("%s ended well", p.pid()).isZero();
        });
        app.waitFor("the status", Duration.ofSeconds(10),
                () -> app.vm().run().statusProperty().get().startsWith("Interrupted (SIGINT) — exit 0"));
    }

    /** The run's output lines (the output log is thread-safe: any thread reads it). */
    private List<String> texts() {
        var out = app.vm().run().model().output();
        return out.range(0, out.size()).stream().map(l -> l.text()).toList();
    }
}
