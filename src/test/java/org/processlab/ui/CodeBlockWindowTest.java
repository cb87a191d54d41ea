package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.ScrollEvent;
import javafx.scene.text.TextFlow;

import org.junit.jupiter.api.Test;

import org.processlab.ui.lesson.LessonPageView;

/**
 * A lesson's code never wraps (a long name stays whole; a wide line scrolls sideways inside its block), and the
 * mouse wheel over a code block still scrolls the page.
 */
class CodeBlockWindowTest extends WindowTest {
    @Test
    void codeKeepsItsLinesAndTheWheelOverItScrollsThePage() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        LessonPageView page = app.fx(() -> (LessonPageView) app.shell().lookup(".lesson-page"));
        app.waitFor("the example's code", Duration.ofSeconds(20), () -> page.lookup(".md-code-scroll") != null);
        ScrollPane code = app.fx(() -> (ScrollPane) page.lookup(".md-code-scroll"));
        TextFlow flow = app.fx(() -> (TextFlow) code.getContent());
        assertThat(app.fx(() -> flow.getWidth())).as("no line of code is wrapped")
                .isGreaterThanOrEqualTo(app.fx(() -> flow.prefWidth(-1)) - 1);
        app.screenshot("lesson-code-block");

        // The wheel, as JavaFX delivers it: a SCROLL event on the node under the mouse (here the code's text),
        // bubbling up through the code block to the page. (The headless robot's wheel reaches no node.)
        app.fx(() -> page.setVvalue(0));
        app.fx(() -> {
            javafx.scene.Node target = flow.getChildren().get(0);
            Bounds b = target.localToScene(target.getBoundsInLocal());
            Point2D s = target.localToScreen(0, 0);
            javafx.event.Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, b.getMinX() + 2, b.getMinY() + 2,
                    s.getX() + 2, s.getY() + 2, false, false, false, false, false, false, 0, -120, 0, -120,
                    ScrollEvent.HorizontalTextScrollUnits.NONE, 0, ScrollEvent.VerticalTextScrollUnits.LINES, -3, 0,
                    null));
        });
        app.waitFor("the page to scroll", Duration.ofSeconds(10), () -> page.getVvalue() > 0);
        assertThat(app.fx(() -> code.getHvalue())).as("a vertical wheel does not scroll the code sideways").isZero();
    }
}
