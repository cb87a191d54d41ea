package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ChannelRefusal;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;

/**
 * A busy app (a cold JVM on a loaded machine) can read the supervisor's hello after the supervisor has run a short
 * program to its end and exited: the run still waits for the hello and reads everything it said.
 */
class RunSessionLateHelloTest {
    @Test
    void aHelloReadAfterTheSupervisorExitedStillCounts(@TempDir Path dir) throws Exception {
        Path program = dir.resolve("quick.py");
        Files.writeString(program, "print('quick')\n");
        TraceServer.TransportFactory late = acceptor -> SelectorTransport.open(new TraceTransport.Acceptor() {
            @Override
            public TraceTransport.Connection accept(TraceMessage first, TraceTransport.Peer peer) {
                if ("supervisor".equals(first.json().path("peer").asText())) {
                    ProcessHandle.of(first.json().path("pid").asLong()).ifPresent(h -> {
                        try {
                            h.onExit().get(60, TimeUnit.SECONDS);   // read its hello only once it is gone
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                }
                return acceptor.accept(first, peer);
            }

            @Override
            public void rejected(ChannelRefusal why) {
                acceptor.rejected(why);
            }
        });
        RunModel model = new RunModel();
        RunSession s = RunSession.start(PythonTrack.spec(PythonInterpreter.locate(null), program, List.of(), null,
                "late hello"), model, late);
        RunSnapshot end = s.ended().get(90, TimeUnit.SECONDS);
        assertThat(end.status()).isEqualTo(RunStatus.ENDED);
        assertThat(end.rootStatus()).as("the root's reap, said after the hello, is read").isZero();
        assertThat(model.events()).anyMatch(e -> e instanceof RunEvent.RootSpawned);
        assertThat(model.output().range(0, model.output().size())).extracting(RunEvent.OutputLine::text)
                .containsExactly("quick");
    }
}
