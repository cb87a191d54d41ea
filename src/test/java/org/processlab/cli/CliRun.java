package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.processlab.run.ProcFs;

/**
 * Runs {@code processlab run ... --format json} the way a user does (the same entry the jar's main
 * calls), and reads the JSON document it prints.
 */
final class CliRun {
    static final Path REPO = Path.of(System.getProperty("processlab.repo", ".")).toAbsolutePath();
    static final Path LESSONS = REPO.resolve("lessons");
    static final Path CASES = REPO.resolve("src/test/resources/cases");

    private CliRun() {
    }

    /** Runs {@code run <args> --format json} and returns what it printed. */
    static Report json(String... args) {
        List<String> all = new ArrayList<>(List.of("run", "--format", "json", "--lessons", LESSONS.toString()));
        all.addAll(List.of(args));
        return exec(all.toArray(String[]::new));
    }

    /** Runs any command line. */
    static Report exec(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        JsonNode json = null;
        if (text.startsWith("{")) {
            try {
                json = new ObjectMapper().readTree(text);
            } catch (IOException e) {
                throw new UncheckedIOException("the CLI printed something that is not one JSON document:\n" + text, e);
            }
        }
        return new Report(code, json, text, err.toString(StandardCharsets.UTF_8));
    }

    /** What one CLI call gave. */
    record Report(int exit, JsonNode json, String stdout, String stderr) {
        List<JsonNode> processes() {
            List<JsonNode> l = new ArrayList<>();
            json.path("processes").forEach(l::add);
            return l;
        }

        JsonNode main() {
            return processes().stream().filter(p -> p.path("role").asText().equals("main")).findFirst().orElseThrow();
        }

        List<JsonNode> role(String role) {
            return processes().stream().filter(p -> p.path("role").asText().equals(role)).collect(Collectors.toList());
        }

        JsonNode byPid(long pid) {
            return processes().stream().filter(p -> p.path("pid").asLong() == pid).findFirst()
                    .orElseThrow(() -> new AssertionError("no process " + pid + " in " + json));
        }

        JsonNode byTarget(String target) {
            return processes().stream().filter(p -> target.equals(p.path("target").asText(null))).findFirst()
                    .orElseThrow(() -> new AssertionError("no process with target " + target + " in " + json));
        }

        static List<String> lines(JsonNode process) {
            List<String> l = new ArrayList<>();
            process.path("output").forEach(o -> l.add(o.path("text").asText()));
            return l;
        }

        static List<String> lines(JsonNode process, String stream) {
            List<String> l = new ArrayList<>();
            process.path("output").forEach(o -> {
                if (o.path("stream").asText().equals(stream)) {
                    l.add(o.path("text").asText());
                }
            });
            return l;
        }

        /** The time (s from start) of the first line of {@code process} equal to {@code text}. */
        static double timeOf(JsonNode process, String text) {
            for (JsonNode o : process.path("output")) {
                if (o.path("text").asText().equals(text)) {
                    return o.path("t").asDouble();
                }
            }
            throw new AssertionError("no line '" + text + "' in " + process);
        }

        /** Every process the run listed has ended, is not a zombie of ours, and no PID of it is alive any more. */
        void assertNothingLeft() {
            for (JsonNode p : processes()) {
                assertThat(p.path("alive").asBoolean()).as("alive at the end: %s", p).isFalse();
                long pid = p.path("pid").asLong();
                long ticks = p.path("startTicks").asLong(-1);
                assertThat(ProcFs.available() ? ProcFs.isSame(pid, ticks) : ProcessHandle.of(pid).isPresent())
                        .as("process %d (%s) still exists after the run", pid, p.path("name").asText()).isFalse();
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + stdout + "\nstderr: " + stderr;
        }
    }
}
