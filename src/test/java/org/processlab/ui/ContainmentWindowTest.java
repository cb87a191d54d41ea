package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javafx.application.Application;
import javafx.scene.control.TableCell;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.testing.Await;
import org.processlab.ui.theme.Theme;
import org.processlab.ui.timeline.Timeline;

/**
 * Issue 15 through the window: a lesson whose program kills its supervisor ({@code os.kill(os.getppid(), 9)}, as a
 * lesson on signals might) and leaves a child running. The run ends, nothing of it is left, and the process table says
 * the processes whose end nobody saw were lost from view, not that they ended: their lanes are a band of "?" marks
 * in the lost colour after the loss (no solid running bar), in the light and the dark theme, and the table's Alive
 * column says "?" for them, never "no". PNGs: {@code supervisor-killed-lost-from-view[-<theme>].png} (the window)
 * and {@code lost-from-view-timeline-<theme>.png} (the timeline at twice its size) for light and dark.
 */
class ContainmentWindowTest extends WindowTest {
    private static final String PROGRAM = """
            import os
            import time

            if os.fork() == 0:
                while True:
                    time.sleep(0.1)
            time.sleep(0.3)
            print("main: killing my parent, the supervisor", flush=True)
            os.kill(os.getppid(), 9)
            for i in range(100):
                try:
                    print("main still here", i, flush=True)
                except BrokenPipeError:
                    pass    # its output's reader, the supervisor, is gone: it lives on
                time.sleep(0.05)
            """;

    @TempDir
    Path lessons;

    @Test
    void aProgramThatKillsItsSupervisorEndsAndItsProcessesAreLostFromView() throws Exception {
        AppDriver.writeLesson(lessons, "01-signals", "Killing one's parent", "kills_parent.py", PROGRAM);
        app.launch(home, "--lessons", lessons.toString());
        app.click("#runButton");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().status().finished());
        RunSnapshot s = app.fx(() -> app.vm().run().model().snapshot());
        assertThat(s.supervisorLost()).as("the supervisor's loss is recorded").isNotNull();
        assertThat(s.supervisorLost().verifiedGone()).isTrue();
        ProcessView main = s.main().orElseThrow();
        assertThat(main.lost()).isTrue();
        assertThat(s.lostProcesses()).isEqualTo(2);
        String status = "Ended — its supervisor was killed; 2 processes lost from view";
        app.waitFor("the status to say so", Duration.ofSeconds(30),
                () -> status.equals(app.vm().run().statusProperty().get()));
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo(status);
        app.waitForPulses(3);
        assertThat(app.texts(app.shell())).contains("lost from view");
        app.screenshot("supervisor-killed-lost-from-view");
        app.waitFor("the Alive column to say \"?\" for both", Duration.ofSeconds(10),
                () -> aliveColumn().equals(List.of("?", "?")));
        assertThat(aliveColumn()).as("lost from view is not \"no\"").doesNotContain("no");
        try {
            for (Theme t : List.of(Theme.LIGHT, Theme.DARK)) {
                choose(t);
                app.screenshot("supervisor-killed-lost-from-view-" + t.id());
                assertThat(app.nodeScreenshot(app.shell().timeline(), "lost-from-view-timeline-" + t.id())).exists();
                for (int lane = 0; lane < 2; lane++) {
                    Band b = lostBand(s, lane);
                    assertThat(b.lost()).as("%s, lane %d: pixels of the lost colour after the loss", t.id(), lane)
                            .isGreaterThan(30);
                    assertThat(b.running()).as("%s, lane %d: no running bar after the loss", t.id(), lane).isZero();
                    assertThat(b.runningBefore()).as("%s, lane %d: a running bar before it", t.id(), lane)
                            .isGreaterThan(40);
                }
            }
        } finally {
            choose(Theme.LIGHT);
        }
        List<Long> pids = s.processes().stream().map(ProcessView::pid).toList();
        Await.atMost(Duration.ofSeconds(10)).tryUntil(() -> pids.stream()
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).allSatisfy(p -> assertThat(ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false))
                .as("process %d is still alive", p).isFalse());
    }

    /** Pixels of a lane's bar row, after the loss: of the lost colour and of the running colour; before it, running. */
    private record Band(int lost, int running, int runningBefore) {
    }

    /** Counts the colours in lane {@code lane}'s bar row of the timeline as drawn now. */
    private Band lostBand(RunSnapshot s, int lane) {
        long lostAt = s.processes().get(lane).lostAt();
        long started = s.processes().get(lane).startedAt();
        return app.fx(() -> {
            Timeline tl = app.shell().timeline();
            tl.applyCss();
            tl.layout();
            tl.redrawNow();
            Image img = tl.snapshot(null, null);
            PixelReader r = img.getPixelReader();
            double top = tl.yOfLane(lane) + tl.getLaneHeight() * 0.42;
            double bottom = top + Math.max(6, Math.round(tl.getLaneHeight() * 0.36));
            int lost = count(r, tl.xOfTime(lostAt) + 4, tl.xOfTime(s.horizon()) - 4, top, bottom, tl.getLostColor());
            int running = count(r, tl.xOfTime(lostAt) + 4, tl.xOfTime(s.horizon()) - 4, top, bottom,
                    tl.getRunningColor());
            int before = count(r, Math.max(tl.getHeaderWidth(), tl.xOfTime(started)) + 4, tl.xOfTime(lostAt) - 4, top,
                    bottom, tl.getRunningColor());
            return new Band(lost, running, before);
        });
    }

    /** Pixels in x0..x1, y0..y1 within a hair of {@code c}. */
    private static int count(PixelReader r, double x0, double x1, double y0, double y1, Color c) {
        int n = 0;
        for (int y = (int) Math.floor(y0); y < (int) Math.ceil(y1); y++) {
            for (int x = (int) Math.ceil(x0); x < (int) x1; x++) {
                Color p = r.getColor(x, y);
                if (Math.abs(p.getRed() - c.getRed()) + Math.abs(p.getGreen() - c.getGreen())
                        + Math.abs(p.getBlue() - c.getBlue()) < 0.06) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The Alive column's texts, row by row. */
    private List<String> aliveColumn() {
        return app.fx(() -> app.shell().processTable().table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> tc && tc.getTableColumn() != null
                        && "Alive".equals(tc.getTableColumn().getText()) && tc.getText() != null && tc.isVisible())
                .map(n -> ((TableCell<?, ?>) n).getText()).toList());
    }

    /** Chooses {@code t} from the header's theme menu, as a person does, and waits for the window to wear it. */
    private void choose(Theme t) {
        app.click("#themeMenu");
        app.click("#theme-" + t.id());
        app.waitFor("the " + t.id() + " theme", Duration.ofSeconds(10),
                () -> t.userAgentStylesheet().equals(Application.getUserAgentStylesheet())
                        && app.shell().getScene().getStylesheets().containsAll(t.stylesheets()));
        app.waitForPulses(2);
    }
}
