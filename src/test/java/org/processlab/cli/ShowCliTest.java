package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * {@code processlab show RUN.json} prints a saved run as {@code run} did; a file that cannot be shown is one line on
 * stderr, exit code 66 (missing) or 65 (newer, too large, broken), and with {@code --format json} an error document
 * that says which. The window's {@code processlab RUN.json} answers a bad file alike, before any window.
 */
class ShowCliTest {
    /** The format this ProcessLab writes. */
    private static final int FORMAT = org.processlab.export.RunDocument.FORMAT_VERSION;
    @TempDir
    static Path dir;

    /** What {@code run 2 --format json} printed. */
    static String document;
    static Path saved;

    record Bad(String file, int exit, String kind, String sentence) {
    }

    static List<Bad> bad;

    @BeforeAll
    static void files() throws Exception {
        Report r = CliRun.json("02-first-processes");
        assertThat(r.exit()).as(r.toString()).isZero();
        document = r.stdout();
        saved = Files.writeString(dir.resolve("r.json"), document);
        Files.writeString(dir.resolve("newer.json"), document.replace("{\"formatVersion\":" + FORMAT + ",",
                "{\"formatVersion\":" + (FORMAT + 1) + ","));
        Files.writeString(dir.resolve("cut.json"), document.substring(0, document.length() / 2));
        try (RandomAccessFile big = new RandomAccessFile(dir.resolve("huge.json").toFile(), "rw")) {
            big.setLength((256L << 20) + 1);   // sparse: no disk is used
        }
        Files.createDirectory(dir.resolve("folder.json"));
        bad = List.of(
                new Bad("gone.json", 66, "missing", "cannot open " + dir.resolve("gone.json") + ": there is no such file"),
                new Bad("folder.json", 66, "missing", "cannot open " + dir.resolve("folder.json")
                        + ": it is a folder, not a saved run"),
                new Bad("newer.json", 65, "newer-version", "cannot open " + dir.resolve("newer.json")
                        + ": made by a newer ProcessLab: format " + (FORMAT + 1) + "; this one reads formats 1\u2013"
                        + FORMAT),
                new Bad("huge.json", 65, "too-large", "cannot open " + dir.resolve("huge.json")
                        + ": the file is larger than the 256 MiB a saved run may be (it is 256.0 MiB)"),
                new Bad("cut.json", 65, "broken", "cannot open " + dir.resolve("cut.json") + ": "));
    }

    @Test
    void showPrintsTheTextReportAsRunDid() {
        Report shown = CliRun.exec("show", saved.toString());
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).startsWith("Run: ").contains("Output:").contains("PROCESS").contains("MainProcess")
                .contains("Exit status: 0");
        assertThat(shown.stderr()).isEmpty();
    }

    @Test
    void showFormatJsonPrintsTheDocumentAgain() {
        Report shown = CliRun.exec("show", "--format", "json", saved.toString());
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.stdout()).isEqualTo(document);
    }

    @Test
    void aFileThatCannotBeShownIsOneLineAndItsCode() {
        for (Bad b : bad) {
            Report r = CliRun.exec("show", dir.resolve(b.file()).toString());
            assertThat(r.exit()).as("show %s: %s", b.file(), r).isEqualTo(b.exit());
            assertThat(r.stderr().strip().lines()).as(b.file()).hasSize(1);
            assertThat(r.stderr().strip()).as(b.file()).startsWith("processlab: " + b.sentence());
            assertThat(r.stdout()).as(b.file()).isEmpty();
        }
    }

    @Test
    void withFormatJsonTheErrorDocumentSaysWhichKind() {
        for (Bad b : bad) {
            Report r = CliRun.exec("show", "--format", "json", dir.resolve(b.file()).toString());
            assertThat(r.exit()).as("show %s: %s", b.file(), r).isEqualTo(b.exit());
            assertThat(r.stdout()).as(b.file()).startsWith("{\"formatVersion\": " + FORMAT + ", \"exitCode\": null, \"error\": ");
            assertThat(r.json().path("errorKind").asText()).as(b.file()).isEqualTo(b.kind());
            assertThat(r.json().path("error").asText()).as(b.file()).startsWith(b.sentence());
            assertThat(r.json().path("processes")).isEmpty();
        }
    }

    @Test
    void runsOwnErrorDocumentCarriesTheFormatVersionAndIsNoRun() throws Exception {
        Report r = CliRun.json("no-such-lesson-at-all");
        assertThat(r.exit()).isEqualTo(66);
        assertThat(r.json().path("formatVersion").asInt()).isEqualTo(FORMAT);
        assertThat(r.json().has("errorKind")).isFalse();
        Path error = Files.writeString(dir.resolve("error.json"), r.stdout());
        Report shown = CliRun.exec("show", error.toString());
        assertThat(shown.exit()).isEqualTo(65);
        assertThat(shown.stderr().strip()).startsWith("processlab: cannot open " + error
                + ": it holds no run, only why one could not start: no lesson no-such-lesson-at-all — the lessons are 1–14");
    }

    @Test
    void theWindowFormRefusesABadRunBeforeAnyWindow() throws Exception {
        for (Bad b : bad) {
            ProcessBuilder pb = JarProcess.builder(dir.resolve(b.file()).toString()).redirectErrorStream(true);
            pb.environment().remove("DISPLAY");   // were the file taken, the answer would be "no display" (69)
            pb.environment().remove("WAYLAND_DISPLAY");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("processlab %s: %s", b.file(), out).isEqualTo(b.exit());
            assertThat(out.strip().lines()).as(b.file()).hasSize(1);
            assertThat(out.strip()).startsWith("processlab: " + b.sentence());
        }
    }

    @Test
    void theWindowFormTakesAGoodRun() throws Exception {
        ProcessBuilder pb = JarProcess.builder(saved.toString()).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("it goes on to the window, which has no display here: %s", out).isEqualTo(69);
        assertThat(out).contains("no display");
    }
}
