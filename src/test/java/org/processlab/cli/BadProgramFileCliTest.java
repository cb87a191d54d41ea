package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * {@code run FILE} refuses a file that is not a program with the same sentence and exit code as the window's
 * {@code processlab FILE.py} ({@link org.processlab.lesson.ProgramFile}): 66 when it is missing, 65 when it is there
 * but is not a program; in text and in JSON; and starts nothing, not even the interpreter's version query.
 */
class BadProgramFileCliTest {
    @TempDir
    static Path dir;

    /** A stand-in interpreter that leaves a mark when anything starts it. */
    static Path python;
    static Path started;

    record Case(String file, int exit, String sentence) {
    }

    static List<Case> cases;

    @BeforeAll
    static void files() throws Exception {
        started = dir.resolve("python-was-started");
        python = dir.resolve("python3");
        Files.writeString(python, "#!/bin/sh\ntouch " + started + "\nexec python3 \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve("notes.txt"), "print('hi')\n");
        Files.write(dir.resolve("latin1.py"), new byte[] {'x', '=', '"', (byte) 0xE9, '"', '\n'});
        Files.write(dir.resolve("big.py"), "#".repeat(1_200_000).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Files.write(dir.resolve("binary.py"), new byte[] {'a', 0, 'b'});
        Files.createDirectory(dir.resolve("dir.py"));
        cases = List.of(
                new Case("notes.txt", 65, "notes.txt is not a Python program: its name does not end in .py and its"
                        + " first line is not a #! line naming python."),
                new Case("latin1.py", 65, "latin1.py is not UTF-8 text (line 1, byte 4): save it as UTF-8 in your"
                        + " editor and open it again."),
                new Case("big.py", 65, "big.py is 1.1 MB: larger than the 1 MB a program opened here may be."),
                new Case("binary.py", 65, "binary.py is not a Python program: it holds a NUL byte (byte 2), as binary"
                        + " files do."),
                new Case("dir.py", 65, dir.resolve("dir.py") + " is a folder, not a program: open a .py file inside it"
                        + " (a folder of lessons opens with File ▸ Open lessons folder…)."),
                new Case("missing.py", 66, dir.resolve("missing.py") + " does not exist."));
    }

    @Test
    void eachBadFileIsOneSentenceOnStderrAndNothingStarts() {
        for (Case c : cases) {
            Report r = CliRun.exec("run", "--python", python.toString(), dir.resolve(c.file()).toString());
            assertThat(r.exit()).as("run %s: %s", c.file(), r).isEqualTo(c.exit());
            assertThat(r.stderr().strip()).as(c.file()).isEqualTo("processlab: " + c.sentence());
            assertThat(r.stdout()).as(c.file()).isEmpty();
        }
        assertThat(started).as("no interpreter was started").doesNotExist();
    }

    @Test
    void withFormatJsonTheSentenceIsTheError() {
        for (Case c : cases) {
            Report r = CliRun.exec("run", "--format", "json", "--python", python.toString(),
                    dir.resolve(c.file()).toString());
            assertThat(r.exit()).as("run %s: %s", c.file(), r).isEqualTo(c.exit());
            assertThat(r.json().path("error").asText()).as(c.file()).isEqualTo(c.sentence());
            assertThat(r.json().path("processes")).as(c.file()).isEmpty();
            assertThat(r.stderr().strip()).as(c.file()).isEqualTo("processlab: " + c.sentence());
        }
        assertThat(started).as("no interpreter was started").doesNotExist();
    }

    @Test
    void theWindowFormAnswersWithTheSameCodes() throws Exception {
        for (Case c : cases) {
            ProcessBuilder pb = JarProcess.builder(dir.resolve(c.file()).toString()).redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as("processlab %s: %s", c.file(), out).isEqualTo(c.exit());
            assertThat(out.strip()).isEqualTo("processlab: " + c.sentence());
        }
    }

    @Test
    void aGoodFileStillRuns() throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.py"), "print('fine')\n");
        Report r = CliRun.json(ok.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Report.lines(r.main())).containsExactly("fine");
        r.assertNothingLeft();
    }
}
