package org.processlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.model.Clock;
import org.processlab.model.ProcKey;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.StopReason;

/**
 * One run of a program as real OS processes, from launch to the end of its last process.
 *
 * <p>Shape: {@code app → supervisor → root → children...}. The supervisor (ProcessLab's own, never
 * listed) starts the root in its own session, reaps it and every orphan (it is a child subreaper on
 * Linux), forwards output written without an agent, and ends the whole tree on {@link #stop} or when the
 * app's connection closes. Agents inside the program's processes and an OS sampler feed the same
 * {@link RunModel}.
 *
 * <p>The run has ended ({@link #ended()} completes) when the supervisor has reaped every process and
 * every agent connection has been read to its end, so no line is lost. A launch that fails is recorded
 * as {@link RunEvent.RunFailed} in the model and ends the session at once; nothing is thrown.
 *
 * <p>Threading: all public methods are thread-safe. {@link #ended()} completes on an internal thread.
 */
public final class RunSession implements AutoCloseable {
    /** How often the OS sampler looks at the process tree (less often when one look costs over 2 ms). */
    static final Duration SAMPLE_EVERY = Duration.ofMillis(20);
    /**
     * The longest wait between two {@code /proc} samples, however costly they are: a process re-parented to the
     * supervisor (an orphan) is seen as such if it lives this long after its parent ended.
     */
    static final Duration SAMPLE_AT_LEAST_EVERY = Duration.ofMillis(250);
    private static final Set<RunSession> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RunSession::closeAll, "processlab-end-runs"));
    }

    private final RunSpec spec;
    private final RunModel model;
    private final CompletableFuture<RunSnapshot> ended = new CompletableFuture<>();
    private final CountDownLatch supervisorReady = new CountDownLatch(1);
    private final CountDownLatch supervisorDone = new CountDownLatch(1);
    /** Its connection read to the end (every message handled). */
    private final CountDownLatch supervisorConnectionRead = new CountDownLatch(1);
    private final Object commandLock = new Object();
    private final StringBuilder supervisorLog = new StringBuilder();
    private volatile OutputStream commands;
    private volatile TraceServer server;
    private volatile Process supervisor;
    private volatile ProcessSampler sampler;
    private volatile boolean stopping;

    /**
     * A run that has had this many processes is busy (see {@link RunSpec#niceWhenBusy}): no lesson makes more than
     * about ten, a fork storm many more.
     */
    public static final int BUSY_PROCESSES = 16;

    /**
     * A run that prints at this rate (output lines a second, over at least a quarter of a second) is busy: lessons
     * print a few dozen lines in all; a flood, tens of thousands a second, keeps the window's threads working.
     */
    public static final int BUSY_LINES_PER_SECOND = 2_000;

    private boolean loweredAsked;
    private volatile String lowerReason;
    private long busyCheckNanos = -1;
    private long busyCheckLines;

    private volatile long doneAt = -1;
    private volatile String spawnFailure;

    private RunSession(RunSpec spec, RunModel model) {
        this.spec = spec;
        this.model = model;
    }

    /**
     * Starts a run. Returns at once; the model fills in as the run goes.
     *
     * @param spec  what to run
     * @param model an empty model that receives every event of this run
     */
    public static RunSession start(RunSpec spec, RunModel model) {
        RunSession s = new RunSession(spec, model);
        LIVE.add(s);
        Thread th = new Thread(s::driveGuarded, "run-" + spec.title());
        th.setDaemon(true);
        th.start();
        return s;
    }

    /** Starts a run that could not even be prepared (no interpreter, no such file): it fails at once with {@code message}. */
    public static RunSession failed(String title, String message, RunModel model) {
        RunSession s = new RunSession(null, model);
        long t = Clock.nowMicros();
        model.append(new RunEvent.RunStarted(t, title, List.of(), null));
        s.fail(message);
        return s;
    }

    /** The run's model. */
    public RunModel model() {
        return model;
    }

    /** Completes with the final snapshot when every process of the run has ended. */
    public CompletableFuture<RunSnapshot> ended() {
        return ended;
    }

    /** Waits for the end; true if it ended within {@code timeout}. */
    public boolean await(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** Ends every process of the run: SIGTERM, then SIGKILL after the grace time. For the person's Stop button. */
    public void stop() {
        stop(StopReason.USER);
    }

    /** Ends every process of the run for {@code reason}; a limit uses SIGKILL at once (after freezing the tree). */
    public synchronized void stop(StopReason reason) {
        if (ended.isDone() || stopping) {
            return;
        }
        stopping = true;
        model.append(new RunEvent.StopRequested(Clock.nowMicros(), reason));
        boolean hard = reason == StopReason.PROCESS_LIMIT;
        sendCommand(hard ? "{\"k\":\"kill\"}\n" : "{\"k\":\"stop\",\"graceMs\":" + spec.stopGrace().toMillis() + "}\n");
        long netAfter = (hard ? 0 : spec.stopGrace().toMillis()) + 1_000;
        Thread net = new Thread(() -> {
            try {
                if (!ended.isDone()) {
                    ended.get(netAfter, TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                safetyNet();
            }
        }, "run-stop-net");
        net.setDaemon(true);
        net.start();
    }

    /**
     * Asks the supervisor to lower the run by {@link RunSpec#niceWhenBusy} steps the first time it is busy: it has had
     * {@link #BUSY_PROCESSES} processes, or printed {@link #BUSY_LINES_PER_SECOND} lines a second. Called by the
     * sampling thread after each scan, and as soon as an agent tells of a new process.
     */
    private synchronized void lowerIfBusy() {
        if (spec.niceWhenBusy() <= 0 || loweredAsked || stopping || commands == null) {
            return;
        }
        long now = System.nanoTime();
        long lines = model.output().size();
        String why = null;
        int processes = model.processCount();
        if (processes >= BUSY_PROCESSES) {
            why = "it has made " + processes + " processes";
        } else if (busyCheckNanos < 0) {
            busyCheckNanos = now;
            busyCheckLines = lines;
        } else if (now - busyCheckNanos >= 250_000_000L) {
            double perSecond = (lines - busyCheckLines) * 1e9 / (now - busyCheckNanos);
            if (perSecond >= BUSY_LINES_PER_SECOND) {
                why = String.format(java.util.Locale.ROOT, "it prints %,d lines a second", Math.round(perSecond));
            }
            busyCheckNanos = now;
            busyCheckLines = lines;
        }
        if (why != null) {
            loweredAsked = true;
            lowerReason = why;
            sendCommand("{\"k\":\"nice\",\"steps\":" + spec.niceWhenBusy() + "}\n");
        }
    }

    /** Stops the run (if running) and waits up to 3 s for its end. */
    @Override
    public void close() {
        stop();
        try {
            await(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!ended.isDone()) {
            safetyNet();
        }
    }

    /** Ends every live run: for quitting the app (also runs as a JVM shutdown hook). */
    public static void closeAll() {
        List<RunSession> all = new ArrayList<>(LIVE);
        all.forEach(RunSession::stop);
        for (RunSession s : all) {
            try {
                s.await(Duration.ofMillis(2500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!s.ended.isDone()) {
                s.safetyNet();
            }
        }
    }

    // ---------------------------------------------------------------- the run's own thread

    /**
     * {@link #drive()}, and whatever goes wrong in it (a bug, a broken installation) still ends the run: the tree is
     * ended (closing the trace server makes the supervisor end it) and {@link #ended()} completes, with the run marked
     * failed — never a caller waiting for ever.
     */
    private void driveGuarded() {
        try {
            drive();
        } catch (Throwable e) {
            stopping = true;
            try {
                sendCommand("{\"k\":\"kill\"}\n");   // the whole tree, at once
            } catch (Throwable ignored) {
                // the supervisor also ends the tree when our connection closes (fail() closes it)
            }
            try {
                fail("ProcessLab's run broke (" + e + "); every process of the run was ended.");
            } catch (Throwable again) {
                closeServer();
                LIVE.remove(this);
                ended.completeExceptionally(e);
            }
            Process sup = supervisor;
            if (sup != null && sup.isAlive()) {
                // the supervisor ends the tree once our connection closes; it gets its grace period, then goes
                sup.onExit().completeOnTimeout(null, spec.stopGrace().toMillis() + 2_000, TimeUnit.MILLISECONDS)
                        .thenRun(() -> {
                            if (sup.isAlive()) {
                                safetyNet();   // the supervisor did not end the tree: end what we know of it
                            }
                        });
            }
            if (e instanceof Error err && !(e instanceof LinkageError)) {
                throw err;
            }
        } finally {
            if (!ended.isDone()) {
                ended.completeExceptionally(new IllegalStateException("the run ended without a result"));
            }
        }
    }

    private void drive() {
        long t0 = Clock.nowMicros();
        model.append(new RunEvent.RunStarted(t0, spec.title(), spec.command(), spec.startMethod()));
        try {
            server = new TraceServer(model, new Handler());
            List<String> cmd = new ArrayList<>(spec.supervisor());
            cmd.add("--grace-ms");
            cmd.add(Long.toString(spec.stopGrace().toMillis()));
            if (spec.nice() > 0) {
                cmd.add("--nice");
                cmd.add(Integer.toString(spec.nice()));
            }
            cmd.add("--");
            cmd.addAll(spec.command());
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(spec.workingDir().toFile());
            pb.environment().putAll(spec.env());
            pb.environment().put("PROCESSLAB_TRACE", "127.0.0.1:" + server.port());
            pb.environment().put("PROCESSLAB_TOKEN", server.token());
            supervisor = pb.start();
        } catch (IOException | RuntimeException e) {
            fail("Could not start the run: " + e.getMessage());
            return;
        }
        model.setSupervisorPid(supervisor.pid());
        drain(supervisor.getInputStream(), "supervisor-out");
        drain(supervisor.getErrorStream(), "supervisor-err");
        supervisor.onExit().thenRun(supervisorDone::countDown);
        sampler = new ProcessSampler(supervisor.pid(), model::append);
        try {
            if (!supervisorReady.await(15, TimeUnit.SECONDS) && supervisor.isAlive()) {
                supervisor.destroyForcibly();
                fail("ProcessLab's supervisor did not connect within 15 s. " + supervisorLog());
                return;
            }
            long deadline = spec.timeLimit() == null ? Long.MAX_VALUE
                    : System.nanoTime() + spec.timeLimit().toNanos();
            long wait = SAMPLE_EVERY.toMillis();
            double scanCost = 0;   // ms, a moving average: one slow scan (a cold JVM, a busy machine) is not the rule
            while (!supervisorDone.await(wait, TimeUnit.MILLISECONDS)) {
                long s0 = System.nanoTime();
                sampler.scan();
                double cost = (System.nanoTime() - s0) / 1e6;
                scanCost = scanCost == 0 ? Math.min(cost, SAMPLE_AT_LEAST_EVERY.toMillis() / 10.0) : 0.8 * scanCost + 0.2 * cost;
                // About a tenth of a core for sampling: a run of hundreds of processes is sampled less often, but
                // never less often than SAMPLE_AT_LEAST_EVERY, or a short-lived orphan could go by unseen.
                wait = Math.max(SAMPLE_EVERY.toMillis(), Math.min(SAMPLE_AT_LEAST_EVERY.toMillis(), Math.round(scanCost * 10)));
                if (!stopping && Math.max(sampler.seenCount(), model.processCount()) > spec.maxProcesses()) {
                    stop(StopReason.PROCESS_LIMIT);
                }
                if (!stopping && System.nanoTime() > deadline) {
                    stop(StopReason.TIME_LIMIT);
                }
                lowerIfBusy();
            }
            sampler.scan();
            // The supervisor has exited, but its connection may still hold its last messages (the root's reap,
            // "done", the last untraced output): the end waits for them. Without this wait, a run on a busy machine
            // sometimes ended with the root's exit code unknown (CI: 1 run in a few hundred).
            if (supervisorReady.getCount() == 0) {
                supervisorConnectionRead.await(3, TimeUnit.SECONDS);
            }
            // Every process has ended; their agent connections close by themselves. Read them to the end.
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (server.openAgentConnections() > 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    private void finish() {
        if (spawnFailure != null) {
            fail(spawnFailure);
            return;
        }
        if (doneAt < 0 && !stopping) {
            // The supervisor died without saying done: end whatever is left, truthfully.
            safetyNet();
        }
        long t = doneAt >= 0 ? doneAt : Clock.nowMicros();
        model.append(new RunEvent.RunEnded(t, model.snapshot().rootStatus()));
        closeServer();
        LIVE.remove(this);
        ended.complete(model.snapshot());
    }

    private void fail(String message) {
        try {
            model.append(new RunEvent.RunFailed(Clock.nowMicros(), message));
        } catch (RuntimeException e) {
            // the event is in the model (a listener of it failed, after): the run still ends, failed
        }
        closeServer();
        LIVE.remove(this);
        ended.complete(model.snapshot());
    }

    private void closeServer() {
        TraceServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** Last resort: SIGKILL every process of the run still alive whose start time matches what we saw. */
    private void safetyNet() {
        List<ProcKey> keys = new ArrayList<>();
        ProcessSampler smp = sampler;
        if (smp != null) {
            keys.addAll(smp.everSeen());
        }
        for (ProcessView p : model.snapshot().processes()) {
            keys.add(p.key());
        }
        for (ProcKey k : keys) {
            if (k.pid() <= 0) {
                continue;   // a Process object that never got a process
            }
            if (!ProcFs.available() || ProcFs.isSame(k.pid(), k.startTicks())) {
                ProcessHandle.of(k.pid()).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
        Process sup = supervisor;
        if (sup != null) {
            sup.destroyForcibly();
        }
    }

    private void sendCommand(String line) {
        OutputStream out = commands;
        if (out == null) {
            return;
        }
        synchronized (commandLock) {
            try {
                out.write(line.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException ignored) {
                // the supervisor is gone; the safety net ends what is left
            }
        }
    }

    private void drain(InputStream in, String name) {
        Thread th = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (supervisorLog) {
                        if (supervisorLog.length() < 16_384) {
                            supervisorLog.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException ignored) {
                // stream closed
            }
        }, name);
        th.setDaemon(true);
        th.start();
    }

    private String supervisorLog() {
        synchronized (supervisorLog) {
            return supervisorLog.toString().strip();
        }
    }

    /** Supervisor messages, on its connection's reader thread. */
    private final class Handler implements TraceServer.SupervisorHandler {
        private long supervisorPid = -1;

        /** The process limit is checked as soon as an agent tells of a process, not only at the next OS sample. */
        @Override
        public void processAnnounced() {
            if (!stopping && model.processCount() > spec.maxProcesses()) {
                stop(StopReason.PROCESS_LIMIT);
            }
            lowerIfBusy();
        }

        @Override
        public void supervisorHello(JsonNode hello, OutputStream out) {
            supervisorPid = hello.path("pid").asLong(-1);
            commands = out;
            supervisorReady.countDown();
            if (stopping) {
                sendCommand("{\"k\":\"stop\",\"graceMs\":" + spec.stopGrace().toMillis() + "}\n");
            }
        }

        @Override
        public void supervisorMessage(MessageReader.Message m) {
            JsonNode j = m.json();
            long t = j.path("t").asLong(Clock.nowMicros());
            switch (m.kind()) {
                case "spawned" -> model.append(new RunEvent.RootSpawned(t, j.path("pid").asLong(),
                        j.path("startTicks").isNumber() ? j.path("startTicks").asLong() : -1));
                case "spawn-failed" -> spawnFailure = "Could not start " + String.join(" ", spec.command()) + ": "
                        + j.path("message").asText();
                case "reaped" -> model.append(new RunEvent.Reaped(t, supervisorPid, j.path("child").asLong(),
                        j.path("exitcode").asInt(), j.path("status").asInt()));
                case "signalled" -> model.append(new RunEvent.Signalled(t, j.path("pid").asLong(), j.path("signal").asInt()));
                case "done" -> doneAt = t;
                case "niced" -> model.append(new RunEvent.PriorityLowered(t, j.path("steps").asInt(),
                        lowerReason == null ? "it turned busy" : lowerReason));
                default -> {
                    // newer supervisors may say more
                }
            }
        }

        @Override
        public void supervisorClosed() {
            commands = null;
            supervisorConnectionRead.countDown();
        }
    }
}
