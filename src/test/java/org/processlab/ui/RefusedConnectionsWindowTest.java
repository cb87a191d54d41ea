package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.Label;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger knocking on a run's trace channel with the wrong token: the window says, in the run toolbar, how many
 * connections were refused and why; a run nobody knocked on says nothing.
 */
class RefusedConnectionsWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void theToolbarSaysWhatTheChannelRefused() throws Exception {
        AppDriver.writeLesson(lessons, "01-knock", "A stranger knocks", "knock.py",
                Files.readString(AppDriver.repo().resolve("src/test/resources/cases/wrong_token.py")));
        Path quiet = AppDriver.writeLesson(lessons, "02-quiet", "Nobody knocks", "quiet.py", "print('alone')\n");
        Files.writeString(quiet.resolve("lesson.md"),
                Files.readString(quiet.resolve("lesson.md")).replace("order: 1", "order: 2"));
        app.launch(home, "--lessons", lessons.toString());
        Label note = app.fx(() -> (Label) app.shell().lookup("#refusedNote"));

        app.clickLesson("01-");
        app.click("#runButton");
        app.waitForRunShown();
        app.waitFor("the refusal is shown", java.time.Duration.ofSeconds(30), note::isVisible);
        assertThat(app.fx(note::getText)).isEqualTo("1 connection to the trace channel was refused (wrong token)");
        assertThat(app.fx(() -> note.getTooltip().getText())).contains("not a process of this run");
        app.screenshot("refused-connections");

        app.clickLesson("02-");
        app.click("#runButton");
        app.waitForRunShown();
        assertThat(app.fx(note::isVisible)).as("a run nobody knocked on").isFalse();
    }
}
