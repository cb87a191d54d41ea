package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code processlab run} in text mode shows each output line while the run goes on, with its time, process and
 * stream, as running the program in a terminal would; the table and the lanes follow at the end.
 *
 * <p>Not a timing test: the program waits (up to 30 s) for the test to have read its first line from the CLI before it
 * prints its second and ends. Printed only at the end, the first line would come after the wait, not during it.
 */
class LiveOutputCliTest {
    private static final String PROGRAM = """
            import multiprocessing
            import os
            import sys
            import time


            def child(flag):
                print("child: first line", flush=True)
                end = time.monotonic() + 30
                while not os.path.exists(flag) and time.monotonic() < end:
                    time.sleep(0.05)
                print("child: the test saw my first line" if os.path.exists(flag) else "child: nobody saw it", flush=True)


            if __name__ == "__main__":
                p = multiprocessing.Process(target=child, args=(sys.argv[1],))
                p.start()
                p.join()
                print("main: done", flush=True)
            """;

    @Test
    void outputLinesShowWhileTheRunGoesOn(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("live.py");
        Path seen = dir.resolve("seen");
        Files.writeString(program, PROGRAM);
        Process cli = JarProcess.start("run", program.toString(), "--", seen.toString());
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = out.readLine()) != null) {
                lines.add(l);
                if (l.contains("child: first line")) {
                    Files.createFile(seen);   // read while the child still runs: it may go on
                }
            }
        }
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).as(String.join("\n", lines))
                .anySatisfy(l -> assertThat(l).contains("stdout").contains("child: the test saw my first line"))
                .anySatisfy(l -> assertThat(l).matches("\\s*\\d+\\.\\d{3}\\s+MainProcess\\[\\d+\\]\\s+stdout main: done"));
        // the report follows the output: the table and the lanes, then the exit status
        int done = indexOf(lines, "main: done");
        assertThat(indexOf(lines, "PROCESS")).isGreaterThan(done);
        assertThat(indexOf(lines, "TIMELINE")).isGreaterThan(done);
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Exit status: 0");
        assertThat(lines.stream().filter(l -> l.contains("child: first line")).count()).as("each line once").isEqualTo(1);
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /** Three children print at once: lines arrive over three connections. */
    private static final String CROWD = """
            import multiprocessing
            import time


            def talk(who):
                for i in range(30):
                    print(f"{who} says {i}", flush=True)
                    time.sleep(0.002)


            if __name__ == "__main__":
                a = multiprocessing.Process(target=talk, args=("a",))
                b = multiprocessing.Process(target=talk, args=("b",))
                c = multiprocessing.Process(target=talk, args=("c",))
                for p in (a, b, c):
                    p.start()
                for p in (a, b, c):
                    p.join()
                print("main: done", flush=True)
            """;

    @Test
    void linesFromSeveralProcessesComeInTheOrderTheyWereWrittenWithTheirNames(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("crowd.py");
        Files.writeString(program, CROWD);
        CliRun.Report r = CliRun.exec("run", program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> out = r.stdout().lines().filter(l -> l.contains(" stdout ")).toList();
        assertThat(out).hasSize(91);
        List<Double> times = out.stream().map(l -> Double.parseDouble(l.strip().split("\\s+")[0])).toList();
        assertThat(times).as(String.join("\n", out)).isSorted();
        for (String who : List.of("a", "b", "c")) {
            assertThat(out).as("%s's lines under its own name", who).filteredOn(l -> l.endsWith(who + " says 0"))
                    .singleElement().satisfies(l -> assertThat(l).contains(" " + who + "["));
        }
    }

    /**
     * A line printed in two parts half a second apart ({@code abc}, then {@code def} and its newline): the first part
     * stands unfinished (a prompt would), then the rest completes it in place. The CLI's stdout holds the line once,
     * whole: never {@code abc} on a line of its own, never the whole line again after it.
     */
    @Test
    void aLinePrintedInTwoPartsIsPrintedOnceWhole(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("parts.py"), """
                import sys
                import time
                sys.stdout.write("abc")
                sys.stdout.flush()
                time.sleep(0.5)
                sys.stdout.write("def\\n")
                """);
        CliRun.Report r = CliRun.exec("run", program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(occurrences(out, "abcdef")).as(out).isEqualTo(1);
        assertThat(occurrences(out, "abc")).as("abc once: " + out).isEqualTo(1);
        assertThat(out.lines().filter(l -> l.endsWith("abc")).toList()).as("no lone abc line: " + out).isEmpty();
        assertThat(out.lines().filter(l -> l.contains("abcdef")).toList()).singleElement().asString()
                .matches("\\s*\\d+\\.\\d{3}\\s+MainProcess\\[\\d+\\]\\s+stdout abcdef");
    }

    /**
     * A line begun ({@code abc}) and left standing while another process prints a whole line, then finished
     * ({@code def}): the other line cannot wait behind it (the first might be a prompt that waits for hours), so the
     * terminal's line ends and the rest follows later after its own columns ({@code …def}); no part is printed twice.
     */
    @Test
    void aLineInterruptedByAnotherProcesssLineGoesOnWithoutItsBeginningAgain(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("interrupted.py"), """
                import multiprocessing
                import sys
                import time


                def child():
                    time.sleep(0.6)
                    print("child line", flush=True)


                if __name__ == "__main__":
                    p = multiprocessing.Process(target=child)
                    p.start()
                    sys.stdout.write("abc")
                    sys.stdout.flush()
                    p.join()
                    time.sleep(0.5)
                    sys.stdout.write("def\\n")
                """);
        CliRun.Report r = CliRun.exec("run", program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.stdout();
        assertThat(occurrences(out, "abc")).as("abc once: " + out).isEqualTo(1);
        assertThat(occurrences(out, "def")).as("def once: " + out).isEqualTo(1);
        assertThat(occurrences(out, "child line")).as(out).isEqualTo(1);
        List<String> lines = out.lines().toList();
        assertThat(indexOf(lines, "child line")).as(out).isLessThan(indexOf(lines, "def"));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void aRunProcessLabStoppedSaysWhatEndedTheProgram(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("sleepy.py");
        Files.writeString(program, "import time\nprint('asleep', flush=True)\ntime.sleep(60)\n");
        CliRun.Report r = CliRun.exec("run", "--time-limit", "1", program.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(143);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("Exit status: 143 (ended by SIGTERM, sent when ProcessLab stopped the run)");
    }
}
