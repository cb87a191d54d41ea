package org.processlab.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The trace transport of today: a TCP listener on the loopback interface only, on a fresh port, with a
 * {@link MessageReader} on each connection. See {@link TraceTransport} for the contract.
 *
 * <p>Threading: one acceptor thread per transport ({@code trace-accept-PORT}); each connection is read by a thread of
 * its own for its whole life ({@code trace-conn}, from a pool shared by every run), which makes every call for that
 * connection. {@link #close()} from any thread.
 */
final class LoopbackTransport implements TraceTransport {
    /** Most connections open at once; more are refused and counted (a flood must not starve the run). */
    static final int MAX_OPEN = 1024;

    /**
     * The reader threads of every run's connections, kept a minute after their connection closes and reused: a run
     * of hundreds of processes needs as many threads, and starting a thread is costly on a busy machine (it also
     * holds up the JVM's safepoints, so the window stutters). A second run reuses the first one's threads.
     */
    private static final ExecutorService CONNECTIONS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "trace-conn");
                t.setDaemon(true);
                return t;
            });

    private final Acceptor acceptor;
    private final ServerSocket server;
    /** Connections being served; the acceptor thread adds, each connection's thread removes itself. */
    private final AtomicInteger open = new AtomicInteger();
    /** Set by {@link #close()}, read by the acceptor thread. */
    private volatile boolean closed;

    private LoopbackTransport(Acceptor acceptor) throws IOException {
        this.acceptor = acceptor;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    }

    /**
     * Listens on a fresh loopback port and accepts at once.
     *
     * @throws IOException when no port can be bound
     */
    static LoopbackTransport open(Acceptor acceptor) throws IOException {
        LoopbackTransport t = new LoopbackTransport(acceptor);
        Thread th = new Thread(t::acceptLoop, "trace-accept-" + t.server.getLocalPort());
        th.setDaemon(true);
        th.start();
        return t;
    }

    @Override
    public String address() {
        return "127.0.0.1:" + server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            if (open.incrementAndGet() > MAX_OPEN) {
                open.decrementAndGet();
                closeQuietly(s);
                acceptor.rejected();
                continue;
            }
            acceptor.connecting();
            CONNECTIONS.execute(() -> serve(s));
        }
    }

    /** One connection, on its own thread, from its first message to its end. */
    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(FIRST_MESSAGE_MILLIS);
            MessageReader reader = new MessageReader(s.getInputStream());
            TraceMessage first;
            Connection c;
            try {
                try {
                    first = reader.next();
                } catch (SocketTimeoutException e) {
                    acceptor.rejected();
                    return;
                }
                c = first == null ? null : acceptor.accept(first, new SocketPeer(s));
            } finally {
                acceptor.connectingDone();
            }
            if (c == null) {
                acceptor.rejected();
                return;
            }
            s.setSoTimeout(0);
            try {
                for (TraceMessage m; (m = reader.next()) != null; ) {
                    c.message(m);
                }
            } finally {
                c.closed();
            }
        } catch (IOException e) {
            if (e instanceof MessageReader.ProtocolException) {
                acceptor.rejected();
            }
        } finally {
            open.decrementAndGet();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Writes go straight to the socket, one whole message under the peer's lock. */
    private static final class SocketPeer implements Peer {
        private final Socket socket;
        private final OutputStream out;

        SocketPeer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        @Override
        public synchronized void send(byte[] message) throws IOException {
            out.write(message);
            out.flush();
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }
}
