package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * A line's time on the timeline is when it was printed, also after a long quiet spell (the agent has no flusher
 * thread while a process prints sparsely: the write that completes a line sends it), and also through a bound
 * {@code sys.stdout.write} the program took as it started. The program writes its own clock into each line; the gaps
 * between lines must match the gaps between their reported times.
 *
 * <p>Not a timing test: a line the agent failed to send would go out only at exit, a second or more late, far beyond
 * the 0.5 s allowed for a busy machine.
 */
class OutputTimingCliTest {
    private static final String PROGRAM = """
            import sys
            import time

            keep = sys.stdout.write          # a bound write taken at the start, as fast printers do


            def say(what):
                print(f"{what} {time.time():.6f}")


            say("first")
            time.sleep(1.5)
            say("after 1.5 s of quiet")
            time.sleep(1.2)
            say("after 1.2 s more")
            keep(f"through a kept write {time.time():.6f}\\n")
            time.sleep(1.0)
            """;

    @Test
    void linesPrintedAfterQuietSpellsKeepTheirTime(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("quiet.py");
        Files.writeString(program, PROGRAM);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<double[]> lines = new ArrayList<>();   // {reported time, the program's own clock}
        for (JsonNode l : r.main().path("output")) {
            String text = l.path("text").asText();
            double own = Double.parseDouble(text.substring(text.lastIndexOf(' ') + 1));
            lines.add(new double[] {l.path("t").asDouble(), own});
        }
        assertThat(lines).as(r.stdout()).hasSize(4);
        for (int i = 1; i < 4; i++) {
            double reported = lines.get(i)[0] - lines.get(0)[0];
            double real = lines.get(i)[1] - lines.get(0)[1];
            assertThat(Math.abs(reported - real)).as("line %d: %.3f s after the first, reported %.3f s", i, real, reported)
                    .isLessThan(0.5);
        }
        r.assertNothingLeft();
    }
}
