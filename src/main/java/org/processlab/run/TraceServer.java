package org.processlab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.model.ChannelRefusal;
import org.processlab.model.Clock;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;

/**
 * The app's end of the trace protocol for one run (assets/tracer/PROTOCOL.md): a fresh random 128-bit token, and at
 * each new connection a look at its first message. A {@code hello} with the run's token from the supervisor goes to a
 * {@link SupervisorMessages}, from an agent to an {@link AgentMessages}; anything else is closed and counted in the
 * model by its {@link ChannelRefusal} ({@link RunEvent.ConnectionRefused}), and the run goes on. Where the bytes come from is the {@link TraceTransport}'s business.
 *
 * <p>Threading: {@link #accept} and {@link #rejected} run on the transport's threads; the counters are atomic, and the
 * supervisor's peer is handed to {@link #close()} through a volatile field. The other methods: any thread.
 */
final class TraceServer implements TraceTransport.Acceptor, AgentMessages.Listener, AutoCloseable {
    /** Opens a transport that serves the given acceptor (a factory such as {@link SelectorTransport#open}). */
    interface TransportFactory {
        TraceTransport open(TraceTransport.Acceptor acceptor) throws IOException;
    }

    private final RunModel model;
    private final SupervisorMessages.Listener supervisor;
    private final Runnable processAnnounced;
    private final byte[] token;
    private final String tokenHex;
    /** Agent connections open; each connection's thread adds itself at hello and removes itself at its end. */
    private final AtomicInteger openAgents = new AtomicInteger();
    /** Connections accepted whose first message is not handled yet. */
    private final AtomicInteger connecting = new AtomicInteger();
    /** The supervisor's connection once it said hello (set on its thread), so that {@link #close()} can close it. */
    private volatile TraceTransport.Peer supervisorPeer;
    private final TraceTransport transport;

    /**
     * Makes the token and opens the transport (connections may arrive before this returns: every field they use is
     * set first).
     *
     * @param supervisor       receives what the supervisor says that is not a model event
     * @param processAnnounced called (on a connection's thread) whenever an agent tells of a new process
     * @throws IOException when the transport cannot listen
     */
    TraceServer(RunModel model, SupervisorMessages.Listener supervisor, Runnable processAnnounced,
                TransportFactory transport) throws IOException {
        this.model = model;
        this.supervisor = supervisor;
        this.processAnnounced = processAnnounced;
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        this.tokenHex = HexFormat.of().formatHex(t);
        this.token = tokenHex.getBytes(StandardCharsets.US_ASCII);
        this.transport = transport.open(this);
    }

    /** A trace server on the channel {@link ChannelKind#chosen()} gives ({@link SelectorTransport}). */
    static TraceServer open(RunModel model, SupervisorMessages.Listener supervisor, Runnable processAnnounced)
            throws IOException {
        return new TraceServer(model, supervisor, processAnnounced, SelectorTransport::open);
    }

    /** Where the run's processes connect: the value of {@code PROCESSLAB_TRACE}. */
    String address() {
        return transport.address();
    }

    /** The run's token, 32 hex digits: the value of {@code PROCESSLAB_TOKEN}. */
    String token() {
        return tokenHex;
    }

    /**
     * Agent connections still open (each ends when its process has ended and its data is read), counting those
     * accepted whose first message has not been handled yet (any of them may be an agent's). A connection the OS
     * still holds queued is not counted: {@link #acceptQueued} first.
     */
    int openAgentConnections() {
        return openAgents.get() + connecting.get();
    }

    /**
     * Accepts every connection the OS holds queued now, then calls {@code done} (on the transport's thread): after
     * it, {@link #openAgentConnections()} counts every connection made before this call. Any thread.
     */
    void acceptQueued(Runnable done) {
        transport.acceptQueued(done);
    }

    @Override
    public void connecting() {
        connecting.incrementAndGet();
    }

    @Override
    public void connectingDone() {
        connecting.decrementAndGet();
    }

    @Override
    public TraceTransport.Connection accept(TraceMessage first, TraceTransport.Peer peer) {
        JsonNode hello = first.json();
        if (!"hello".equals(first.kind())) {
            rejected(ChannelRefusal.BROKEN);
            return null;
        }
        if (!tokenMatches(hello.path("token").asText(""))) {
            rejected(ChannelRefusal.WRONG_TOKEN);
            return null;
        }
        if ("supervisor".equals(hello.path("peer").asText())) {
            supervisorPeer = peer;
            return SupervisorMessages.hello(model, hello, peer, supervisor);
        }
        openAgents.incrementAndGet();
        try {
            return AgentMessages.hello(model, hello, this);
        } catch (RuntimeException | Error e) {
            openAgents.decrementAndGet();
            throw e;
        }
    }

    @Override
    public void rejected(ChannelRefusal why) {
        model.append(new RunEvent.ConnectionRefused(Clock.nowMicros(), why));
    }

    @Override
    public void processAnnounced() {
        processAnnounced.run();
    }

    @Override
    public void agentClosed() {
        openAgents.decrementAndGet();
    }

    private boolean tokenMatches(String given) {
        return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.US_ASCII));
    }

    /** Stops accepting, and closes the supervisor's connection: a supervisor whose app went away ends the run. */
    @Override
    public void close() {
        transport.close();
        TraceTransport.Peer sup = supervisorPeer;
        if (sup != null) {
            sup.close();
        }
    }
}
