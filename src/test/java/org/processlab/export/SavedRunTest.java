package org.processlab.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ChannelRefusal;
import org.processlab.model.ChannelRefusals;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Stream;

/**
 * A run saved and read back is the run: every component of its snapshot and of each process (but the snapshot's
 * version), and every line of its output in the same order. The fixture sets every component to something other than
 * its default, so a component the format forgets comes back different and fails here.
 */
class SavedRunTest {
    @TempDir
    Path dir;

    @Test
    void aRunWrittenAndReadBackIsTheSameRun() throws IOException {
        OutputLog output = RunFixture.output();
        RunSnapshot run = RunFixture.snapshot(output);
        Path file = dir.resolve("run.json");
        new SavedRun(run, output, RunFixture.origin(), RunFixture.expectations()).write(file);

        SavedRun back = SavedRun.read(file);

        SameRun.assertSameRun(back.snapshot(), run);
        SameRun.assertSameLines(back.output(), output);
        assertThat(back.origin()).isEqualTo(RunFixture.origin());
        assertThat(back.expectations()).isEqualTo(RunFixture.expectations());
        assertThat(back.document().expectations()).isEqualTo(RunFixture.expectations());
        assertThat(back.snapshot().version()).as("a run read back has a version no live run has").isNegative();
        assertThat(SavedRun.read(file).snapshot().version()).as("fixed for the run").isEqualTo(back.snapshot().version());
        RunSnapshot later = new RunSnapshot(run.version(), run.status(), run.title(), run.startedAt() + 1, run.endedAt(),
                run.now(), run.processes(), run.rootStatus(), run.stoppedBy(), run.error(), run.startMethods(),
                run.requestedStartMethod(), run.supervisorPid(), run.outputLines(), run.unfinishedLines(),
                run.rejectedConnections(), run.priorityLowered(), run.inputDroppedBytes(), run.channelRefusals(),
                run.containment(), run.processesPastLimit(), run.forksRefused(), run.supervisorLost());
        Path other = dir.resolve("other.json");
        new SavedRun(later, output, RunOrigin.NONE).write(other);
        assertThat(SavedRun.read(other).snapshot().version()).as("another run (a microsecond later), another version")
                .isNotEqualTo(back.snapshot().version());
    }

    @Test
    void theFixtureSetsEveryComponent() {
        OutputLog output = RunFixture.output();
        RunSnapshot run = RunFixture.snapshot(output);
        SameRun.assertEveryComponentSet(List.of(run), "RunSnapshot");
        SameRun.assertEveryComponentSet(run.processes(), "ProcessView");
    }

    @Test
    void everyComponentOfTheDocumentIsWrittenAndReadBack() throws IOException {
        OutputLog output = RunFixture.output();
        RunDocument doc = RunDocument.of(RunFixture.snapshot(output), output, RunFixture.origin(),
                RunFixture.expectations());
        List<RunDocument.Line> lines = new java.util.ArrayList<>(doc.otherOutput().get(0).output());
        doc.processes().forEach(p -> lines.addAll(p.output()));
        List<RunDocument.StateSpan<?>> spans = new java.util.ArrayList<>();
        doc.processes().forEach(p -> {
            spans.addAll(p.states());
            spans.addAll(p.kernelStates());
        });
        SameRun.assertEveryComponentSet(List.of(doc), "RunDocument");
        SameRun.assertEveryComponentSet(doc.processes(), "RunDocument.Process");
        SameRun.assertEveryComponentSet(lines, "RunDocument.Line");
        SameRun.assertEveryComponentSet(spans, "RunDocument.StateSpan");
        SameRun.assertEveryComponentSet(doc.processes().get(0).joins(), "RunDocument.Join");
        SameRun.assertEveryComponentSet(List.of(doc.priorityLowered()), "RunDocument.PriorityChange");
        SameRun.assertEveryComponentSet(doc.unfinishedLines(), "RunDocument.Unfinished");
        SameRun.assertEveryComponentSet(List.of(doc.origin()), "RunOrigin");
        SameRun.assertEveryComponentSet(doc.expectations().results(), "RunDocument.Expected");

        Path file = dir.resolve("run.json");
        try (var out = Files.newOutputStream(file)) {
            RunDocumentWriter.write(doc, out);
        }
        RunDocument back = RunDocumentReader.read(file);

        for (var c : RunDocument.class.getRecordComponents()) {
            assertThat(SameRun.value(c, back)).as("RunDocument.%s", c.getName()).isEqualTo(SameRun.value(c, doc));
        }
    }

    @Test
    void aSavedRunIsWrittenWholeOrNotAtAll() throws IOException {
        OutputLog output = RunFixture.output();
        SavedRun saved = new SavedRun(RunFixture.snapshot(output), output, RunFixture.origin());
        Path file = Files.writeString(dir.resolve("run.json"), "the old one");
        saved.write(file);
        assertThat(SavedRun.read(file).snapshot().title()).isEqualTo(saved.snapshot().title());
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file is left").containsExactly(file);
        }
        Path fresh = dir.resolve("fresh.json");
        saved.write(fresh);
        Path plain = Files.createFile(dir.resolve("plain"));
        assertThat(Files.getPosixFilePermissions(fresh)).as("made as any new file is, not owner-only")
                .isEqualTo(Files.getPosixFilePermissions(plain));
        Files.delete(fresh);
        Files.delete(plain);
        Path nowhere = dir.resolve("no-such-folder").resolve("run.json");
        assertThatThrownBy(() -> saved.write(nowhere)).isInstanceOf(IOException.class);
    }

    @Test
    void aModelReadBackHoldsItsRunAndRefusesChanges() {
        OutputLog output = RunFixture.output();
        RunSnapshot run = RunFixture.snapshot(output);
        RunModel model = RunModel.finished(run, output);
        assertThat(model.snapshot()).isSameAs(run);
        assertThat(model.snapshot(0)).isSameAs(run);
        assertThat(model.output()).isSameAs(output);
        assertThat(model.events()).isEmpty();
        assertThat(model.processCount()).isEqualTo(3);
        assertThatThrownBy(() -> model.append(new RunEvent.RunEnded(1, 0))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> model.appendLines(1, RunFixture.MAIN, Stream.STDOUT,
                new org.processlab.model.LineBatch(), false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> model.append(new RunEvent.ConnectionRefused(1, ChannelRefusal.WRONG_TOKEN)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> model.setSupervisorPid(1)).isInstanceOf(IllegalStateException.class);

        SavedRun saved = SavedRun.of(model, RunFixture.origin());
        assertThat(saved.snapshot()).isSameAs(run);
        assertThat(saved.output()).isSameAs(output);
    }

    @Test
    void onlyARunThatHasEndedIsSaved() {
        RunModel live = new RunModel();
        live.append(new RunEvent.RunStarted(1, "live", List.of("python3"), null));
        assertThatThrownBy(() -> SavedRun.of(live, RunOrigin.NONE)).isInstanceOf(IllegalStateException.class);
        OutputLog output = RunFixture.output();
        RunSnapshot ended = RunFixture.snapshot(output);
        RunSnapshot running = new RunSnapshot(1, RunStatus.RUNNING, ended.title(), ended.startedAt(), -1,
                ended.now(), ended.processes(), null, null, null, List.of(), null, -1, ended.outputLines(), List.of(),
                0, null, 0, ChannelRefusals.NONE, null, 0, -1, null);
        assertThatThrownBy(() -> RunModel.finished(running, output)).isInstanceOf(IllegalArgumentException.class);
    }
}
