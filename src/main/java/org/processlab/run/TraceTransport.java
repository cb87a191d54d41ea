package org.processlab.run;

import java.io.IOException;

import org.processlab.model.ChannelRefusal;

/**
 * A place the processes of one run connect to (the supervisor and one agent per traced process), and the protocol's
 * framing on each connection: what comes out is whole {@link TraceMessage}s, per connection, in the order they were
 * sent. {@link SelectorTransport} is today's: one selector thread serving a Unix socket in a private folder, or
 * loopback TCP ({@link ChannelKind}). What the messages mean is not the transport's business: the {@link Acceptor}
 * ({@link TraceServer}) decides that.
 *
 * <p>Life: an implementation's factory starts listening and accepting at once; {@link #address()} is then what the
 * run's processes are told ({@code PROCESSLAB_TRACE}); {@link #close()} stops accepting.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>The transport calls the {@link Acceptor} and every {@link Connection} on threads of its own, never on the
 *       thread that opened or closes it.</li>
 *   <li>For one connection the calls come one at a time, in order: {@link Acceptor#accept} with its first message,
 *       then {@link Connection#message} for each later message as sent, then {@link Connection#closed} exactly once,
 *       whatever ended it (the peer closed, the framing broke, a handler threw). A connection whose {@code accept}
 *       returned null hears nothing more. The transport publishes each call's effects to the next call of the same
 *       connection, so a handler keeps per-connection state in plain fields.</li>
 *   <li>Calls for different connections may run at the same time on different threads (a thread per connection) or
 *       one after another on one thread (a selector serving many, as today). Handlers must work with both: state
 *       shared across connections is thread-safe, and no call blocks for long (appending to the model is fine;
 *       waiting for another connection, or for a process, is not: every other connection of the run waits too).</li>
 *   <li>A message and its payload belong to the handler from the call on; the transport never reuses them, so a
 *       handler may keep slices of the payload without copying.</li>
 *   <li>{@link Acceptor#rejected} is called on any of the transport's threads.</li>
 *   <li>{@link Peer#send} and {@link Peer#close} may be called from any thread.</li>
 * </ul>
 *
 * <h2>What the transport enforces</h2>
 * A connection is closed, and counted through {@link Acceptor#rejected} with its {@link ChannelRefusal}, when: too many
 * are open or waiting at once ({@code TOO_MANY}); its whole first message has not come within
 * {@link #FIRST_MESSAGE_MILLIS} of its accept, or it ends before one ({@code NO_HELLO}); it breaks the framing (a line
 * over {@link MessageReader#MAX_LINE} bytes, bad JSON, a payload over {@link MessageReader#MAX_PAYLOAD}:
 * {@code BROKEN}). When the acceptor refuses a first message, the acceptor counts why. The run goes on.
 */
interface TraceTransport extends AutoCloseable {
    /**
     * How long a new connection has, from its accept, to send its whole first message (its {@code hello}): one deadline
     * for the message, not one per read, so a connection trickling a byte at a time is closed at it all the same.
     */
    int FIRST_MESSAGE_MILLIS = 2_000;

    /** The value of {@code PROCESSLAB_TRACE}: where the run's processes connect. */
    String address();

    /**
     * Accepts every connection the OS holds queued for the channel now, each told through {@link Acceptor#connecting()},
     * then calls {@code done} on the transport's thread. The run's end asks for this once its processes have ended: a
     * process's connect completes before the process can end, so its connection is then queued or accepted, and from
     * {@code done} on the acceptor's counts hold every one. Any thread; {@code done} is not called once the transport
     * has closed.
     */
    void acceptQueued(Runnable done);

    /** Stops accepting connections. Open connections go on until they end (an agent's data is read to the end). */
    @Override
    void close();

    /** Decides what a new connection is: the trace protocol's side. */
    interface Acceptor {
        /**
         * A connection was accepted and its first message is still to come; {@link #connectingDone()} follows once it
         * has been handled (accepted, refused or failed). Called on the transport's accepting thread. The run's end
         * waits for these too: under load a process's connection can wait to be read for a while.
         */
        default void connecting() {
        }

        /** The first message of a connection {@link #connecting()} has been handled, whatever came of it. */
        default void connectingDone() {
        }

        /**
         * A connection sent its first message.
         *
         * @param first its first message (the protocol wants a {@code hello})
         * @param peer  the way back to it
         * @return the handler of the connection's later messages, or null to close it (the acceptor counts why)
         */
        Connection accept(TraceMessage first, Peer peer);

        /** A connection was refused or closed for breaking the rules above, for {@code why}. */
        void rejected(ChannelRefusal why);
    }

    /** The messages of one connection after its first. */
    interface Connection {
        /** The next message of this connection. */
        void message(TraceMessage m);

        /** The connection has ended; nothing more comes. Called once. */
        void closed();
    }

    /** The way back to a connected process. Thread-safe. */
    interface Peer {
        /**
         * Sends one whole message (see {@link CommandEncoder}); messages sent from several threads never interleave.
         *
         * @throws IOException when the peer is gone
         */
        void send(byte[] message) throws IOException;

        /** Closes the connection (a supervisor whose app closed it ends whatever is left of its run). */
        void close();
    }
}
