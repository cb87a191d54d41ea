package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * A {@code Process} object exists before its process does: from {@code Process(...)} to {@code start()} it is
 * "created", with no PID; one whose {@code start()} is never called stays created until the process holding it ends.
 */
class ProcessObjectsCliTest {
    private static final String PROGRAM = """
            import multiprocessing
            import time


            def work(n):
                print(f"working on {n}", flush=True)


            if __name__ == "__main__":
                multiprocessing.set_start_method("fork")
                late = multiprocessing.Process(target=work, args=(1,))
                forgotten = multiprocessing.Process(target=work, args=(2,))
                print("made two Process objects, starting one of them in 0.4 s", flush=True)
                time.sleep(0.4)
                late.start()
                late.join()
                time.sleep(0.2)
                print("main ends; the other object was never started", flush=True)
            """;

    @Test
    void anObjectIsCreatedUntilStartAndOneNeverStartedHasNoPid(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("objects.py");
        Files.writeString(program, PROGRAM);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> children = r.role("child");
        assertThat(children).as(r.stdout()).hasSize(2);

        JsonNode late = children.stream().filter(c -> !c.path("pid").isNull()).findFirst().orElseThrow();
        assertThat(late.path("label").asText()).isEqualTo("late");
        JsonNode created = late.path("states").get(0);
        assertThat(created.path("state").asText()).isEqualTo("created");
        assertThat(created.path("to").asDouble() - created.path("from").asDouble())
                .as("created from Process(...) to start(), 0.4 s later: %s", late).isGreaterThan(0.35);
        assertThat(late.path("states").get(1).path("state").asText()).isEqualTo("running");
        assertThat(CliRun.Report.lines(late)).containsExactly("working on 1");

        JsonNode forgotten = children.stream().filter(c -> c.path("pid").isNull()).findFirst()
                .orElseThrow(() -> new AssertionError("no entry without a PID: " + r.stdout()));
        assertThat(forgotten.path("name").asText()).isEqualTo("Process-2");
        assertThat(forgotten.path("target").asText()).isEqualTo("work");
        assertThat(forgotten.path("alive").asBoolean()).isFalse();
        assertThat(forgotten.path("exitCode").isNull()).isTrue();
        JsonNode states = forgotten.path("states");
        assertThat(states).hasSize(1);
        assertThat(states.get(0).path("state").asText()).isEqualTo("created");
        assertThat(states.get(0).path("to").asDouble())
                .as("created until main ended").isCloseTo(r.main().path("endedAt").asDouble(), org.assertj.core.data.Offset.offset(0.05));
        r.assertNothingLeft();

        Report text = CliRun.exec("run", "--format", "text", program.toString());
        assertThat(text.stdout()).contains("Process-2 [no PID]").contains("start() never called");
        // the output lines' stream column lines up, whatever the length of "name[PID]"
        String outputPart = text.stdout().substring(text.stdout().indexOf("Output:"));
        List<Integer> streamColumns = outputPart.lines().filter(l -> l.contains(" stdout ")).map(l -> l.indexOf(" stdout ")).distinct().toList();
        assertThat(streamColumns).as(outputPart).hasSize(1);
    }
}
