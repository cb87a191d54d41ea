package org.processlab.run;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.model.RunEvent;
import org.processlab.model.StartFailure;
import org.processlab.model.RunModel;

import static org.processlab.run.WireFields.text;
import static org.processlab.run.WireFields.wholeOrMinusOne;

/**
 * Where an agent's messages become the model's events: one traced process's connection, from its {@code hello} on.
 * Each kind of PROTOCOL.md's "Agent → app" table has one method here, named after it; {@link #message} picks it.
 * An agent's own output ({@code out}) is what agents before per-process channels sent: the supervisor now relays every
 * process's output ({@link SupervisorMessages}); an older agent's, or a test's, {@code out} is still read, through
 * {@link OutputStreams}, as slices of the message's payload (no copy).
 *
 * <p>A new kind of agent message: a {@code case} in {@link #message} and a method beside the others that reads the
 * fields and appends its {@link RunEvent}. Kinds not named here are ignored (a newer agent may say more).
 *
 * <p>Threading: one instance per connection; the transport calls it on that connection's thread only (see
 * {@link TraceTransport}), so its fields need no lock. The model and the listener are thread-safe.
 */
final class AgentMessages implements TraceTransport.Connection {

    /** What the run does with what agents say besides the model's events; called on any connection's thread. */
    interface Listener {
        /** An agent told of a new process (its own hello, a {@code start} or a {@code spawn}). */
        void processAnnounced();

        /** An agent's connection has ended and all it said is in the model. */
        void agentClosed();
    }

    private final RunModel model;
    private final Listener listener;
    /** The process this connection speaks for. */
    private final long pid;
    private final OutputStreams output;
    /** The time of the last message that had one, for a message without. */
    private long lastT;

    private AgentMessages(RunModel model, Listener listener, long pid, long t) {
        this.model = model;
        this.listener = listener;
        this.pid = pid;
        this.lastT = t;
        this.output = new OutputStreams((lt, stream, lines) -> model.appendLines(lt, pid, stream, lines, false));
    }

    /** {@code hello}: the process introduces itself. Returns the handler of its later messages. */
    static AgentMessages hello(RunModel model, JsonNode hello, Listener listener) {
        long pid = hello.path("pid").asLong();
        long t = hello.path("t").asLong();
        long ticks = WireFields.startTicks(hello);
        model.append(new RunEvent.ProcessSeen(t, pid, hello.path("ppid").asLong(), ticks,
                ProcFs.epochMicrosOfTicks(ticks), WireFields.joined(hello.path("argv")), true));
        listener.processAnnounced();
        return new AgentMessages(model, listener, pid, t);
    }

    @Override
    public void message(TraceMessage m) {
        JsonNode j = m.json();
        long t = j.path("t").asLong(lastT);
        lastT = t;
        switch (m.kind()) {
            case "out" -> out(t, m);
            case "made" -> made(t, j);
            case "starting" -> starting(t, j);
            case "start" -> start(t, j);
            case "start-failed" -> startFailed(t, j);
            case "spawn" -> spawn(t, j);
            case "helper" -> helper(t, j);
            case "boot" -> boot(t, j);
            case "join" -> join(t, j);
            case "joined" -> joined(t, j);
            case "reaped" -> reaped(t, j);
            case "exit" -> exit(t, j);
            case "exec" -> exec(t, j);
            case "exec-failed" -> execFailed(t, j);
            default -> {
                // a newer agent may say more
            }
        }
    }

    @Override
    public void closed() {
        output.finish(lastT);
        listener.agentClosed();
    }

    private void out(long t, TraceMessage m) {
        output.feed(m, t);
    }

    private void made(long t, JsonNode j) {
        model.append(new RunEvent.ChildMade(t, pid, j.path("obj").asLong(-1), text(j, "name"), text(j, "target"),
                text(j, "args")));
    }

    private void starting(long t, JsonNode j) {
        model.append(new RunEvent.ChildStarting(t, pid, j.path("obj").asLong(-1)));
    }

    private void start(long t, JsonNode j) {
        if (j.path("created").isNumber()) {
            model.append(new RunEvent.ChildCreated(j.path("created").asLong(), pid, j.path("child").asLong()));
        }
        model.append(new RunEvent.ChildStarted(t, j.path("t2").asLong(t), pid, j.path("child").asLong(),
                text(j, "name"), text(j, "label"), text(j, "target"), text(j, "args"), text(j, "method"),
                j.path("daemon").asBoolean(), wholeOrMinusOne(j, "obj"), j.path("named").asBoolean()));
        listener.processAnnounced();
    }

    private void startFailed(long t, JsonNode j) {
        String error = text(j, "error");
        model.append(new RunEvent.StartFailed(t, pid, wholeOrMinusOne(j, "obj"), text(j, "name"), text(j, "label"),
                text(j, "target"), text(j, "args"), new StartFailure(j.path("t2").asLong(t), error == null ? "an exception" : error,
                text(j, "message")), j.path("named").asBoolean()));
    }

    private void spawn(long t, JsonNode j) {
        model.append(new RunEvent.ChildSpawned(t, pid, j.path("child").asLong(),
                j.path("argv").isArray() ? WireFields.joined(j.path("argv")) : null,
                wholeOrMinusOne(j, "obj"), wholeOrMinusOne(j, "called")));
        listener.processAnnounced();
    }

    private void helper(long t, JsonNode j) {
        model.append(new RunEvent.HelperStarted(t, pid, j.path("child").asLong(), text(j, "kind")));
    }

    private void boot(long t, JsonNode j) {
        model.append(new RunEvent.ChildBooted(t, pid, text(j, "name"), text(j, "target"), text(j, "args"),
                text(j, "method")));
    }

    private void join(long t, JsonNode j) {
        model.append(new RunEvent.JoinBegan(t, pid, j.path("child").asLong(),
                j.path("timeout").isNumber() ? j.path("timeout").asDouble() : null));
    }

    private void joined(long t, JsonNode j) {
        model.append(new RunEvent.JoinEnded(t, pid, j.path("child").asLong(), j.path("alive").asBoolean(),
                j.path("exitcode").isNumber() ? j.path("exitcode").asInt() : null));
    }

    private void reaped(long t, JsonNode j) {
        model.append(new RunEvent.Reaped(t, pid, j.path("child").asLong(), j.path("exitcode").asInt(),
                j.path("status").asInt()));
    }

    private void exit(long t, JsonNode j) {
        model.append(new RunEvent.Exiting(t, pid, j.path("code").isNumber() ? j.path("code").asInt() : null));
    }

    /** {@code exec}: this process becomes another program; its connection closes next (a Python one says hello again). */
    private void exec(long t, JsonNode j) {
        model.append(new RunEvent.Execed(t, pid, text(j, "path"),
                j.path("argv").isArray() ? WireFields.joined(j.path("argv")) : null));
    }

    private void execFailed(long t, JsonNode j) {
        model.append(new RunEvent.ExecFailed(t, pid, text(j, "path"), text(j, "error")));
    }
}
