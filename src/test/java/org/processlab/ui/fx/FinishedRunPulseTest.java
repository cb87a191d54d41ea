package org.processlab.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.animation.AnimationTimer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Stream;
import org.processlab.testing.Await;

/**
 * A run read back ({@link RunModel#finished}) reaches the views as a run that has just ended does: the window's frame
 * source delivers it whole in one frame (the newest lines as rows, the rest as marks), then nothing more.
 */
class FinishedRunPulseTest {
    @BeforeAll
    static void toolkit() throws Exception {
        org.processlab.ui.UiToolkit.start();
    }

    @Test
    void aRunReadBackIsOneFrameWithTheWholeRun() throws Exception {
        int lines = ModelPulse.DEFAULT_MAX_LINES_PER_PULSE + 3_000;
        RunModel live = new RunModel();
        live.append(new RunEvent.RunStarted(1_000, "read back", List.of("python3", "x.py"), null));
        live.append(new RunEvent.RootSpawned(1_100, 4242, -1));
        for (int i = 0; i < lines; i++) {
            live.append(new RunEvent.OutputLine(2_000 + i, 4242, Stream.STDOUT, "line " + i, false));
        }
        live.append(new RunEvent.RunEnded(9_000_000, 0));
        RunSnapshot end = live.snapshot();
        RunModel readBack = RunModel.finished(end, live.output());

        List<RunFrame> frames = new CopyOnWriteArrayList<>();
        FrameSource.Watch watch = WaitForAsyncUtils.asyncFx(() -> FrameSource.pulses().watch(readBack, frames::add))
                .get(10, TimeUnit.SECONDS);
        Await.atMost(Duration.ofSeconds(30)).tryUntil(() -> !frames.isEmpty());
        awaitPulses(10);
        WaitForAsyncUtils.asyncFx(watch::stop).get(10, TimeUnit.SECONDS);

        assertThat(frames).as("one frame, then the pulse sleeps: the run will not change").hasSize(1);
        RunFrame f = frames.get(0);
        assertThat(f.snapshot()).isSameAs(end);
        assertThat(f.changed()).isTrue();
        assertThat(f.finished()).isTrue();
        assertThat(f.firstLine() + f.newLines().size()).isEqualTo(lines);
        assertThat(f.newLines()).hasSize(ModelPulse.DEFAULT_MAX_LINES_PER_PULSE);
        assertThat(f.skippedLines()).isEqualTo(lines - ModelPulse.DEFAULT_MAX_LINES_PER_PULSE);
        assertThat(f.skippedMarks().size()).isEqualTo(f.skippedLines());
        assertThat(f.newLines().get(f.newLines().size() - 1).text()).isEqualTo("line " + (lines - 1));
        assertThat(f.output()).isSameAs(live.output());
    }

    /** Waits until the FX thread has run {@code n} more pulses. */
    private static void awaitPulses(int n) throws Exception {
        CountDownLatch pulses = new CountDownLatch(n);
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulses.countDown();
            }
        };
        WaitForAsyncUtils.asyncFx(counter::start).get(10, TimeUnit.SECONDS);
        assertThat(pulses.await(30, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.asyncFx(counter::stop).get(10, TimeUnit.SECONDS);
    }
}
