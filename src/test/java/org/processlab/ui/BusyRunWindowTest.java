package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.RunEvent;
import org.processlab.run.ProcFs;
import org.processlab.run.RunSession;
import org.processlab.run.RunSpec;

/**
 * The window runs a lesson at its own priority, so a busy computer stretches the lesson's times no more than the
 * CLI's; a run that turns busy (many processes, or a flood of output) is lowered {@link RunSpec#WINDOW_NICE} steps,
 * every process of it, and the window says so.
 */
class BusyRunWindowTest extends WindowTest {
    /** Every process prints its niceness once it has waited long enough for a lowering to have landed. */
    private static final String REPORT = """
            import multiprocessing
            import os
            import sys
            import time


            def report(who):
                time.sleep(%s)
                print(f"{who} nice {os.nice(0)}", flush=True)


            if __name__ == "__main__":
                for i in range(%d):
                    sys.stdout.write(f"flood line {i}\\n")
                children = [multiprocessing.Process(target=report, args=(f"child{i}",)) for i in range(%d)]
                for c in children:
                    c.start()
                for c in children:
                    c.join()
                report("main")
            """;

    @TempDir
    Path lessons;

    @Test
    void aLessonRunsAtTheWindowsPriorityAndABusyRunIsLoweredAndSaysSo() throws Exception {
        AppDriver.writeLesson(lessons, "01-light", "Light", "light.py", REPORT.formatted("0.2", 0, 2));
        lesson(2, "02-many", "Many", "many.py", REPORT.formatted("1.5", 0, RunSession.BUSY_PROCESSES + 4));
        lesson(3, "03-flood", "Flood", "flood.py", REPORT.formatted("1.5", 40_000, 1));
        int base = ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        int lowered = Math.min(19, base + RunSpec.WINDOW_NICE);
        app.launch(home, "--lessons", lessons.toString());

        List<String> light = run("01-");
        assertThat(light).as("a light run keeps the window's priority").hasSize(3)
                .allSatisfy(l -> assertThat(l).endsWith(" nice " + base));
        assertThat(app.fx(() -> app.vm().run().priorityLoweredProperty().get())).isNull();
        assertThat(app.fx(() -> app.shell().lookup("#priorityNote").isVisible())).isFalse();

        List<String> many = run("02-");
        assertThat(many).as("every process of a run with many processes, those alive when it turned busy too")
                .hasSize(RunSession.BUSY_PROCESSES + 5).allSatisfy(l -> assertThat(l).endsWith(" nice " + lowered));
        RunEvent.PriorityLowered why = app.fx(() -> app.vm().run().priorityLoweredProperty().get());
        assertThat(why.reason()).matches("it has made \\d+ processes");
        assertThat(why.steps()).isEqualTo(RunSpec.WINDOW_NICE);
        Label note = app.fx(() -> (Label) app.shell().lookup("#priorityNote"));
        assertThat(app.fx(note::isVisible)).isTrue();
        assertThat(app.fx(note::getText)).matches("lowered at \\d+\\.\\d\\d s");
        assertThat(app.fx(() -> note.getTooltip().getText())).contains(why.reason()).contains("stretched");
        app.screenshot("busy-run-lowered");

        List<String> flood = run("03-");
        assertThat(flood).as("a flood of output").hasSize(2).allSatisfy(l -> assertThat(l).endsWith(" nice " + lowered));
        assertThat(app.fx(() -> app.vm().run().priorityLoweredProperty().get().reason()))
                .matches("it prints [\\d,]+ lines a second");
    }

    private void lesson(int order, String id, String title, String file, String code) throws Exception {
        Path dir = AppDriver.writeLesson(lessons, id, title, file, code);
        Files.writeString(dir.resolve("lesson.md"),
                Files.readString(dir.resolve("lesson.md")).replace("order: 1", "order: " + order));
    }

    /** Runs the lesson's example and returns its "… nice N" lines. */
    private List<String> run(String prefix) {
        app.clickLesson(prefix);
        app.click("#runButton");
        app.waitForRunShown();
        List<String> out = new ArrayList<>();
        app.fx(() -> {
            var log = app.vm().run().model().output();
            for (int i = 0; i < log.size(); i++) {
                String text = log.get(i).text();
                if (text.contains(" nice ")) {
                    out.add(text);
                }
            }
        });
        return out;
    }
}
