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
 * A {@code Process.start()} that raised is shown as such, never as "start() never called" (issue 15, point 7): in
 * the run document ({@code startFailed}), the text report's table and its lanes. In a storm of 50 failing starts
 * every object says why, and none is a phantom "never started".
 */
class StartRaisedCliTest {
    /** Three children under spawn; the second's argument cannot be pickled, so its start() raises RuntimeError. */
    static final String ONE_OF_THREE = """
            import multiprocessing as mp


            class Unpicklable:
                def __reduce__(self):
                    raise RuntimeError("this argument cannot be sent to a spawned child")


            def work(n):
                print(f"child {n} ran", flush=True)


            if __name__ == "__main__":
                ctx = mp.get_context("spawn")
                first = ctx.Process(target=work, args=(1,))
                second = ctx.Process(target=work, args=(Unpicklable(),))
                third = ctx.Process(target=work, args=(3,))
                first.start()
                try:
                    second.start()
                except RuntimeError as e:
                    print("second.start() raised:", e, flush=True)
                third.start()
                first.join()
                third.join()
                print("main ends", flush=True)
            """;

    /** 50 starts that raise, one after another, and one that works. */
    static final String STORM = """
            import multiprocessing as mp


            class Unpicklable:
                def __reduce__(self):
                    raise RuntimeError("cannot pickle worker %d" % id(self))


            def work(n):
                print("worker", n, flush=True)


            if __name__ == "__main__":
                ctx = mp.get_context("spawn")
                failed = 0
                for i in range(50):
                    try:
                        ctx.Process(target=work, args=(Unpicklable(),)).start()
                    except RuntimeError:
                        failed += 1
                ok = ctx.Process(target=work, args=(0,))
                ok.start()
                ok.join()
                print("failed starts:", failed, flush=True)
            """;

    @Test
    void oneOfThreeStartsRaisesAndItsEntrySaysWhatItRaised(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("one_of_three.py"), ONE_OF_THREE);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> children = r.role("child");
        assertThat(children).as(r.stdout()).hasSize(3);
        List<JsonNode> failed = children.stream().filter(c -> !c.path("startFailed").isNull()).toList();
        assertThat(failed).as(r.stdout()).hasSize(1);
        JsonNode second = failed.get(0);
        assertThat(second.path("pid").isNull()).isTrue();
        assertThat(second.path("label").asText()).isEqualTo("second");
        assertThat(second.path("startFailed").path("error").asText()).isEqualTo("RuntimeError");
        assertThat(second.path("startFailed").path("message").asText())
                .isEqualTo("this argument cannot be sent to a spawned child");
        assertThat(second.path("startFailed").path("t").asDouble()).as("when it raised")
                .isGreaterThanOrEqualTo(second.path("startCalledAt").asDouble());
        JsonNode states = second.path("states");
        assertThat(states).hasSize(1);
        assertThat(states.get(0).path("state").asText()).isEqualTo("created");
        assertThat(states.get(0).path("to").asDouble()).as("created until start() raised, not until main ended")
                .isCloseTo(second.path("startFailed").path("t").asDouble(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(children.stream().filter(c -> c.path("pid").isNumber())).as("the other two ran").hasSize(2);
        r.assertNothingLeft();

        Report text = CliRun.exec("run", "--format", "text", program.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.stdout())
                .contains("second [no PID]")
                .contains("start() raised RuntimeError: this argument cannot be sent to a spawned child")
                .doesNotContain("never called").doesNotContain("never started");
    }

    @Test
    void aStormOfFiftyFailingStartsLeavesNoPhantomNeverStartedLanes(@TempDir Path dir) throws IOException {
        Path program = Files.writeString(dir.resolve("storm.py"), STORM);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<JsonNode> withoutPid = r.role("child").stream().filter(c -> c.path("pid").isNull()).toList();
        assertThat(withoutPid).as("one entry per start() that raised").hasSize(50);
        assertThat(withoutPid).allSatisfy(c -> {
            assertThat(c.path("startFailed").path("error").asText()).isEqualTo("RuntimeError");
            assertThat(c.path("startFailed").path("message").asText()).startsWith("cannot pickle worker ");
        });
        assertThat(r.role("child").stream().filter(c -> c.path("pid").isNumber())).hasSize(1);
        r.assertNothingLeft();

        Report text = CliRun.exec("run", "--format", "text", program.toString());
        assertThat(text.stdout()).doesNotContain("never called").doesNotContain("never started");
        assertThat(text.stdout().lines().filter(l -> l.contains("start() raised RuntimeError: cannot pickle worker")))
                .as("the table's line and the lane of each").hasSize(100);
    }
}
