package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.testing.Await;

/**
 * Whatever breaks inside a run's own thread (here: a view's listener throwing on it), the run still ends: its
 * processes are ended and {@link RunSession#ended()} completes, marked failed. Nobody waits for ever.
 */
class RunSessionGuardTest {
    @Test
    void aFailureInsideTheRunThreadEndsTheRunAndItsProcesses(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("sleepy.py");
        Files.writeString(program, """
                import multiprocessing
                import time


                def nap():
                    # a line every 20 ms: the run's thread keeps changing the model, so the broken listener is
                    # reached however late this test's thread gets to mark the model clean
                    for _ in range(3000):
                        print("tick", flush=True)
                        time.sleep(0.02)


                if __name__ == "__main__":
                    p = multiprocessing.Process(target=nap)
                    p.start()
                    p.join()
                """);
        RunModel model = new RunModel();
        model.onDirty(() -> {
            if (Thread.currentThread().getName().startsWith("run-") && model.processCount() >= 2) {
                throw new IllegalStateException("a broken view");
            }
        });
        RunSession s = RunSession.start(PythonTrack.spec(PythonInterpreter.locate(null), program, List.of(), null,
                "guard"), model);
        // keep the model clean so that every change calls the listener again
        Await.atMost(Duration.ofSeconds(60)).every(Duration.ofMillis(5)).tryUntil(() -> {
            model.clearDirty();
            return s.ended().isDone();
        });
        RunSnapshot end = s.ended().get(5, TimeUnit.SECONDS);
        assertThat(end.status()).isEqualTo(RunStatus.FAILED);
        assertThat(end.error()).contains("run broke").contains("a broken view");
        List<Long> pids = end.processes().stream().map(ProcessView::pid).filter(p -> p > 0).toList();
        assertThat(pids).hasSizeGreaterThanOrEqualTo(2);
        Await.atMost(Duration.ofSeconds(15)).tryUntil(() ->
                pids.stream().noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false)));
        assertThat(pids).as("every process of the broken run is gone")
                .noneMatch(p -> ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false));
    }
}
