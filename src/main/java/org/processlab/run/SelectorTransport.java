package org.processlab.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.processlab.model.ChannelRefusal;

/**
 * The trace transport: one thread with a selector serves every connection of a run's {@link ChannelEndpoint} (a Unix
 * socket, or loopback TCP), non-blocking. It accepts, reads, frames ({@link MessageReader}) and calls the
 * {@link TraceTransport.Acceptor} and each {@link TraceTransport.Connection} itself, one connection after another, so
 * a message is handled in the order it was sent and nothing is buffered beyond one read: while a handler appends to the
 * model, the connections wait in the kernel's socket buffers, whose being full holds their writers back.
 *
 * <h2>Keeping strangers from jamming it</h2>
 * <ul>
 *   <li>A new connection has {@link TraceTransport#FIRST_MESSAGE_MILLIS} from its accept for its whole first message;
 *       at the deadline what has come is read once more, and a connection still without a whole first message is
 *       closed ({@link ChannelRefusal#NO_HELLO}).</li>
 *   <li>At most {@link #MAX_WAITING} connections wait for their first message; a newcomer past that closes the oldest
 *       one waiting, after a last read ({@link ChannelRefusal#TOO_MANY}): a process of the run says hello as soon as
 *       it has connected, so it is the newest and its hello is read first.</li>
 *   <li>At most {@link #MAX_CONNECTED} connections that were accepted are open at once (the run's own processes: no
 *       stranger gets past the token); more are refused ({@link ChannelRefusal#TOO_MANY}).</li>
 * </ul>
 *
 * <p>Threading: the selector thread ({@code trace-channel}) owns every connection's state, and makes every call to
 * the acceptor and the handlers. {@link Peer#send} from any thread writes at once when it can and queues the rest
 * for the selector thread; a caller other than the selector thread then waits until its message has gone, as a
 * blocking write would (the selector thread itself never waits). {@link #close()} from any thread.
 */
final class SelectorTransport implements TraceTransport {
    /** Most connections that said hello and were accepted, open at once. */
    static final int MAX_CONNECTED = 1024;
    /** Most connections waiting for their first message at once; the oldest goes first. */
    static final int MAX_WAITING = 256;
    /** Bytes read from a connection at a time (then the next ready connection has its turn). */
    private static final int READ_SIZE = 1 << 16;
    /** How long accepting pauses when the OS refuses (no file descriptor left) and no waiting one can give way. */
    private static final long ACCEPT_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Acceptor acceptor;
    private final ChannelEndpoint endpoint;
    private final Selector selector;
    private final Thread thread;
    /** Tasks for the selector thread from others (a peer's close). */
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** Set by {@link #close()}; read by the selector thread. */
    private volatile boolean closing;

    // The selector thread's alone:
    private final ByteBuffer in = ByteBuffer.allocate(READ_SIZE);
    private final SelectionKey serverKey;
    /** Connections without a whole first message yet, oldest (earliest deadline) first. */
    private final ArrayDeque<Link> waiting = new ArrayDeque<>();
    /** Connections accepted by the acceptor and open. */
    private int connected;
    /** Every connection open. */
    private int open;
    /** When accepting resumes after the OS refused one (System.nanoTime), or 0 while it goes on. */
    private long acceptPausedUntil;

    private SelectorTransport(Acceptor acceptor, ChannelEndpoint endpoint) throws IOException {
        this.acceptor = acceptor;
        this.endpoint = endpoint;
        this.selector = Selector.open();
        this.serverKey = endpoint.server().register(selector, SelectionKey.OP_ACCEPT);
        this.thread = new Thread(this::serve, "trace-channel");
        thread.setDaemon(true);
    }

    /**
     * Listens on the channel {@link ChannelKind#chosen()} gives and serves it at once.
     *
     * @throws IOException when nothing can listen
     */
    static SelectorTransport open(Acceptor acceptor) throws IOException {
        return open(acceptor, ChannelEndpoint.open());
    }

    /**
     * Serves {@code endpoint} at once; the transport closes it.
     *
     * @throws IOException when no selector can be opened (the endpoint is closed then)
     */
    static SelectorTransport open(Acceptor acceptor, ChannelEndpoint endpoint) throws IOException {
        SelectorTransport t;
        try {
            t = new SelectorTransport(acceptor, endpoint);
        } catch (IOException | RuntimeException e) {
            endpoint.close();
            throw e;
        }
        t.thread.start();
        return t;
    }

    @Override
    public String address() {
        return endpoint.address();
    }

    @Override
    public void close() {
        closing = true;
        selector.wakeup();
    }

    // ---------------------------------------------------------------- the selector thread

    private void serve() {
        try {
            while (!closing || open > 0) {
                runTasks();
                if (closing && serverKey.isValid()) {
                    serverKey.cancel();
                    endpoint.close();
                }
                selector.select(timeoutMillis());
                boolean accept = false;
                for (SelectionKey k : selector.selectedKeys()) {
                    if (k == serverKey) {
                        accept = true;
                    } else {
                        Link c = (Link) k.attachment();
                        try {
                            if (k.isValid() && k.isWritable()) {
                                c.flush();
                            }
                            if (k.isValid() && k.isReadable()) {
                                read(c);
                            }
                        } catch (CancelledKeyException closedMeanwhile) {
                            end(c, null);
                        }
                    }
                }
                selector.selectedKeys().clear();
                // Reads first, accepts after: a hello already there is read before newcomers can push it out.
                if (accept && !closing) {
                    acceptAll();
                }
                resumeAccepting();
                expire();
            }
        } catch (IOException | RuntimeException | Error e) {
            report(e);
        } finally {
            for (SelectionKey k : List.copyOf(selector.keys())) {
                if (k.attachment() instanceof Link c) {
                    end(c, null);
                }
            }
            endpoint.close();
            try {
                selector.close();
            } catch (IOException ignored) {
                // nothing left to serve
            }
        }
    }

    private void runTasks() {
        for (Runnable r; (r = tasks.poll()) != null; ) {
            r.run();
        }
    }

    /** Until the next deadline or the end of a pause in accepting; 0 (no limit) when there is none. */
    private long timeoutMillis() {
        long next = Long.MAX_VALUE;
        Link first = waiting.peekFirst();
        if (first != null) {
            next = first.deadline;
        }
        if (acceptPausedUntil != 0 && acceptPausedUntil - next < 0) {
            next = acceptPausedUntil;
        }
        if (next == Long.MAX_VALUE) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(next - System.nanoTime()) + 1);
    }

    private void acceptAll() {
        while (true) {
            SocketChannel ch;
            try {
                ch = endpoint.server().accept();
            } catch (IOException e) {
                // No file descriptor left: the oldest waiting connection gives way, or accepting pauses a moment.
                if (waiting.isEmpty()) {
                    serverKey.interestOps(0);
                    acceptPausedUntil = System.nanoTime() + ACCEPT_PAUSE_NANOS;
                } else {
                    giveWay(waiting.peekFirst());
                }
                return;
            }
            if (ch == null) {
                return;
            }
            while (waiting.size() >= MAX_WAITING) {
                giveWay(waiting.peekFirst());
            }
            try {
                ch.configureBlocking(false);
                if (endpoint.kind() == ChannelKind.TCP) {
                    ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                }
                Link c = new Link(ch, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_MESSAGE_MILLIS));
                c.key = ch.register(selector, SelectionKey.OP_READ, c);
                open++;
                waiting.addLast(c);
                acceptor.connecting();
            } catch (IOException e) {
                closeQuietly(ch);
            }
        }
    }

    private void resumeAccepting() {
        if (acceptPausedUntil != 0 && System.nanoTime() - acceptPausedUntil >= 0) {
            acceptPausedUntil = 0;
            if (serverKey.isValid()) {
                serverKey.interestOps(SelectionKey.OP_ACCEPT);
            }
        }
    }

    /** Closes the connections whose deadline for a first message has passed, after a last read of what came. */
    private void expire() {
        long now = System.nanoTime();
        for (Link c; (c = waiting.peekFirst()) != null && c.deadline - now <= 0; ) {
            read(c);
            if (c.open && !c.helloRead) {
                end(c, ChannelRefusal.NO_HELLO);
            }
        }
    }

    /** The oldest waiting connection makes room for a newer one, unless a last read finds its hello. */
    private void giveWay(Link oldest) {
        read(oldest);
        if (oldest.open && !oldest.helloRead) {
            end(oldest, ChannelRefusal.TOO_MANY);
        }
    }

    /** Reads what the connection has (at most {@link #READ_SIZE} bytes) and handles every whole message in it. */
    private void read(Link c) {
        if (!c.open) {
            return;
        }
        in.clear();
        int n;
        try {
            n = c.channel.read(in);
        } catch (IOException e) {
            n = -1;     // reset by the peer: an end like any other
        }
        if (n < 0) {
            end(c, c.helloRead ? null : ChannelRefusal.NO_HELLO);
            return;
        }
        in.flip();
        try {
            for (TraceMessage m; c.open && (m = c.reader.next(in)) != null; ) {
                if (c.handler != null) {
                    c.handler.message(m);
                } else if (!hello(c, m)) {
                    return;
                }
            }
        } catch (MessageReader.ProtocolException e) {
            end(c, ChannelRefusal.BROKEN);
        } catch (RuntimeException e) {
            report(e);
            end(c, null);
        }
    }

    /** The first message of {@code c}: the acceptor decides. False when {@code c} was closed. */
    private boolean hello(Link c, TraceMessage first) {
        waiting.remove(c);
        c.helloRead = true;
        Connection h;
        try {
            if (connected >= MAX_CONNECTED) {
                h = null;
            } else {
                h = acceptor.accept(first, c);
            }
        } finally {
            acceptor.connectingDone();
        }
        if (h == null) {
            end(c, connected >= MAX_CONNECTED ? ChannelRefusal.TOO_MANY : null);   // else the acceptor counted why
            return false;
        }
        c.handler = h;
        connected++;
        return true;
    }

    /** Closes {@code c} once, counting {@code refused} when given, and tells its handler. */
    private void end(Link c, ChannelRefusal refused) {
        if (!c.open) {
            return;
        }
        c.open = false;
        open--;
        c.key.cancel();
        closeQuietly(c.channel);
        c.ended();
        if (!c.helloRead) {
            c.helloRead = true;
            waiting.remove(c);
            acceptor.connectingDone();
        }
        if (refused != null) {
            acceptor.rejected(refused);
        }
        if (c.handler != null) {
            connected--;
            try {
                c.handler.closed();
            } catch (RuntimeException e) {
                report(e);
            }
        }
    }

    private void report(Throwable e) {
        Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
    }

    private static void closeQuietly(SocketChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /**
     * One connection: the selector thread's state of it, and the way back to its process ({@link Peer}). Output
     * that cannot be written at once waits in {@link #unsent}, written by the selector thread when the socket can take
     * it.
     */
    private final class Link implements Peer {
        final SocketChannel channel;
        /** When its first message must be whole (System.nanoTime). */
        final long deadline;
        final MessageReader reader = new MessageReader();
        // The selector thread's alone:
        SelectionKey key;
        Connection handler;
        boolean helloRead;
        boolean open = true;
        // Guarded by this: written by senders and by the selector thread.
        private final ArrayDeque<ByteBuffer> unsent = new ArrayDeque<>();
        private boolean gone;

        Link(SocketChannel channel, long deadline) {
            this.channel = channel;
            this.deadline = deadline;
        }

        @Override
        public synchronized void send(byte[] message) throws IOException {
            if (gone) {
                throw new IOException("the connection has ended");
            }
            ByteBuffer b = ByteBuffer.wrap(message);
            if (unsent.isEmpty()) {
                channel.write(b);
                if (!b.hasRemaining()) {
                    return;
                }
            }
            unsent.addLast(b);
            if (unsent.size() == 1) {
                try {
                    key.interestOpsOr(SelectionKey.OP_WRITE);
                } catch (CancelledKeyException e) {
                    throw new IOException("the connection has ended", e);
                }
                selector.wakeup();
            }
            if (Thread.currentThread() == thread) {
                return;     // the selector thread never waits for itself: the rest goes when the socket takes it
            }
            try {
                while (!unsent.isEmpty() && !gone) {
                    wait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while a message to a process waited to go");
            }
            if (b.hasRemaining()) {
                throw new IOException("the connection ended before the message went");
            }
        }

        /** Writes what waits, as far as the socket takes it (the selector thread, when it can take more). */
        synchronized void flush() {
            try {
                while (!unsent.isEmpty()) {
                    ByteBuffer b = unsent.peekFirst();
                    channel.write(b);
                    if (b.hasRemaining()) {
                        return;
                    }
                    unsent.removeFirst();
                }
                key.interestOpsAnd(~SelectionKey.OP_WRITE);
            } catch (IOException e) {
                gone = true;            // the reading side sees the end
                unsent.clear();
            }
            notifyAll();
        }

        /** The connection has ended: senders waiting give up. */
        synchronized void ended() {
            gone = true;
            unsent.clear();
            notifyAll();
        }

        @Override
        public void close() {
            tasks.add(() -> end(this, null));
            selector.wakeup();
        }
    }
}
