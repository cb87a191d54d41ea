package org.processlab.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The app's line to its supervisor, over the supervisor's trace connection: typed commands out, and what the
 * supervisor says about the run as a whole in (it is connected, the root could not start, the run is done). A command
 * sent before the supervisor has said hello waits, and goes the moment it does, in the order sent; so the program can
 * be handed over ({@link SupervisorCommand.Run}) before the supervisor is ready.
 *
 * <p>Threading: any thread sends; the supervisor connection's thread calls the {@link SupervisorMessages.Listener}
 * methods. Every mutable field is guarded by this object's monitor, and each command is written under it, so two
 * commands never interleave and none overtakes one that waits. {@link #ready()} and {@link #read()} complete on the
 * connection's thread.
 */
final class SupervisorLink implements SupervisorMessages.Listener {
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final CompletableFuture<Void> read = new CompletableFuture<>();
    // Guarded by this. Written at hello and at the end by the connection's thread, and by senders.
    /** The way to the supervisor, from its hello until its connection ends. */
    private TraceTransport.Peer peer;
    /** Commands sent before the hello, in order. */
    private final List<byte[]> waiting = new ArrayList<>();
    private boolean ended;
    // Guarded by this. Written by the connection's thread, read by the run's thread at its end.
    private String spawnFailure;
    private long doneAt = -1;
    // Guarded by this. Written by the thread that asks to lower the run, read by the connection's thread at "niced".
    private String loweredBecause;

    /** Completes when the supervisor has connected and said hello (commands that waited have been sent). */
    CompletableFuture<Void> ready() {
        return ready;
    }

    /** Completes when the supervisor's connection has ended and everything it said is handled. */
    CompletableFuture<Void> read() {
        return read;
    }

    /** True from the supervisor's hello until its connection ends. */
    synchronized boolean connected() {
        return peer != null;
    }

    /**
     * Sends a command now, or once the supervisor is connected; does nothing once its connection has ended (the
     * supervisor is gone: {@link TreeKiller} ends what is left).
     *
     * @throws IllegalArgumentException for a command longer than the protocol allows (see {@link CommandEncoder})
     */
    void send(SupervisorCommand command) {
        byte[] line = CommandEncoder.encode(command);
        synchronized (this) {
            if (ended) {
                return;
            }
            if (peer == null) {
                waiting.add(line);
            } else {
                write(line);
            }
        }
    }

    /** Asks the supervisor to lower the run by {@code steps} of niceness; {@code because} goes with its answer. */
    synchronized void lower(int steps, String because) {
        loweredBecause = because;
        send(new SupervisorCommand.Nice(steps));
    }

    /** What the supervisor said when the root could not start, or null. */
    synchronized String spawnFailure() {
        return spawnFailure;
    }

    /** When the supervisor said the run is done (epoch µs), or -1 if it has not. */
    synchronized long doneAt() {
        return doneAt;
    }

    private void write(byte[] line) {
        try {
            peer.send(line);
        } catch (IOException ignored) {
            // the supervisor is gone; its connection's end follows
        }
    }

    // ---------------------------------------------------------------- on the supervisor connection's thread

    @Override
    public void connected(TraceTransport.Peer commands) {
        synchronized (this) {
            peer = commands;
            waiting.forEach(this::write);
            waiting.clear();
        }
        ready.complete(null);
    }

    @Override
    public synchronized void spawnFailed(String message) {
        spawnFailure = message;
    }

    @Override
    public synchronized void done(long t) {
        doneAt = t;
    }

    @Override
    public synchronized String loweredBecause() {
        return loweredBecause;
    }

    @Override
    public void closed() {
        synchronized (this) {
            peer = null;
            ended = true;
            waiting.clear();
        }
        read.complete(null);
    }
}
