package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import java.util.List;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.Prediction;

/**
 * A classroom projector: 1024×768 with the text made three steps larger. The lesson page keeps room to read, every
 * choice of the question shows, and after lesson 2's run, with its reveal card shown, the process table still shows
 * rows and the console still shows lines.
 */
class SmallScreenWindowTest extends WindowTest {

    @Test
    void aRunOnASmallScreenWithLargeTextStillShowsTableRowsAndConsoleLines() throws Exception {
        openOnAProjector();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(4);
        org.processlab.lesson.LessonEntry lesson2 = app.lesson("02-");
        app.fx(() -> app.vm().selectedProperty().set(lesson2));   // the list stepped aside at this width
        for (int i = 0; i < 3; i++) {
            app.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        Prediction p = ((Lesson) app.lesson("02-")).predict();
        app.screenshot("small-screen-question");
        double page = app.fx(() -> app.shell().lookup("#lessonPage").getLayoutBounds().getWidth());
        assertThat(page).as("the lesson page keeps room to read (the run side's controls wrap instead)")
                .isGreaterThan(300);
        for (int i = 0; i < p.choices().size(); i++) {
            int k = i;
            assertThat(app.fx(() -> inCard(app.shell().lookup("#choice" + k)))).as("choice %d in view", k).isTrue();
        }
        app.click("#choice" + p.answer());
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null
                && !app.vm().run().runningProperty().get());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(6);
        app.screenshot("small-screen-after-run");

        int rows = app.fx(() -> (int) app.shell().processTable().table().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getItem() != null && r.isVisible() && inView(r)).count());
        int lines = app.fx(() -> (int) app.shell().console().list().lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() != null && c.isVisible()
                        && inView(c)).count());
        assertThat(rows).as("table rows in view").isGreaterThanOrEqualTo(2);
        // lesson 2 is about PIDs: they are shown whole, not cut to "32…"
        List<String> pidTexts = app.fx(() -> app.shell().processTable().table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                        && List.of("PID", "PPID").contains(c.getTableColumn().getText()) && c.getText() != null
                        && !c.getText().isEmpty())
                .map(n -> ((javafx.scene.text.Text) n.lookup(".text")).getText()).toList());
        assertThat(pidTexts).as("PID and PPID cells as drawn").isNotEmpty().allSatisfy(t -> assertThat(t).matches("\\d+"));
        assertThat(lines).as("console lines in view").isGreaterThanOrEqualTo(2);
    }

    @Test
    void beforeARunTheRunSideFitsItsPlaceOnASmallScreen() throws Exception {
        openOnAProjector();
        // lesson 3: a long question, four choices and an Example row
        org.processlab.lesson.LessonEntry lesson3 = app.lesson("03-");
        app.fx(() -> app.vm().selectedProperty().set(lesson3));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(6);
        app.screenshot("small-screen-lesson-03-question");
        app.fx(() -> {
            javafx.scene.layout.Region right = (javafx.scene.layout.Region) app.shell().lookup(".run-side");
            javafx.geometry.Bounds side = right.localToScene(right.getLayoutBounds());
            for (javafx.scene.Node n : right.getChildrenUnmodifiable()) {
                if (!n.isManaged()) {
                    continue;
                }
                javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                assertThat(b.getMinY()).as("%s starts inside the run side", n.getStyleClass()).isGreaterThanOrEqualTo(side.getMinY() - 1);
                assertThat(b.getMaxY()).as("%s ends inside the run side", n.getStyleClass()).isLessThanOrEqualTo(side.getMaxY() + 1);
            }
            javafx.scene.layout.Region toolbar = (javafx.scene.layout.Region) app.shell().lookup(".run-toolbar");
            assertThat(toolbar.getHeight()).as("the toolbar has its full height").isGreaterThanOrEqualTo(toolbar.prefHeight(toolbar.getWidth()) - 1);
            javafx.scene.Node example = app.shell().lookup("#exampleChooser");
            javafx.scene.Node views = app.shell().lookup(".timeline-box");
            assertThat(example.localToScene(example.getLayoutBounds()).getMaxY())
                    .as("the Example row is above the views, not under them")
                    .isLessThanOrEqualTo(views.localToScene(views.getLayoutBounds()).getMinY() + 1);
            return null;
        });
    }

    /**
     * On a projector with large text, the whole code's type is made just small enough for the widest line of lesson 13
     * (87 characters) to show whole, and never smaller than the page's own code; it fits again when the text is made
     * larger while the code is shown.
     */
    @Test
    void theWholeCodeFitsItsLinesOnASmallScreenWithLargeText() throws Exception {
        openOnAProjector();
        org.processlab.lesson.LessonEntry lesson13 = app.lesson("13-");
        app.fx(() -> app.vm().selectedProperty().set(lesson13));   // the list stepped aside at this width
        app.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.CONTROL, KeyCode.EQUALS);
        javafx.scene.Node page = app.shell().lookup("#lessonPage");
        app.waitFor("the code's whole-code button", Duration.ofSeconds(20), () -> wideButton(page) != null);
        javafx.scene.text.Text pageText = app.fx(() -> (javafx.scene.text.Text) wideButton(page).getParent()
                .lookup(".code-text"));
        app.fx(() -> {
            // scrolled to, as a reader would: the code block starts below the first screenful here
            javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) page;
            javafx.scene.Node content = pane.getContent();
            javafx.scene.Node button = wideButton(page);
            double y = content.sceneToLocal(button.localToScene(0, 0)).getY();
            double room = content.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(Math.min(1, Math.max(0, (y - 40) / room)));
        });
        app.robot.clickOn(app.fx(() -> wideButton(page)));
        org.processlab.ui.lesson.WideCodeView view = app.shell().wideCode();
        app.waitFor("the wide code", Duration.ofSeconds(10), () -> view.showingProperty().get());
        assertLinesWhole(view, pageText, "one step up");

        // one step more while it is shown (the largest this window allows): fitted again
        double before = app.fx(() -> pageText.getFont().getSize());
        app.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.CONTROL, KeyCode.EQUALS);
        app.waitFor("the text one step larger", Duration.ofSeconds(10), () -> pageText.getFont().getSize() > before);
        assertLinesWhole(view, pageText, "two steps up, made larger while shown");
        assertThat(app.fx(() -> view.showingProperty().get())).isTrue();
        app.screenshot("small-screen-wide-code");
    }

    private void assertLinesWhole(org.processlab.ui.lesson.WideCodeView view, javafx.scene.text.Text pageText,
            String when) {
        app.waitFor("every line whole (" + when + ")", Duration.ofSeconds(10), () -> {
            view.applyCss();
            view.layout();
            return view.flow().getWidth() <= view.body().getViewportBounds().getWidth() + 1;
        });
        double wide = app.fx(() -> ((javafx.scene.text.Text) view.flow().getChildren().get(0)).getFont().getSize());
        assertThat(wide).as("the whole code's type is no smaller than the page's (%s)", when)
                .isGreaterThanOrEqualTo(app.fx(() -> pageText.getFont().getSize()) * 0.99);
    }

    private static javafx.scene.control.Button wideButton(javafx.scene.Node page) {
        for (javafx.scene.Node n : page.lookupAll(".md-code-wide")) {
            if (n instanceof javafx.scene.control.Button b && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    /**
     * On a 1024×768 window the text grows only as far as the layout holds it (the toolbar, two lanes, the table's
     * important columns: {@code ScaleLimits}), A+ then stays off, and it grows again in a larger window.
     */
    @Test
    void theTextGrowsOnlyAsFarAsTheWindowHoldsIt() throws Exception {
        openOnAProjector();
        for (int i = 0; i < 6; i++) {
            app.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.CONTROL, KeyCode.EQUALS);
        }
        double most = org.processlab.ui.shell.presenter.ScaleLimits.largestPx(1024, 768, false);
        assertThat(most).isGreaterThan(15);
        assertThat(app.fx(() -> app.shell().getStyle())).contains("-fx-font-size: " + most + "px");
        assertThat(app.fx(() -> app.shell().lookup("#largerText").isDisabled())).isTrue();
        app.fx(() -> app.shell().getScene().getWindow().setWidth(1440));
        app.waitFor("A+ on again in a wider window", Duration.ofSeconds(10),
                () -> !app.shell().lookup("#largerText").isDisabled());
    }

    /** Opens the app on the built-in lessons in a 1024×768 window. */
    private void openOnAProjector() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.waitFor("the lesson page", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null);
        app.resizeWindow(1024, 768);
    }

    /** Whether {@code n} lies inside the prediction card's visible part. */
    private static boolean inCard(javafx.scene.Node n) {
        javafx.scene.Node card = n.getScene().lookup(".prediction-scroll");
        javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
        javafx.geometry.Bounds v = card.localToScene(card.getLayoutBounds());
        return b.getMinY() >= v.getMinY() - 1 && b.getMaxY() <= v.getMaxY() + 1;
    }

    /** Whether {@code n} lies inside the scroll viewport of its list (its clipped parent). */
    private static boolean inView(javafx.scene.Node n) {
        javafx.scene.Node flow = n.getParent();
        while (flow != null && !(flow instanceof javafx.scene.control.skin.VirtualFlow<?>)) {
            flow = flow.getParent();
        }
        if (flow == null) {
            return false;
        }
        javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
        javafx.geometry.Bounds v = flow.localToScene(flow.getLayoutBounds());
        return b.getMinY() >= v.getMinY() - 1 && b.getMaxY() <= v.getMaxY() + 1 && v.getHeight() > 0;
    }
}
