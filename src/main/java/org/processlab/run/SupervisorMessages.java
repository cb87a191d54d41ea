package org.processlab.run;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * Where the supervisor's messages become the model's events: the run's supervisor connection, from its {@code hello}
 * on. Each kind of PROTOCOL.md's "Supervisor → app" table has one method here, named after it; {@link #message} picks
 * it. What is not an event of the model (the link is up, the root could not start, the run is done) goes to the
 * {@link Listener}.
 *
 * <p>Output comes two ways: {@code out}, every traced process's own channels, relayed in the order the supervisor read
 * them and split into lines per PID ({@link ChannelOutputs}), a line left unfinished ending where its channel's
 * {@code eof} comes; {@code raw}, the root's original pipes (bytes written
 * before its agent made its channels, or by a root without an agent), one stream each, attributed by the model's
 * best guess and marked untraced.
 *
 * <p>A new kind of supervisor message: a {@code case} in {@link #message} and a method beside the others. Kinds not
 * named here are ignored (a newer supervisor may say more).
 *
 * <p>Threading: the transport calls it on the connection's thread only (see {@link TraceTransport}), so its fields
 * need no lock; the listener is called on that thread too.
 */
final class SupervisorMessages implements TraceTransport.Connection {

    /** What the run does with what the supervisor says besides the model's events (see {@link SupervisorLink}). */
    interface Listener {
        /** The supervisor said hello: {@code commands} reaches it. */
        void connected(TraceTransport.Peer commands);

        /** The root command could not be started ({@code message}: the system's words); {@code done} follows. */
        void spawnFailed(String message);

        /** Every process of the run is reaped and its output is in the model ({@code t}: epoch µs). */
        void done(long t);

        /** Why the run was lowered (for its {@link RunEvent.PriorityLowered}), or null. */
        String loweredBecause();

        /** The connection has ended: everything the supervisor said is handled. */
        void closed();
    }

    private final RunModel model;
    private final Listener listener;
    /** The supervisor's PID: the reaper of what it reaps. */
    private final long supervisorPid;
    private final OutputStreams output;
    /** Each traced process's output, relayed from its own channels. */
    private final ChannelOutputs channels;
    /** Who wrote the raw output being assembled: the one untraced process that could have, or 0. */
    private long writer;
    private long lastT;

    private SupervisorMessages(RunModel model, Listener listener, long supervisorPid, long t) {
        this.model = model;
        this.listener = listener;
        this.supervisorPid = supervisorPid;
        this.lastT = t;
        this.output = new OutputStreams((lt, stream, lines) -> model.appendLines(lt, writer, stream, lines, true));
        this.channels = new ChannelOutputs(model);
    }

    /** {@code hello}: the supervisor is connected. Returns the handler of its later messages. */
    static SupervisorMessages hello(RunModel model, JsonNode hello, TraceTransport.Peer peer, Listener listener) {
        listener.connected(peer);
        return new SupervisorMessages(model, listener, hello.path("pid").asLong(-1), hello.path("t").asLong());
    }

    @Override
    public void message(TraceMessage m) {
        JsonNode j = m.json();
        lastT = j.path("t").asLong(lastT);
        switch (m.kind()) {
            case "out" -> out(lastT, j, m);
            case "eof" -> eof(lastT, j);
            case "raw" -> raw(lastT, j, m);
            case "spawned" -> spawned(lastT, j);
            case "spawn-failed" -> spawnFailed(j);
            case "reaped" -> reaped(lastT, j);
            case "signalled" -> signalled(lastT, j);
            case "niced" -> niced(lastT, j);
            case "stdin-dropped" -> stdinDropped(lastT, j);
            case "done" -> done(lastT);
            default -> {
                // a newer supervisor may say more
            }
        }
    }

    @Override
    public void closed() {
        output.finish(lastT);
        channels.finish(lastT);
        listener.closed();
    }

    private void out(long t, JsonNode j, TraceMessage m) {
        channels.feed(j.path("pid").asLong(), j.path("shared").asBoolean(), m, t);
    }

    private void eof(long t, JsonNode j) {
        channels.end(j.path("pid").asLong(), "stderr".equals(j.path("s").asText()) ? Stream.STDERR : Stream.STDOUT, t);
    }

    private void raw(long t, JsonNode j, TraceMessage m) {
        writer = model.untracedWriter(WireFields.pids(j.get("running")), j.path("scannedAt").asLong(0));
        output.feed(m, t);
    }

    private void spawned(long t, JsonNode j) {
        model.append(new RunEvent.RootSpawned(t, j.path("pid").asLong(), WireFields.startTicks(j)));
    }

    private void spawnFailed(JsonNode j) {
        listener.spawnFailed(j.path("message").asText());
    }

    private void reaped(long t, JsonNode j) {
        model.append(new RunEvent.Reaped(t, supervisorPid, j.path("child").asLong(), j.path("exitcode").asInt(),
                j.path("status").asInt()));
    }

    private void signalled(long t, JsonNode j) {
        long pid = j.path("pid").asLong();
        long ticks = WireFields.startTicks(j);
        if (j.has("ppid") && ticks >= 0) {
            // seen by the supervisor's scan as it ended the run (the tree held still): listed even if it was too
            // short-lived for the sampler and had no agent to say it existed
            model.append(new RunEvent.ProcessSeen(t, pid, j.path("ppid").asLong(), ticks,
                    ProcFs.epochMicrosOfTicks(ticks), null, false));
        }
        model.append(new RunEvent.Signalled(t, pid, j.path("signal").asInt()));
    }

    private void niced(long t, JsonNode j) {
        String why = listener.loweredBecause();
        model.append(new RunEvent.PriorityLowered(t, j.path("steps").asInt(), why == null ? "it turned busy" : why));
    }

    private void stdinDropped(long t, JsonNode j) {
        model.append(new RunEvent.InputDropped(t, j.path("dropped").asLong(), j.path("pending").asLong()));
    }

    private void done(long t) {
        output.finish(t);
        channels.finish(t);
        listener.done(t);
    }
}
