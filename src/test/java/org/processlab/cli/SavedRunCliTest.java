package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;
import org.processlab.export.RunOrigin;
import org.processlab.export.SameRun;
import org.processlab.export.SavedRun;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.StartMethod;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;
import org.processlab.run.RunSpec;

/**
 * Real runs saved and read back: a run as the CLI makes it, written and read again, is the same run in every
 * component; and the document {@code run --format json} prints reads back to a run that writes the same bytes again.
 */
class SavedRunCliTest {
    @TempDir
    Path dir;

    @Test
    void lesson2ReadBackIsTheRunThatRan() throws Exception {
        assertRunReadsBack("02-first-processes", null);
    }

    @Test
    void lesson14UnderForkserverReadBackIsTheRunThatRan() throws Exception {
        SavedRun back = assertRunReadsBack("14-start-methods", StartMethod.FORKSERVER);
        assertThat(back.snapshot().requestedStartMethod()).isEqualTo("forkserver");
        assertThat(back.snapshot().processes()).as("the fork server is kept")
                .anySatisfy(p -> assertThat(p.helperKind()).isEqualTo("forkserver"));
    }

    @Test
    void theCliDocumentOfLesson14ReadsBackAndWritesTheSameBytes() throws IOException {
        Report r = CliRun.json("14-start-methods", "--start-method", "forkserver");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().path("formatVersion").asInt()).isEqualTo(3);
        assertThat(r.json().path("origin").path("lesson").asText()).isEqualTo("14-start-methods");
        assertThat(r.json().path("startMethodAsked").asText()).isEqualTo("forkserver");
        assertThat(r.json().path("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
        Path file = Files.writeString(dir.resolve("r.json"), r.stdout());

        SavedRun back = SavedRun.read(file);
        Path again = dir.resolve("again.json");
        back.write(again);
        assertThat(Files.readString(again, StandardCharsets.UTF_8)).isEqualTo(r.stdout());
        SameRun.assertSameRun(SavedRun.read(again).snapshot(), back.snapshot());
        assertThat(back.output().size()).isEqualTo(r.json().path("outputLines").asInt()).isPositive();
    }

    /** Runs a lesson as {@code run} does, saves it, reads it back: the same run. */
    private SavedRun assertRunReadsBack(String lesson, StartMethod method) throws Exception {
        RunTarget t = RunTarget.resolve(lesson, CliRun.LESSONS);
        RunSpec spec = PythonTrack.spec(PythonInterpreter.locate(null), t.program(), t.args(), method, t.title());
        RunModel model = new RunModel();
        RunSnapshot end = RunSession.start(spec, model).ended().join();
        assertThat(end.rootStatus()).as("%s ended well", lesson).isZero();
        SavedRun saved = SavedRun.of(model, new RunOrigin(t.lessonId(), t.program().toString(), t.args()));
        Path file = dir.resolve(lesson + ".json");
        saved.write(file);

        SavedRun back = SavedRun.read(file);

        SameRun.assertSameRun(back.snapshot(), saved.snapshot());
        SameRun.assertSameLines(back.output(), saved.output());
        assertThat(back.origin()).isEqualTo(saved.origin());
        assertThat(back.snapshot().processes()).hasSizeGreaterThan(1);
        assertThat(back.snapshot().processes()).as("joins are kept").anySatisfy(p -> assertThat(p.joins()).isNotEmpty());
        assertThat(List.copyOf(back.snapshot().startMethods())).isNotEmpty();
        return back;
    }
}
