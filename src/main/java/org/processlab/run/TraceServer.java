package org.processlab.run;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * The app's end of the trace protocol (assets/tracer/PROTOCOL.md) for one run: a loopback-only TCP
 * listener with a fresh port and a random 128-bit token. Agent connections feed the {@link RunModel}
 * directly; the supervisor's connection goes to a {@link SupervisorHandler}.
 *
 * <p>A connection whose first message is not a {@code hello} with the run's token (within 5 s), or that
 * sends a malformed or over-long message, is closed and counted in the model; the run goes on.
 *
 * <p>Threading: one acceptor thread, and one reader thread per connection (daemon threads, pooled across runs). Handler
 * methods are called on the supervisor connection's reader thread.
 */
final class TraceServer implements AutoCloseable {
    /** Most connections open at once; more are refused and counted (a flood must not starve the run). */
    static final int MAX_OPEN = 1024;

    /**
     * The reader threads of every run's connections, kept a minute after their connection closes and reused: a run
     * of hundreds of processes needs as many threads, and starting a thread is costly on a busy machine (it also
     * holds up the JVM's safepoints, so the window stutters). A second run reuses the first one's threads.
     */
    private static final java.util.concurrent.ExecutorService CONNECTIONS = new java.util.concurrent.ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 60, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            r -> {
                Thread t = new Thread(r, "trace-conn");
                t.setDaemon(true);
                return t;
            });

    /** What the run session does with the supervisor's messages. */
    interface SupervisorHandler {
        /** The supervisor said hello; {@code commands} writes to it (call {@code write} under your own lock). */
        void supervisorHello(JsonNode hello, OutputStream commands);

        /** A message from the supervisor (raw output is already fed to the model). */
        void supervisorMessage(MessageReader.Message m);

        /** The supervisor's connection closed. */
        void supervisorClosed();

        /** An agent told of a new process (its own hello, a {@code start} or a {@code spawn}); any reader thread. */
        default void processAnnounced() {
        }
    }

    private final RunModel model;
    private final SupervisorHandler handler;
    private final ServerSocket server;
    private final byte[] token;
    private final String tokenHex;
    private final AtomicInteger open = new AtomicInteger();
    private volatile Socket supervisorSocket;
    private final AtomicInteger openAgents = new AtomicInteger();
    private volatile boolean closed;

    TraceServer(RunModel model, SupervisorHandler handler) throws IOException {
        this.model = model;
        this.handler = handler;
        byte[] t = new byte[16];
        new SecureRandom().nextBytes(t);
        this.tokenHex = HexFormat.of().formatHex(t);
        this.token = tokenHex.getBytes(StandardCharsets.US_ASCII);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        Thread acceptor = new Thread(this::acceptLoop, "trace-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The loopback port agents connect to. */
    int port() {
        return server.getLocalPort();
    }

    /** The run's token, 32 hex digits. */
    String token() {
        return tokenHex;
    }

    /** Agent connections still open (each ends when its process has ended and its data is read). */
    int openAgentConnections() {
        return openAgents.get();
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
                model.countRejectedConnection();
                continue;
            }
            CONNECTIONS.execute(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(5_000);
            MessageReader reader = new MessageReader(s.getInputStream());
            MessageReader.Message hello;
            try {
                hello = reader.next();
            } catch (SocketTimeoutException e) {
                model.countRejectedConnection();
                return;
            }
            if (hello == null || !"hello".equals(hello.kind()) || !tokenMatches(hello.json().path("token").asText(""))) {
                model.countRejectedConnection();
                return;
            }
            s.setSoTimeout(0);
            if ("supervisor".equals(hello.json().path("peer").asText())) {
                supervisorSocket = s;
                serveSupervisor(hello.json(), reader, s.getOutputStream());
            } else {
                openAgents.incrementAndGet();
                try {
                    serveAgent(hello.json(), reader);
                } finally {
                    openAgents.decrementAndGet();
                }
            }
        } catch (IOException e) {
            if (e instanceof MessageReader.ProtocolException) {
                model.countRejectedConnection();
            }
        } finally {
            open.decrementAndGet();
        }
    }

    private boolean tokenMatches(String given) {
        return MessageDigest.isEqual(token, given.getBytes(StandardCharsets.US_ASCII));
    }

    private void serveAgent(JsonNode hello, MessageReader reader) throws IOException {
        long pid = hello.path("pid").asLong();
        long ticks = hello.path("startTicks").isNumber() ? hello.path("startTicks").asLong() : -1;
        long t = hello.path("t").asLong();
        StringBuilder cmd = new StringBuilder();
        for (JsonNode a : hello.path("argv")) {
            if (cmd.length() > 0) {
                cmd.append(' ');
            }
            cmd.append(a.asText());
        }
        model.append(new RunEvent.ProcessSeen(t, pid, hello.path("ppid").asLong(), ticks,
                ProcFs.epochMicrosOfTicks(ticks), cmd.toString(), true));
        handler.processAnnounced();
        LineAssembler out = new LineAssembler((lt, texts) -> model.appendLines(lt, pid, Stream.STDOUT, texts, false));
        LineAssembler err = new LineAssembler((lt, texts) -> model.appendLines(lt, pid, Stream.STDERR, texts, false));
        long lastT = t;
        try {
            MessageReader.Message m;
            while ((m = reader.next()) != null) {
                JsonNode j = m.json();
                long mt = j.path("t").asLong(lastT);
                lastT = mt;
                switch (m.kind()) {
                    case "out" -> ("stderr".equals(j.path("s").asText()) ? err : out).feed(mt, m.payload(), 0, m.payloadLength());
                    case "start" -> {
                        if (j.path("created").isNumber()) {
                            model.append(new RunEvent.ChildCreated(j.path("created").asLong(), pid, j.path("child").asLong()));
                        }
                        model.append(new RunEvent.ChildStarted(mt, j.path("t2").asLong(mt), pid,
                            j.path("child").asLong(), text(j, "name"), text(j, "label"), text(j, "target"), text(j, "args"),
                            text(j, "method"), j.path("daemon").asBoolean(),
                            j.path("obj").isIntegralNumber() ? j.path("obj").asLong() : -1));
                        handler.processAnnounced();
                    }
                    case "starting" -> model.append(new RunEvent.ChildStarting(mt, pid, j.path("obj").asLong(-1)));
                    case "made" -> model.append(new RunEvent.ChildMade(mt, pid, j.path("obj").asLong(-1),
                            text(j, "name"), text(j, "target"), text(j, "args")));
                    case "spawn" -> {
                        model.append(new RunEvent.ChildSpawned(mt, pid, j.path("child").asLong(),
                                j.path("argv").isArray() ? joinArgv(j.path("argv")) : null,
                                j.path("obj").isIntegralNumber() ? j.path("obj").asLong() : -1,
                                j.path("called").isIntegralNumber() ? j.path("called").asLong() : -1));
                        handler.processAnnounced();
                    }
                    case "helper" -> model.append(new RunEvent.HelperStarted(mt, pid, j.path("child").asLong(), text(j, "kind")));
                    case "boot" -> model.append(new RunEvent.ChildBooted(mt, pid, text(j, "name"), text(j, "target"),
                            text(j, "args"), text(j, "method")));
                    case "join" -> model.append(new RunEvent.JoinBegan(mt, pid, j.path("child").asLong(),
                            j.path("timeout").isNumber() ? j.path("timeout").asDouble() : null));
                    case "joined" -> model.append(new RunEvent.JoinEnded(mt, pid, j.path("child").asLong(),
                            j.path("alive").asBoolean(), j.path("exitcode").isNumber() ? j.path("exitcode").asInt() : null));
                    case "reaped" -> model.append(new RunEvent.Reaped(mt, pid, j.path("child").asLong(),
                            j.path("exitcode").asInt(), j.path("status").asInt()));
                    case "exit" -> model.append(new RunEvent.Exiting(mt, pid, j.path("code").isNumber() ? j.path("code").asInt() : null));
                    default -> {
                        // unknown kinds are ignored: newer agents may say more
                    }
                }
            }
        } finally {
            out.finish(lastT);
            err.finish(lastT);
        }
    }

    private void serveSupervisor(JsonNode hello, MessageReader reader, OutputStream commands) throws IOException {
        handler.supervisorHello(hello, commands);
        long[] writer = {0};
        LineAssembler out = new LineAssembler((lt, texts) -> model.appendLines(lt, writer[0], Stream.STDOUT, texts, true));
        LineAssembler err = new LineAssembler((lt, texts) -> model.appendLines(lt, writer[0], Stream.STDERR, texts, true));
        long lastT = hello.path("t").asLong();
        try {
            MessageReader.Message m;
            while ((m = reader.next()) != null) {
                lastT = m.json().path("t").asLong(lastT);
                if ("raw".equals(m.kind())) {
                    writer[0] = model.untracedWriter(runningList(m.json().get("running")),
                            m.json().path("scannedAt").asLong(0));
                    ("stderr".equals(m.json().path("s").asText()) ? err : out).feed(lastT, m.payload(), 0, m.payloadLength());
                } else {
                    if ("done".equals(m.kind())) {
                        out.finish(lastT);
                        err.finish(lastT);
                    }
                    handler.supervisorMessage(m);
                }
            }
        } finally {
            out.finish(lastT);
            err.finish(lastT);
            handler.supervisorClosed();
        }
    }

    private static java.util.Set<Long> runningList(JsonNode running) {
        if (running == null || !running.isArray()) {
            return null;
        }
        java.util.Set<Long> out = new java.util.HashSet<>();
        running.forEach(n -> out.add(n.asLong()));
        return out;
    }

    private static String joinArgv(JsonNode argv) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : argv) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(a.asText());
        }
        return b.toString();
    }

    private static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
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
        Socket sup = supervisorSocket;
        if (sup != null) {
            closeQuietly(sup);   // a supervisor whose app went away ends whatever is left of the run
        }
    }
}
