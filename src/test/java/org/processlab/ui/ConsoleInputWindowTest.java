package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.testing.Await;

/**
 * The console's input line, as a person uses it: what is typed there reaches the program's {@code input()}, and
 * Ctrl+D gives it end-of-file.
 */
class ConsoleInputWindowTest extends WindowTest {
    private static final String SQUARE = """
            n = int(input("number? "))
            print("square:", n * n)
            """;

    @TempDir
    Path lessons;

    @Test
    void typedLineReachesInput() throws Exception {
        AppDriver.writeLesson(lessons, "01-square", "Square a number", "square.py", SQUARE);
        app.launch(home, "--lessons", lessons.toString());
        assertThat(app.fx(() -> inputLine().isVisible())).as("no input line before a run").isFalse();

        List<Long> pids = runUntilInputShown();
        app.robot.clickOn("#consoleInput");
        app.robot.write("7");
        app.screenshot("console-input-typed");
        app.robot.type(KeyCode.ENTER);
        app.waitFor("the program's answer", Duration.ofSeconds(60), () -> consoleHas("square: 49"));
        app.waitFor("the run to end", Duration.ofSeconds(30), () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().model().snapshot().rootStatus())).isEqualTo(0);
        app.waitFor("the input line to go", Duration.ofSeconds(10), () -> !inputLine().isVisible());
        app.screenshot("console-input-answered");
        assertGone(pids);
    }

    @Test
    void ctrlDGivesEndOfFile() throws Exception {
        AppDriver.writeLesson(lessons, "01-square", "Square a number", "square.py", SQUARE);
        app.launch(home, "--lessons", lessons.toString());

        List<Long> pids = runUntilInputShown();
        app.robot.clickOn("#consoleInput");
        app.screenshot("console-input-live");
        app.robot.press(KeyCode.CONTROL).press(KeyCode.D).release(KeyCode.D).release(KeyCode.CONTROL);
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().model().snapshot().rootStatus())).isEqualTo(1);
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo("Ended — exit 1");
        app.waitFor("EOFError in the console", Duration.ofSeconds(10), () -> consoleHas("EOFError"));
        assertGone(pids);
    }

    /**
     * On a projector in the dark theme: the input line grows with presenter mode (its text at least 24 px, as the
     * console's lines) and is drawn in the theme's colours; {@code console-input-presenter-dark.png} shows it.
     */
    @Test
    void inputLineFollowsPresenterModeAndTheme() throws Exception {
        AppDriver.writeLesson(lessons, "01-square", "Square a number", "square.py", SQUARE);
        app.launch(home, "--lessons", lessons.toString(), "--presenter");
        app.click("#themeMenu");
        app.click("#theme-dark");
        List<Long> pids = runUntilInputShown();
        app.robot.clickOn("#consoleInput");
        app.robot.write("12");
        app.waitForPulses(4);
        TextField field = (TextField) app.robot.lookup("#consoleInput").query();
        assertThat(app.fx(() -> field.getFont().getSize())).as("typed text on a projector").isGreaterThanOrEqualTo(24);
        app.screenshot("console-input-presenter-dark");
        app.robot.type(KeyCode.ENTER);
        app.waitFor("the program's answer", Duration.ofSeconds(60), () -> consoleHas("square: 144"));
        app.waitFor("the run to end", Duration.ofSeconds(30), () -> !app.vm().run().runningProperty().get());
        assertGone(pids);
    }

    /**
     * The program's prompt, printed without a newline, stands beside the input line before anything is typed (on a
     * projector: {@code console-prompt-presenter.png}); typing 7 gives the rest, and the console shows the prompt and
     * the answer as a terminal does, the typed part marked as typed.
     */
    @Test
    void promptShowsBesideTheInputLineBeforeTyping() throws Exception {
        AppDriver.writeLesson(lessons, "01-square", "Square a number", "square.py", SQUARE);
        app.launch(home, "--lessons", lessons.toString(), "--presenter");
        List<Long> pids = runUntilInputShown();
        Label prompt = (Label) app.robot.lookup("#consoleProgramPrompt").query();
        app.waitFor("the prompt beside the input line", Duration.ofSeconds(30),
                () -> "number? ".equals(app.fx(prompt::getText)) && app.fx(prompt::isVisible));
        assertThat(app.fx(() -> app.vm().run().model().snapshot().outputLines())).as("nothing typed, no line yet").isZero();
        assertThat(app.fx(() -> prompt.getFont().getSize())).as("the prompt on a projector").isGreaterThanOrEqualTo(24);
        app.waitFor("the input line to take the keys when the program asks", Duration.ofSeconds(10),
                () -> app.robot.lookup("#consoleInput").query().isFocused());
        app.screenshot("console-prompt-presenter");
        app.robot.write("7");   // no click: typed where a terminal's answer would go
        app.robot.type(KeyCode.ENTER);
        app.waitFor("the program's answer", Duration.ofSeconds(60), () -> consoleHas("square: 49"));
        assertThat(app.fx(() -> app.vm().run().console().shownRows().stream()
                .map(r -> r.kind() + ":" + r.text() + r.typed()).toList()))
                .containsSubsequence("TYPED:number? 7 \u23CE", "LINE:square: 49");
        app.waitFor("the run to end", Duration.ofSeconds(30), () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().model().output().get(0).text())).as("the program's own line")
                .isEqualTo("number? square: 49");
        app.screenshot("console-prompt-answered");
        assertGone(pids);
    }

    private List<Long> runUntilInputShown() {
        app.click("#runButton");
        app.waitFor("the main process and the input line", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().processes().stream().anyMatch(ProcessView::alive)
                && inputLine().isVisible());
        return app.fx(() -> app.vm().run().model().snapshot().processes().stream().map(ProcessView::pid).toList());
    }

    /** The row holding the input field (the field's own visibility does not change; its line's does). */
    private Node inputLine() {
        TextField f = (TextField) app.robot.lookup("#consoleInput").query();
        return f.getParent();
    }

    private boolean consoleHas(String text) {
        return app.vm().run().console().shownRows().stream().anyMatch(r -> r.text().contains(text));
    }

    private void assertGone(List<Long> pids) {
        Await.atMost(Duration.ofSeconds(15)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).allSatisfy(p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is still alive", p).isFalse());
    }
}
