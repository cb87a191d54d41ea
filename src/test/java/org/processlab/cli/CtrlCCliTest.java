package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.run.ProcFs;
import org.processlab.testing.Await;

/**
 * Ctrl+C at a terminal, as a terminal sends it: {@code processlab run} is started as a shell starts a job, in a process
 * group of its own, and SIGINT goes to that whole group ({@code kill -INT -- -PGID}). ProcessLab's supervisor has left
 * the group, so only the CLI hears it, and the CLI sends SIGINT to the program's process group: the program sees
 * {@code KeyboardInterrupt}, the exit status is its own, nothing is flagged as an orphan. A second Ctrl+C is SIGTERM, a
 * third SIGKILL. A CLI started with SIGINT ignored keeps ignoring it.
 */
class CtrlCCliTest {
    /** Starts its arguments in a new process group, as a shell starts a job; with "ignore", SIGINT ignored (nohup). */
    private static final String JOB = """
            import os, signal, sys
            os.setpgid(0, 0)
            if sys.argv[1] == "ignore":
                signal.signal(signal.SIGINT, signal.SIG_IGN)
            os.execvp(sys.argv[2], sys.argv[2:])
            """;

    /**
     * A main process and two workers; each notes in a file when it is ready, and on SIGINT
     * ({@code KeyboardInterrupt}) and SIGTERM: with {@code catch}, it prints a clean-up line and ends well; with
     * {@code carry-on}, it prints and goes on waiting; with {@code plain}, it does nothing of its own.
     */
    private static final String PROGRAM = """
            import multiprocessing
            import os
            import signal
            import sys
            import time

            NOTES, MODE = sys.argv[1], sys.argv[2]


            def note(what):
                open(os.path.join(NOTES, what), "w").close()


            def on_term(signum, frame):
                print(multiprocessing.current_process().name + ": SIGTERM, carrying on", flush=True)
                note("term-" + str(os.getpid()))


            def wait(name, forever):
                if MODE == "carry-on":
                    signal.signal(signal.SIGTERM, on_term)
                if MODE == "plain":
                    note("ready-" + name)
                    forever()
                    return
                while True:
                    try:
                        note("ready-" + name)
                        forever()
                        return
                    except KeyboardInterrupt:
                        print(name + ": KeyboardInterrupt, cleaning up", flush=True)
                        note("int-" + name)
                        if MODE == "catch":
                            return


            def work(n):
                wait("worker" + str(n), lambda: time.sleep(120))


            if __name__ == "__main__":
                ignored = signal.getsignal(signal.SIGINT) == signal.SIG_IGN
                print("main: SIGINT " + ("ignored" if ignored else "not ignored"), flush=True)
                workers = [multiprocessing.Process(target=work, args=(n,), name="worker" + str(n)) for n in (1, 2)]
                for w in workers:
                    w.start()
                print("main, worker1 and worker2 started", flush=True)
                wait("main", lambda: [w.join() for w in workers])
                for w in workers:
                    w.join()
                print("main: every worker joined", flush=True)
            """;

    @TempDir
    Path dir;
    private Process cli;
    private CompletableFuture<String> out;
    private CompletableFuture<String> err;

    @Test
    void ctrlCIsKeyboardInterruptInEveryProcessAndTheExitStatusIsTheProgramsOwn() throws Exception {
        start("catch", false);
        ctrlC();
        JsonNode report = report(0);

        assertThat(report.path("stoppedBy").asText()).isEqualTo("interrupt");
        assertThat(lines(report)).contains("main, worker1 and worker2 started", "main: KeyboardInterrupt, cleaning up",
                "worker1: KeyboardInterrupt, cleaning up", "worker2: KeyboardInterrupt, cleaning up",
                "main: every worker joined");
        assertThat(report.path("processes")).hasSize(3);
        for (JsonNode p : report.path("processes")) {
            assertThat(p.path("exitCode").asInt()).as("%s ended well", p.path("name")).isZero();
        }
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("SIGINT sent").contains("interrupted the run")
                .doesNotContain("SIGTERM sent");
        assertEverythingEndedAndNoOrphan(report);
    }

    @Test
    void aProgramThatDoesNotCatchItEndsBySigintAsAtATerminal() throws Exception {
        start("plain", false);
        ctrlC();
        JsonNode report = report(130);

        assertThat(report.path("stoppedBy").asText()).isEqualTo("interrupt");
        assertThat(report.path("exitCode").asInt()).isEqualTo(130);
        assertThat(lines(report)).anySatisfy(l -> assertThat(l).contains("KeyboardInterrupt"));   // the traceback
        assertEverythingEndedAndNoOrphan(report);
    }

    @Test
    void aSecondCtrlCIsSigtermAThirdSigkillAndNothingComesByItself() throws Exception {
        start("carry-on", false);
        ctrlC();
        Await.atMost(Duration.ofSeconds(30)).tryUntil(() -> notes("int-").size() == 3);
        assertThat(notes("int-")).as("each caught KeyboardInterrupt").hasSize(3);
        ctrlC();
        Await.atMost(Duration.ofSeconds(30)).tryUntil(() -> notes("term-").size() == 3);
        assertThat(notes("term-")).as("each was sent SIGTERM, and carried on").hasSize(3);
        // longer than Stop's grace (1 s): a stop would have killed them by now; an interrupt never escalates alone
        assertThat(cli.waitFor(2500, TimeUnit.MILLISECONDS)).as("the run goes on until Ctrl+C again").isFalse();
        ctrlC();
        JsonNode report = report(137);

        assertThat(report.path("stoppedBy").asText()).isEqualTo("interrupt");
        for (JsonNode p : report.path("processes")) {
            assertThat(p.path("exitCode").asInt()).as("%s killed", p.path("name")).isEqualTo(-9);
        }
        assertThat(lines(report)).contains("main: KeyboardInterrupt, cleaning up", "worker1: SIGTERM, carrying on");
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("SIGINT sent", "SIGTERM sent", "(SIGKILL)");
        assertEverythingEndedAndNoOrphan(report);
    }

    @Test
    void aCliStartedWithSigintIgnoredKeepsIgnoringItAndSigtermIsAStopByTheUser() throws Exception {
        start("catch", true);
        ctrlC();    // ignored by the CLI; the supervisor, in its own group, never hears it
        new ProcessBuilder("kill", "-TERM", "--", "-" + cli.pid()).start().waitFor();
        JsonNode report = report(143);

        assertThat(report.path("stoppedBy").asText()).isEqualTo("user");
        assertThat(notes("int-")).as("nobody interrupted the program").isEmpty();
        assertThat(lines(report)).as("the program inherits the ignored SIGINT, as from a shell")
                .contains("main: SIGINT ignored");
        assertThat(err.get(10, TimeUnit.SECONDS)).contains("stopped the run on request").doesNotContain("SIGINT");
        assertEverythingEndedAndNoOrphan(report);
    }

    @AfterEach
    void endTheJob() throws Exception {
        if (cli != null && cli.isAlive()) {
            new ProcessBuilder("kill", "-KILL", "--", "-" + cli.pid()).start().waitFor();
        }
    }

    /** Starts {@code run --format json PROGRAM NOTES MODE} as a job of its own, and waits until all three are ready. */
    private void start(String mode, boolean sigintIgnored) throws Exception {
        Path program = Files.writeString(dir.resolve("ctrl_c.py"), PROGRAM);
        Path notes = Files.createDirectory(dir.resolve("notes"));
        List<String> cmd = new ArrayList<>(List.of("python3", "-c", JOB, sigintIgnored ? "ignore" : "default"));
        cmd.addAll(JarProcess.builder("run", "--format", "json", program.toString(), "--", notes.toString(), mode)
                .command());
        cli = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        out = CompletableFuture.supplyAsync(() -> read(cli.getInputStream()));
        err = CompletableFuture.supplyAsync(() -> read(cli.getErrorStream()));
        Await.atMost(Duration.ofSeconds(60)).tryUntil(() -> notes("ready-").size() == 3 || !cli.isAlive());
        assertThat(notes("ready-")).as("main and both workers are waiting").hasSize(3);
    }

    /** SIGINT to the CLI's whole process group, as a terminal sends it on Ctrl+C. */
    private void ctrlC() throws Exception {
        new ProcessBuilder("kill", "-INT", "--", "-" + cli.pid()).start().waitFor();
    }

    private JsonNode report(int exit) throws Exception {
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the CLI ends").isTrue();
        String json = out.get(10, TimeUnit.SECONDS);
        assertThat(cli.exitValue()).as("exit status; stderr: %s", err.getNow("")).isEqualTo(exit);
        return new ObjectMapper().readTree(json);
    }

    private List<String> notes(String prefix) {
        try (var files = Files.list(dir.resolve("notes"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<String> lines(JsonNode report) {
        List<String> l = new ArrayList<>();
        report.path("processes").forEach(p -> p.path("output").forEach(o -> l.add(o.path("text").asText())));
        return l;
    }

    private static void assertEverythingEndedAndNoOrphan(JsonNode report) {
        for (JsonNode p : report.path("processes")) {
            assertThat(p.path("orphan").asBoolean()).as("%s flagged as an orphan", p.path("name")).isFalse();
            assertThat(p.path("alive").asBoolean()).isFalse();
            assertThat(ProcFs.isSame(p.path("pid").asLong(), p.path("startTicks").asLong()))
                    .as("process %s still exists", p.path("pid")).isFalse();
        }
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
