package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * Issue 16, causality: a child's last line without its newline ends where the child's output channel ends, so it
 * comes before the line its parent prints once {@code join()} returned, in the run document's order and in the text
 * console, not at the run's end. 10 runs of each, under fork, spawn and forkserver in turn.
 */
class UnfinishedLastLineCliTest {
    private static final String PROGRAM = """
            import multiprocessing as mp
            import os
            import sys


            def child():
                os.write(2, b"partial on stderr")
                sys.stdout.write("partial")


            if __name__ == "__main__":
                p = mp.Process(target=child)
                p.start()
                p.join()
                print("after")
            """;
    private static final List<String> METHODS = List.of("fork", "spawn", "forkserver");
    private static final int RUNS = 10;

    @Test
    void aChildsUnfinishedLastLineComesBeforeItsParentsLineAfterJoinInTheDocument(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("partial.py"), PROGRAM);
        for (int i = 0; i < RUNS; i++) {
            String method = METHODS.get(i % METHODS.size());
            Report r = CliRun.json("--start-method", method, program.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            JsonNode child = r.byTarget("child");
            JsonNode main = r.main();
            String run = "run " + (i + 1) + " under " + method + ": " + r.stdout();
            long after = number(main, "stdout", "after", run);
            assertThat(number(child, "stdout", "partial", run)).as(run).isLessThan(after);
            assertThat(number(child, "stderr", "partial on stderr", run)).as(run).isLessThan(after);
            assertThat(r.json().path("unfinishedLines")).as("nothing left unfinished: " + run).isEmpty();
        }
    }

    @Test
    void aChildsUnfinishedLastLineComesBeforeItsParentsLineAfterJoinInTheTextConsole(@TempDir Path dir)
            throws Exception {
        Path program = Files.writeString(dir.resolve("partial.py"), PROGRAM);
        for (int i = 0; i < RUNS; i++) {
            String method = METHODS.get(i % METHODS.size());
            Report r = CliRun.exec("run", "--start-method", method, program.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            List<String> lines = r.stdout().lines().toList();
            String run = "run " + (i + 1) + " under " + method + ":\n" + r.stdout();
            int partial = onlyIndex(lines, l -> l.endsWith(" stdout partial"), run);
            int partialErr = onlyIndex(lines, l -> l.endsWith(" stderr partial on stderr"), run);
            int after = onlyIndex(lines, l -> l.matches("\\s*\\d+\\.\\d{3}\\s+MainProcess\\[\\d+\\]\\s+stdout after"), run);
            assertThat(partial).as(run).isLessThan(after);
            assertThat(partialErr).as(run).isLessThan(after);
        }
    }

    /** The run-wide number {@code n} of {@code process}'s one line {@code text} on {@code stream}. */
    private static long number(JsonNode process, String stream, String text, String run) {
        List<JsonNode> found = new java.util.ArrayList<>();
        process.path("output").forEach(o -> {
            if (o.path("stream").asText().equals(stream) && o.path("text").asText().equals(text)) {
                found.add(o);
            }
        });
        assertThat(found).as("'%s' once on %s of %s in %s", text, stream, process.path("pid"), run).hasSize(1);
        return found.get(0).path("n").asLong();
    }

    private static int onlyIndex(List<String> lines, java.util.function.Predicate<String> which, String run) {
        int at = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (which.test(lines.get(i))) {
                assertThat(at).as("one such line: " + run).isEqualTo(-1);
                at = i;
            }
        }
        assertThat(at).as("the line is there: " + run).isGreaterThanOrEqualTo(0);
        return at;
    }
}
