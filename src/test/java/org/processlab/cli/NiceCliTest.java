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
 * {@code --nice N} runs the whole program, children included, N steps of niceness below ProcessLab; without it
 * the program keeps ProcessLab's own niceness.
 */
class NiceCliTest {
    /** Each process prints its own niceness; the children are made with fork and with spawn. */
    private static final String PROGRAM = """
            import multiprocessing
            import os


            def report(who):
                print(f"{who} nice {os.nice(0)}", flush=True)


            if __name__ == "__main__":
                report("main")
                for method in ("fork", "spawn"):
                    p = multiprocessing.get_context(method).Process(target=report, args=(method,))
                    p.start()
                    p.join()
            """;

    @Test
    void theWholeTreeRunsAtTheNicenessAskedFor(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("nice.py");
        Files.writeString(program, PROGRAM);
        int base = ProcFs.stat(ProcessHandle.current().pid()).orElseThrow().nice();

        Report lowered = CliRun.json("--nice", "7", program.toString());
        assertThat(lowered.exit()).as(lowered.toString()).isZero();
        int expected = Math.min(19, base + 7);
        assertThat(allLines(lowered)).as(lowered.stdout())
                .containsExactlyInAnyOrder("main nice " + expected, "fork nice " + expected, "spawn nice " + expected);
        lowered.assertNothingLeft();

        Report plain = CliRun.json(program.toString());
        assertThat(allLines(plain)).as("no --nice: ProcessLab's own niceness")
                .containsExactlyInAnyOrder("main nice " + base, "fork nice " + base, "spawn nice " + base);
    }

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
