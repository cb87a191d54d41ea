package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;
import org.processlab.run.ProcFs;
import org.processlab.testing.Await;

/** Issue 4: whatever a run does, the app shows it truthfully, loses no line and leaves no process. */
class FaultsAndLimitsCliTest {
    private static String caseFile(String name) {
        return CliRun.CASES.resolve(name).toString();
    }

    @Test
    void stopEscalatesToSigkillForAChildThatIgnoresSigterm() {
        Report r = CliRun.json("--time-limit", "1.5", caseFile("ignores_sigterm.py"));
        assertThat(r.json().path("stoppedBy").asText()).isEqualTo("time-limit");
        assertThat(r.stderr()).contains("stopped the run: it ran past its time limit of 1.5 s (--time-limit SECONDS)");
        JsonNode child = r.role("child").get(0);
        assertThat(Report.lines(child)).contains("child: ignoring SIGTERM now");
        assertThat(child.path("exitCode").asInt()).isEqualTo(-9);
        assertThat(child.path("signal").asText()).isEqualTo("SIGKILL");
        r.assertNothingLeft();
    }

    @Test
    void aSpawnStormIsStoppedAtTheProcessLimitAndEveryProcessEnded() throws Exception {
        Report r = CliRun.json("--max-processes", "40", caseFile("spawn_storm.py"));
        assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo("process-limit");
        if (r.json().path("containment").asText().endsWith("pids")) {
            // the kernel holds the run at the limit: exactly 40, the 41st fork refused
            assertThat(r.processes()).as(r.stderr()).hasSize(40);
            assertThat(r.stderr()).contains("stopped the run: it reached its limit of 40 tasks, processes and threads"
                    + " together as the kernel counts them (the limit; --max-processes N sets it); the kernel refused");
        } else {
            assertThat(r.processes().size()).isGreaterThan(40);
            assertThat(r.stderr()).contains("stopped the run: it made more than 40 processes (the limit;"
                    + " --max-processes N sets it)");
        }
        r.assertNothingLeft();
        assertThat(processesRunning("spawn_storm.py")).isZero();
    }

    /**
     * The stop at the process limit kills main too, and its children live on a moment as the supervisor's: that is
     * ProcessLab's doing, not the program's, so they keep main as their parent and are not called orphans. The one
     * whose start() was cut short is still its Process object's.
     */
    @Test
    void childrenEndedByTheLimitStopKeepTheirParent(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("many_sleepers.py");
        Files.writeString(program, """
                import multiprocessing
                import time


                def nap():
                    time.sleep(30)


                if __name__ == "__main__":
                    children = [multiprocessing.Process(target=nap) for _ in range(20)]
                    for c in children:
                        c.start()
                    for c in children:
                        c.join()
                """);
        Report r = CliRun.json("--max-processes", "6", "--start-method", "fork", program.toString());
        assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo("process-limit");
        long main = r.role("main").get(0).path("pid").asLong();
        List<JsonNode> started = r.role("child").stream().filter(c -> !c.path("pid").isNull()).toList();
        assertThat(started).as(r.stdout()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(started).allSatisfy(c -> {
            assertThat(c.path("ppid").asLong()).as(c.toString()).isEqualTo(main);
            assertThat(c.path("orphan").asBoolean()).as(c.toString()).isFalse();
        });
        // the child whose start() the stop interrupted is its object's process, not an object "never started" beside
        // a nameless process: one entry per Process object
        assertThat(r.role("child")).as(r.stdout()).hasSize(20)
                .extracting(c -> c.path("name").asText()).doesNotHaveDuplicates();
        r.assertNothingLeft();
    }

    /**
     * A tree in which every process starts two more outran the supervisor's process-by-process kill passes (a run
     * with the default limit of 256 once went on doubling after ProcessLab had exited). The stop now freezes and
     * kills the root's whole process group at once. The test's own cleanup kills that group too, whatever happened.
     */
    @Test
    void aDoublingTreeIsStoppedAtTheLimitAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path pgidFile = dir.resolve("pgid");
        Path program = dir.resolve("doubling.py");
        Files.writeString(program, """
                import multiprocessing
                import os
                import sys
                import time


                def grow():
                    kids = [multiprocessing.Process(target=grow) for _ in range(2)]
                    for k in kids:
                        k.start()
                    time.sleep(0.5)
                    for k in kids:
                        k.join()


                if __name__ == "__main__":
                    with open(sys.argv[1], "w") as f:
                        f.write(str(os.getpgid(0)))
                    grow()
                """);
        try {
            Report r = CliRun.json("--max-processes", "64", "--time-limit", "30", "--start-method", "fork",
                    program.toString(), "--", pgidFile.toString());
            assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo("process-limit");
            long group = Long.parseLong(Files.readString(pgidFile).strip());
            Await.atMost(Duration.ofSeconds(10)).tryUntil(() -> inGroup(group) == 0);
            assertThat(inGroup(group)).as("processes of the run's group still there").isZero();
            r.assertNothingLeft();
        } finally {
            if (Files.exists(pgidFile)) {
                long group = Long.parseLong(Files.readString(pgidFile).strip());
                Await.atMost(Duration.ofSeconds(2)).every(Duration.ofMillis(100)).tryUntil(() -> {
                    if (inGroup(group) == 0) {
                        return true;
                    }
                    killGroup(group);     // again each time: a process may have been forking
                    return false;
                });
            }
        }
    }

    private static void killGroup(long pgid) {
        try {
            new ProcessBuilder("kill", "-9", "--", "-" + pgid).start().waitFor();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long inGroup(long pgid) {
        long n = 0;
        for (long pid : ProcFs.pids()) {
            if (ProcFs.stat(pid).map(s -> s.pgrp() == pgid && s.state() != 'Z').orElse(false)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void outputEdgeCasesAreShownAndCountedExactly() {
        Report r = CliRun.json(caseFile("output_edges.py"));
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> main = Report.lines(r.main(), "stdout");
        // a lone CR ends no line: it sends the cursor back, and what follows overwrites, as on a terminal
        assertThat(main).startsWith("bad bytes: \uFFFD\uFFFD end", "crlf-one", "crlf-two");
        assertThat(main).hasSize(5);
        assertThat(main.get(3)).startsWith("xxxxxxxx").contains("line too long: 10485760 bytes");
        assertThat(main.get(4)).isEqualTo("after the long line");
        JsonNode closer = r.role("child").get(0);
        assertThat(Report.lines(closer, "stdout")).containsExactly("closer: before close");
        assertThat(Report.lines(closer, "stderr")).containsExactly("closer: still running after closing stdout");
        assertThat(closer.path("exitCode").asInt()).isZero();
        r.assertNothingLeft();
    }

    @Test
    void traceSocketRefusesStrangersAndTheRunGoesOn() {
        Report r = CliRun.json(caseFile("bogus_trace_clients.py"));
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().path("rejectedConnections").asInt()).isGreaterThanOrEqualTo(203);
        assertThat(Report.lines(r.main())).containsExactly("still here after 203 bogus connections");
        assertThat(r.processes()).hasSize(1);
        r.assertNothingLeft();
    }

    @Test
    void aMillionLinesAreAllCountedAndAttributed() throws Exception {
        Process p = JarProcess.start("run", "--format", "json", caseFile("flood.py"));
        Map<Long, Long> perPid = new HashMap<>();
        long[] expectNext = {0};
        boolean[] inOrder = {true};
        try (InputStream in = p.getInputStream(); JsonParser jp = new JsonFactory().createParser(in)) {
            long pid = -1;
            int depth = 0;
            while (jp.nextToken() != null) {
                JsonToken t = jp.currentToken();
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                } else if (t == JsonToken.FIELD_NAME && depth == 3 && jp.currentName().equals("pid")) {
                    jp.nextToken();
                    pid = jp.getLongValue();
                } else if (t == JsonToken.FIELD_NAME && depth == 5 && jp.currentName().equals("text")) {
                    jp.nextToken();
                    perPid.merge(pid, 1L, Long::sum);
                    if (!jp.getText().equals("line " + expectNext[0])) {
                        inOrder[0] = false;
                    }
                    expectNext[0]++;
                }
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(perPid.values()).containsExactly(1_000_000L);
        assertThat(inOrder[0]).isTrue();
    }

    @Test
    void killingTheAppWithSigkillEndsEveryProcessOfItsRun(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pids");
        Process app = JarProcess.start("run", caseFile("write_pids_forever.py"), "--", pidFile.toString());
        Await.atMost(Duration.ofSeconds(60)).tryUntil(() -> Files.exists(pidFile));
        assertThat(pidFile).exists();
        List<Long> pids = new ArrayList<>();
        Arrays.stream(Files.readString(pidFile).trim().split(" ")).forEach(s -> pids.add(Long.parseLong(s)));
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : pids) {
            ticks.put(pid, ProcFs.stat(pid).map(ProcFs.Stat::startTicks).orElse(-1L));
        }
        assertThat(pids).hasSize(4).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)).isPresent());
        app.destroyForcibly();                       // SIGKILL: no shutdown hook runs
        app.waitFor(10, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        List<Long> alive = new ArrayList<>(pids);
        Await.atMost(Duration.ofSeconds(10)).tryUntil(() -> {
            alive.removeIf(pid -> !ProcFs.isSame(pid, ticks.get(pid)) || ProcFs.stat(pid).map(s -> s.state() == 'Z').orElse(true));
            return alive.isEmpty();
        });
        assertThat(alive).as("processes of the run still alive after the app was killed").isEmpty();
        System.out.printf("[measure] all processes of the run ended %.0f ms after the app was SIGKILLed%n",
                (System.nanoTime() - killedAt) / 1e6);
    }

    /** Processes whose command line mentions {@code needle}, from /proc. */
    static long processesRunning(String needle) throws Exception {
        long n = 0;
        for (long pid : ProcFs.pids()) {
            try {
                String cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")));
                if (cmd.contains(needle) && ProcFs.stat(pid).map(s -> s.state() != 'Z').orElse(false)) {
                    n++;
                }
            } catch (java.io.IOException ignored) {
                // gone
            }
        }
        return n;
    }
}
