package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;

/**
 * Issue 16: every byte goes to the process that wrote it, whatever path it took below {@code sys.stdout}: a raw
 * {@code os.write} to fd 1 and 2, a C-level {@code write} (ctypes), a program {@code exec}'d into, a {@code subprocess}
 * child that inherits fd 1 (a shell, a Python program, a shell that execs {@code /bin/echo}), the shell of
 * {@code os.system}. Each writer prints its own PID (a shell's {@code $$}), so the line must be on that PID's lane, not
 * marked untraced or shared. Under each start method, in a {@code multiprocessing} child.
 */
class WritersOnTheirLanesCliTest {
    private static final String PROGRAM = """
            import ctypes
            import multiprocessing as mp
            import os
            import subprocess
            import sys


            def below_sys_stdout():
                me = os.getpid()
                os.write(1, f"os.write stdout {me}\\n".encode())
                os.write(2, f"os.write stderr {me}\\n".encode())
                line = f"ctypes write {me}\\n".encode()
                ctypes.CDLL(None).write(1, line, len(line))
                subprocess.run(["/bin/sh", "-c", 'echo "subprocess sh $$"'], check=True)
                subprocess.run([sys.executable, "-c", "import os; print('subprocess python', os.getpid())"], check=True)
                subprocess.run(["/bin/sh", "-c", 'exec /bin/echo "subprocess exec echo $$"'], check=True)
                os.system('echo "os.system sh $$"')
                print(f"print {me}")


            def execs_a_shell():
                print(f"before exec {os.getpid()}", flush=True)
                os.execv("/bin/sh", ["sh", "-c", 'echo "exec sh $$"; echo "exec sh stderr $$" >&2'])


            if __name__ == "__main__":
                os.write(1, f"main os.write {os.getpid()}\\n".encode())
                for target in (below_sys_stdout, execs_a_shell):
                    p = mp.Process(target=target)
                    p.start()
                    p.join()
                    print(f"{target.__name__} ended {p.exitcode} {os.getpid()}")
            """;

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void eachLineIsOnTheLaneOfThePidThatWroteIt(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("writers.py"), PROGRAM);
        Report r = CliRun.json("--start-method", method, program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        List<WrittenLines> lines = WrittenLines.of(r);
        long main = r.main().path("pid").asLong();
        long child = r.byTarget("below_sys_stdout").path("pid").asLong();
        long execer = r.byTarget("execs_a_shell").path("pid").asLong();
        List<String> expected = List.of("main os.write", "os.write stdout", "os.write stderr", "ctypes write",
                "subprocess sh", "subprocess python", "subprocess exec echo", "os.system sh", "print", "before exec",
                "exec sh", "exec sh stderr", "below_sys_stdout ended 0", "execs_a_shell ended 0");
        for (String what : expected) {
            List<WrittenLines> found = lines.stream().filter(l -> l.text().matches(java.util.regex.Pattern.quote(what)
                    + " \\d+")).toList();
            assertThat(found).as("the line '%s' once, in %s", what, lines).hasSize(1);
            WrittenLines l = found.get(0);
            assertThat(l.pid()).as("'%s' on the lane of the PID that wrote it", l.text()).isEqualTo(l.lastNumber());
            assertThat(l.flags()).as("'%s': its writer is sure", l.text()).isEmpty();
            assertThat(l.stream()).as(l.text()).isEqualTo(what.contains("stderr") ? "stderr" : "stdout");
        }
        assertThat(lines).filteredOn(l -> l.text().startsWith("main os.write")).extracting(WrittenLines::pid)
                .containsExactly(main);
        assertThat(lines).filteredOn(l -> l.text().startsWith("os.write ") || l.text().startsWith("ctypes"))
                .extracting(WrittenLines::pid).containsOnly(child);
        assertThat(lines).filteredOn(l -> l.text().startsWith("exec sh")).extracting(WrittenLines::pid)
                .as("exec keeps the PID: the shell's lines are on the exec'ing child's lane").containsOnly(execer);
        assertThat(lines).filteredOn(l -> l.text().startsWith("subprocess") || l.text().startsWith("os.system"))
                .extracting(WrittenLines::pid).as("each on a lane of its own").doesNotContain(main, child).doesNotHaveDuplicates();
        r.assertNothingLeft();
    }
}
