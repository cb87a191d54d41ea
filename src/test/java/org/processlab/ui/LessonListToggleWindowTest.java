package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * On a narrow window (a 1024×768 projector) the lesson list steps aside so the lesson page keeps room to read; the
 * header's list button (or Ctrl+L) brings it back, and once used, the list stays as the user left it.
 */
class LessonListToggleWindowTest extends WindowTest {

    @Test
    void theLessonListMakesRoomOnANarrowWindowAndComesBackOnRequest() throws Exception {
        app.launch(home);
        app.waitFor("the lesson page", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null);
        assertThat(listShown()).as("a 1440 px window has room for the list").isTrue();
        double pageWide = pageWidth();

        resize(1024, 768);
        app.waitFor("the list to step aside", Duration.ofSeconds(10), () -> !listShown());
        assertThat(app.fx(() -> app.shell().lessonsToggle().isSelected())).isFalse();
        double pageNarrow = pageWidth();
        assertThat(pageNarrow).as("the page at 1024 px (it was %.0f px at 1440 px)", pageWide).isGreaterThan(300);
        app.screenshot("narrow-window-1024");

        // the last lesson, chosen while the list is hidden, is in view when the list comes back
        org.processlab.lesson.LessonEntry last = app.fx(() -> app.vm().lessons().get(app.vm().lessons().size() - 1));
        app.fx(() -> app.vm().selectedProperty().set(last));
        app.click("#lessonsToggle");
        app.waitFor("the list to come back", Duration.ofSeconds(10), this::listShown);
        app.waitFor("the chosen lesson in view", Duration.ofSeconds(10), () -> lessonCellInView(last));
        app.screenshot("narrow-window-1024-list-shown");
        assertThat(pageWidth()).as("the list's room comes from the run side first (the page was %.0f px)", pageNarrow)
                .isGreaterThan(0.9 * pageNarrow);
        assertThat(app.fx(() -> app.shell().lookup("#lessonList").isVisible())).isTrue();

        resize(900, 700);
        app.fx(() -> app.shell().layout());
        assertThat(listShown()).as("chosen by hand: a narrower window does not take it away again").isTrue();

        app.robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        app.waitFor("Ctrl+L to hide the list", Duration.ofSeconds(10), () -> !listShown());
        app.robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        app.waitFor("Ctrl+L to show it again", Duration.ofSeconds(10), this::listShown);
    }

    /** Whether the lesson list is in the window (in the scene and given a width). */
    private boolean listShown() {
        return app.fx(() -> {
            Node list = app.shell().lookup("#lessonList");
            return list != null && list.getScene() != null && list.getLayoutBounds().getWidth() > 0;
        });
    }

    private boolean lessonCellInView(org.processlab.lesson.LessonEntry lesson) {
        javafx.scene.control.ListView<?> list = (javafx.scene.control.ListView<?>) app.shell().lookup("#lessonList");
        javafx.geometry.Bounds view = list.localToScene(list.getLayoutBounds());
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == lesson && c.isVisible())
                .anyMatch(n -> {
                    javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
                    // its title is in view (a last, three-line entry may end a few pixels under the edge)
                    return b.getMinY() >= view.getMinY() - 1 && b.getMinY() + 24 <= view.getMaxY();
                });
    }

    private double pageWidth() {
        app.fx(() -> app.shell().layout());
        return app.fx(() -> app.shell().lookup("#lessonPage").getLayoutBounds().getWidth());
    }

    private void resize(double w, double h) {
        app.fx(() -> {
            Window win = app.shell().getScene().getWindow();
            win.setWidth(w);
            win.setHeight(h);
        });
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents(4);
    }
}
