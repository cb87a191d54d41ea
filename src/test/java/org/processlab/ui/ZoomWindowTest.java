package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * Zoom, pan and fit on the timeline: while live, zooming stops following "now" and Follow brings it back; after the
 * run, the zoom buttons, the {@code +}/{@code -} keys, Ctrl+wheel, arrow keys and a Shift+drag change the visible
 * time range, and fit-all (the button or {@code 0}) restores it.
 */
class ZoomWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void zoomAndPanChangeTheVisibleRangeAndFitAllRestoresIt() throws Exception {
        AppDriver.writeLesson(lessons, "01-napper", "A child that naps", "napper.py", """
                import multiprocessing
                import time


                def nap():
                    print("napping", flush=True)
                    time.sleep(4)
                    print("awake", flush=True)


                if __name__ == "__main__":
                    p = multiprocessing.Process(target=nap)
                    p.start()
                    p.join()
                    print("done", flush=True)
                """);
        app.launch(home, "--lessons", lessons.toString());
        Timeline timeline = app.shell().timeline();

        // Live: the view follows now; zooming in stops that; Follow returns to it.
        app.click("#runButton");
        app.waitFor("main and its child, live", Duration.ofSeconds(60), () -> timeline.getSnapshot() != null
                && !timeline.getSnapshot().status().finished()
                && timeline.getSnapshot().processes().stream().filter(ProcessView::alive).count() >= 2);
        assertThat(app.fx(() -> timeline.followProperty().get())).isTrue();
        assertThat(app.fx(() -> app.robot.lookup("#followNow").query().isVisible())).isTrue();
        app.click("#zoomIn");
        app.waitFor("follow to turn off", Duration.ofSeconds(10), () -> !timeline.followProperty().get());
        TimeRange frozen = app.fx(timeline::getVisibleRange);
        long zoomedAt = app.fx(() -> timeline.nowProperty().get());
        app.waitFor("now to move on", Duration.ofSeconds(10), () -> timeline.nowProperty().get() > zoomedAt + 300_000);
        assertThat(app.fx(timeline::getVisibleRange)).as("a zoomed view stays where it is").isEqualTo(frozen);
        app.click("#followNow");
        app.waitFor("follow to be back", Duration.ofSeconds(10), () -> timeline.followProperty().get()
                && timeline.viewRangeProperty().get() == null);
        app.screenshot("zoom-live-following");

        app.waitFor("the run to end", Duration.ofSeconds(60), () -> timeline.getSnapshot().status().finished()
                && !app.vm().run().runningProperty().get());
        TimeRange fitted = app.fx(timeline::getVisibleRange);
        assertThat(fitted).isEqualTo(app.fx(timeline::fittedRange));

        // The zoom-in button: a shorter range.
        app.click("#zoomIn");
        app.waitFor("a shorter range", Duration.ofSeconds(10), () -> timeline.getVisibleRange().span() < fitted.span());
        // The keys: + zooms in further, Shift+Right pans (Right alone steps the time cursor: issue 12), 0 fits again.
        Point2D header = app.laneHeaderOnScreen(timeline, 0);
        app.robot.clickOn(header, MouseButton.PRIMARY);
        app.robot.type(KeyCode.ESCAPE);
        long before = app.fx(() -> timeline.getVisibleRange().span());
        app.robot.type(KeyCode.EQUALS);
        app.waitFor("+ to zoom in", Duration.ofSeconds(10), () -> timeline.getVisibleRange().span() < before);
        TimeRange zoomed = app.fx(timeline::getVisibleRange);
        app.robot.press(KeyCode.SHIFT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.SHIFT);
        app.waitFor("Shift+Right to pan", Duration.ofSeconds(10), () -> timeline.getVisibleRange().from() > zoomed.from()
                && timeline.getVisibleRange().span() == zoomed.span());
        app.robot.type(KeyCode.MINUS);
        app.waitFor("- to zoom out", Duration.ofSeconds(10), () -> timeline.getVisibleRange().span() > zoomed.span());
        app.screenshot("zoom-finished-zoomed");
        app.robot.type(KeyCode.DIGIT0);
        app.waitFor("0 to fit the run", Duration.ofSeconds(10), () -> fitted.equals(timeline.getVisibleRange())
                && timeline.followProperty().get());

        // Ctrl+wheel zooms around the mouse; Shift+drag pans; the fit button restores.
        Point2D middle = app.timelinePoint(timeline, fitted.middle(), 0);
        app.robot.moveTo(middle);
        app.robot.press(KeyCode.CONTROL);
        try {
            app.robot.scroll(3, javafx.geometry.VerticalDirection.UP);
        } finally {
            app.robot.release(KeyCode.CONTROL);
        }
        app.waitFor("Ctrl+wheel to zoom", Duration.ofSeconds(10), () -> !fitted.equals(timeline.getVisibleRange()));
        TimeRange wheeled = app.fx(timeline::getVisibleRange);
        Point2D from = app.timelinePoint(timeline, wheeled.middle(), 0);
        app.robot.press(KeyCode.SHIFT);
        try {
            app.robot.drag(from, MouseButton.PRIMARY).dropTo(new Point2D(from.getX() - 150, from.getY()));
        } finally {
            app.robot.release(KeyCode.SHIFT);
        }
        app.waitFor("Shift+drag to pan", Duration.ofSeconds(10), () -> timeline.getVisibleRange().from() > wheeled.from()
                && timeline.getVisibleRange().span() == wheeled.span());
        app.click("#fitAll");
        app.waitFor("fit-all to restore the range", Duration.ofSeconds(10),
                () -> fitted.equals(timeline.getVisibleRange()));
    }
}
