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

    /**
     * A person at a terminal sees the question before answering it: in text mode the prompt, printed without its
     * newline, is on the CLI's stdout before the CLI's stdin gets its line (written only once the prompt is seen), and
     * the program's line stays whole ({@code number? 49}: with a pipe, nothing else is on it).
     */
    @Test
    void thePromptIsPrintedBeforeThePersonTypes() throws Exception {
        Process cli = JarProcess.builder("run", program(SQUARE).toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        StringBuffer out = new StringBuffer();
        Thread reader = new Thread(() -> {
            try (var in = new java.io.InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8)) {
                int c;
                while ((c = in.read()) >= 0) {
                    out.append((char) c);
                }
            } catch (java.io.IOException e) {
                // the CLI went away: what it wrote is in out
            }
        }, "cli-stdout");
        reader.start();
        try (OutputStream in = cli.getOutputStream()) {
            org.processlab.testing.Await.atMost(java.time.Duration.ofSeconds(60))
                    .until("the prompt on the CLI's stdout", () -> out.toString().contains("stdout number? "));
            String before = out.toString();
            assertThat(before).as("the prompt is the last thing printed: no newline invented after it")
                    .endsWith("stdout number? ");
            in.write("7\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI ended").isTrue();
        reader.join(10_000);
        assertThat(cli.exitValue()).as(out.toString()).isZero();
        assertThat(out.toString().lines().filter(l -> l.contains(" stdout ")).toList())
                .as("the program's one line, whole").singleElement().asString().endsWith("stdout number? 49");
    }

    /**
     * A program that never reads while more than 1 MiB is piped to it: the input beyond what waits is dropped, and the
     * CLI says so once on stderr, with the bytes dropped.
     */
    @Test
    void inputAProgramNeverReadsIsDroppedBeyondOneMebibyteAndTheCliSaysSo() throws Exception {
        // waits until its stdin's pipe is full (the input has come), then a while longer before it ends, unread
        String neverReads = """
                import fcntl, struct, termios, time
                deadline = time.time() + 30
                while time.time() < deadline:
                    if struct.unpack('i', fcntl.ioctl(0, termios.FIONREAD, b'\\0' * 4))[0] >= 65536:
                        break
                    time.sleep(0.05)
                time.sleep(3)
                print('done')
                """;
        Process cli = JarProcess.builder("run", "--format", "json", program(neverReads).toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        byte[] input = new byte[1_572_864];
        java.util.Arrays.fill(input, (byte) 'x');
        var err = new java.util.concurrent.CompletableFuture<String>();
        Thread stderrReader = new Thread(() -> {
            try {
                err.complete(new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                err.complete("");
            }
        }, "cli-stderr");
        stderrReader.start();
        try (OutputStream in = cli.getOutputStream()) {
            in.write(input);
        } catch (java.io.IOException ended) {
            // the CLI stopped reading once the run ended: what it took is enough
        }
        Report r = finish(cli);
        assertThat(r.exit()).as(r.stdout()).isZero();
        String said = err.get(30, TimeUnit.SECONDS);
        assertThat(said.lines().filter(l -> l.contains("did not read its input")).toList()).as(said).singleElement()
                .asString().matches("processlab: the program did not read its input: [0-9,]+ bytes were dropped .*");
        r.assertNothingLeft();
    }
}
