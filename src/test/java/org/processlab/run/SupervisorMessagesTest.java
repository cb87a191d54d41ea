package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/** The supervisor's messages, one kind at a time: the model's events, and what goes to the run's listener. */
class SupervisorMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunModel model = new RunModel();
    private final List<String> heard = new ArrayList<>();
    private final SupervisorMessages.Listener listener = new SupervisorMessages.Listener() {
        @Override
        public void connected(TraceTransport.Peer commands) {
            heard.add("connected");
        }

        @Override
        public void spawnFailed(String message) {
            heard.add("spawn-failed " + message);
        }

        @Override
        public void done(long t) {
            heard.add("done " + t);
        }

        @Override
        public String loweredBecause() {
            return "it has made 20 processes";
        }

        @Override
        public void closed() {
            heard.add("closed");
        }
    };

    private static TraceMessage msg(String text) throws Exception {
        return new TraceMessage(JSON.readTree(text), new byte[0], 0);
    }

    private static TraceMessage raw(long t, String payload) throws Exception {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        JsonNode j = JSON.readTree("{\"k\":\"raw\",\"s\":\"stdout\",\"t\":" + t + ",\"n\":" + p.length + "}");
        return new TraceMessage(j, p, p.length);
    }

    private static TraceMessage out(long t, long pid, String stream, boolean shared, String payload) throws Exception {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        JsonNode j = JSON.readTree("{\"k\":\"out\",\"pid\":" + pid + ",\"s\":\"" + stream + "\",\"t\":" + t
                + ",\"n\":" + p.length + ",\"shared\":" + shared + "}");
        return new TraceMessage(j, p, p.length);
    }

    /** Main (51) and its child (52), each known to the model as an agent's hello makes them known. */
    private SupervisorMessages mainAndChild() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"spawned\",\"t\":10,\"pid\":51,\"startTicks\":7}"));
        model.append(new RunEvent.ProcessSeen(11, 52, 51, 8, 11, "python3 child.py", true));
        return s;
    }

    private SupervisorMessages hello() throws Exception {
        return SupervisorMessages.hello(model, JSON.readTree("{\"k\":\"hello\",\"peer\":\"supervisor\",\"pid\":50,\"t\":1}"),
                null, listener);
    }

    @Test
    void eachKindBecomesItsEventOrGoesToTheListener() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"spawned\",\"t\":10,\"pid\":51,\"startTicks\":7}"));
        s.message(msg("{\"k\":\"signalled\",\"t\":20,\"pid\":51,\"signal\":15}"));
        s.message(msg("{\"k\":\"niced\",\"t\":25,\"steps\":10}"));
        s.message(msg("{\"k\":\"reaped\",\"t\":30,\"child\":51,\"status\":15,\"exitcode\":-15}"));
        s.message(msg("{\"k\":\"done\",\"t\":40}"));
        s.closed();
        assertThat(model.events()).containsExactly(
                new RunEvent.RootSpawned(10, 51, 7),
                new RunEvent.Signalled(20, 51, 15),
                new RunEvent.PriorityLowered(25, 10, "it has made 20 processes"),
                new RunEvent.Reaped(30, 50, 51, -15, 15));
        assertThat(heard).containsExactly("connected", "done 40", "closed");
    }

    @Test
    void aRootThatCannotStartIsToldToTheListener() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"spawn-failed\",\"t\":10,\"message\":\"No such file or directory\"}"));
        s.message(msg("{\"k\":\"done\",\"t\":11}"));
        assertThat(heard).containsExactly("connected", "spawn-failed No such file or directory", "done 11");
        assertThat(model.events()).isEmpty();
    }

    @Test
    void rawOutputIsMainsUntracedLinesAndALastLineEndsAtDone() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"spawned\",\"t\":10,\"pid\":51,\"startTicks\":7}"));
        s.message(raw(20, "from a shell\nno newline"));
        assertThat(model.output().size()).isEqualTo(1);
        s.message(msg("{\"k\":\"done\",\"t\":40}"));
        var lines = model.output().range(0, model.output().size());
        assertThat(lines).extracting(l -> l.text()).containsExactly("from a shell", "no newline");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.pid()).as("no agent said who: main's lane").isEqualTo(51);
            assertThat(l.untraced()).isTrue();
            assertThat(l.stream()).isEqualTo(Stream.STDOUT);
        });
        assertThat(lines.get(1).t()).isEqualTo(40);
    }

    @Test
    void droppedInputIsAnEventAndAddsUp() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"stdin-dropped\",\"t\":10,\"dropped\":300,\"pending\":1048576}"));
        s.message(msg("{\"k\":\"stdin-dropped\",\"t\":20,\"dropped\":12045,\"pending\":1048576}"));
        assertThat(model.events()).containsExactly(new RunEvent.InputDropped(10, 300, 1048576),
                new RunEvent.InputDropped(20, 12045, 1048576));
        assertThat(model.snapshot().inputDroppedBytes()).isEqualTo(12_345);
    }

    @Test
    void anUntracedPromptIsUnfinishedUntilDone() throws Exception {
        SupervisorMessages s = hello();
        s.message(msg("{\"k\":\"spawned\",\"t\":10,\"pid\":51,\"startTicks\":7}"));
        s.message(raw(20, "name: "));
        assertThat(model.snapshot().unfinishedLines()).extracting(u -> u.text() + " " + u.pid() + " " + u.untraced())
                .containsExactly("name:  51 true");
        s.message(msg("{\"k\":\"done\",\"t\":40}"));
        assertThat(model.snapshot().unfinishedLines()).isEmpty();
        assertThat(model.output().range(0, 10)).extracting(l -> l.text()).containsExactly("name: ");
    }

    @Test
    void relayedOutputIsEachProcesssOwnLinesInTheOrderRelayed() throws Exception {
        SupervisorMessages s = mainAndChild();
        s.message(out(20, 51, "stdout", false, "parent be"));
        s.message(out(21, 52, "stdout", false, "child be"));
        s.message(out(22, 52, "stdout", false, "gins\n"));
        s.message(out(23, 51, "stderr", false, "oops\n"));
        s.message(out(24, 51, "stdout", false, "gins\nlast"));
        s.message(msg("{\"k\":\"done\",\"t\":40}"));
        var lines = model.output().range(0, 10);
        assertThat(lines).extracting(l -> l.pid() + " " + l.stream().id() + " " + l.text() + " @" + l.t())
                .as("two processes' partial lines are never spliced; each line at the time its end was read; a line"
                        + " its writer left unfinished ends where it turned to its other stream, as on a terminal")
                .containsExactly("52 stdout child begins @22", "51 stdout parent be @23", "51 stderr oops @23",
                        "51 stdout gins @24", "51 stdout last @40");
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.untraced()).as("its own channel says who").isFalse();
            assertThat(l.shared()).isFalse();
        });
    }

    @Test
    void aSharedChannelsLinesAreMarkedAsThePidsOrAnUntracedChilds() throws Exception {
        SupervisorMessages s = mainAndChild();
        s.message(out(20, 52, "stdout", true, "from a C fork\nhalf"));
        assertThat(model.snapshot().unfinishedLines()).extracting(u -> u.pid() + " " + u.text() + " " + u.shared())
                .containsExactly("52 half true");
        s.message(out(21, 52, "stdout", false, " of mine\n"));
        var lines = model.output().range(0, 10);
        assertThat(lines).extracting(l -> l.text() + " " + l.pid() + " " + l.shared() + " " + l.untraced())
                .containsExactly("from a C fork 52 true false", "half of mine 52 false false");
    }

    @Test
    void aPidTheModelDoesNotKnowYetKeepsItsLinesForItsLane() throws Exception {
        SupervisorMessages s = mainAndChild();
        s.message(out(20, 99, "stdout", false, "before my parent's spawn\n"));
        assertThat(model.output().range(0, 10)).extracting(l -> l.text() + " " + l.pid() + " " + l.untraced())
                .containsExactly("before my parent's spawn 99 false");
        model.append(new RunEvent.ChildSpawned(21, 52, 99, "echo hi", -1, -1));
        assertThat(model.snapshot().byPid(99).orElseThrow().stdoutLines()).isEqualTo(1);
    }

    @Test
    void aChannelsEndFinishesItsWritersUnfinishedLineThereInTheRelaysOrder() throws Exception {
        SupervisorMessages s = mainAndChild();
        s.message(out(20, 52, "stdout", false, "partial"));
        s.message(out(21, 52, "stderr", false, "other stream"));
        s.message(msg("{\"k\":\"eof\",\"pid\":52,\"s\":\"stdout\",\"t\":22}"));
        s.message(msg("{\"k\":\"eof\",\"pid\":77,\"s\":\"stdout\",\"t\":23}"));    // no line of its: nothing
        s.message(out(24, 51, "stdout", false, "after\n"));
        assertThat(model.output().range(0, 10)).extracting(l -> l.pid() + " " + l.stream().id() + " " + l.text() + " @" + l.t())
                .as("the child's line ends where it turned to stderr, before its parent's next line")
                .containsExactly("52 stdout partial @21", "51 stdout after @24");
        assertThat(model.snapshot().unfinishedLines()).extracting(u -> u.pid() + " " + u.stream().id() + " " + u.text())
                .as("the other stream's line is still open").containsExactly("52 stderr other stream");
    }

    @Test
    void aLastLineWithoutItsNewlineCountsWhenTheSupervisorsConnectionEnds() throws Exception {
        SupervisorMessages s = mainAndChild();
        s.message(out(20, 52, "stderr", false, "no newline"));
        s.closed();
        assertThat(model.output().range(0, 10)).extracting(l -> l.pid() + " " + l.stream().id() + " " + l.text())
                .containsExactly("52 stderr no newline");
    }
}
