package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The model keeps each stream's unfinished line apart from its lines: shown at once, counted once when finished. */
class UnfinishedLinesTest {
    private final RunModel model = new RunModel();
    private final LineBatch batch = new LineBatch();

    UnfinishedLinesTest() {
        model.append(new RunEvent.ProcessSeen(1, 7, 1, -1, -1, "python3 main.py", true));
        model.append(new RunEvent.ProcessSeen(2, 8, 7, -1, -1, "python3 main.py", true));
    }

    /** One chunk's hand-over: {@code lines} finished, {@code open} left unfinished ("" and told: finished). */
    private void chunk(long t, long pid, Stream s, String open, String... lines) {
        batch.clear();
        for (String l : lines) {
            batch.add(l);
        }
        byte[] b = open.getBytes(StandardCharsets.UTF_8);
        batch.tellUnfinished(b, 0, b.length, b.length);
        model.appendLines(t, pid, s, batch, false);
    }

    @Test
    void aPromptIsShownAtOnceAndCountedOnceWhenFinished() {
        chunk(10, 7, Stream.STDOUT, "number? ");
        RunSnapshot now = model.snapshot();
        assertThat(now.outputLines()).isZero();
        assertThat(now.unfinishedLines()).containsExactly(new UnfinishedLine(10, 7, Stream.STDOUT, "number? ", 8, false));
        long version = now.version();
        chunk(20, 7, Stream.STDOUT, "", "number? 49");
        now = model.snapshot();
        assertThat(now.version()).as("a change a view must see").isGreaterThan(version);
        assertThat(now.outputLines()).isEqualTo(1);
        assertThat(now.unfinishedLines()).isEmpty();
    }

    @Test
    void eachProcessAndStreamHasItsOwn() {
        chunk(10, 7, Stream.STDOUT, "a? ");
        chunk(11, 7, Stream.STDERR, "warn");
        chunk(12, 8, Stream.STDOUT, "....");
        chunk(13, 7, Stream.STDOUT, "a? b? ");
        assertThat(model.snapshot().unfinishedLines()).extracting(UnfinishedLine::text).containsExactly("a? b? ", "warn", "....");
        chunk(14, 7, Stream.STDERR, "", "warning");
        assertThat(model.snapshot().unfinishedLines()).extracting(UnfinishedLine::pid).containsExactly(7L, 8L);
    }

    @Test
    void aCharacterCutBetweenChunksIsLeftOutUntilWhole() {
        byte[] b = "Grö".getBytes(StandardCharsets.UTF_8);
        batch.clear();
        batch.tellUnfinished(b, 0, b.length - 1, b.length - 1);
        model.appendLines(10, 7, Stream.STDOUT, batch, false);
        assertThat(model.snapshot().unfinishedLines().get(0).text()).isEqualTo("Gr");
        assertThat(model.snapshot().unfinishedLines().get(0).bytes()).isEqualTo(3);
    }

    @Test
    void aLongUnfinishedLineKeepsItsHeadAndItsLength() {
        byte[] b = "x".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        batch.clear();
        batch.tellUnfinished(b, 0, b.length, 50_000);
        model.appendLines(10, 7, Stream.STDOUT, batch, false);
        UnfinishedLine u = model.snapshot().unfinishedLines().get(0);
        assertThat(u.text()).hasSize(UnfinishedLine.KEPT_BYTES + 2).endsWith("x \u2026");
        assertThat(u.bytes()).isEqualTo(50_000);
    }

    @Test
    void aSnapshotDecodesAnUnchangedLineOnce() {
        chunk(10, 7, Stream.STDOUT, "number? ");
        assertThat(model.snapshot().unfinishedLines().get(0)).isSameAs(model.snapshot().unfinishedLines().get(0));
    }
}
