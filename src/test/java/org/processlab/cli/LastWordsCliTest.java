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
 * Issue 16: a line printed 1 ms before a SIGKILL is kept, as a terminal shows it. When output is sparse a line
 * reaches its channel as soon as it is printed (a plain {@code print}, no flush). The SIGKILL comes from another
 * process, 1 ms after the writer made a file (nothing the tracer waits on, as it waits before a message or its own
 * {@code os.kill}): five children in turn, killed by main, then main itself, killed by a child (the run's root: its
 * status is 128 + 9).
 */
class LastWordsCliTest {
    private static final String PROGRAM = """
            import multiprocessing as mp
            import os
            import signal
            import sys
            import time


            def wait_for(flag):
                while not os.path.exists(flag):    # a file, not a message: nothing the tracer waits on
                    time.sleep(0.0002)


            def last_words(flag):
                time.sleep(0.3)                    # sparse: nothing printed for a while
                print(f"last words {os.getpid()}")
                open(flag, "w").close()
                time.sleep(60)                     # killed long before


            def kill_main(flag, main):
                wait_for(flag)
                time.sleep(0.001)
                os.kill(main, signal.SIGKILL)        # not getppid(): a fork server's child has another parent
                os._exit(0)


            if __name__ == "__main__":
                folder = sys.argv[1]
                for i in range(5):
                    flag = os.path.join(folder, f"child-{i}")
                    p = mp.Process(target=last_words, args=(flag,))
                    p.start()
                    wait_for(flag)
                    time.sleep(0.001)
                    os.kill(p.pid, signal.SIGKILL)
                    p.join()
                    print(f"child ended {p.exitcode}")
                flag = os.path.join(folder, "main")
                killer = mp.Process(target=kill_main, args=(flag, os.getpid()))
                killer.start()
                time.sleep(0.3)
                print(f"main's last words {os.getpid()}")
                open(flag, "w").close()
                time.sleep(60)
            """;

    @ParameterizedTest(name = "under {0}")
    @ValueSource(strings = {"fork", "spawn", "forkserver"})
    void aLinePrintedOneMillisecondBeforeSigkillIsKept(String method, @TempDir Path dir) throws Exception {
        Path program = Files.writeString(dir.resolve("last_words.py"), PROGRAM);
        Report r = CliRun.json("--start-method", method, program.toString(), "--", dir.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(128 + 9);
        List<WrittenLines> lines = WrittenLines.of(r);
        assertThat(r.role("child")).filteredOn(c -> c.path("target").asText().equals("last_words")).hasSize(5)
                .allSatisfy(c -> assertThat(c.path("exitCode").asInt()).isEqualTo(-9));
        assertThat(lines).filteredOn(l -> l.text().startsWith("last words ")).as("every child's last words")
                .hasSize(5).allSatisfy(l -> assertThat(l.pid()).isEqualTo(l.lastNumber()));
        assertThat(lines).filteredOn(l -> l.text().startsWith("main's last words ")).as("main's last words")
                .singleElement().satisfies(l -> assertThat(l.pid()).isEqualTo(r.main().path("pid").asLong()));
        assertThat(lines).filteredOn(l -> l.text().startsWith("child ended")).extracting(WrittenLines::text)
                .containsOnly("child ended -9").hasSize(5);
        r.assertNothingLeft();
    }
}
