package org.processlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run logs are named after the moment and the lesson, and only the newest are kept. */
class RunLogsTest {
    @TempDir
    Path home;

    @Test
    void aLogIsNamedAfterTheMomentAndTheLessonMadeSafe() {
        RunLogs logs = new RunLogs(new ProcessLabHome(home).runs());
        LocalDateTime at = LocalDateTime.of(2026, 11, 30, 7, 29, 53, 123_000_000);
        assertThat(logs.fileFor("03-process-ids", at))
                .isEqualTo(home.resolve("runs").resolve("20261130-072953-123-03-process-ids.log"));
        assertThat(logs.fileFor("my lesson/../x", at).getFileName().toString())
                .isEqualTo("20261130-072953-123-my_lesson_.._x.log");
        assertThat(logs.fileFor(null, at).getFileName().toString()).isEqualTo("20261130-072953-123-run.log");
    }

    @Test
    void pruningKeepsTheNewestLogsAndNothingElse() throws Exception {
        Path runs = Files.createDirectories(home.resolve("runs"));
        for (int i = 0; i < 12; i++) {
            Files.writeString(runs.resolve(String.format("20260101-0000%02d-000-x.log", i)), "x");
        }
        Files.writeString(runs.resolve("notes.txt"), "not a log");
        RunLogs logs = new RunLogs(runs);
        assertThat(logs.prune(10)).isEqualTo(2);
        try (Stream<Path> left = Files.list(runs)) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).hasSize(11)
                    .doesNotContain("20260101-000000-000-x.log", "20260101-000001-000-x.log")
                    .contains("20260101-000011-000-x.log", "notes.txt");
        }
        assertThat(logs.prune(10)).isZero();
        assertThat(new RunLogs(home.resolve("missing")).prune(10)).as("no folder yet").isZero();
    }

    @Test
    void logsOfEarlierVersionsMoveOutOfTheKeptRunsWay() throws Exception {
        ProcessLabHome h = new ProcessLabHome(home);
        Files.createDirectories(h.runs());
        Files.writeString(h.runs().resolve("20260101-000000-000-x.log"), "1.000000 7 stdout hi");
        Files.writeString(h.runs().resolve("index.json"), "{}");
        RunLogs logs = new RunLogs(h.runLogs());
        assertThat(h.runLogs()).isEqualTo(home.resolve("runs/logs"));
        assertThat(logs.adopt(h.runs())).isEqualTo(1);
        assertThat(h.runLogs().resolve("20260101-000000-000-x.log")).hasContent("1.000000 7 stdout hi");
        assertThat(h.runs().resolve("index.json")).as("only logs move").exists();
        assertThat(logs.adopt(h.runs())).isZero();
        assertThat(new RunLogs(h.runLogs()).adopt(home.resolve("missing"))).isZero();
    }

    @Test
    void theHomeFolderComesFromItsSystemPropertyElseTheUsersHome() {
        String was = System.getProperty(ProcessLabHome.PROPERTY);
        try {
            System.setProperty(ProcessLabHome.PROPERTY, home.toString());
            assertThat(ProcessLabHome.fromSystem().dir()).isEqualTo(home);
            assertThat(ProcessLabHome.fromSystem().runs()).isEqualTo(home.resolve("runs"));
            System.clearProperty(ProcessLabHome.PROPERTY);
            assertThat(ProcessLabHome.fromSystem().dir())
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".processlab"));
        } finally {
            if (was == null) {
                System.clearProperty(ProcessLabHome.PROPERTY);
            } else {
                System.setProperty(ProcessLabHome.PROPERTY, was);
            }
        }
    }
}
