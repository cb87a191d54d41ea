package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.run.ProcFs;
import org.processlab.testing.Await;

/**
 * SIGINT to {@code processlab run} alone ({@code kill -INT PID}; a terminal's Ctrl+C is {@link CtrlCCliTest}'s)
 * interrupts the program, which here does not catch it: the whole run ends, the report of what ran is printed, with
 * the reason, and the CLI exits with the program's status, ended by SIGINT (130).
 */
class InterruptCliTest {
    private static final String PROGRAM = """
            import multiprocessing
            import sys
            import time


            def nap():
                time.sleep(60)


            if __name__ == "__main__":
                p = multiprocessing.Process(target=nap)
                p.start()
                print("main and one child started; both sleep for a minute", flush=True)
                time.sleep(0.5)   # the line reaches ProcessLab within a few ms; then the test may press Ctrl+C
                open(sys.argv[1], "w").close()
                p.join()
            """;

    @Test
    void ctrlCPrintsTheReportSoFarAndEndsEveryProcess(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("sleepy.py");
        Path started = dir.resolve("started");
        Files.writeString(program, PROGRAM);
        Process cli = JarProcess.builder("run", "--format", "json", program.toString(), "--", started.toString())
                .start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(cli.getErrorStream()));
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(cli.getInputStream()));
        Await.atMost(Duration.ofSeconds(60)).tryUntil(() -> Files.exists(started));
        assertThat(started).as("the program got going").exists();
        new ProcessBuilder("kill", "-INT", Long.toString(cli.pid())).start().waitFor();

        assertThat(cli.waitFor(30, TimeUnit.SECONDS)).as("the CLI ends after Ctrl+C").isTrue();
        assertThat(cli.exitValue()).isEqualTo(130);
        // issue 15: Ctrl+C interrupts the program (SIGINT) instead of stopping the run (SIGTERM)
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("interrupted the run");
        JsonNode report = new ObjectMapper().readTree(out.get(10, TimeUnit.SECONDS));
        assertThat(report.path("stoppedBy").asText()).isEqualTo("interrupt");
        assertThat(report.path("exitCode").asInt()).as("the program's own status: SIGINT ended it").isEqualTo(130);
        assertThat(report.path("processes")).hasSize(2);
        assertThat(report.toString()).contains("main and one child started; both sleep for a minute");
        for (JsonNode p : report.path("processes")) {
            assertThat(p.path("alive").asBoolean()).isFalse();
            assertThat(ProcFs.isSame(p.path("pid").asLong(), p.path("startTicks").asLong()))
                    .as("process %s still exists", p.path("pid")).isFalse();
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
