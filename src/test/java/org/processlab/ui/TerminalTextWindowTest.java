package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.testing.Await;
import org.processlab.ui.console.ConsoleRow;

/**
 * The console shows what a terminal would, as a student runs a lesson: a progress bar drawn with carriage returns is
 * one row (the main process's: the text beside the input line) that changes in place while it is drawn and stays one line with its last text; colour codes show no escape
 * characters; a traceback names the lesson's file as {@code lessons/<id>/…}, not the copy it ran from. Screenshots:
 * {@code console-progress-live.png}, {@code console-progress-done.png}.
 */
class TerminalTextWindowTest extends WindowTest {
    /** Waits at each gate file (written by the test) so the test sees the bar half drawn. */
    private static final String BAR = """
            import os, sys, time

            here = os.path.dirname(os.path.abspath(__file__))

            def wait_for(gate):
                while not os.path.exists(os.path.join(here, gate)):
                    time.sleep(0.05)

            print("\\x1b[1;34mCopying\\x1b[0m three files", flush=True)
            for i in range(1, 4):
                bar = "#" * (i * 8)
                print(f"\\r[{bar:<24}] {i}/3", end="", flush=True)
                if i < 3:
                    wait_for(f"gate{i}")
            print()
            print("\\x1b[31mred\\x1b[0m and \\x1b[32mgreen\\x1b[0m", flush=True)
            raise RuntimeError("the copy failed")
            """;

    @TempDir
    Path lessons;

    @Test
    void aProgressBarChangesInPlaceAndColoursAndPathsShowAsOnATerminal() throws Exception {
        Path lesson = AppDriver.writeLesson(lessons, "01-bar", "Progress bar", "bar.py", BAR);
        app.launch(home, "--lessons", lessons.toString(), "--presenter");
        app.click("#runButton");
        app.waitFor("the bar at 1/3", Duration.ofSeconds(60), () -> unfinished().equals(List.of("[########                ] 1/3")));
        List<Long> pids = app.fx(() -> app.vm().run().model().snapshot().processes().stream().map(ProcessView::pid).toList());
        Files.writeString(lesson.resolve("gate1"), "");
        app.waitFor("the same row at 2/3", Duration.ofSeconds(30),
                () -> unfinished().equals(List.of("[################        ] 2/3")));
        assertThat(rows(ConsoleRow.Kind.LINE)).as("no finished line of the bar yet").containsExactly("Copying three files");
        app.screenshot("console-progress-live");
        Files.writeString(lesson.resolve("gate2"), "");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get());
        app.waitFor("the traceback's last line", Duration.ofSeconds(10),
                () -> rows(ConsoleRow.Kind.LINE).contains("RuntimeError: the copy failed"));
        List<String> lines = rows(ConsoleRow.Kind.LINE);
        assertThat(lines).containsSubsequence("Copying three files", "[########################] 3/3", "red and green",
                "Traceback (most recent call last):", "  File \"lessons/01-bar/bar.py\", line 17, in <module>");
        assertThat(lines).as("one line for the whole bar").filteredOn(l -> l.startsWith("[#")).hasSize(1);
        assertThat(lines).noneMatch(l -> l.indexOf('\u001b') >= 0 || l.contains(lessons.toString()));
        assertThat(unfinished()).isEmpty();
        assertThat(app.fx(() -> app.vm().run().model().output().get(0).text())).as("the run keeps the text as written")
                .startsWith("\u001b[1;34m");
        app.screenshot("console-progress-done");
        Await.atMost(Duration.ofSeconds(15)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
    }

    private List<String> rows(ConsoleRow.Kind kind) {
        return app.fx(() -> app.vm().run().console().shownRows().stream().filter(r -> r.kind() == kind)
                .map(ConsoleRow::text).toList());
    }

    /**
     * The console's unfinished lines: its rows, and the main process's own beside the input line while the run takes
     * input (where a terminal's cursor would stand).
     */
    private List<String> unfinished() {
        return app.fx(() -> {
            List<String> open = new java.util.ArrayList<>(rows(ConsoleRow.Kind.UNFINISHED));
            String prompt = app.vm().run().console().input().promptProperty().get();
            if (!prompt.isEmpty()) {
                open.add(prompt);
            }
            return open;
        });
    }
}
