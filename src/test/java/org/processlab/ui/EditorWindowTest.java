package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;

import org.processlab.lesson.Lesson;
import org.processlab.model.ProcessView;
import org.processlab.testing.Await;
import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.shell.ShellViewModel;

/**
 * The code editor, as a person uses it: change lesson 2's example and run it, Reset, a syntax error marked at its
 * line with nothing started, edits kept across a restart, and the keys that type rather than act. Screenshots:
 * {@code editor-*.png}.
 */
class EditorWindowTest extends WindowTest {
    private static final String TWO = "02-first-processes";
    private final List<Long> pids = new ArrayList<>();

    private CodeArea area() {
        return app.shell().editor().codeArea();
    }

    private Lesson openCode(String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--lesson", TWO));
        args.addAll(List.of(more));
        app.launch(home, args.toArray(String[]::new));
        app.waitFor("lesson 2", Duration.ofSeconds(30), () -> app.vm().selectedProperty().get() != null
                && app.vm().selectedProperty().get().id().equals(TWO));
        app.click("#codeTab");
        app.waitFor("the example in the editor", Duration.ofSeconds(10), () -> area().getText().contains("args=(10,)"));
        return (Lesson) app.fx(() -> app.vm().selectedProperty().get());
    }

    /** Selects {@code what} (its first match after {@code after}) in the code, as a double click would. */
    private void select(String after, String what) {
        app.fx(() -> {
            int at = area().getText().indexOf(what, area().getText().indexOf(after));
            area().selectRange(at, at + what.length());
            area().requestFollowCaret();
        });
    }

    private void clickIntoCode() {
        Node area = area();
        app.robot.clickOn(area);
    }

    private boolean consoleHas(String text) {
        return app.vm().run().console().shownRows().stream().anyMatch(r -> r.text().contains(text));
    }

    private void waitForRunEnd() {
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && !app.vm().run().runningProperty().get());
        pids.addAll(app.fx(() -> app.vm().run().model().snapshot().processes().stream().map(ProcessView::pid).toList()));
    }

    @Test
    void anEditedExampleRunsAsYourVersionAndResetBringsTheLessonBack() throws Exception {
        Lesson two = openCode();
        byte[] lessonBytes = Files.readAllBytes(two.example().file());
        String lessonCode = app.fx(() -> area().getText());
        assertThat(app.fx(() -> app.robot.lookup("#editorMark").query().isVisible())).isFalse();

        clickIntoCode();
        select("p1 = ", "10");
        app.robot.write("7");
        app.waitFor("the edit", Duration.ofSeconds(10), () -> app.vm().editor().differs());
        assertThat(app.fx(() -> area().getText())).contains("print_square, args=(7,)");
        Label mark = (Label) app.robot.lookup("#editorMark").query();
        assertThat(app.fx(mark::isVisible)).isTrue();
        assertThat(app.fx(mark::getText)).isEqualTo("Your version — differs from the lesson's");
        javafx.scene.Node card = app.robot.lookup("#prediction").query();
        assertThat(app.fx(card::isVisible)).as("the lesson's question is about its own code: set aside").isFalse();

        app.robot.type(KeyCode.F5);
        app.waitFor("Square of 7: 49 in the console", Duration.ofSeconds(60), () -> consoleHas("Square of 7: 49"));
        waitForRunEnd();
        assertThat(app.fx(() -> app.vm().run().model().snapshot().title())).endsWith("(your version)");
        app.waitFor("the status to say your version", Duration.ofSeconds(10),
                () -> app.vm().run().statusProperty().get().endsWith(ShellViewModel.YOUR_VERSION));
        app.waitForPulses(4);
        assertThat(app.fx(() -> app.vm().prediction().revealProperty().get())).as("no reveal").isNull();
        app.screenshot("editor-your-version");

        app.click("#editorReset");
        app.waitFor("the lesson's code back", Duration.ofSeconds(10), () -> area().getText().equals(lessonCode));
        assertThat(app.fx(mark::isVisible)).isFalse();
        assertThat(app.fx(card::isVisible)).as("the question back with the lesson's code").isTrue();
        assertThat(Files.readAllBytes(two.example().file())).as("the lesson file, byte for byte").isEqualTo(lessonBytes);
        assertGone();
    }

    @Test
    void aSyntaxErrorIsMarkedAtItsLineAndNothingStartsUntilItIsFixed() throws Exception {
        openCode("--presenter");
        app.click("#themeMenu");
        app.click("#theme-dark");
        // presenter mode folds the middle column; Ctrl+E brings it back with the code shown, the focus in it
        app.click("#lessonTab");
        app.robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        app.waitFor("the code column", Duration.ofSeconds(10), () -> app.shell().codeTabs().isVisible()
                && app.shell().codeTabs().codeShown() && area().isFocused());
        double share = app.fx(() -> {
            var split = (javafx.scene.control.SplitPane) app.shell().codeTabs().getParent().getParent();
            return app.shell().codeTabs().getWidth() / split.getWidth();
        });
        assertThat(share).as("the code's column on a projector").isGreaterThan(0.4);
        clickIntoCode();
        select("p1 = ", "10");
        app.robot.write("7");
        // delete p1's closing parenthesis
        app.fx(() -> {
            int line = area().getText().indexOf("print_square, args=(7,))");
            int close = line + "print_square, args=(7,)".length();
            area().moveTo(close + 1);
        });
        app.robot.type(KeyCode.BACK_SPACE);
        app.waitFor("the broken line", Duration.ofSeconds(10), () -> area().getText().contains("args=(7,)\n"));
        int line = app.fx(() -> (int) area().getText().lines().takeWhile(l -> !l.contains("print_square, args=(7,)"))
                .count());

        app.robot.type(KeyCode.F5);
        app.waitFor("the problem", Duration.ofSeconds(30), () -> app.vm().editor().problemProperty().get() != null
                && !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().model())).as("no run model: no process started").isNull();
        var p = app.fx(() -> app.vm().editor().problemProperty().get());
        assertThat(p.line()).as("the line the parenthesis opens on").isEqualTo(line + 1);
        assertThat(app.fx(() -> area().getParagraph(line).getParagraphStyle())).contains("syntax-problem");
        assertThat(app.fx(() -> area().getCurrentParagraph())).as("the caret goes there").isEqualTo(line);
        Label problem = (Label) app.robot.lookup("#editorProblem").query();
        assertThat(app.fx(problem::isVisible)).isTrue();
        assertThat(app.fx(problem::getText)).contains(p.message()).contains("Line " + p.line());
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).startsWith("Syntax error on line " + p.line());
        assertThat(app.fx(() -> ((javafx.scene.text.Text) area().lookup(".text")).getFont().getSize()))
                .as("code a back row can read").isGreaterThanOrEqualTo(20.0);
        app.screenshot("editor-syntax-error-presenter-dark");
        app.click("#themeMenu");
        app.click("#theme-light");
        app.screenshot("editor-syntax-error-presenter");

        // the fix: undo the deletion (the editor's own Ctrl+Z), then Run
        clickIntoCode();
        app.robot.press(KeyCode.CONTROL).press(KeyCode.Z).release(KeyCode.Z).release(KeyCode.CONTROL);
        app.waitFor("the parenthesis back", Duration.ofSeconds(10), () -> area().getText().contains("args=(7,))"));
        app.robot.type(KeyCode.F5);
        app.waitFor("Square of 7: 49 in the console", Duration.ofSeconds(60), () -> consoleHas("Square of 7: 49"));
        waitForRunEnd();
        assertThat(app.fx(problem::isVisible)).isFalse();
        assertThat(app.fx(() -> area().getParagraph(line).getParagraphStyle())).isEmpty();
        assertGone();
    }

    @Test
    void editsSurviveARestart() throws Exception {
        openCode();
        clickIntoCode();
        select("p2 = ", "10");
        app.robot.write("3");
        app.waitFor("the edit", Duration.ofSeconds(10), () -> app.vm().editor().differs());
        Path scratch = app.fx(() -> app.vm().scratch().dir());
        app.close();
        assertThat(scratch).as("the window's scratch folder goes with it").doesNotExist();

        openCode();
        app.waitFor("the kept edit", Duration.ofSeconds(10), () -> area().getText().contains("print_cube, args=(3,)"));
        assertThat(app.fx(() -> app.robot.lookup("#editorMark").query().isVisible())).isTrue();
        assertThat(app.fx(() -> app.shell().codeTabs().getTabs().get(1).getText())).endsWith("•")
                .as("a long file name loses its middle, so the Lesson tab stays in sight")
                .isEqualTo("Code — multi…ng_s1_e1.py •");
        assertThat(app.fx(() -> app.shell().codeTabs().getTabs().get(1).getTooltip().getText()))
                .isEqualTo("Code — multiprocessing_s1_e1.py");
    }

    @Test
    void keysThatActElsewhereTypeInTheEditor() throws Exception {
        openCode();
        clickIntoCode();
        app.fx(() -> area().moveTo(0));
        String before = app.fx(() -> area().getText());
        app.robot.type(KeyCode.DIGIT1, KeyCode.A, KeyCode.SPACE, KeyCode.RIGHT, KeyCode.B, KeyCode.LEFT, KeyCode.DOWN);
        app.waitFor("the typing", Duration.ofSeconds(10), () -> !area().getText().equals(before));
        assertThat(app.fx(() -> area().getText())).startsWith("1a " + before.charAt(0) + "b");
        assertThat(app.fx(() -> app.vm().prediction().choiceProperty().get())).as("no answer given")
                .isEqualTo(PredictionViewModel.UNANSWERED);
        assertThat(app.fx(() -> app.vm().run().replay().playingProperty().get())).as("no replay").isFalse();
        // Page Down and Ctrl+→ move through the code; the lesson stays
        app.robot.type(KeyCode.PAGE_DOWN);
        app.robot.press(KeyCode.CONTROL).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.CONTROL);
        app.waitForPulses(4);
        assertThat(app.fx(() -> app.vm().selectedProperty().get().id())).isEqualTo(TWO);
        assertThat(app.fx(() -> area().getCurrentParagraph())).as("the caret went down a page").isPositive();

        // Ctrl+F finds in the code; Esc closes the find bar and gives the code its focus back
        app.robot.press(KeyCode.CONTROL).press(KeyCode.F).release(KeyCode.F).release(KeyCode.CONTROL);
        app.waitFor("the find bar", Duration.ofSeconds(10), () -> app.robot.lookup("#editorFindBar").query().isVisible());
        app.robot.write("print_cube");
        app.waitFor("the match selected", Duration.ofSeconds(10), () -> area().getSelectedText().equals("print_cube"));
        int first = app.fx(() -> area().getSelection().getStart());
        app.robot.type(KeyCode.F3);
        app.waitFor("the next match", Duration.ofSeconds(10), () -> area().getSelection().getStart() != first
                && area().getSelectedText().equals("print_cube"));
        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("the find bar to close", Duration.ofSeconds(10),
                () -> !app.robot.lookup("#editorFindBar").query().isVisible() && area().isFocused());

        // Ctrl+E: back to the lesson page, and again to the code
        app.robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        app.waitFor("the lesson page", Duration.ofSeconds(10), () -> !app.shell().codeTabs().codeShown());
        app.robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        app.waitFor("the code again", Duration.ofSeconds(10), () -> app.shell().codeTabs().codeShown()
                && area().isFocused());
    }

    /**
     * A person's own program: only its Code tab shows (no lesson page), its text in the editor; an edit is saved to
     * the file by Run ("Saved mine.py"), and its output shows; choosing a lesson brings the Lesson tab back.
     */
    @Test
    void anOwnProgramShowsItsCodeAndRunSavesTheEditToItsFile() throws Exception {
        openCode();
        Path mine = home.resolve("mine.py");
        Files.writeString(mine, "print('old')\n");
        app.fx(() -> app.vm().openProgram(new org.processlab.lesson.OwnProgram(mine, "print('old')\n", List.of(), null)));
        app.waitFor("its code in the editor", Duration.ofSeconds(10), () -> area().getText().equals("print('old')\n")
                && app.shell().codeTabs().codeShown() && app.shell().codeTabs().getTabs().size() == 1);
        clickIntoCode();
        select("print(", "old");
        app.robot.write("new");
        app.waitFor("the edit", Duration.ofSeconds(10), () -> app.vm().editor().differs());
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#editorMark").query()).getText()))
                .isEqualTo("Not saved — Run saves it to mine.py");
        app.robot.type(KeyCode.F5);
        app.waitFor("its output", Duration.ofSeconds(60), () -> consoleHas("new"));
        waitForRunEnd();
        assertThat(mine).hasContent("print('new')");
        app.waitFor("the status", Duration.ofSeconds(10),
                () -> app.vm().run().statusProperty().get().equals("Ended — exit 0 · Saved mine.py"));
        assertThat(app.fx(() -> app.vm().editor().differs())).isFalse();
        app.screenshot("editor-own-program");

        app.clickLesson("02-");
        app.waitFor("the Lesson tab back", Duration.ofSeconds(10), () -> app.shell().codeTabs().getTabs().size() == 2
                && !app.shell().codeTabs().codeShown());
        assertGone();
    }

    /**
     * A 1366×768 laptop: the Code tab with an edited example and a syntax error keeps its buttons, some code and the
     * message in sight; {@code editor-1366x768.png} shows it.
     */
    @Test
    void usableOnA1366x768Screen() throws Exception {
        openCode();
        app.resizeWindow(1366, 768);
        clickIntoCode();
        select("p1 = ", "10,)");
        app.robot.write("7");
        app.robot.type(KeyCode.F5);
        app.waitFor("the problem", Duration.ofSeconds(30), () -> app.vm().editor().problemProperty().get() != null
                && !app.vm().run().runningProperty().get());
        app.waitForPulses(4);
        javafx.geometry.Bounds window = app.fx(() -> app.shell().localToScene(app.shell().getLayoutBounds()));
        for (String id : List.of("#editorReset", "#editorCopy", "#editorFindButton", "#editorMark", "#editorProblem")) {
            Node n = app.robot.lookup(id).query();
            javafx.geometry.Bounds b = app.fx(() -> n.localToScene(n.getLayoutBounds()));
            assertThat(window.contains(b)).as(id + " in the window: " + b).isTrue();
            assertThat(app.fx(() -> {
                Node c = app.shell().codeTabs();
                return c.localToScene(c.getLayoutBounds()).contains(b);
            })).as(id + " within the code's column").isTrue();
        }
        assertThat(app.fx(() -> area().getHeight())).as("room for some lines of code").isGreaterThan(200);
        app.screenshot("editor-1366x768");
    }

    private void assertGone() {
        Await.atMost(Duration.ofSeconds(15)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).isNotEmpty().allSatisfy(p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive)
                .orElse(false)).as("process %d is still alive", p).isFalse());
    }
}
