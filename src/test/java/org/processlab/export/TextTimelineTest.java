package org.processlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;

/** The text timeline draws what the kernel's samples say: a sleep while a process runs is not drawn as running. */
class TextTimelineTest {
    private static final long T0 = 1_000_000_000;
    private static final long MAIN = 51;

    /** Main lives 1 s: sampled running, asleep from 0.2 s to 0.8 s, then running again. */
    private static RunModel run(boolean sampled) {
        RunModel m = new RunModel();
        m.append(new RunEvent.RunStarted(T0, "t", List.of("python3", "x.py"), null));
        m.append(new RunEvent.RootSpawned(T0, MAIN, 7));
        m.append(new RunEvent.ProcessSeen(T0, MAIN, 1, 7, T0, "python3 x.py", true));
        if (sampled) {
            m.append(new RunEvent.KernelState(T0 + 10_000, MAIN, 'R'));
            m.append(new RunEvent.KernelState(T0 + 200_000, MAIN, 'S'));
            m.append(new RunEvent.KernelState(T0 + 800_000, MAIN, 'R'));
        }
        m.append(new RunEvent.Exiting(T0 + 1_000_000, MAIN, 0));
        m.append(new RunEvent.RunEnded(T0 + 1_000_000, 0));
        return m;
    }

    private static List<String> drawn(RunModel m) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextTimeline.write(m.snapshot(), m.output(), new PrintStream(bytes, true, StandardCharsets.UTF_8), 50);
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void aSampledSleepIsDrawnAsSleepingAndTheLegendSaysSo() {
        List<String> lines = drawn(run(true));
        String lane = lines.get(1).substring(lines.get(0).indexOf("0 s"), lines.get(0).indexOf("0 s") + 50);
        assertThat(lane).as(lane).matches("=+-+=+ *").contains("-".repeat(25));
        assertThat(lane.indexOf('-')).isBetween(8, 12);
        assertThat(lane.lastIndexOf('-')).isBetween(37, 41);
        assertThat(lines).anyMatch(l -> l.startsWith("legend: ") && l.contains("= running   - sleeping (time.sleep"));
    }

    @Test
    void withoutSamplesTheLegendSaysASleepIsDrawnAsRunning() {
        List<String> lines = drawn(run(false));
        assertThat(lines.get(1)).contains("=".repeat(45)).doesNotContain("-");
        assertThat(lines).anyMatch(l -> l.contains("the kernel's states were not sampled"));
    }
}
