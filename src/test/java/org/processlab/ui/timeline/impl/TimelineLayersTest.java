package org.processlab.ui.timeline.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.ui.timeline.TimelineFixture.T0;
import static org.processlab.ui.timeline.TimelineFixture.fx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import org.processlab.model.RunModel;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineFixture;

/**
 * The time cursor is on a layer of its own: moving it, by code or by dragging it with the mouse, repaints the overlay
 * and not one lane (the skin counts the paintings of each layer); while replaying, when the cursor clips the lanes,
 * it does repaint them. And a change of many look properties at once is read, and the legend repainted, once.
 */
class TimelineLayersTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final FxRobot robot = new FxRobot();
    private Timeline timeline;
    private TimelineSkin skin;

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    @BeforeEach
    void showAFinishedRun() throws Exception {
        RunModel run = TimelineFixture.finishedRun();
        timeline = fx(() -> TimelineFixture.show(run, 1000, 420));
        skin = fx(() -> (TimelineSkin) timeline.getSkin());
        waitUntil("the first painting", () -> skin.lanePaints() > 0 && skin.overlayPaints() > 0);
        settle();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            Window w = timeline.getScene().getWindow();
            w.hide();
            return null;
        });
    }

    @Test
    void movingTheCursorRepaintsTheOverlayAndNoLane() throws Exception {
        long lanes = fx(skin::lanePaints);
        long overlay = fx(skin::overlayPaints);
        for (int i = 1; i <= 5; i++) {
            long at = T0 + i * 300_000L;
            fx(() -> {
                timeline.setCursorTime(at);
                return null;
            });
            long before = overlay + i - 1;
            waitUntil("the overlay to show the cursor at " + i, () -> skin.overlayPaints() > before);
        }
        settle();
        assertThat(fx(skin::overlayPaints)).as("overlay paintings").isGreaterThanOrEqualTo(overlay + 5);
        assertThat(fx(skin::lanePaints)).as("lane paintings").isEqualTo(lanes);
    }

    @Test
    void draggingTheCursorWithTheMouseRepaintsNoLane() throws Exception {
        long lanes = fx(skin::lanePaints);
        long overlay = fx(skin::overlayPaints);
        Point2D from = fx(() -> onScreen(T0 + 200_000));
        robot.moveTo(from).press(MouseButton.PRIMARY);
        for (int i = 1; i <= 6; i++) {
            long at = T0 + 200_000 + i * 250_000L;
            robot.moveTo(fx(() -> onScreen(at)));
        }
        robot.release(MouseButton.PRIMARY);
        waitUntil("the cursor to follow the mouse", () -> timeline.getCursorTime() > T0 + 1_500_000);
        settle();
        assertThat(fx(skin::overlayPaints)).as("overlay paintings").isGreaterThan(overlay + 2);
        assertThat(fx(skin::lanePaints)).as("lane paintings").isEqualTo(lanes);
    }

    @Test
    void whileReplayingTheCursorClipsTheLanesSoMovingItRepaintsThem() throws Exception {
        fx(() -> {
            timeline.replayingProperty().set(true);
            timeline.setCursorTime(T0 + 500_000);
            return null;
        });
        settle();
        long lanes = fx(skin::lanePaints);
        fx(() -> {
            timeline.setCursorTime(T0 + 900_000);
            return null;
        });
        waitUntil("the lanes to be clipped at the new cursor", () -> skin.lanePaints() > lanes);
    }

    @Test
    void manyLookPropertiesChangedAtOnceAreReadOnce() throws Exception {
        int restyles = fx(skin::legendRestyles);
        fx(() -> {
            timeline.setStyle("-pl-running-color: -color-success-emphasis; -pl-waiting-color: -color-success-1;"
                    + " -pl-zombie-color: -color-danger-5; -pl-ended-color: -color-base-5;"
                    + " -pl-tick-color: -color-fg-muted; -pl-arrow-color: -color-fg-default;"
                    + " -pl-lane-height: 3.2em; -pl-small-font: 0.9em \"System\";");
            return null;
        });
        waitUntil("the legend restyled", () -> skin.legendRestyles() > restyles);
        settle();
        assertThat(fx(skin::legendRestyles)).isEqualTo(restyles + 1);
        assertThat(fx(() -> skin.style().running())).isEqualTo(fx(timeline::getKernelRunningColor));
        assertThat(fx(skin::legendRestyles)).as("read once").isEqualTo(restyles + 1);
    }

    /** The screen point of time {@code t} on the first lane's bar. FX thread. */
    private Point2D onScreen(long t) {
        TimelineStyle st = skin.style();
        double y = st.axisHeight() + st.laneHeight() * 0.6;
        return timeline.localToScreen(timeline.xOfTime(t), y);
    }

    /** Lets a few pulses pass. */
    private static void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents(4);
        WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents(4);
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + WAIT.toSeconds() + " s waiting for " + what);
            }
            WaitForAsyncUtils.sleep(20, TimeUnit.MILLISECONDS);
        }
    }
}
