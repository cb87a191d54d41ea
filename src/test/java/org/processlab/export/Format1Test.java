package org.processlab.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.model.Stream;

/**
 * A document of format 1, as {@code run --format json} printed it before format 2 ({@code runs/format-1.json}: a
 * Process object never started, a child killed by SIGKILL, an untraced shell, stderr), still opens: with what it holds
 * exact, what a view needs given its stated default, and what it never said unknown.
 */
class Format1Test {
    @TempDir
    Path dir;

    private static Path fixture() throws URISyntaxException {
        return Path.of(Format1Test.class.getResource("/runs/format-1.json").toURI());
    }

    @Test
    void aFormat1DocumentOpensWithItsDefaultsShown() throws Exception {
        SavedRun saved = SavedRun.read(fixture());
        RunSnapshot run = saved.snapshot();

        assertThat(run.status()).isEqualTo(RunStatus.ENDED);
        assertThat(run.startedAt()).as("its start is not known: times count from the epoch").isZero();
        assertThat(run.endedAt()).as("the latest time it names").isEqualTo(577_711);
        assertThat(run.now()).isEqualTo(run.endedAt());
        assertThat(run.title()).isEqualTo("every_kind.py");
        assertThat(run.rootStatus()).isZero();
        assertThat(run.startMethods()).containsExactly("fork");
        assertThat(run.requestedStartMethod()).isNull();
        assertThat(run.supervisorPid()).as("not known").isEqualTo(-1);
        assertThat(run.priorityLowered()).isNull();
        assertThat(saved.origin()).isEqualTo(RunOrigin.NONE);

        assertThat(run.processes()).extracting(ProcessView::pid)
                .containsExactly(11444L, -1L, 11449L, 11458L, 11459L);
        assertThat(run.processes()).extracting(ProcessView::depth).containsExactly(0, 1, 1, 1, 1);
        ProcessView main = run.processes().get(0);
        assertThat(main.startedAt()).isEqualTo(156_484);
        assertThat(main.states().get(main.states().size() - 1))
                .isEqualTo(new Span<>(LifeState.ENDED, 533_082, 577_711));
        assertThat(main.joins()).as("format 1 has no joins").isEmpty();
        assertThat(main.args()).isNull();
        assertThat(main.startCalledAt()).isEqualTo(-1);
        ProcessView never = run.processes().get(1);
        assertThat(never.notStarted()).isTrue();
        assertThat(never.startedAt()).isEqualTo(-1);
        ProcessView victim = run.processes().get(3);
        assertThat(victim.exitCode()).isEqualTo(-9);
        assertThat(victim.signal()).isEqualTo("SIGKILL");

        assertThat(saved.output().range(0, 10)).containsExactly(
                new OutputLine(469_497, 11449, Stream.STDOUT, "Gr\u00f6\u00dfe \"quoted\"", false),
                new OutputLine(472_544, 11449, Stream.STDERR, "to stderr", false),
                new OutputLine(529_386, 11459, Stream.STDOUT, "from a shell", true),
                new OutputLine(532_172, 11444, Stream.STDOUT, "main ends", false));
        assertThat(run.outputLines()).isEqualTo(4);
        assertThat(run.processes().get(2).stderrLines()).isEqualTo(1);
    }

    @Test
    void writtenAgainItIsFormat2AndTheSameRun() throws Exception {
        SavedRun saved = SavedRun.read(fixture());
        Path again = dir.resolve("again.json");
        saved.write(again);
        assertThat(Files.readString(again)).startsWith("{\"formatVersion\":3,");
        SavedRun back = SavedRun.read(again);
        SameRun.assertSameRun(back.snapshot(), saved.snapshot());
        SameRun.assertSameLines(back.output(), saved.output());
    }

    @Test
    void theV1FieldsAreWhatFormat2WritesThemAs() throws IOException, URISyntaxException {
        String v1 = Files.readString(fixture()).strip();
        String v2 = RunDocumentReaderTest.write(RunDocumentReader.read(fixture()));
        assertThat(v2).startsWith("{\"formatVersion\":3," + v1.substring(1, v1.indexOf("\"processes\":[")));
    }
}
