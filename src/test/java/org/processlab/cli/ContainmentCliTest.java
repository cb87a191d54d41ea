package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;
import org.processlab.run.ProcFs;
import org.processlab.testing.Await;

/**
 * Issue 15, points 1 and 2: a program cannot free its tree, and the process limit holds. Each case runs through the CLI
 * twice: in cgroups of the run's own (where this machine gives them: root, or a delegated cgroup v2 subtree; else
 * the case is skipped, saying why) and with {@code --no-cgroups}, by the sweep. "Nothing left" is checked three ways:
 * the run's report, the run's marker ({@code PROCESSLAB_RUN}, which the program writes down) in every process's
 * environment, and the program's own file in every command line, over half a second of looks (a respawner changes
 * PID every few milliseconds, so one look can miss it).
 */
class ContainmentCliTest {
    @TempDir
    Path dir;

    private static String caseFile(String name) {
        return CliRun.CASES.resolve(name).toString();
    }

    /** The CLI's arguments for one of the two paths, then {@code args}. */
    private static String[] on(boolean cgroups, String... args) {
        List<String> all = new ArrayList<>();
        if (!cgroups) {
            all.add("--no-cgroups");
        }
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** Skips the cgroup half of a case where this machine gives no cgroups, saying why; checks the sweep said so. */
    private static void requireContainment(Report r, boolean cgroups) {
        String how = r.json().path("containment").asText();
        if (cgroups) {
            Assumptions.assumeTrue(how.startsWith("cgroup"), "no cgroups for ProcessLab here (not root, and no"
                    + " delegated cgroup v2 subtree): the run used " + how);
        } else {
            assertThat(how).isEqualTo("sweep");
        }
    }

    @ParameterizedTest(name = "cgroups {0}")
    @ValueSource(booleans = {true, false})
    void aProgramThatKillsItsSupervisorIsEndedAndTheReportSaysSo(boolean cgroups) throws Exception {
        Path log = dir.resolve("log");
        Report r = CliRun.json(on(cgroups, caseFile("respawner.py"), "--", log.toString(), "kill-supervisor"));
        try {
            requireContainment(r, cgroups);
            assertThat(r.exit()).as(r.stderr()).isEqualTo(RunCommand.EX_OSERR);
            assertThat(r.stderr()).contains("the run's supervisor was killed (SIGKILL), not by ProcessLab")
                    .contains("lost from view").contains("a last look found none of the run's processes left")
                    .doesNotContain("every process of the run was ended");
            JsonNode lost = r.json().path("supervisorLost");
            assertThat(lost.path("signal").asText()).isEqualTo("SIGKILL");
            assertThat(lost.path("endedBy").asText()).isEqualTo(cgroups ? "cgroup" : "sweep");
            assertThat(lost.path("left").asInt()).isZero();
            JsonNode main = r.main();
            assertThat(main.path("alive").isNull()).as("main's end was never seen: %s", main).isTrue();
            assertThat(main.path("lostAt").isNumber()).isTrue();
            assertThat(main.path("exitCode").isNull()).isTrue();
            JsonNode states = main.path("states");
            assertThat(states.get(states.size() - 1).path("state").asText()).isEqualTo("lost");
            assertThat(Report.lines(main)).contains("main: the respawner runs");
            for (JsonNode p : r.processes()) {
                assertThat(p.path("alive").isNull() || !p.path("alive").asBoolean())
                        .as("said to be alive at the end: %s", p).isTrue();
            }
            assertNothingOfTheRunLeft(log, caseFile("respawner.py"));
        } finally {
            endWhatIsLeft(log, caseFile("respawner.py"));
        }
    }

    @ParameterizedTest(name = "cgroups {0}")
    @ValueSource(booleans = {true, false})
    void aProgramThatKillsItsOwnProcessGroupIsSeenToTheEnd(boolean cgroups) throws Exception {
        Path log = dir.resolve("log");
        Report r = CliRun.json(on(cgroups, "--time-limit", "2", caseFile("respawner.py"), "--", log.toString(),
                "kill-group"));
        try {
            requireContainment(r, cgroups);
            assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo("time-limit");
            assertThat(r.json().path("supervisorLost").isNull()).as("the supervisor is not in the program's group")
                    .isTrue();
            assertThat(r.main().path("exitCode").asInt()).isEqualTo(-9);
            assertThat(r.stderr()).contains("every process of the run was ended");
            r.assertNothingLeft();
            assertNothingOfTheRunLeft(log, caseFile("respawner.py"));
        } finally {
            endWhatIsLeft(log, caseFile("respawner.py"));
        }
    }

    /** A double-forking respawner stopped by its time limit (Stop's own path: SIGTERM, then SIGKILL) or its process limit. */
    @ParameterizedTest(name = "cgroups {0}, stopped by {1}")
    @CsvSource({"true, time-limit", "false, time-limit", "true, process-limit", "false, process-limit"})
    void aRespawnerStoppedLeavesNothing(boolean cgroups, String stop) throws Exception {
        Path log = dir.resolve("log");
        String[] limit = stop.equals("time-limit") ? new String[] {"--time-limit", "1"}
                : new String[] {"--max-processes", "30", "--time-limit", "30"};
        List<String> args = new ArrayList<>(List.of(limit));
        args.addAll(List.of(caseFile("respawner.py"), "--", log.toString()));
        Report r = CliRun.json(on(cgroups, args.toArray(String[]::new)));
        try {
            requireContainment(r, cgroups);
            assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo(stop);
            r.assertNothingLeft();
            assertNothingOfTheRunLeft(log, caseFile("respawner.py"));
        } finally {
            endWhatIsLeft(log, caseFile("respawner.py"));
        }
    }

    /**
     * A fork bomb under {@code --max-processes 64}: stopped at the limit, and every process it made is listed. Where the
     * kernel caps the run (a pids controller: {@code pids.max} = 64) the limit is exact: the bomb's processes are one
     * task each (the agent has no thread of its own in a process that does not flood stdout), so it makes exactly 64,
     * none past the limit, and the kernel says how many forks it refused.
     */
    @ParameterizedTest(name = "cgroups {0}")
    @ValueSource(booleans = {true, false})
    void aForkBombIsHeldAtItsProcessLimitAndEveryProcessIsListed(boolean cgroups) throws Exception {
        Path log = dir.resolve("log");
        Report r = CliRun.json(on(cgroups, "--max-processes", "64", "--time-limit", "60", caseFile("fork_bomb.py"),
                "--", log.toString()));
        try {
            requireContainment(r, cgroups);
            assertThat(r.json().path("stoppedBy").asText()).as(r.stderr()).isEqualTo("process-limit");
            Set<Long> listed = new HashSet<>();
            r.processes().forEach(p -> listed.add(p.path("pid").asLong()));
            Set<Long> made = pids(log);
            assertThat(listed).as("every process the bomb made is in the report").containsAll(made);
            int past = r.json().path("processesPastLimit").asInt();
            assertThat(past).isEqualTo(Math.max(0, listed.size() - 64));
            if (r.json().path("containment").asText().endsWith("pids")) {
                assertThat(listed).as("exactly the limit, where the kernel holds it: %s", r.stderr()).hasSize(64);
                assertThat(made).as("the processes that wrote down their PID before the stop").hasSizeBetween(1, 64);
                assertThat(past).isZero();
                assertThat(r.json().path("forksRefused").asLong()).isPositive();
                assertThat(r.stderr()).contains("reached its limit");
            } else {
                assertThat(r.json().path("forksRefused").isNull()).isTrue();
            }
            System.out.printf("[measure] fork bomb at 64, %s: %d processes listed, %d past the limit, %d alive at"
                    + " once at most, forks refused %s%n", r.json().path("containment").asText(), listed.size(), past,
                    peakAlive(r), r.json().path("forksRefused"));
            r.assertNothingLeft();
            assertNothingOfTheRunLeft(log, caseFile("fork_bomb.py"));
        } finally {
            endWhatIsLeft(log, caseFile("fork_bomb.py"));
        }
    }

    /** The most processes of the report alive at one time, from their start and end (a lost one until it was lost). */
    static int peakAlive(Report r) {
        List<double[]> edges = new ArrayList<>();
        for (JsonNode p : r.processes()) {
            if (p.path("pid").isNull() || !p.path("startedAt").isNumber()) {
                continue;
            }
            double end = p.path("endedAt").isNumber() ? p.path("endedAt").asDouble()
                    : p.path("lostAt").isNumber() ? p.path("lostAt").asDouble() : Double.MAX_VALUE;
            edges.add(new double[] {p.path("startedAt").asDouble(), 1});
            edges.add(new double[] {end, -1});
        }
        edges.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        int now = 0;
        int peak = 0;
        for (double[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /** No process carries the run's marker, none runs the program, and the run's cgroups are gone: over 0.5 s of looks. */
    private static void assertNothingOfTheRunLeft(Path log, String program) throws Exception {
        String runId = Files.readAllLines(log).get(0).strip();
        assertThat(runId).as("the program saw its run's marker").isNotEmpty();
        for (int look = 0; look < 50; look++) {
            assertThat(running(runId, program)).as("processes of the run still running after it").isEmpty();
            Thread.sleep(10);
        }
        // the run's groups are removed at its end; one still holding a zombie init has not reaped yet, a moment later
        List<Path> groups = new ArrayList<>();
        for (String hierarchy : List.of("unified", "pids", "freezer")) {
            groups.add(Path.of("/sys/fs/cgroup", hierarchy, "processlab", "run-" + runId));
        }
        Await.atMost(java.time.Duration.ofSeconds(6)).tryUntil(() -> groups.stream().noneMatch(Files::exists));
        assertThat(groups).allSatisfy(g -> assertThat(g).doesNotExist());
    }

    /** Running (not zombie) processes with {@code runId} in their environment or {@code program} (a path) in their command line. */
    private static List<Long> running(String runId, String program) {
        List<Long> out = new ArrayList<>();
        byte[] marker = ("PROCESSLAB_RUN=" + runId).getBytes(StandardCharsets.UTF_8);
        for (long pid : ProcFs.pids()) {
            try {
                Path proc = Path.of("/proc", Long.toString(pid));
                String cmd = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                boolean ours = cmd.contains(program) && cmd.contains("python");
                if (!ours && !runId.isEmpty()) {
                    ours = indexOf(Files.readAllBytes(proc.resolve("environ")), marker) >= 0;
                }
                if (ours && ProcFs.stat(pid).map(s -> s.state() != 'Z').orElse(false)) {
                    out.add(pid);
                }
            } catch (IOException | SecurityException e) {
                // gone
            }
        }
        out.remove(ProcessHandle.current().pid());
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whatever a failed case left: SIGSTOP then SIGKILL by PID, until ten looks in a row find nothing. */
    private static void endWhatIsLeft(Path log, String program) throws Exception {
        String runId = Files.exists(log) && !Files.readAllLines(log).isEmpty() ? Files.readAllLines(log).get(0).strip() : "";
        int quiet = 0;
        for (int i = 0; i < 2000 && quiet < 10; i++) {
            List<Long> left = running(runId, program);
            quiet = left.isEmpty() ? quiet + 1 : 0;
            for (String sig : List.of("-STOP", "-KILL")) {
                if (!left.isEmpty()) {
                    List<String> cmd = new ArrayList<>(List.of("kill", sig));
                    left.forEach(p -> cmd.add(Long.toString(p)));
                    new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor();
                }
            }
            Thread.sleep(2);
        }
    }

    private static Set<Long> pids(Path log) throws IOException {
        Set<Long> out = new HashSet<>();
        List<String> lines = Files.readAllLines(log);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {     // after the run's marker
            if (!line.isBlank()) {
                out.add(Long.parseLong(line.strip()));
            }
        }
        return out;
    }
}
