package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.processlab.cli.CliRun.Report;

/** Issue 2's acceptance: the seed's two examples, run through the CLI as real processes. */
class SeedLessonsCliTest {

    @ParameterizedTest(name = "s1_e1 under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void squareAndCubeUnderEachStartMethod(String method) {
        Report r = CliRun.json("02-first-processes", "--start-method", method);
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.json().path("error").isNull()).isTrue();
        assertThat(r.json().path("startMethods")).extracting(JsonNode::asText).containsExactly(method);

        JsonNode main = r.main();
        assertThat(r.processes().get(0)).isEqualTo(main);
        long mainPid = main.path("pid").asLong();
        List<JsonNode> children = r.role("child");
        assertThat(children).hasSize(2);
        assertThat(children).allSatisfy(c -> assertThat(c.path("parent").asLong()).isEqualTo(mainPid));
        assertThat(children.get(0).path("pid").asLong()).isNotEqualTo(children.get(1).path("pid").asLong());

        if (method.equals("forkserver")) {
            JsonNode server = r.role("helper").stream().filter(h -> "forkserver".equals(h.path("helperKind").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no fork server helper: " + r.json()));
            assertThat(children).allSatisfy(c -> assertThat(c.path("ppid").asLong()).isEqualTo(server.path("pid").asLong()));
        } else {
            assertThat(children).allSatisfy(c -> assertThat(c.path("ppid").asLong()).isEqualTo(mainPid));
        }
        if (!method.equals("fork")) {
            assertThat(r.role("helper")).as("helpers Python starts by itself").isNotEmpty();
        }
        assertThat(r.role("helper")).allSatisfy(h -> assertThat(h.path("helperKind").asText()).isNotEmpty());

        JsonNode square = r.byTarget("print_square");
        JsonNode cube = r.byTarget("print_cube");
        assertThat(square.path("label").asText()).isEqualTo("p1");
        assertThat(cube.path("label").asText()).isEqualTo("p2");
        assertThat(Report.lines(square)).containsExactly("Square of 10: 100");
        assertThat(Report.lines(cube)).containsExactly("Cube of 10: 1000");
        assertThat(Report.lines(main)).containsExactly("Done!");
        double done = Report.timeOf(main, "Done!");
        assertThat(done).isGreaterThan(square.path("endedAt").asDouble()).isGreaterThan(cube.path("endedAt").asDouble());
        for (JsonNode p : List.of(main, square, cube)) {
            assertThat(p.path("exitCode").asInt(-999)).as(p.toString()).isZero();
            assertThat(p.path("startedAt").asDouble()).isLessThanOrEqualTo(p.path("endedAt").asDouble());
        }
        r.assertNothingLeft();
    }

    @Test
    void processIdsPrintedEqualThePidsRecorded() {
        Report r = CliRun.json("03-process-ids");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode main = r.main();
        List<String> mainLines = Report.lines(main);
        assertThat(number(mainLines, "ID of main process: (\\d+)")).isEqualTo(main.path("pid").asLong());
        JsonNode p1 = r.processes().stream().filter(p -> "p1".equals(p.path("label").asText())).findFirst().orElseThrow();
        JsonNode p2 = r.processes().stream().filter(p -> "p2".equals(p.path("label").asText())).findFirst().orElseThrow();
        assertThat(number(mainLines, "ID of process p1: (\\d+)")).isEqualTo(p1.path("pid").asLong());
        assertThat(number(mainLines, "ID of process p2: (\\d+)")).isEqualTo(p2.path("pid").asLong());
        assertThat(number(Report.lines(p1), "ID of process running worker1: (\\d+)")).isEqualTo(p1.path("pid").asLong());
        assertThat(number(Report.lines(p2), "ID of process running worker2: (\\d+)")).isEqualTo(p2.path("pid").asLong());
        assertThat(mainLines).contains("Both processes finished execution!", "Process p1 is alive: False",
                "Process p2 is alive: False");
        r.assertNothingLeft();
    }

    @Test
    void missingInterpreterIsAClearErrorWithExit64OrAbove() {
        Report r = CliRun.json("02-first-processes", "--python", "/definitely/not/python3");
        assertThat(r.exit()).isGreaterThanOrEqualTo(64);
        assertThat(r.json().path("error").asText()).contains("/definitely/not/python3").contains("Install Python");
        assertThat(r.stderr()).contains("Install Python");
    }

    @Test
    void unknownLessonIsAClearError() {
        Report r = CliRun.json("99-no-such-lesson");
        assertThat(r.exit()).isGreaterThanOrEqualTo(64);
        assertThat(r.json().path("error").asText()).contains("99-no-such-lesson");
    }

    @Test
    void textFormatPrintsTheTableAndEachLineWithItsProcess() {
        Report r = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "02-first-processes");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("PROCESS", "PID", "p1", "p2", "Square of 10: 100", "Cube of 10: 1000", "Done!");
    }

    @Test
    void chromeTraceOfSquareAndCubeOpensInPerfetto(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path trace = dir.resolve("run.json");
        Report r = CliRun.json("02-first-processes", "--chrome-trace", trace.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(trace.toFile());
        List<JsonNode> events = new java.util.ArrayList<>();
        doc.path("traceEvents").forEach(events::add);
        for (JsonNode p : r.processes()) {
            long pid = p.path("pid").asLong();
            assertThat(events).filteredOn(e -> e.path("pid").asLong() == pid && e.path("name").asText().equals("process_name"))
                    .hasSize(1)
                    .allSatisfy(e -> assertThat(e.path("args").path("name").asText()).contains("PID " + pid));
            assertThat(events).filteredOn(e -> e.path("pid").asLong() == pid && e.path("ph").asText().equals("X")).isNotEmpty();
        }
        assertThat(events).filteredOn(e -> e.has("ts")).allSatisfy(e -> assertThat(e.path("ts").asLong()).isNotNegative());
        assertThat(events).filteredOn(e -> e.has("dur")).allSatisfy(e -> assertThat(e.path("dur").asLong()).isNotNegative());
        assertThat(events).filteredOn(e -> e.path("ph").asText().equals("i")).extracting(e -> e.path("args").path("text").asText())
                .contains("Square of 10: 100", "Cube of 10: 1000", "Done!");
        assertThat(events).filteredOn(e -> e.path("ph").asText().equals("s")).extracting(e -> e.path("name").asText())
                .contains("start", "join");
    }

    @Test
    void textFormatDrawsOneLanePerProcess() {
        Report r = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "03-process-ids");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lanes = r.stdout().lines().filter(l -> l.matches(".*\\[\\d+\\].*exit 0.*")).toList();
        assertThat(lanes).hasSize(3);
        assertThat(lanes.get(0)).contains("=").contains("~");
        assertThat(r.stdout()).contains("legend:");
    }

    private static long number(List<String> lines, String regex) {
        Pattern p = Pattern.compile(regex);
        for (String l : lines) {
            Matcher m = p.matcher(l);
            if (m.matches()) {
                return Long.parseLong(m.group(1));
            }
        }
        throw new AssertionError("no line matching " + regex + " in " + lines);
    }
}
