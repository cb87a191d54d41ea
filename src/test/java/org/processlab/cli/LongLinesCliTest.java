package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;

/**
 * Issue 16: two processes writing lines far longer than a pipe's atomic write (32 KiB each, at the same time, half
 * through {@code os.write}, half through {@code sys.stdout}) are never spliced into one line under one name, and every
 * byte arrives: each writer's lines are exactly the ones it wrote, on its own lane, in its order.
 */
class LongLinesCliTest {
    private static final int LINES = 40;
    private static final int LENGTH = 32 * 1024;

    private static final String PROGRAM = """
            import multiprocessing as mp
            import os
            import sys

            LINES, LENGTH = %d, %d


            def line(letter, i):
                head = f"{letter} {i:03d} "
                return head + letter * (LENGTH - len(head))


            def write_all(data):
                while data:
                    data = data[os.write(1, data):]


            def writer(letter, go):
                go.wait()
                for i in range(LINES):
                    if i %% 2:
                        sys.stdout.write(line(letter, i) + "\\n")
                    else:
                        sys.stdout.flush()
                        write_all((line(letter, i) + "\\n").encode())
                sys.stdout.flush()


            if __name__ == "__main__":
                go = mp.Event()
                ps = [mp.Process(target=writer, args=(letter, go), name=f"writer-{letter}") for letter in "ab"]
                for p in ps:
                    p.start()
                go.set()
                for p in ps:
                    p.join()
                print("both done")
            """.formatted(LINES, LENGTH);

    private static String line(String letter, int i) {
        String head = String.format("%s %03d ", letter, i);
        return head + letter.repeat(LENGTH - head.length());
    }

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void twoWritersOf32KiBLinesAreNeverSplicedAndLoseNoByte(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("long_lines.py"), PROGRAM);
        Report r = CliRun.json("--start-method", method, program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<WrittenLines> all = WrittenLines.of(r);
        for (String letter : List.of("a", "b")) {
            long pid = r.processes().stream().filter(p -> p.path("name").asText().equals("writer-" + letter))
                    .findFirst().orElseThrow().path("pid").asLong();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < LINES; i++) {
                expected.add(line(letter, i));
            }
            List<WrittenLines> mine = all.stream().filter(l -> l.pid() == pid).toList();
            // compared by length and head first: a failure prints a readable list, not 1 MiB of letters
            assertThat(mine).extracting(l -> l.text().length() + " " + l.text().substring(0, Math.min(8, l.text().length())))
                    .as("writer %s's lines", letter)
                    .containsExactlyElementsOf(expected.stream().map(e -> e.length() + " " + e.substring(0, 8)).toList());
            assertThat(mine).extracting(WrittenLines::text).as("every byte, none of the other writer's")
                    .containsExactlyElementsOf(expected);
            assertThat(mine).allSatisfy(l -> assertThat(l.flags()).isEmpty());
        }
        assertThat(all).extracting(WrittenLines::text).filteredOn(t -> !t.startsWith("a ") && !t.startsWith("b "))
                .containsExactly("both done");
        r.assertNothingLeft();
    }
}
