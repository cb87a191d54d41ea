package org.processlab.ui.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.processlab.model.Clock;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;
import org.processlab.testing.Await;

/** The pulse coalesces a flood of appends into a few frames on the FX thread, and loses no count. */
class ModelPulseTest {
    @BeforeAll
    static void toolkit() throws Exception {
        org.processlab.ui.UiToolkit.start();
    }

    @Test
    void aFloodBecomesFewFramesOnTheFxThread() throws Exception {
        RunModel model = new RunModel();
        long t0 = Clock.nowMicros();
        model.append(new RunEvent.RunStarted(t0, "flood", List.of("python3", "flood.py"), null));
        model.append(new RunEvent.RootSpawned(t0 + 1, 4242, -1));
        List<RunFrame> frames = new CopyOnWriteArrayList<>();
        List<Boolean> onFx = new CopyOnWriteArrayList<>();
        ModelPulse pulse = new ModelPulse(model, 500, 50, f -> {
            onFx.add(Platform.isFxApplicationThread());
            frames.add(f);
        });
        WaitForAsyncUtils.asyncFx(pulse::start).get(10, TimeUnit.SECONDS);

        int lines = 50_000;
        Thread writer = new Thread(() -> {
            for (int i = 0; i < lines; i++) {
                model.append(new RunEvent.OutputLine(t0 + 10 + i, 4242, i % 10 == 0 ? Stream.STDERR : Stream.STDOUT,
                        "line " + i, false));
            }
            model.append(new RunEvent.RunEnded(Clock.nowMicros(), 0));
        }, "ingest");
        writer.start();
        writer.join();

        Await.atMost(Duration.ofSeconds(30)).tryUntil(() -> frames.stream().anyMatch(f -> f.changed() && f.finished()
                && f.firstLine() + f.newLines().size() == lines));
        WaitForAsyncUtils.asyncFx(pulse::stop).get(10, TimeUnit.SECONDS);

        assertThat(onFx).isNotEmpty().containsOnly(true);
        assertThat(frames).as("one frame per pulse, never one per line").hasSizeLessThan(lines);
        long delivered = frames.stream().mapToLong(f -> f.newLines().size() + f.skippedLines()).sum();
        assertThat(delivered).as("every line is either delivered or counted as skipped").isEqualTo(lines);
        assertThat(frames).allSatisfy(f -> assertThat(f.newLines()).hasSizeLessThanOrEqualTo(500));
        RunFrame last = frames.get(frames.size() - 1);
        assertThat(last.snapshot().outputLines()).isEqualTo(lines);
        assertThat(last.finished()).isTrue();
    }
}
