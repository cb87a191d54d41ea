package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/** {@code processlab run} passes its own stdin through to the program, as a shell does (issue 13, "Type to the program"). */
class StdinCliTest {
    private static final String SQUARE = "n = int(input('number? '))\nprint(n * n)\n";

    @TempDir
    Path dir;

    private Path program(String code) throws Exception {
        Path p = dir.resolve("guess.py");
        Files.writeString(p, code);
        return p;
    }

    /** Waits for the CLI's end and reads its JSON report. */
    private static Report finish(Process cli) throws Exception {
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI ended").isTrue();
        return new Report(cli.exitValue(), new ObjectMapper().readTree(out), out, "");
    }

    @Test
    void inputFromAPipeReachesTheProgram() throws Exception {
        Process cli = JarProcess.builder("run", "--format", "json", program(SQUARE).toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = cli.getOutputStream()) {
            in.write("7\n".getBytes(StandardCharsets.UTF_8));
        }
        Report r = finish(cli);
        assertThat(r.exit()).as(r.stdout()).isZero();
        assertThat(Report.lines(r.main(), "stdout")).containsExactly("number? 49");
        r.assertNothingLeft();
    }

    @Test
    void withStdinFromDevNullTheProgramGetsEndOfFileAtOnce() throws Exception {
        long started = System.nanoTime();
        Report r = finish(JarProcess.start("run", "--format", "json", program(SQUARE).toString()));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(String.join("\n", Report.lines(r.main(), "stderr"))).contains("EOFError");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("ended promptly").isLessThan(30);
        r.assertNothingLeft();
    }

    @Test
    void aProgramThatNeverReadsEndsWhileTheCliStdinStaysOpen() throws Exception {
        Process cli = JarProcess.builder("run", "--format", "json", program("print('no input needed')\n").toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = cli.getOutputStream()) {     // open, never written, closed only after the end
            Report r = finish(cli);
            assertThat(r.exit()).isZero();
            assertThat(Report.lines(r.main(), "stdout")).containsExactly("no input needed");
            r.assertNothingLeft();
        }
    }
}
