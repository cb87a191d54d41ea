package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.StartMethod;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;

/**
 * The supervisor in two steps, with the real supervisor and a real Python program: started without a program it
 * connects, says hello and waits running nothing; handed a program (directory, variables) it runs it as a run would.
 */
class SupervisorHandOffTest {
    private final RunModel model = new RunModel();
    private final SupervisorLink link = new SupervisorLink();
    private TraceServer server;
    private Supervisor supervisor;

    @AfterEach
    void endWhatIsLeft() {
        if (supervisor != null) {
            supervisor.process().descendants().forEach(ProcessHandle::destroyForcibly);
            supervisor.process().destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    private RunSpec spec(Path script) throws Exception {
        return PythonTrack.spec(PythonInterpreter.locate(null), script, List.of("an argument"), StartMethod.FORK, "hand-off");
    }

    /** Starts the supervisor with no program and waits until it is ready. */
    private void startReady(RunSpec spec) throws Exception {
        server = TraceServer.open(model, link, () -> { });
        // the supervisor's own environment has none of the program's variables: they come with the hand-off
        supervisor = Supervisor.start(new Supervisor.Launch(spec.supervisor(), Duration.ofSeconds(1), 0),
                server, link);
        assertThat(supervisor.awaitReady(Duration.ofSeconds(30))).as("ready: connected, hello received").isTrue();
        assertThat(link.connected()).isTrue();
    }

    @Test
    void aReadySupervisorRunsNothingUntilItIsHandedAProgramThenRunsIt(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("handed.py");
        Files.writeString(script, """
                import multiprocessing
                import os
                import sys


                def child():
                    print("child says", os.environ["HANDED"], flush=True)


                if __name__ == "__main__":
                    print("cwd", os.getcwd())
                    print("argv", sys.argv[1:])
                    p = multiprocessing.Process(target=child)
                    p.start()
                    p.join()
                    sys.exit(3)
                """);
        RunSpec spec = spec(script);
        startReady(spec);

        assertThat(supervisor.process().children().toList()).as("nothing runs before the hand-off").isEmpty();
        assertThat(supervisor.process().isAlive()).isTrue();
        assertThat(model.events()).noneMatch(e -> e instanceof RunEvent.RootSpawned);

        Map<String, String> env = new HashMap<>(spec.env());
        env.put("HANDED", "over");
        supervisor.handOver(new SupervisorCommand.Run(spec.command(), dir.toString(), env));

        assertThat(supervisor.process().waitFor(60, TimeUnit.SECONDS)).as("the run ends").isTrue();
        link.read().get(10, TimeUnit.SECONDS);
        assertThat(supervisor.process().exitValue()).isZero();
        assertThat(link.spawnFailure()).isNull();
        assertThat(link.doneAt()).as("done").isPositive();
        long root = model.events().stream().filter(e -> e instanceof RunEvent.RootSpawned)
                .mapToLong(e -> ((RunEvent.RootSpawned) e).pid()).findFirst().orElseThrow();
        assertThat(model.events()).contains(new RunEvent.Reaped(findReap(root).t(), supervisor.pid(), root, 3, 3 << 8));
        List<String> lines = model.output().range(0, model.output().size()).stream().map(RunEvent.OutputLine::text).toList();
        assertThat(lines).contains("cwd " + dir.toRealPath(), "argv ['an argument']", "child says over");
        assertThat(model.processCount()).as("main and its child").isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSupervisorStoppedBeforeItsProgramRunsNothingAndSaysDone() throws Exception {
        startReady(spec(Path.of("never-run.py").toAbsolutePath()));
        link.send(new SupervisorCommand.Stop(1000));
        assertThat(supervisor.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        link.read().get(10, TimeUnit.SECONDS);
        assertThat(supervisor.process().exitValue()).isZero();
        assertThat(link.doneAt()).isPositive();
        assertThat(model.events()).noneMatch(e -> e instanceof RunEvent.RootSpawned);
    }

    @Test
    void aProgramHandedOverInADirectoryThatIsGoneFailsToStart(@TempDir Path dir) throws Exception {
        RunSpec spec = spec(dir.resolve("x.py"));
        startReady(spec);
        supervisor.handOver(new SupervisorCommand.Run(spec.command(), dir.resolve("gone").toString(), spec.env()));
        assertThat(supervisor.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
        link.read().get(10, TimeUnit.SECONDS);
        assertThat(supervisor.process().exitValue()).isEqualTo(127);
        assertThat(link.spawnFailure()).contains("gone").contains("No such file or directory");
        assertThat(link.doneAt()).isPositive();
    }

    private RunEvent.Reaped findReap(long pid) {
        return model.events().stream().filter(e -> e instanceof RunEvent.Reaped r && r.child() == pid)
                .map(e -> (RunEvent.Reaped) e).findFirst().orElseThrow(() -> new AssertionError("root not reaped"));
    }
}
