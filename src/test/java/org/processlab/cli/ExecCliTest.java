package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;

/**
 * {@code exec} through the CLI, as a person runs it: a process that becomes another program keeps its PID and its
 * lane, and from then on is called by the new program's name and arguments; what it printed before the exec is kept.
 * Under every start method.
 */
class ExecCliTest {
    /** Two children that exec (a shell, another Python program), then main itself becomes a shell. */
    private static final String PROGRAM = """
            import multiprocessing
            import os
            import sys

            HERE = os.path.dirname(os.path.abspath(__file__))


            def into_shell():
                print("child A before exec")                 # no flush: still buffered at the exec
                os.execv("/bin/sh", ["sh", "-c", "echo child A is a shell now"])


            def into_python():
                print("child B before exec")
                os.execv(sys.executable, [sys.executable, os.path.join(HERE, "after.py"), "B"])


            if __name__ == "__main__":
                multiprocessing.set_start_method(sys.argv[1])
                a = multiprocessing.Process(target=into_shell)
                b = multiprocessing.Process(target=into_python)
                a.start()
                a.join()
                b.start()
                b.join()
                print("main before exec, children ended with", a.exitcode, b.exitcode)
                os.execv("/bin/sh", ["sh", "-c", "echo main is a shell now"])
            """;

    private static final String AFTER = """
            import sys
            print("after.py says hi as", sys.argv[1])
            """;

    private static Path program(Path dir) throws IOException {
        Files.writeString(dir.resolve("after.py"), AFTER);
        Path program = dir.resolve("execs.py");
        Files.writeString(program, PROGRAM);
        return program;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void aProcessThatExecsKeepsItsPidAndLaneAndTakesTheNewProgramsName(String method, @TempDir Path dir)
            throws IOException {
        Report r = CliRun.json(program(dir).toString(), method);
        assertThat(r.exit()).as(r.toString()).isZero();

        List<JsonNode> children = r.role("child");
        assertThat(children).as("one lane per process, none for a program exec'd into: %s", r.stdout()).hasSize(2);
        JsonNode a = children.get(0);
        JsonNode b = children.get(1);

        assertThat(a.path("name").asText()).isEqualTo("Process-1");
        assertThat(a.path("label").asText()).isEqualTo("a");
        assertThat(a.path("command").asText()).isEqualTo("sh -c echo child A is a shell now");
        JsonNode aExec = single(a.path("execs"));
        assertThat(aExec.path("path").asText()).isEqualTo("/bin/sh");
        assertThat(aExec.path("command").asText()).isEqualTo("sh -c echo child A is a shell now");
        assertThat(aExec.path("t").asDouble()).isBetween(a.path("startedAt").asDouble(), a.path("endedAt").asDouble());
        assertThat(CliRun.Report.lines(a)).as("printed before the exec, never flushed: kept; then the shell's, on its own"
                + " channel").containsExactly("child A before exec", "child A is a shell now");
        assertThat(a.path("exitCode").asInt()).isZero();

        assertThat(b.path("label").asText()).isEqualTo("b");
        JsonNode bExec = single(b.path("execs"));
        assertThat(bExec.path("command").asText()).endsWith("after.py B");
        assertThat(CliRun.Report.lines(b)).as("the exec'd Python program is the same process: its lines on its lane")
                .containsExactly("child B before exec", "after.py says hi as B");
        assertThat(b.path("exitCode").asInt()).isZero();

        JsonNode main = r.main();
        assertThat(single(main.path("execs")).path("command").asText()).isEqualTo("sh -c echo main is a shell now");
        assertThat(CliRun.Report.lines(main)).as("the shell main became writes on main's lane")
                .containsExactly("main before exec, children ended with 0 0", "main is a shell now");
        r.assertNothingLeft();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"fork"})
    void theTextReportNamesTheNewProgramFromTheExecOn(String method, @TempDir Path dir) throws IOException {
        Report r = CliRun.exec("run", "--format", "text", program(dir).toString(), method);
        assertThat(r.exit()).as(r.toString()).isZero();
        String out = r.stdout();
        String outputPart = out.substring(out.indexOf("Output:"), out.indexOf("PROCESS "));
        assertThat(outputPart.lines().filter(l -> l.contains("child A before exec")).findFirst().orElseThrow())
                .as("a line printed before the exec keeps the old name").contains("a[");
        assertThat(outputPart.lines().filter(l -> l.contains("after.py says hi as B")).findFirst().orElseThrow())
                .as("a line printed after it has the new one").contains("after.py B[");
        String table = out.substring(out.indexOf("PROCESS "));
        assertThat(table).contains("sh -c echo child A is a shell now")
                .contains("exec at ").contains("(was a)").contains("(was MainProcess)");
    }

    /** A shell started by subprocess has no agent: the {@code /proc} sampler sees its exec. */
    private static final String SHELL_THAT_EXECS = """
            import subprocess
            subprocess.run(["sh", "-c", "echo shell before exec; sleep 0.5; exec sleep 1"])
            print("main ends", flush=True)
            """;

    @Test
    void aShellThatExecsIsCalledByItsNewProgramFromThenOn(@TempDir Path dir) throws IOException {
        Path program = dir.resolve("shell_execs.py");
        Files.writeString(program, SHELL_THAT_EXECS);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();

        JsonNode shell = r.processes().stream().filter(p -> Report.lines(p).contains("shell before exec")).findFirst()
                .orElseThrow(() -> new AssertionError("no shell lane: " + r.json()));
        assertThat(shell.path("pid").asLong()).isNotEqualTo(r.main().path("pid").asLong());
        assertThat(shell.path("name").asText()).as("before the exec: the spawn's argv").isEqualTo("sh -c echo");
        JsonNode exec = single(shell.path("execs"));
        assertThat(exec.path("command").asText()).isEqualTo("sleep 1");
        assertThat(exec.path("path").asText()).endsWith("/sleep");
        assertThat(exec.path("t").asDouble()).as("after the shell's own sleep, before its end")
                .isBetween(shell.path("startedAt").asDouble() + 0.4, shell.path("endedAt").asDouble());
        assertThat(shell.path("command").asText()).isEqualTo("sleep 1");
        assertThat(r.processes()).filteredOn(p -> p != shell)
                .as("the shell's child for sleep 0.5 ran a program of its own from its spawn on: no exec of its own")
                .allSatisfy(p -> assertThat(p.path("execs").size()).as("%s", p).isZero());
        r.assertNothingLeft();
    }

    private static JsonNode single(JsonNode list) {
        assertThat(list.isArray()).as("a list: %s", list).isTrue();
        assertThat(list.size()).as("one exec: %s", list).isEqualTo(1);
        return list.get(0);
    }
}
