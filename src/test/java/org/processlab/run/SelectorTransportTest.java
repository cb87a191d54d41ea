package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.processlab.model.ChannelRefusal;

/**
 * The selector transport against raw sockets, on a Unix socket and on loopback TCP: one deadline for the whole hello,
 * the cap on connections waiting for one (the oldest goes, a fresh hello gets in), the way back to a process, and the
 * acceptor's counts kept balanced for the run's last words, and a connection the OS still queues counted once asked.
 */
class SelectorTransportTest {
    @TempDir
    Path dir;

    private final Recorder acceptor = new Recorder();
    private final List<SocketChannel> clients = new ArrayList<>();
    private SelectorTransport transport;

    @AfterEach
    void closeAll() throws IOException {
        for (SocketChannel c : clients) {
            c.close();
        }
        if (transport != null) {
            transport.close();
        }
    }

    private void open(ChannelKind kind) throws IOException {
        transport = SelectorTransport.open(acceptor, ChannelEndpoint.open(kind, null, dir, true));
    }

    private SocketChannel connect() throws IOException {
        String a = transport.address();
        SocketAddress to;
        SocketChannel c;
        if (a.startsWith("unix:")) {
            to = UnixDomainSocketAddress.of(a.substring("unix:".length()));
            c = SocketChannel.open(StandardProtocolFamily.UNIX);
        } else {
            String hostPort = a.substring("tcp:".length());
            to = new InetSocketAddress(hostPort.substring(0, hostPort.lastIndexOf(':')),
                    Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1)));
            c = SocketChannel.open(StandardProtocolFamily.INET);
        }
        clients.add(c);
        c.connect(to);
        return c;
    }

    private static void write(SocketChannel c, String s) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            c.write(b);
        }
    }

    /** True once the transport has closed {@code c} (a read sees the end), waiting at most {@code millis}. */
    private static boolean closedWithin(SocketChannel c, long millis) throws IOException {
        c.configureBlocking(false);
        try (Selector sel = Selector.open()) {
            c.register(sel, SelectionKey.OP_READ);
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            for (long left = millis; left > 0; left = TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())) {
                sel.select(left);
                try {
                    if (c.read(ByteBuffer.allocate(1)) < 0) {
                        return true;
                    }
                } catch (IOException reset) {
                    return true;
                }
            }
            return false;
        } finally {
            c.configureBlocking(true);
        }
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() < until).as(what).isTrue();
            Thread.sleep(5);
        }
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void aHelloTrickledAByteAtATimeIsClosedAtTheOneDeadline(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel slow = connect();
        long t0 = System.nanoTime();
        String hello = "{\"k\":\"hello\",\"token\":\"" + "0".repeat(32) + "\"}\n";
        int sent = 0;
        boolean closed = false;
        while (!closed && sent < hello.length() - 1) {      // never the newline: the hello is never whole
            try {
                write(slow, hello.substring(sent, sent + 1));
            } catch (IOException e) {
                closed = true;
                break;
            }
            sent++;
            closed = closedWithin(slow, 100);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(closed).as("closed while it trickled").isTrue();
        assertThat(millis).as("at the deadline, not at a per-read timeout")
                .isBetween((long) TraceTransport.FIRST_MESSAGE_MILLIS - 100, TraceTransport.FIRST_MESSAGE_MILLIS + 2_500L);
        await(() -> acceptor.refused(ChannelRefusal.NO_HELLO) == 1, "counted as no hello");
        assertThat(acceptor.accepted).isEmpty();
        await(() -> acceptor.connecting.get() == 0, "connecting() and connectingDone() balance");
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void strangersWaitingForeverGiveWayToAFreshHello(ChannelKind kind) throws Exception {
        open(kind);
        List<SocketChannel> strangers = new ArrayList<>();
        for (int i = 0; i < SelectorTransport.MAX_WAITING + 50; i++) {
            SocketChannel s = connect();
            write(s, "{");
            strangers.add(s);
        }
        await(() -> acceptor.refused(ChannelRefusal.TOO_MANY) >= 50, "the oldest gave way");
        SocketChannel agent = connect();
        write(agent, "{\"k\":\"hello\",\"peer\":\"agent\"}\n{\"k\":\"out\",\"n\":3}\nabc");
        await(() -> acceptor.messages.size() == 1, "the agent's message after its hello");
        assertThat(acceptor.accepted).hasSize(1);
        assertThat(new String(acceptor.messages.get(0).payload(), 0, 3, StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(closedWithin(strangers.get(0), 2_000)).as("the oldest stranger").isTrue();
        assertThat(closedWithin(strangers.get(strangers.size() - 1), 100)).as("the newest still waits").isFalse();
        await(() -> acceptor.refused(ChannelRefusal.NO_HELLO) + acceptor.refused(ChannelRefusal.TOO_MANY)
                == strangers.size(), "every stranger closed in the end");
        assertThat(closedWithin(agent, 100)).as("the agent stays").isFalse();
        agent.close();
        await(() -> acceptor.closed.get() == 1, "the agent's end is told");
        assertThat(acceptor.connecting.get()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void aConnectionClosedBeforeItsHelloIsNoRefusal(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel killed = connect();       // a process of the run killed while it said hello
        write(killed, "{\"k\":\"hel");
        killed.close();
        SocketChannel silent = connect();       // ... or before it said anything
        silent.close();
        SocketChannel good = connect();
        write(good, "{\"k\":\"hello\"}\n{\"k\":\"out\",\"n\":1}\nx");
        await(() -> acceptor.messages.size() == 1, "the next one is served");
        await(() -> acceptor.connecting.get() == 0, "both ends seen: nothing counts as connecting");
        assertThat(acceptor.refusalCount()).as("nothing refused").isZero();
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void brokenFramingIsCountedAndTheOthersGoOn(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel good = connect();
        write(good, "{\"k\":\"hello\"}\n");
        SocketChannel garbage = connect();
        write(garbage, "this is not json\n");
        SocketChannel huge = connect();
        write(huge, "{\"k\":\"hello\"}\n{\"k\":\"out\",\"n\":99999999}\n");
        assertThat(closedWithin(garbage, 5_000)).isTrue();
        assertThat(closedWithin(huge, 5_000)).isTrue();
        await(() -> acceptor.refused(ChannelRefusal.BROKEN) == 2, "both broken");
        write(good, "{\"k\":\"out\",\"n\":1}\nx");
        await(() -> acceptor.messages.size() == 1, "the good one goes on");
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void aSendWaitsUntilTheProcessHasReadItAndNeverInterleaves(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel sup = connect();
        write(sup, "{\"k\":\"hello\"}\n");
        await(() -> acceptor.peers.size() == 1, "connected");
        TraceTransport.Peer peer = acceptor.peers.get(0);
        int senders = 4;
        int each = 64;
        byte[][] lines = new byte[senders][];
        for (int s = 0; s < senders; s++) {
            lines[s] = (Character.toString('a' + s).repeat(16 * 1024 - 1) + "\n").getBytes(StandardCharsets.US_ASCII);
        }
        List<Thread> threads = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        for (int s = 0; s < senders; s++) {
            int me = s;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    try {
                        peer.send(lines[me]);
                    } catch (IOException e) {
                        failed.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        Thread.sleep(300);      // 4 MiB do not fit in the socket's buffers: the senders wait for the reader
        assertThat(threads).anyMatch(Thread::isAlive);
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(
                java.nio.channels.Channels.newInputStream(sup), StandardCharsets.US_ASCII));
        Map<Character, Integer> got = new java.util.HashMap<>();
        for (int i = 0; i < senders * each; i++) {
            String line = in.readLine();
            assertThat(line).hasSize(16 * 1024 - 1);
            assertThat(line.chars().distinct().count()).as("one message whole, never interleaved").isEqualTo(1);
            got.merge(line.charAt(0), 1, Integer::sum);
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        assertThat(failed.get()).isZero();
        assertThat(got.values()).containsOnly(each);
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void aHandlerThatThrowsEndsItsConnectionOnly(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel bad = connect();
        write(bad, "{\"k\":\"hello\"}\n{\"k\":\"throw\"}\n");
        SocketChannel good = connect();
        write(good, "{\"k\":\"hello\"}\n");
        assertThat(closedWithin(bad, 5_000)).isTrue();
        write(good, "{\"k\":\"out\",\"n\":0}\n");
        await(() -> acceptor.messages.size() == 1, "the other connection goes on");
        await(() -> acceptor.closed.get() == 1, "the bad one's end is told");
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void aConnectionTheOsStillQueuesIsCountedOnceAcceptQueuedIsDone(ChannelKind kind) throws Exception {
        open(kind);
        SocketChannel busy = connect();
        write(busy, "{\"k\":\"hello\"}\n{\"k\":\"hold\"}\n");
        assertThat(acceptor.holding.await(20, TimeUnit.SECONDS)).as("the transport's thread is in a handler").isTrue();
        SocketChannel late = connect();         // the OS completes the connect and queues it: nobody has accepted it
        write(late, "{\"k\":\"hello\"}\n{\"k\":\"out\",\"n\":3}\nabc");
        late.close();                           // a process that said everything and ended
        assertThat(acceptor.connecting.get()).as("the queued connection is counted nowhere yet").isZero();

        AtomicInteger countedAtDone = new AtomicInteger(-1);
        CountDownLatch done = new CountDownLatch(1);
        transport.acceptQueued(() -> {
            countedAtDone.set(acceptor.connecting.get() + acceptor.accepted.size() - 1);
            done.countDown();
        });
        acceptor.hold.countDown();
        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(countedAtDone.get()).as("accepted and counted by the time done is called").isEqualTo(1);
        await(() -> acceptor.messages.size() == 1 && acceptor.closed.get() == 1, "its message read, then its end");
        assertThat(new String(acceptor.messages.get(0).payload(), 0, 3, StandardCharsets.UTF_8)).isEqualTo("abc");
        assertThat(acceptor.connecting.get()).isZero();
    }

    @ParameterizedTest
    @EnumSource(ChannelKind.class)
    void acceptQueuedWithNothingQueuedIsDoneAtOnce(ChannelKind kind) throws Exception {
        open(kind);
        CountDownLatch done = new CountDownLatch(1);
        transport.acceptQueued(done::countDown);
        assertThat(done.await(5, TimeUnit.SECONDS)).as("no new connection needed to wake it").isTrue();
    }

    /** An acceptor that takes every hello and records what comes. */
    private static final class Recorder implements TraceTransport.Acceptor {
        final AtomicInteger connecting = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final List<TraceMessage> accepted = new CopyOnWriteArrayList<>();
        final List<TraceMessage> messages = new CopyOnWriteArrayList<>();
        final List<TraceTransport.Peer> peers = new CopyOnWriteArrayList<>();
        private final Map<ChannelRefusal, Integer> refusals = new EnumMap<>(ChannelRefusal.class);
        /** A message of kind {@code hold} keeps the transport's thread in its handler until this counts down. */
        final CountDownLatch hold = new CountDownLatch(1);
        /** Counts down when a {@code hold} message is being handled. */
        final CountDownLatch holding = new CountDownLatch(1);

        synchronized int refused(ChannelRefusal why) {
            return refusals.getOrDefault(why, 0);
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
            accepted.add(first);
            peers.add(peer);
            return new TraceTransport.Connection() {
                @Override
                public void message(TraceMessage m) {
                    if (m.kind().equals("hold")) {
                        holding.countDown();
                        try {
                            hold.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return;
                    }
                    if (m.kind().equals("throw")) {
                        throw new IllegalStateException("a handler's bug (this test's)");
                    }
                    messages.add(m);
                }

                @Override
                public void closed() {
                    closed.incrementAndGet();
                }
            };
        }

        @Override
        public synchronized void rejected(ChannelRefusal why) {
            refusals.merge(why, 1, Integer::sum);
        }

        synchronized int refusalCount() {
            return refusals.values().stream().mapToInt(Integer::intValue).sum();
        }
    }
}
