package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;
import org.processlab.run.PythonInterpreter;

/**
 * Issue 16: the tracer changes only the identity of a process's output channels, never what the program sees. After
 * {@code os.close(1)}, {@code print()} and its flush fail with {@code OSError} errno 9 as in a plain run (the tracer
 * once kept printing), in main and in a child under each start method; the run prints what the plain run prints, and
 * ends with its status.
 */
class ClosedStdoutCliTest {
    private static final String PROGRAM = """
            import multiprocessing as mp
            import os
            import sys


            def close_then_print(who):
                os.close(1)
                try:
                    print(f"{who}: after close")
                    sys.stdout.flush()
                except OSError as e:
                    print(f"{who}: OSError {e.errno}", file=sys.stderr, flush=True)
                else:
                    print(f"{who}: no error", file=sys.stderr, flush=True)


            if __name__ == "__main__":
                if len(sys.argv) > 1:
                    mp.set_start_method(sys.argv[1])
                print("main: before", flush=True)
                p = mp.Process(target=close_then_print, args=("child",))
                p.start()
                p.join()
                print(f"child ended {p.exitcode}", file=sys.stderr, flush=True)
                close_then_print("main")
            """;

    /** The plain run's lines (stderr's marked {@code ERR}), sorted, and its status. */
    private static List<String> plain(Path program, String method) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PythonInterpreter.locate(null).executable().toString(),
                program.toString(), method).directory(program.getParent().toFile());
        pb.environment().remove("PYTHONUNBUFFERED");
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> all = new ArrayList<>(out.lines().toList());
        err.lines().forEach(l -> all.add("ERR " + l));
        all.sort(null);
        all.add("EXIT " + p.exitValue());
        return all;
    }

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void printAfterClosingFdOneFailsAsInAPlainRun(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("closed_stdout.py"), PROGRAM);
        Report r = CliRun.json(program.toString(), "--", method);
        List<String> traced = new ArrayList<>();
        for (WrittenLines l : WrittenLines.of(r)) {
            traced.add(l.stream().equals("stderr") ? "ERR " + l.text() : l.text());
        }
        traced.sort(null);
        traced.add("EXIT " + r.exit());
        assertThat(traced).isEqualTo(plain(program, method));
        assertThat(traced).contains("ERR child: OSError 9", "ERR main: OSError 9").doesNotContain("child: after close",
                "main: after close");
        r.assertNothingLeft();
    }
}
