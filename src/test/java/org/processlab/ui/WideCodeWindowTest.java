package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.junit.jupiter.api.Test;

import org.processlab.ui.lesson.LessonPageView;
import org.processlab.ui.lesson.WideCodeView;

/**
 * A code block with a line the page cuts offers its whole code, wide and large, over the window: at 1440x900 every
 * line of a lesson's example shows whole there, in larger type than on the page; Escape or a click beside it closes
 * it. A block that fits the page offers nothing more.
 */
class WideCodeWindowTest extends WindowTest {
    @Test
    void aCutBlockShowsItsWholeCodeWideAndLarge() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("13-");
        LessonPageView page = app.fx(() -> (LessonPageView) app.shell().lookup(".lesson-page"));
        app.waitFor("the lesson's code", Duration.ofSeconds(20), () -> wideButton(page) != null);
        Button wide = app.fx(() -> wideButton(page));
        TextFlow onPage = app.fx(() -> (TextFlow) wide.getParent().lookup(".md-code-flow"));
        String code = app.fx(() -> text(onPage));
        assertThat(code).as("lesson 13's example, as the page shows it").contains("def quick_job");

        // the button stays small: with an icon size in em it grew on every CSS pass, until drawing it hung the window
        // (each hover restyles it)
        for (int i = 0; i < 4; i++) {
            app.robot.moveTo(wide);
            app.robot.moveTo(onPage);
        }
        app.fx(() -> page.layout());
        assertThat(app.fx(() -> wide.getHeight())).as("the button is about a line of code high")
                .isLessThan(app.fx(() -> 2 * onPage.getChildren().get(0).getLayoutBounds().getHeight()));

        app.robot.clickOn(wide);
        WideCodeView view = app.shell().wideCode();
        app.waitFor("the wide code", Duration.ofSeconds(10), () -> view.showingProperty().get() && view.isVisible());
        app.waitFor("the wide code laid out", Duration.ofSeconds(10), () -> view.flow() != null
                && view.flow().getWidth() > 0 && view.body().getViewportBounds().getWidth() > 0);
        assertThat(app.fx(() -> text(view.flow()))).as("the same code").isEqualTo(code);
        assertThat(app.fx(() -> view.flow().getWidth()))
                .as("every line shows whole: no sideways scrolling at 1440x900")
                .isLessThanOrEqualTo(app.fx(() -> view.body().getViewportBounds().getWidth()) + 1);
        assertThat(app.fx(() -> fontSize(view.flow()))).as("larger type than on the page")
                .isGreaterThan(app.fx(() -> fontSize(onPage)) * 1.2);
        assertThat(app.fx(() -> ((javafx.scene.control.Label) view.lookup(".wide-code-title")).getText()))
                .isEqualTo("Lesson 13: Zombies and orphans");
        app.screenshot("wide-code-13");

        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("Escape to close it", Duration.ofSeconds(10), () -> !view.showingProperty().get() && !view.isVisible());
        assertThat(app.fx(wide::isFocused)).as("the focus goes back to the button").isTrue();

        // a click on the dimmed window beside the code closes it too
        app.robot.clickOn(wide);
        app.waitFor("the wide code again", Duration.ofSeconds(10), () -> view.showingProperty().get());
        app.robot.clickOn(app.fx(() -> view.localToScreen(view.getWidth() - 8, view.getHeight() - 8)));
        app.waitFor("a click beside it to close it", Duration.ofSeconds(10), () -> !view.showingProperty().get());
    }

    @Test
    void anExampleThatFitsOffersNothingMoreAndALongOneIsNamedByItsFile(@org.junit.jupiter.api.io.TempDir Path lessons)
            throws Exception {
        AppDriver.writeLesson(lessons, "01-short", "Short", "short.py", "print('hi')\n");
        Path longOne = AppDriver.writeLesson(lessons, "02-long", "Long", "long.py",
                "print('a line far wider than the lesson page', 'so that the page cuts it', 'and offers it wide')\n");
        Files.writeString(longOne.resolve("lesson.md"), Files.readString(longOne.resolve("lesson.md"))
                .replace("order: 1", "order: 2"));
        app.launch(home, "--lessons", lessons.toString());
        app.clickLesson("01-");
        LessonPageView page = app.fx(() -> (LessonPageView) app.shell().lookup(".lesson-page"));
        app.waitFor("the short example", Duration.ofSeconds(20), () -> page.lookup(".md-code-flow") != null
                && page.lookup(".md-code-flow").getLayoutBounds().getWidth() > 0);
        assertThat(app.fx(() -> wideButton(page))).as("a block that fits has no whole-code button").isNull();

        app.clickLesson("02-");
        app.waitFor("the long example's button", Duration.ofSeconds(20), () -> wideButton(page) != null);
        app.robot.clickOn(app.fx(() -> wideButton(page)));
        WideCodeView view = app.shell().wideCode();
        app.waitFor("the wide code", Duration.ofSeconds(10), () -> view.showingProperty().get());
        assertThat(app.fx(() -> ((javafx.scene.control.Label) view.lookup(".wide-code-title")).getText()))
                .as("an example is named by its file").isEqualTo("long.py");
        app.clickLesson("01-");
        app.waitFor("another lesson to close it", Duration.ofSeconds(10), () -> !view.showingProperty().get());
    }

    private static Button wideButton(Node page) {
        for (Node n : page.lookupAll(".md-code-wide")) {
            if (n instanceof Button b && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    private static String text(TextFlow flow) {
        StringBuilder b = new StringBuilder();
        for (Node n : flow.getChildren()) {
            b.append(((Text) n).getText());
        }
        return b.toString();
    }

    private static double fontSize(TextFlow flow) {
        List<Node> runs = flow.getChildren();
        return ((Text) runs.get(0)).getFont().getSize();
    }
}
