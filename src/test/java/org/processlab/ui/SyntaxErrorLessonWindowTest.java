package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.store.ProgressStore;

/**
 * A lesson whose example does not compile: Run shows the syntax error and starts nothing, and the lesson is not
 * counted as run (no ✓ in the list, no run in the saved progress) — nothing ran.
 */
class SyntaxErrorLessonWindowTest extends WindowTest {
    @TempDir
    Path course;

    @Test
    void aSyntaxErrorIsNoRunOfTheLesson() throws Exception {
        Path lesson = Files.createDirectories(course.resolve("01-colon"));
        Files.writeString(lesson.resolve("lesson.md"), """
                ---
                title: A colon missing
                order: 1
                example: square.py
                predict:
                  question: What does it print?
                  choices: ["Square of 10: 100", "Nothing"]
                  answer: 0
                  explain: It prints the square.
                ---
                # A colon missing
                """);
        Files.writeString(lesson.resolve("square.py"), """
                def print_square(num)
                    print(f"Square of {num}: {num * num}")
                """);
        app.launch(home, "--lessons", course.toString());
        app.clickLesson("01-");
        app.click("#choice0");
        app.waitFor("Run to be allowed", Duration.ofSeconds(10),
                () -> !app.robot.lookup("#runButton").query().isDisabled());
        app.click("#runButton");
        app.waitFor("the syntax error", Duration.ofSeconds(30),
                () -> app.vm().run().statusProperty().get().startsWith("Syntax error on line 1")
                        && !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().model())).as("no run model: no process started").isNull();
        String id = app.lesson("01-").id();
        assertThat(app.fx(() -> app.vm().progress().of(id).ran())).as("a syntax error is no run").isFalse();
        assertThat(ProgressStore.open(home).of(id).runs()).isZero();
        assertThat(app.robot.lookup(".lesson-done-icon").tryQuery()).as("no ✓ in the lesson list").isEmpty();
        assertThat(app.fx(() -> app.vm().prediction().revealProperty().get())).as("nothing to reveal").isNull();
        app.screenshot("syntax-error-lesson");
    }
}
