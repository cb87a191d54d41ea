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
import org.processlab.run.ProcFs;

/**
 * {@code --nice N} runs the whole program, children included, N steps of niceness below ProcessLab, and where Linux
 * schedules by session groups (autogroup), the run's group N steps below ProcessLab's; without it the program keeps
 * ProcessLab's own niceness.
 */
class NiceCliTest {
    /** Each process prints its own niceness; the children are made with fork and with spawn. */
    private static final String PROGRAM = """
            import multiprocessing
            import os
            import time


            def report(who):
                print(f"{who} nice {os.nice(0)}", flush=True)


            def group_nice():
                with open("/proc/self/autogroup") as f:
                    return int(f.read().split()[-1])


            GROUP_WANTED = %s


            if __name__ == "__main__":
                report("main")
                if GROUP_WANTED is not None:
                    # the kernel takes one group change per 100 ms machine-wide: the supervisor may need a retry
                    end = time.monotonic() + 3
                    while group_nice() != GROUP_WANTED and time.monotonic() < end:
                        time.sleep(0.05)
                    print(f"group nice {group_nice()}", flush=True)
                for method in ("fork", "spawn"):
                    p = multiprocessing.get_context(method).Process(target=report, args=(method,))
                    p.start()
                    p.join()
            """;

    @Test
    void theWholeTreeRunsAtTheNicenessAskedFor(@TempDir Path dir) throws IOException {
        java.util.Optional<Integer> groupWanted = ourGroupNice().map(n -> Math.min(19, n + 7));
        Path program = dir.resolve("nice.py");
        Files.writeString(program, PROGRAM.formatted(groupWanted.map(String::valueOf).orElse("None")));
        Path plainProgram = dir.resolve("plain.py");
        Files.writeString(plainProgram, PROGRAM.formatted("None"));
        int base = ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().nice();
        List<String> group = groupWanted.map(n -> List.of("group nice " + n)).orElse(List.of());

        Report lowered = CliRun.json("--nice", "7", program.toString());
        assertThat(lowered.exit()).as(lowered.toString()).isZero();
        int expected = Math.min(19, base + 7);
        assertThat(allLines(lowered)).as(lowered.stdout())
                .containsAll(List.of("main nice " + expected, "fork nice " + expected, "spawn nice " + expected))
                .containsAll(group)
                .hasSize(3 + group.size());
        lowered.assertNothingLeft();

        Report plain = CliRun.json(plainProgram.toString());
        assertThat(allLines(plain)).as("no --nice: ProcessLab's own niceness")
                .containsExactlyInAnyOrder("main nice " + base, "fork nice " + base, "spawn nice " + base);
    }

    /**
     * Linux's autogroup (sched(7)): the niceness of this JVM's session's scheduling group, where there is one. The run
     * has its own session, so its group must be lowered too, or its processes' niceness counts for nothing against
     * ProcessLab's threads. The file reads empty where the task is in a cgroup of its own (a container, a systemd
     * unit): there autogroup does not apply, and the processes' niceness is all that counts.
     */
    private static java.util.Optional<Integer> ourGroupNice() throws IOException {
        Path own = Path.of("/proc/self/autogroup");
        if (!Files.exists(own)) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = AUTOGROUP_LINE.matcher(Files.readString(own));
        return m.find() ? java.util.Optional.of(Integer.parseInt(m.group(1))) : java.util.Optional.empty();
    }

    /** A line of {@code /proc/PID/autogroup}, such as {@code /autogroup-7977 nice 0}. */
    private static final java.util.regex.Pattern AUTOGROUP_LINE =
            java.util.regex.Pattern.compile("^/autogroup-\\d+ nice (-?\\d+)$", java.util.regex.Pattern.MULTILINE);

    @Test
    void aNicenessOutOfRangeIsRefusedBeforeAnythingRuns() {
        Report r = CliRun.exec("run", "--nice", "20", "01-process-basics");
        assertThat(r.exit()).isEqualTo(RunCommand.EX_USAGE);
        assertThat(r.stderr()).contains("--nice must be a whole number from 0 to 19");
        assertThat(r.stdout()).isEmpty();
    }

    private static List<String> allLines(Report r) {
        return r.processes().stream().flatMap(p -> Report.lines(p).stream()).toList();
    }
}
