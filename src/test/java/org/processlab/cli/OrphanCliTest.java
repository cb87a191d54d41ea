package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Lesson 13's orphan is marked every time, also in a fresh JVM as a person runs the CLI: there the first looks at
 * {@code /proc} are slow (cold code), and one slow look used to make the sampler wait a second, long enough for the
 * grandchild to be adopted and end unseen (4 runs in 10 unmarked).
 */
class OrphanCliTest {
    private static final int RUNS = 5;

    @Test
    void theGrandchildIsAnOrphanAdoptedByTheSupervisorInEveryRun() throws Exception {
        for (int i = 0; i < RUNS; i++) {
            JsonNode run = runOrphanLesson();
            JsonNode grandchild = null;
            JsonNode parent = null;
            for (JsonNode p : run.path("processes")) {
                if (p.path("name").asText().contains("grandchild")) {
                    grandchild = p;
                } else if ("start_grandchild".equals(p.path("target").asText(null))) {
                    parent = p;
                }
            }
            assertThat(grandchild).as("run %d: %s", i, run).isNotNull();
            assertThat(parent).as("run %d: %s", i, run).isNotNull();
            assertThat(grandchild.path("orphan").asBoolean()).as("run %d: the grandchild is an orphan: %s", i, grandchild)
                    .isTrue();
            assertThat(grandchild.path("ppid").asLong()).as("run %d: its PPID is its new parent's", i)
                    .isNotEqualTo(parent.path("pid").asLong());
        }
    }

    private static JsonNode runOrphanLesson() throws IOException, InterruptedException {
        Process p = JarProcess.start("run", "--format", "json",
                CliRun.LESSONS.resolve("13-zombies-orphans/orphan.py").toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return new ObjectMapper().readTree(out);
    }
}
