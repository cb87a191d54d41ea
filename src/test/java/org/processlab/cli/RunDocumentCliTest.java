package org.processlab.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;
import org.processlab.export.RunDocument;
import org.processlab.export.RunDocumentException;
import org.processlab.export.RunDocumentReader;
import org.processlab.export.RunDocumentWriter;
import org.processlab.model.LifeState;
import org.processlab.model.Role;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;

/** The document {@code run --format json} prints opens again: read back and written again, it is the same bytes. */
class RunDocumentCliTest {
    /** Every kind of value the document holds: no PID, a signal, stderr, a shared line, text that needs escapes. */
    private static final String PROGRAM = """
            import ctypes
            import multiprocessing
            import os
            import signal
            import subprocess
            import sys
            import time


            def speak():
                print('Gr\u00f6\u00dfe \u2713 "quoted", back\\\\slash and\\ttab', flush=True)
                sys.stderr.write("to stderr\\n")
                sys.stderr.flush()


            def hang():
                time.sleep(60)


            if __name__ == "__main__":
                multiprocessing.set_start_method("fork")
                never = multiprocessing.Process(target=speak)
                talker = multiprocessing.Process(target=speak)
                talker.start()
                talker.join()
                victim = multiprocessing.Process(target=hang)
                victim.start()
                os.kill(victim.pid, signal.SIGKILL)
                victim.join()
                subprocess.run(["sh", "-c", "echo from a shell"])
                libc = ctypes.CDLL(None)
                pid = libc.fork()             # below Python: it shares main's output channel
                if pid == 0:
                    time.sleep(0.2)           # main and it both hold the channel when the relay looks
                    os.write(1, b"from a C-level fork\\n")
                    time.sleep(0.2)
                    libc._exit(0)
                os.waitpid(pid, 0)
                print("main ends", flush=True)
            """;

    @Test
    void aRunsDocumentReadBackAndWrittenAgainIsWhatTheCliPrinted(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("every_kind.py");
        Files.writeString(program, PROGRAM);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();

        RunDocument doc = read(r.stdout());
        assertThat(doc.exitCode()).isZero();
        assertThat(doc.startMethods()).containsExactly("fork");
        RunDocument.Process main = doc.processes().get(0);
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(main.parent()).isZero();
        assertThat(main.states()).isNotEmpty();
        assertThat(main.states().get(0).state()).isEqualTo(LifeState.RUNNING);
        assertThat(doc.processes()).anySatisfy(p -> {
            assertThat(p.pid()).isNull();
            assertThat(p.target()).isEqualTo("speak");
            assertThat(p.states()).extracting(RunDocument.StateSpan::state).containsExactly(LifeState.CREATED);
        });
        assertThat(doc.processes()).anySatisfy(p -> {
            assertThat(p.label()).isEqualTo("victim");
            assertThat(p.exitCode()).isEqualTo(-9);
            assertThat(p.signal()).isEqualTo("SIGKILL");
        });
        assertThat(doc.processes()).anySatisfy(p -> {
            assertThat(p.label()).isEqualTo("talker");
            assertThat(p.output()).extracting(RunDocument.Line::stream, RunDocument.Line::text).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Stream.STDOUT,
                            "Gr\u00f6\u00dfe \u2713 \"quoted\", back\\slash and\ttab"),
                    org.assertj.core.groups.Tuple.tuple(Stream.STDERR, "to stderr"));
        });
        List<RunDocument.Line> lines = doc.processes().stream().flatMap(p -> p.output().stream()).toList();
        // issue 16: a subprocess writes on a channel of its own (its line was untraced); a C-level fork shares main's
        assertThat(doc.processes()).anySatisfy(p -> {
            // the spawn's argv, even where the sampler saw the shell first (as it ended) and knew it only as "sh"
            assertThat(p.command()).isEqualTo("sh -c echo from a shell");
            assertThat(p.pid()).isNotEqualTo(main.pid());
            assertThat(p.output()).singleElement().satisfies(l -> {
                assertThat(l.text()).isEqualTo("from a shell");
                assertThat(l.untraced()).isFalse();
                assertThat(l.shared()).isFalse();
            });
        });
        assertThat(main.output()).filteredOn(l -> l.text().equals("from a C-level fork")).singleElement()
                .satisfies(l -> assertThat(l.shared()).as("from main or one of its untraced children").isTrue());
        assertThat(lines).hasSize((int) doc.outputLines());

        assertThat(write(doc)).isEqualTo(r.stdout());
    }

    @Test
    void aRunStoppedAtItsTimeLimitWithAnOrphanRoundTrips() throws IOException {
        Report r = CliRun.json("--time-limit", "4", CliRun.CASES.resolve("c07_terminate_orphans_grandchild.py").toString());
        RunDocument doc = read(r.stdout());
        assertThat(doc.stoppedBy()).as(r.toString()).isEqualTo(StopReason.TIME_LIMIT);
        assertThat(doc.processes()).anySatisfy(p -> {
            assertThat(p.orphan()).isTrue();
            assertThat(p.ppid()).isNotEqualTo(p.parent());
        });
        assertThat(write(doc)).isEqualTo(r.stdout());
    }

    @Test
    void aRunsDocumentCutShortIsRejectedWithWhereItEnds() {
        Report r = CliRun.json("02-first-processes");
        assertThat(r.exit()).as(r.toString()).isZero();
        String text = r.stdout();
        String cut = text.substring(0, text.indexOf("\"output\":[{") + "\"output\":[{\"t\":0.".length());
        RunDocumentException e = catchThrowableOfType(RunDocumentException.class, () -> read(cut));
        assertThat(e).as("a RunDocumentException for %s", cut).isNotNull();
        assertThat(e.getMessage()).matches("processes\\[\\d+]\\.output\\[0]\\.t: the document ends too early "
                + "\\(line 1, column \\d+\\)");
    }

    private static RunDocument read(String text) throws IOException {
        return RunDocumentReader.read(new ByteArrayInputStream(text.getBytes(UTF_8)));
    }

    private static String write(RunDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunDocumentWriter.write(doc, out);
        return out.toString(UTF_8);
    }
}
