package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.processlab.cli.CliRun.Report;

/**
 * Issue 16, nothing invented in the {@code shared} mark ("from this process or one of its untraced children"). A child
 * made through Python's hooks (fork, spawn, the fork server) holds its parent's output channel only until its agent
 * has made its own, and writes nothing to it meanwhile: the parent's lines printed then are the parent's alone. A
 * child made by a C-level {@code fork()} is a real second writer: what it writes at once is never taken for its
 * parent's alone.
 */
class SharedRightAfterForkCliTest {
    private static final String STARTS = """
            import multiprocessing as mp
            import time


            def nap():
                time.sleep(0.3)


            if __name__ == "__main__":
                kids = []
                for i in range(8):
                    p = mp.Process(target=nap)
                    p.start()
                    print(f"started {i}")
                    kids.append(p)
                for p in kids:
                    p.join()
            """;

    private static final String C_FORKS = """
            import ctypes
            import os
            import time

            libc = ctypes.PyDLL(None)
            for i in range(10):
                os.write(1, f"parent {i}\\n".encode())
                pid = libc.fork()
                if pid == 0:
                    os.write(1, f"child {i} {os.getpid()}\\n".encode())
                    time.sleep(0.3)     # alive when the supervisor looks: an ended child held nothing
                    libc._exit(0)
                os.waitpid(pid, 0)
            """;

    @Test
    void lessonThreesMainLinesAreNeverMarkedShared() {
        for (int run = 0; run < 10; run++) {
            Report r = CliRun.json("03-process-ids");
            assertThat(r.exit()).as(r.toString()).isZero();
            long main = r.main().path("pid").asLong();
            assertThat(WrittenLines.of(r)).filteredOn(l -> l.pid() == main).as("run %d", run).hasSize(6)
                    .allSatisfy(l -> assertThat(l.flags()).as("'%s'", l.text()).isEmpty());
            r.assertNothingLeft();
        }
    }

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void aLinePrintedRightAfterEachStartIsTheParentsAlone(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("starts.py"), STARTS);
        Report r = CliRun.json("--start-method", method, program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        long main = r.main().path("pid").asLong();
        List<WrittenLines> started = WrittenLines.starting(r, "started ");
        assertThat(started).hasSize(8).allSatisfy(l -> {
            assertThat(l.pid()).as("'%s'", l.text()).isEqualTo(main);
            assertThat(l.flags()).as("'%s'", l.text()).isEmpty();
        });
        r.assertNothingLeft();
    }

    @Test
    void aCLevelForksChildThatWritesAtOnceIsNeverTakenForItsParentAlone(@TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("c_forks.py"), C_FORKS);
        Report r = CliRun.json(program.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        long main = r.main().path("pid").asLong();
        List<WrittenLines> children = WrittenLines.starting(r, "child ");
        assertThat(children).hasSize(10).allSatisfy(l -> assertThat(
                l.pid() == main && l.flags().equals("shared") || l.pid() == l.lastNumber() && l.flags().isEmpty())
                .as("'%s' on %d, %s: shared on its parent's lane, or its own", l.text(), l.pid(), l.flags()).isTrue());
        assertThat(WrittenLines.starting(r, "parent ")).hasSize(10)
                .allSatisfy(l -> assertThat(l.pid()).as("'%s'", l.text()).isEqualTo(main));
        r.assertNothingLeft();
    }
}
