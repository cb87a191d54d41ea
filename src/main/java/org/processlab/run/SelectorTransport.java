package org.processlab.run;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * <p>Threading: the selector thread ({@code trace-channel}) owns every connection's state ({@link ChannelLink}), and
 * makes every call to the acceptor and the handlers. A connection's {@link Peer#send} may come from any thread
 * ({@link ChannelLink}). {@link #close()} from any thread.
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
    private final ArrayDeque<ChannelLink> waiting = new ArrayDeque<>();
    /** Called once the OS's queue of new connections has been seen empty ({@link #acceptQueued}). */
    private final List<Runnable> whenAllAccepted = new ArrayList<>();
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
    public void acceptQueued(Runnable done) {
        tasks.add(() -> {
            whenAllAccepted.add(done);
            if (!closing) {
                acceptAll();
            }
        });
        selector.wakeup();
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
                        ChannelLink c = (ChannelLink) k.attachment();
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
                if (k.attachment() instanceof ChannelLink c) {
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
        ChannelLink first = waiting.peekFirst();
        boolean paused = acceptPausedUntil != 0;
        if (first == null && !paused) {
            return 0;
        }
        long next = first == null ? acceptPausedUntil
                : paused && acceptPausedUntil - first.deadline < 0 ? acceptPausedUntil : first.deadline;
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
                allAccepted();
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
                ChannelLink c = new ChannelLink(ch, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FIRST_MESSAGE_MILLIS),
                        selector, thread, this::closeSoon);
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
                if (!whenAllAccepted.isEmpty() && !closing) {
                    acceptAll();        // someone waits for the queue to be seen empty, with nothing new to wake us
                }
            }
        }
    }

    /** The OS's queue of new connections was just seen empty: whoever waited for that hears it. */
    private void allAccepted() {
        for (Runnable r : whenAllAccepted) {
            try {
                r.run();
            } catch (RuntimeException e) {
                report(e);
            }
        }
        whenAllAccepted.clear();
    }

    /** Closes the connections whose deadline for a first message has passed, after a last read of what came. */
    private void expire() {
        long now = System.nanoTime();
        for (ChannelLink c; (c = waiting.peekFirst()) != null && c.deadline - now <= 0; ) {
            read(c);
            if (c.open && !c.helloRead) {
                end(c, ChannelRefusal.NO_HELLO);
            }
        }
    }

    /** The oldest waiting connection makes room for a newer one, unless a last read finds its hello. */
    private void giveWay(ChannelLink oldest) {
        read(oldest);
        if (oldest.open && !oldest.helloRead) {
            end(oldest, ChannelRefusal.TOO_MANY);
        }
    }

    /** Reads what the connection has (at most {@link #READ_SIZE} bytes) and handles every whole message in it. */
    private void read(ChannelLink c) {
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
            // Closed before its hello: a process of the run killed while connecting (a stop, a fork bomb frozen and
            // killed) ends so, and is no stranger; nothing was refused. A stranger that lingers meets the deadline.
            end(c, null);
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
    private boolean hello(ChannelLink c, TraceMessage first) {
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
    private void end(ChannelLink c, ChannelRefusal refused) {
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

    /** Ends {@code c} on the selector thread, soon (a {@link Peer#close()} from any thread). */
    private void closeSoon(ChannelLink c) {
        tasks.add(() -> end(c, null));
        selector.wakeup();
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
}
