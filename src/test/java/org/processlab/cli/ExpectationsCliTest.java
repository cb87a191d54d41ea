package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;
import org.processlab.lesson.ExpectationCheck;

/**
 * {@code processlab run LESSON} reports the lesson's expectations as the window checks them: the text report ends with
 * each promise held or failed, the document's {@code expectations} holds them, and {@code --check} makes a promise that
 * did not hold (or could not be checked) exit 1, for an instructor's CI of their own lessons.
 */
class ExpectationsCliTest {
    /** A course of one lesson, written by the test: one promise holds ("hello", once, from main), one does not. */
    @TempDir
    static Path course;

    private static final String NEVER = "line \"never printed\": expected at least 1, found 0";

    @BeforeAll
    static void writeTheCourse() throws IOException {
        Path lesson = Files.createDirectories(course.resolve("01-promises"));
        Files.writeString(lesson.resolve("lesson.md"), """
                ---
                title: Promises
                order: 1
                example: hello.py
                expect:
                  lines:
                    - {text: "hello", who: main, count: 1}
                    - {text: "never printed"}
                ---
                # Promises
                """);
        Files.writeString(lesson.resolve("hello.py"), "print('hello')\n");
        Path slow = Files.createDirectories(course.resolve("02-slow"));
        Files.writeString(slow.resolve("lesson.md"), """
                ---
                title: Slow
                order: 2
                example: slow.py
                expect:
                  exitCode: 0
                ---
                # Slow
                """);
        Files.writeString(slow.resolve("slow.py"), "import time\nprint('asleep', flush=True)\ntime.sleep(60)\n");
    }

    private static Report run(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("run", "--lessons", course.toString()));
        all.addAll(List.of(args));
        return CliRun.exec(all.toArray(String[]::new));
    }

    @Test
    void theTextReportEndsWithEachPromiseHeldOrFailed() {
        Report r = run("1");
        assertThat(r.exit()).as("without --check the exit status is the program's: %s", r).isZero();
        List<String> lines = r.stdout().lines().toList();
        int heading = lines.indexOf(ExpectationsReport.HEADING);
        assertThat(heading).as(r.stdout()).isGreaterThan(lines.indexOf("Exit status: 0"));
        assertThat(lines.subList(heading + 1, lines.size())).containsExactly(
                "  held    line \"hello\" from main: exactly 1",
                "  FAILED  " + NEVER,
                "1 of 2 promises did not hold.");
        assertThat(r.stderr()).doesNotContain("--check");
    }

    @Test
    void theDocumentHoldsEachPromiseAndWhatDidNotHold() {
        Report r = run("1", "--format", "json");
        assertThat(r.exit()).as(r.toString()).isZero();
        JsonNode e = r.json().path("expectations");
        assertThat(e.path("held").asBoolean(true)).as(e.toString()).isFalse();
        assertThat(e.path("notChecked").isNull()).isTrue();
        JsonNode results = e.path("results");
        assertThat(results).hasSize(2);
        assertThat(results.get(0).path("promise").asText()).isEqualTo("line \"hello\" from main: exactly 1");
        assertThat(results.get(0).path("held").asBoolean()).isTrue();
        assertThat(results.get(0).path("problems")).isEmpty();
        assertThat(results.get(1).path("promise").asText()).isEqualTo("line \"never printed\": at least 1");
        assertThat(results.get(1).path("held").asBoolean(true)).isFalse();
        assertThat(results.get(1).path("problems").toString()).isEqualTo(
                "[\"line \\\"never printed\\\": expected at least 1, found 0\"]");
        List<String> fields = new java.util.ArrayList<>();
        r.json().fieldNames().forEachRemaining(fields::add);
        assertThat(fields.get(fields.size() - 1)).as("the newest field comes last").isEqualTo("expectations");
    }

    @Test
    void aSavedRunShowsItsExpectationsAgain(@TempDir Path dir) throws IOException {
        Report r = run("1", "--format", "json");
        Path saved = Files.writeString(dir.resolve("run.json"), r.stdout(), StandardCharsets.UTF_8);
        Report shown = CliRun.exec("show", saved.toString());
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).endsWith(String.join(System.lineSeparator(), ExpectationsReport.HEADING,
                "  held    line \"hello\" from main: exactly 1", "  FAILED  " + NEVER,
                "1 of 2 promises did not hold.", ""));
        Report again = CliRun.exec("show", "--format", "json", saved.toString());
        assertThat(again.json().path("expectations")).isEqualTo(r.json().path("expectations"));
    }

    @Test
    void checkExitsOneWhenAPromiseDidNotHoldAndSaysSo() throws Exception {
        Process cli = JarProcess.builder("run", "--lessons", course.toString(), "--check", "1").start();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as("%s%n%s", out, err).isEqualTo(RunCommand.EX_EXPECTATIONS).isEqualTo(1);
        assertThat(out).contains("  FAILED  " + NEVER).contains("Exit status: 0");
        assertThat(err).contains("processlab: --check: 1 of 2 promises did not hold (the report lists them)");
    }

    @Test
    void aRunStoppedBeforeItsEndIsNotCheckedAndCheckSaysSo() {
        Report r = run("--time-limit", "1", "2");
        assertThat(r.exit()).as(r.toString()).isEqualTo(143);
        assertThat(r.stdout().lines().toList()).last().isEqualTo(ExpectationsReport.HEADING
                + " not checked: ProcessLab stopped the run at its time limit, before it ended by itself.");

        Report checked = run("--time-limit", "1", "--check", "--format", "json", "2");
        assertThat(checked.exit()).as(checked.toString()).isEqualTo(1);
        assertThat(checked.json().path("expectations").path("held").isNull()).isTrue();
        assertThat(checked.json().path("expectations").path("notChecked").asText()).contains("time limit");
        assertThat(checked.stderr()).contains("processlab: --check: the lesson's expectations were not checked: "
                + "ProcessLab stopped the run at its time limit");
    }

    @Test
    void aBuiltInLessonKeepsEveryPromiseAndCheckExitsZero() {
        Report r = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), "--check", "2");
        assertThat(r.exit()).as(r.toString()).isZero();
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines).last().isEqualTo(ExpectationCheck.ALL_HELD);
        assertThat(lines.subList(lines.indexOf(ExpectationsReport.HEADING) + 1, lines.size() - 1))
                .isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("  held    "));

        Report json = CliRun.json("--check", "2");
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(json.json().path("expectations").path("held").asBoolean()).isTrue();
        json.assertNothingLeft();
    }

    @Test
    void whatExpectsNothingKeepsTheProgramsStatusWithANote(@TempDir Path dir) throws IOException {
        Path own = Files.writeString(dir.resolve("own.py"), "import sys\nsys.exit(3)\n");
        Report r = CliRun.exec("run", "--check", own.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(3);
        assertThat(r.stderr()).contains("processlab: note: --check: a program of your own expects nothing");
        assertThat(r.stdout()).doesNotContain(ExpectationsReport.HEADING);

        Report json = CliRun.exec("run", "--format", "json", own.toString());
        assertThat(json.json().path("expectations").isNull()).as(json.toString()).isTrue();
    }
}
