package org.processlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.processlab.run.Assets;
import org.processlab.run.ProcFs;
import org.processlab.run.RunSession;
import org.processlab.testing.Await;

/**
 * Runs after every other test class: no process that a test started is still there — neither a
 * descendant of this JVM nor any process on the machine that carries this build's tracer in its
 * environment (so orphans re-parented away from us are caught too).
 */
@Order(Integer.MAX_VALUE)
class NoProcessLeftBehindTest {
    @Test
    void everyProcessStartedByTheTestsHasEnded() throws Exception {
        RunSession.closeAll();
        String marker = Assets.tracerDir().resolve("boot").toString();
        Await.atMost(Duration.ofSeconds(10)).every(Duration.ofMillis(200)).tryUntil(() -> leftovers(marker).isEmpty());
        assertThat(leftovers(marker)).as("processes left behind by the tests").isEmpty();
    }

    private static List<String> leftovers(String marker) {
        List<String> out = new ArrayList<>();
        ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(h -> ProcFs.stat(h.pid()).map(s -> s.state() != 'Z').orElse(true))
                .forEach(h -> out.add(h.pid() + " " + h.info().commandLine().orElse("?")));
        Assumptions.assumeTrue(ProcFs.available(), "no /proc: only descendants checked");
        for (long pid : ProcFs.pids()) {
            try {
                byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
                if (new String(env, StandardCharsets.UTF_8).contains(marker)
                        && ProcFs.stat(pid).map(s -> s.state() != 'Z').orElse(false)) {
                    out.add(pid + " " + new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                            StandardCharsets.UTF_8).replace('\0', ' '));
                }
            } catch (IOException | SecurityException ignored) {
                // gone, or not ours to read
            }
        }
        return out;
    }
}
