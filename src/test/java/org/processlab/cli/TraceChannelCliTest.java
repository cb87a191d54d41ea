package org.processlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.CliRun.Report;

/**
 * The trace channel as a run uses it, through the CLI: a Unix socket in a folder only the user can enter (loopback TCP
 * when asked), which a stranger can neither jam with slow connections nor join without the token; what it refused is
 * counted by kind in the JSON and said in the text report.
 */
class TraceChannelCliTest {
    private static final int STRANGERS = 1_000;
    private static final int TALKERS = 20;

    @TempDir
    Path dir;

    private static String caseFile(String name) {
        return CliRun.CASES.resolve(name).toString();
    }

    @Test
    void aThousandSlowStrangersJamNothingEveryProcessConnectsAndEveryLineIsOnItsOwnLane() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "finds the run's channel in /proc");
        Path go = dir.resolve("go");
        CompletableFuture<Report> run = CompletableFuture.supplyAsync(
                () -> CliRun.json(caseFile("twenty_talkers.py"), go.toString()));
        String address = channelOf(go.toString(), run);
        assertThat(address).startsWith("unix:");
        Report r;
        try (Strangers strangers = new Strangers(address, STRANGERS)) {
            strangers.trickle();
            Files.writeString(go, "");        // 1,000 strangers are trickling hellos: the 20 start now
            r = run.get(180, TimeUnit.SECONDS);
            assertThat(strangers.reopened).as("the app kept closing strangers").isPositive();
        }
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(Report.lines(r.main())).containsExactly("channel unix");
        List<JsonNode> talkers = r.role("child");
        assertThat(talkers).hasSize(TALKERS);
        for (JsonNode t : talkers) {
            String name = t.path("name").asText();
            assertThat(t.path("traced").asBoolean()).as("%s connected and said hello", name).isTrue();
            String i = name.substring("talker-".length());
            assertThat(Report.lines(t)).as("%s's lines on its own lane", name).containsExactly(
                    "talker " + i + " line 0", "talker " + i + " line 1", "talker " + i + " line 2",
                    "talker " + i + " line 3", "talker " + i + " line 4");
            t.path("output").forEach(l -> assertThat(l.path("untraced").asBoolean()).isFalse());
        }
        JsonNode refused = r.json().path("refusedConnections");
        assertThat(refused.path("noHello").asLong() + refused.path("tooMany").asLong())
                .as("every stranger closed: %s", refused).isGreaterThanOrEqualTo(STRANGERS);
        assertThat(refused.path("wrongToken").asLong()).isZero();
        assertThat(r.json().path("rejectedConnections").asLong()).isEqualTo(refused.path("noHello").asLong()
                + refused.path("tooMany").asLong() + refused.path("broken").asLong());
        r.assertNothingLeft();
    }

    @Test
    void aStrangerWithTheWrongTokenIsRefusedCountedAndSaidInTheReport() {
        Report json = CliRun.json(caseFile("wrong_token.py"));
        assertThat(json.exit()).as(json.toString()).isZero();
        assertThat(Report.lines(json.main())).containsExactly("closed by the app: True");
        assertThat(json.processes()).hasSize(1);
        JsonNode refused = json.json().path("refusedConnections");
        assertThat(refused.path("wrongToken").asLong()).isEqualTo(1);
        assertThat(refused.path("noHello").asLong() + refused.path("tooMany").asLong() + refused.path("broken")
                .asLong()).isZero();
        assertThat(json.json().path("formatVersion").asInt()).isEqualTo(org.processlab.export.RunDocument.FORMAT_VERSION);

        Report text = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), caseFile("wrong_token.py"));
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.stdout()).contains("\n1 connection to the trace channel was refused (wrong token).\n");
    }

    @Test
    void aRunWithNoStrangerSaysNothingOfRefusals() {
        Report text = CliRun.exec("run", "--lessons", CliRun.LESSONS.toString(), caseFile("flood.py"), "3");
        assertThat(text.exit()).as(text.toString()).isZero();
        assertThat(text.stdout()).doesNotContain("trace channel");
    }

    @Test
    void loopbackTcpWhenAskedForWorksTheSame() throws Exception {
        Process p = JarProcess.builder(List.of("-Dprocesslab.trace=tcp"), "run", "--format", "json",
                caseFile("twenty_talkers.py"), dir.resolve("go-at-once").toString()).start();
        Files.writeString(dir.resolve("go-at-once"), "");
        JsonNode doc = finish(p);
        assertThat(lines(main(doc))).containsExactly("channel tcp");
        int children = 0;
        for (JsonNode t : doc.path("processes")) {
            if (t.path("role").asText().equals("child")) {
                children++;
                assertThat(t.path("traced").asBoolean()).isTrue();
                String i = t.path("name").asText().substring("talker-".length());
                assertThat(lines(t)).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("talker " + i + " line "));
            }
        }
        assertThat(children).isEqualTo(TALKERS);
    }

    @Test
    void aSocketFolderSomeoneElseMadeOrOthersMayEnterIsNotUsed() throws Exception {
        Path runtime = Files.createDirectory(dir.resolve("runtime"));
        Files.setPosixFilePermissions(runtime, PosixFilePermissions.fromString("rwx------"));
        Path planted = Files.createDirectory(runtime.resolve("processlab"));
        if ("root".equals(System.getProperty("user.name"))) {
            Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwx------"));
            Files.setOwner(planted, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        } else {
            Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        Path program = Files.writeString(dir.resolve("where.py"), """
                import os
                print(os.environ['PROCESSLAB_TRACE'])
                """);
        ProcessBuilder pb = JarProcess.builder("run", "--format", "json", program.toString());
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        JsonNode doc = finish(pb.start());
        String address = lines(main(doc)).get(0);
        assertThat(address).startsWith("unix:" + Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath());
        assertThat(address).doesNotContain(runtime.toString());
        try (var in = Files.list(planted)) {
            assertThat(in).as("nothing put in the planted folder").isEmpty();
        }
        Path used = Path.of(address.substring("unix:".length())).getParent();
        assertThat(used).as("the fresh folder went with the run").doesNotExist();

        Files.delete(planted);        // the runtime folder's own: used, and the socket removed after the run
        doc = finish(pb.start());
        address = lines(main(doc)).get(0);
        assertThat(address).startsWith("unix:" + runtime.resolve("processlab") + "/");
        assertThat(Path.of(address.substring("unix:".length()))).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runtime.resolve("processlab"))))
                .isEqualTo("rwx------");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonNode finish(Process p) throws Exception {
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out);
    }

    private static JsonNode main(JsonNode doc) {
        for (JsonNode p : doc.path("processes")) {
            if (p.path("role").asText().equals("main")) {
                return p;
            }
        }
        throw new AssertionError("no main in " + doc);
    }

    private static List<String> lines(JsonNode process) {
        return Report.lines(process);
    }

    /**
     * The {@code PROCESSLAB_TRACE} of the run whose command line holds {@code marker}: read from its processes'
     * environment in {@code /proc}, as a stranger on this machine with the same user could.
     */
    private static String channelOf(String marker, CompletableFuture<Report> run) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until && !run.isDone()) {
            try (var procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs.filter(x -> x.getFileName().toString().matches("\\d+"))::iterator) {
                    try {
                        String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                        if (!cmd.contains(marker)) {
                            continue;
                        }
                        for (String kv : new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8)
                                .split("\0")) {
                            if (kv.startsWith("PROCESSLAB_TRACE=")) {
                                return kv.substring("PROCESSLAB_TRACE=".length());
                            }
                        }
                    } catch (IOException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no process of the run showed its channel: " + (run.isDone() ? run.get() : "-"));
    }

    /**
     * {@code n} connections to a run's channel that each send a hello one byte a second and never finish it; each one
     * the app closes is opened again, so {@code n} keep knocking.
     */
    private static final class Strangers implements AutoCloseable {
        private static final byte[] HELLO = "{\"k\":\"hello\",\"peer\":\"agent\",\"token\":\"".getBytes(
                StandardCharsets.US_ASCII);
        private final SocketAddress to;
        private final StandardProtocolFamily family;
        private final SocketChannel[] open;
        private final int[] sent;
        private volatile boolean stop;
        private Thread thread;
        /** Connections the app closed and the strangers opened again (the trickling thread writes it). */
        volatile int reopened;

        Strangers(String address, int n) throws IOException {
            if (address.startsWith("unix:")) {
                to = UnixDomainSocketAddress.of(address.substring("unix:".length()));
                family = StandardProtocolFamily.UNIX;
            } else {
                String hp = address.substring(address.indexOf(':') + 1);
                to = new InetSocketAddress(hp.substring(0, hp.lastIndexOf(':')),
                        Integer.parseInt(hp.substring(hp.lastIndexOf(':') + 1)));
                family = StandardProtocolFamily.INET;
            }
            open = new SocketChannel[n];
            sent = new int[n];
            for (int i = 0; i < n; i++) {
                open[i] = connect();
                knock(i);
            }
        }

        private SocketChannel connect() throws IOException {
            SocketChannel c = SocketChannel.open(family);
            c.connect(to);
            return c;
        }

        /** One more byte of the hello on connection {@code i}; a closed one is opened again. */
        private void knock(int i) throws IOException {
            try {
                open[i].write(ByteBuffer.wrap(HELLO, sent[i] % HELLO.length, 1));
                sent[i]++;
            } catch (IOException closedByTheApp) {
                open[i].close();
                open[i] = connect();
                sent[i] = 0;
                reopened++;
            }
        }

        /** Keeps every connection trickling, a byte a second each, until closed. */
        void trickle() {
            thread = new Thread(() -> {
                try {
                    while (!stop) {
                        long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                        for (int i = 0; i < open.length && !stop; i++) {
                            knock(i);
                        }
                        long left = next - System.nanoTime();
                        if (left > 0) {
                            TimeUnit.NANOSECONDS.sleep(left);
                        }
                    }
                } catch (IOException | InterruptedException e) {
                    if (!stop) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "strangers");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws Exception {
            stop = true;
            if (thread != null) {
                thread.join(10_000);
            }
            for (SocketChannel c : open) {
                if (c != null) {
                    c.close();
                }
            }
        }
    }
}
