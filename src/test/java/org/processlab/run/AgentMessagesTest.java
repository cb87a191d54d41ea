package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/** An agent's messages, one kind at a time, become the model's events; output becomes lines of its process. */
class AgentMessagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunModel model = new RunModel();
    private int announced;
    private int closed;
    private final AgentMessages.Listener listener = new AgentMessages.Listener() {
        @Override
        public void processAnnounced() {
            announced++;
        }

        @Override
        public void agentClosed() {
            closed++;
        }
    };

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static TraceMessage msg(String text) throws Exception {
        return new TraceMessage(json(text), new byte[0], 0);
    }

    private static TraceMessage out(String stream, long t, String payload) throws Exception {
        byte[] p = payload.getBytes(StandardCharsets.UTF_8);
        return new TraceMessage(json("{\"k\":\"out\",\"s\":\"" + stream + "\",\"t\":" + t + ",\"n\":" + p.length + "}"),
                p, p.length);
    }

    @Test
    void execAndAFailedExecBecomeTheirEvents() throws Exception {
        AgentMessages a = AgentMessages.hello(model, json("""
                {"k":"hello","token":"x","peer":"agent","pid":100,"ppid":99,"t":1000,"startTicks":7,
                 "argv":["python3","main.py"]}"""), listener);
        a.message(msg("{\"k\":\"exec\",\"t\":1100,\"path\":\"/bin/nope\",\"argv\":[\"nope\"]}"));
        a.message(msg("{\"k\":\"exec-failed\",\"t\":1110,\"path\":\"/bin/nope\",\"error\":\"OSError\","
                + "\"message\":\"[Errno 8] Exec format error\"}"));
        a.message(msg("{\"k\":\"exec\",\"t\":1200,\"path\":\"/bin/sh\",\"argv\":[\"sh\",\"-c\",\"echo hi\"]}"));
        a.message(msg("{\"k\":\"exec\",\"t\":1300,\"path\":null,\"argv\":null}"));
        a.closed();

        assertThat(model.events()).filteredOn(e -> !(e instanceof RunEvent.ProcessSeen)).containsExactly(
                new RunEvent.Execed(1100, 100, "/bin/nope", "nope"),
                new RunEvent.ExecFailed(1110, 100, "/bin/nope", "OSError"),
                new RunEvent.Execed(1200, 100, "/bin/sh", "sh -c echo hi"),
                new RunEvent.Execed(1300, 100, null, null));
    }

    @Test
    void eachKindBecomesItsEvent() throws Exception {
        AgentMessages a = AgentMessages.hello(model, json("""
                {"k":"hello","token":"x","peer":"agent","pid":100,"ppid":99,"t":1000,"startTicks":null,
                 "argv":["python3","main.py"]}"""), listener);
        a.message(msg("{\"k\":\"made\",\"t\":1100,\"obj\":1,\"name\":\"Process-1\",\"target\":\"work\",\"args\":\"()\"}"));
        a.message(msg("{\"k\":\"starting\",\"t\":1150,\"obj\":1}"));
        a.message(msg("{\"k\":\"spawn\",\"t\":1200,\"child\":101,\"argv\":null,\"obj\":1,\"called\":1150}"));
        a.message(msg("""
                {"k":"start","t":1150,"t2":1300,"created":1100,"obj":1,"child":101,"name":"Process-1","label":"p",
                 "target":"work","args":"()","method":"fork","daemon":false}"""));
        a.message(msg("{\"k\":\"join\",\"t\":1400,\"child\":101,\"timeout\":null}"));
        a.message(msg("{\"k\":\"reaped\",\"t\":1500,\"child\":101,\"status\":0,\"exitcode\":0}"));
        a.message(msg("{\"k\":\"joined\",\"t\":1510,\"child\":101,\"alive\":false,\"exitcode\":0}"));
        a.message(msg("{\"k\":\"a-kind-from-the-future\",\"t\":1520}"));
        a.message(msg("{\"k\":\"exit\",\"t\":1600,\"code\":0}"));
        a.closed();

        List<RunEvent> events = model.events();
        assertThat(events).containsExactly(
                new RunEvent.ProcessSeen(1000, 100, 99, -1, -1, "python3 main.py", true),
                new RunEvent.ChildMade(1100, 100, 1, "Process-1", "work", "()"),
                new RunEvent.ChildStarting(1150, 100, 1),
                new RunEvent.ChildSpawned(1200, 100, 101, null, 1, 1150),
                new RunEvent.ChildCreated(1100, 100, 101),
                new RunEvent.ChildStarted(1150, 1300, 100, 101, "Process-1", "p", "work", "()", "fork", false, 1),
                new RunEvent.JoinBegan(1400, 100, 101, null),
                new RunEvent.Reaped(1500, 100, 101, 0, 0),
                new RunEvent.JoinEnded(1510, 100, 101, false, 0),
                new RunEvent.Exiting(1600, 100, 0));
        assertThat(announced).as("hello, spawn and start each announce a process").isEqualTo(3);
        assertThat(closed).isEqualTo(1);
    }

    @Test
    void outputBecomesLinesOfItsProcessAndAPartialLineIsKeptUntilTheEnd() throws Exception {
        AgentMessages a = AgentMessages.hello(model,
                json("{\"k\":\"hello\",\"pid\":7,\"ppid\":1,\"t\":10,\"startTicks\":5,\"argv\":[\"python3\"]}"), listener);
        a.message(out("stdout", 20, "one\ntw"));
        a.message(out("stderr", 30, "oops\n"));
        a.message(out("stdout", 40, "o\nthree"));
        assertThat(model.output().size()).as("'three' has no newline yet").isEqualTo(4);
        a.closed();
        var lines = model.output().range(0, model.output().size());
        assertThat(lines).extracting(l -> l.text()).as("'tw' ends where the process turned to stderr, as on a terminal")
                .containsExactly("one", "tw", "oops", "o", "three");
        assertThat(lines).extracting(l -> l.pid()).containsOnly(7L);
        assertThat(lines.get(2).stream()).isEqualTo(Stream.STDERR);
        assertThat(lines.get(4).t()).as("a line ended by the connection's end has the last time heard").isEqualTo(40);
    }

    @Test
    void aPromptIsTheProcessesUnfinishedLineUntilItsLineEnds() throws Exception {
        AgentMessages a = AgentMessages.hello(model,
                json("{\"k\":\"hello\",\"pid\":7,\"ppid\":1,\"t\":10,\"startTicks\":5,\"argv\":[\"python3\"]}"), listener);
        a.message(out("stdout", 20, "number? "));
        var open = model.snapshot().unfinishedLines();
        assertThat(open).containsExactly(new org.processlab.model.UnfinishedLine(20, 7, Stream.STDOUT, "number? ", 8, false));
        assertThat(model.snapshot().outputLines()).as("not a line yet").isZero();
        a.message(out("stdout", 30, "49\n"));
        assertThat(model.snapshot().unfinishedLines()).isEmpty();
        assertThat(model.output().range(0, 10)).extracting(l -> l.text()).containsExactly("number? 49");
        a.message(out("stdout", 40, "bye"));
        a.closed();
        assertThat(model.snapshot().unfinishedLines()).as("the writer's end finishes it").isEmpty();
        assertThat(model.output().range(0, 10)).extracting(l -> l.text()).containsExactly("number? 49", "bye");
    }
}
