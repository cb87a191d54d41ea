package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/** The jar's entry point as a person meets it: typos, no display, an old Python, an unwritable trace file. */
class EntryPointTest {
    private static String[] run(ProcessBuilder pb) throws Exception {
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void aTypoIsAUsageErrorNotAWindow() throws Exception {
        String[] r = run(JarProcess.builder("lsit"));
        assertThat(r[0]).isEqualTo("64");
        assertThat(r[1]).contains("Unmatched argument").contains("Usage: processlab").doesNotContain("JavaFX");
    }

    @Test
    void aWindowOptionWithoutItsValueIsNamedNotCalledUnknown() throws Exception {
        String[] r = run(JarProcess.builder("--presenter", "--lesson"));
        assertThat(r[0]).isEqualTo("64");
        assertThat(r[1]).contains("--lesson").doesNotContain("Unknown option").doesNotContain("Exception");
        assertThat(r[1].strip().lines()).hasSize(1);
    }

    @Test
    void aProgramFileThatCannotBeOpenedIsOneLineAndNoWindow(@TempDir Path dir) throws Exception {
        Path gone = dir.resolve("gone.py");
        String[] r = run(JarProcess.builder(gone.toString()));
        assertThat(r[0]).as("EX_NOINPUT, as run gives").isEqualTo("66");
        assertThat(r[1].strip()).isEqualTo("processlab: " + gone + " does not exist.");
        Path latin = Files.write(dir.resolve("latin.py"), new byte[] {'x', '=', '"', (byte) 0xE9, '"', '\n'});
        r = run(JarProcess.builder("--presenter", latin.toString()));
        assertThat(r[0]).as("EX_DATAERR, as run gives").isEqualTo("65");
        assertThat(r[1].strip()).isEqualTo("processlab: latin.py is not UTF-8 text (line 1, byte 4): save it as UTF-8"
                + " in your editor and open it again.");
    }

    @Test
    void helpListsTheWindowsOptions() throws Exception {
        String[] r = run(JarProcess.builder("--help"));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("--presenter").contains("--lesson=ID").contains("Usage: processlab");
        assertThat(r[1]).as("a long description wraps under its own column").contains(
                "      --presenter     open in presenter mode: full screen, large text, the\n"
                + "                        timeline first\n");
        assertContinuationLinesIndented(r[1]);
    }

    @Test
    void runHelpWrapsUnderTheDescriptionsAndSaysHowTheWindowLowersARun() throws Exception {
        String[] r = run(JarProcess.builder("run", "--help"));
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("      --nice=N              run the program N steps of niceness below\n"
                + "                              ProcessLab, 0 to 19 (default: 0; the window\n")
                .contains("lowers it 10").contains("once it turns busy").doesNotContain("the window uses 10");
        assertContinuationLinesIndented(r[1]);
    }

    /**
     * Only headings start at column 0; every other line, a wrapped description above all ("timeline first"), is
     * indented.
     */
    private static void assertContinuationLinesIndented(String help) {
        List<String> headings = List.of("Usage:", "Watch real OS processes", "Run a lesson's example", "Commands:",
                "The window's options", "Keys in the window", "Exit status:");
        for (String line : help.lines().toList()) {
            if (!line.isEmpty() && !line.startsWith(" ")) {
                assertThat(headings).as("a line at column 0 that is no heading: '%s' in%n%s", line, help)
                        .anyMatch(line::startsWith);
            }
        }
    }

    @Test
    void withoutADisplayTheWindowSaysHowToRunHeadless() throws Exception {
        ProcessBuilder pb = JarProcess.builder();
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        String[] r = run(pb);
        assertThat(r[0]).isEqualTo("69");
        assertThat(r[1]).contains("no display").contains("processlab run");
    }

    @Test
    void aDisplayThatCannotBeOpenedIsOneLineNotAStackTrace() throws Exception {
        ProcessBuilder pb = JarProcess.builder();
        pb.environment().put("DISPLAY", ":4271");
        pb.environment().remove("WAYLAND_DISPLAY");
        String[] r = run(pb);
        assertThat(r[0]).isEqualTo("69");
        assertThat(r[1]).contains("could not open the display :4271").contains("processlab run")
                .doesNotContain("Exception").doesNotContain("\tat ")
                .as("JavaFX's class-path warning is silenced").doesNotContain("Unsupported JavaFX configuration");
        assertThat(r[1].strip().lines()).hasSize(1);
    }

    @Test
    void aPythonOlderThan38IsRefusedWithAClearMessage(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("python3.7");
        Files.writeString(fake, "#!/bin/sh\necho " + fake + "\necho 3.7.16\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        Report r = CliRun.json("02-first-processes", "--python", fake.toString());
        assertThat(r.exit()).isEqualTo(69);
        assertThat(r.json().path("error").asText()).contains("3.7.16").contains("3.8 or newer");
    }

    @Test
    void withFormatJsonAnUnreadableCommandLineStillGivesAJsonError() {
        for (String[] args : List.of(new String[] {"run", "2", "--format", "json", "--time-limit", "abc"},
                new String[] {"run", "2", "--bogus", "--format=json"})) {
            Report r = CliRun.exec(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(64);
            assertThat(r.json()).as(r.stdout()).isNotNull();
            assertThat(r.json().path("error").asText()).isNotBlank();
            assertThat(r.json().path("processes")).isEmpty();
            assertThat(r.stderr()).as("the usage is still on stderr").contains("Usage:");
        }
        Report text = CliRun.exec("run", "2", "--time-limit", "abc");
        assertThat(text.stdout()).as("without --format json, nothing on stdout").isEmpty();
    }

    @Test
    void aProgramThatIsNotPythonIsRefusedInAFewWords() {
        Report r = CliRun.json("02-first-processes", "--python", "/bin/ls");
        assertThat(r.exit()).isEqualTo(69);
        String error = r.json().path("error").asText();
        assertThat(error).startsWith("/bin/ls is not a working Python 3 (asked for its version, it said: ")
                .contains("3.8 or newer");
        String said = error.substring(error.indexOf("it said: ") + 9, error.indexOf("). Install"));
        assertThat(said).as("one short line of what it said, not the whole query").hasSizeLessThanOrEqualTo(80);
    }

    @Test
    void anUnwritableTraceFileIsRefusedBeforeTheRun() {
        Report r = CliRun.json("02-first-processes", "--chrome-trace", "/definitely/not/here/trace.json");
        assertThat(r.exit()).isEqualTo(73);
        assertThat(r.json().path("error").asText()).contains("folder does not exist");
        assertThat(r.json().path("processes")).isEmpty();
    }
}
