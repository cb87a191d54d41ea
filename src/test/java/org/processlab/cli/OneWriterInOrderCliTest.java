package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;

/**
 * Issue 16, "per process, bytes keep the order they were written in": one process that turns between stdout and
 * stderr ({@code print}, {@code logging}, {@code print(file=sys.stderr)}, {@code writelines}) and between Python's
 * streams and {@code os.write} shows its lines in the order
 * it wrote them, as a terminal (or {@code python3 -u}) does, also in a burst, where ProcessLab batches stdout.
 * (A turn made through {@code sys.stdout.buffer} is not watched: see PROTOCOL.md.)
 * Each of the two streams is a channel of its own, read in either order when both are ready; the old tracer showed
 * the stderr lines first and {@code os.write}'s line before the printed lines written before it.
 */
class OneWriterInOrderCliTest {
    private static final String PROGRAM = """
            import logging
            import multiprocessing as mp
            import os
            import sys


            def turns(who):
                logging.basicConfig(format="LOG %(message)s")     # a spawned child does not run the main block
                log = logging.getLogger(who)
                print(f"{who} starting")
                log.warning(f"{who} configured")
                print(f"{who} working")
                for i in range(5):
                    print(f"{who} out {i}")
                    print(f"{who} err {i}", file=sys.stderr)
                print(f"{who} one")
                sys.stdout.writelines([f"{who} two\\n"])
                print(f"{who} three")
                os.write(1, f"{who} four\\n".encode())
                print(f"{who} five")
                os.write(2, f"{who} six\\n".encode())
                print(f"{who} seven")
                print(f"{who} eight", end="")
                os.write(1, b" nine\\n")


            if __name__ == "__main__":
                turns("main")
                p = mp.Process(target=turns, args=("child",))
                p.start()
                p.join()
            """;

    private static final List<String> WRITTEN = List.of("starting", "LOG configured", "working",
            "out 0", "err 0", "out 1", "err 1", "out 2", "err 2", "out 3", "err 3", "out 4", "err 4",
            "one", "two", "three", "four", "five", "six", "seven", "eight nine");

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void linesOfOneProcessKeepTheOrderItWroteThem(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("turns.py"), PROGRAM);
        for (int run = 0; run < 3; run++) {
            Report r = CliRun.json("--start-method", method, program.toString());
            assertThat(r.exit()).as(r.toString()).isZero();
            for (String who : List.of("main", "child")) {
                List<String> seen = WrittenLines.of(r).stream()
                        .filter(l -> l.text().startsWith(who + " ") || l.text().startsWith("LOG " + who + " "))
                        .map(l -> l.text().replaceFirst("^(LOG )?" + who + " ", "$1"))
                        .toList();
                assertThat(seen).as("%s's lines, run %d under %s", who, run + 1, method).isEqualTo(WRITTEN);
            }
        }
    }

    @Test
    void aLineToStderrAfterAFloodComesAfterTheFlood(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("flood_then_stderr.py"), """
                import sys
                for i in range(20000):
                    print("line", i)
                print("END", file=sys.stderr)
                """);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<WrittenLines> lines = WrittenLines.of(r);
        assertThat(lines).hasSize(20_001);
        assertThat(lines.get(lines.size() - 1).text()).isEqualTo("END");
        assertThat(lines.get(lines.size() - 2).text()).isEqualTo("line 19999");
    }
}
