package org.processlab.run;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.processlab.model.Clock;
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
 * <p>The session is the run's lifecycle; each part of the work is a class of its own:
 * <ul>
 *   <li>{@link TraceServer} over a {@link TraceTransport}: the connections, their messages turned into the model's
 *       events by {@link AgentMessages} and {@link SupervisorMessages};</li>
 *   <li>{@link Supervisor}: the supervisor's process (started with its program here; it can also be started first
 *       and handed the program later); {@link SupervisorLink}: typed {@link SupervisorCommand}s to it, and what it
 *       says of the run;</li>
 *   <li>{@link RunWatch}: the {@code /proc} sampling loop, with {@link RunLimits} and the {@link BusyPolicy};</li>
 *   <li>{@link TreeKiller}: the safety net; {@link RunRegistry}: every live run, for quitting.</li>
 * </ul>
 *
 * <h2>Threading</h2>
 * All public methods are thread-safe. Each run has a thread of its own ({@code run-TITLE}), which starts the parts,
 * runs the {@link RunWatch} and ends the run; {@link #ended()} completes on it (or on the caller's thread of
 * {@link #failed}). {@link #stop} comes from any thread (the person, a limit on the run's thread, a connection's
 * thread when an agent announces one process too many). {@link #sendInput} and {@link #endInput} come from any
 * thread too (the CLI's stdin reader), and {@link #interrupt} (the FX thread, the CLI's SIGINT handler). Fields:
 * <ul>
 *   <li>{@code stopping}, {@code interrupts} and the {@link BusyPolicy}'s state: guarded by {@code lock}; written by
 *       whoever stops or interrupts the run, and by the run's thread and the connections' threads as they check the
 *       run.</li>
 *   <li>{@code server} and {@code supervisor}: the run's thread's own (set while it starts the run, read by it
 *       alone).</li>
 * </ul>
 */
public final class RunSession implements AutoCloseable {
    /**
     * A run that has had this many processes is busy (see {@link RunSpec#niceWhenBusy}): no lesson makes more than
     * about ten, a fork storm many more.
     */
    public static final int BUSY_PROCESSES = BusyPolicy.PROCESSES;

    /**
     * A run that prints at this rate (output lines a second, over at least a quarter of a second) is busy: lessons
     * print a few dozen lines in all; a flood, tens of thousands a second, keeps the window's threads working.
     */
    public static final int BUSY_LINES_PER_SECOND = BusyPolicy.LINES_PER_SECOND;

    /** How long a supervisor has to connect and say hello. */
    static final Duration READY_WITHIN = Duration.ofSeconds(15);
    /** How long the end of a run waits for the supervisor's last messages, then for the agents' connections. */
    static final Duration LAST_WORDS_WITHIN = Duration.ofSeconds(3);

    /** How long a supervisor seen gone may take to be seen to have said "done" before its run is ended as lost. */
    static final Duration SUPERVISOR_LAST_WORD = Duration.ofMillis(100);

    /** How long quitting waits for each live run before it forces it. */
    static final Duration CLOSE_ALL_WAIT = Duration.ofMillis(2500);
    private static final RunRegistry LIVE = RunRegistry.withShutdownHook(CLOSE_ALL_WAIT);

    private final RunSpec spec;
    private final RunModel model;
    private final CompletableFuture<RunSnapshot> ended = new CompletableFuture<>();
    private final TraceServer.TransportFactory transport;
    private final SupervisorLink link = new SupervisorLink();
    private final RunLimits limits;
    private final TreeKiller killer;
    /** The session as its registry and its watch see it. */
    private final Controls controls = new Controls();
    private final Object lock = new Object();
    /** Held while one call's input is sent, so input from two threads is never interleaved piece by piece. */
    private final Object inputLock = new Object();
    // Guarded by lock.
    private boolean stopping;
    /** How many times the run was interrupted ({@link #interrupt()}); the supervisor counts the same commands. */
    private int interrupts;
    private final BusyPolicy busy = new BusyPolicy();
    // The run's thread's own.
    private TraceServer server;
    private Supervisor supervisor;
    /** How the run is held together: written once by the run's thread before the supervisor starts. */
    private volatile RunContainment containment;
    /** When the supervisor was seen gone (epoch µs), or -1: written once by the thread that saw it. */
    private volatile long supervisorGoneAt = -1;

    private RunSession(RunSpec spec, RunModel model, TraceServer.TransportFactory transport) {
        this.spec = spec;
        this.model = model;
        this.transport = transport;
        this.limits = spec == null ? null : RunLimits.of(spec);
        this.killer = new TreeKiller(model);
    }

    /**
     * Starts a run. Returns at once; the model fills in as the run goes.
     *
     * @param spec  what to run
     * @param model an empty model that receives every event of this run
     */
    public static RunSession start(RunSpec spec, RunModel model) {
        return start(spec, model, SelectorTransport::open);
    }

    /** {@link #start(RunSpec, RunModel)} over another trace transport. */
    static RunSession start(RunSpec spec, RunModel model, TraceServer.TransportFactory transport) {
        RunSession s = new RunSession(spec, model, transport);
        LIVE.add(s.controls);
        Thread th = new Thread(s::driveGuarded, "run-" + spec.title());
        th.setDaemon(true);
        th.start();
        return s;
    }

    /** Starts a run that could not even be prepared (no interpreter, no such file): it fails at once with {@code message}. */
    public static RunSession failed(String title, String message, RunModel model) {
        RunSession s = new RunSession(null, model, null);
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
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Ends every process of the run: SIGTERM, then SIGKILL after the grace time. For the person's Stop button. */
    public void stop() {
        stop(StopReason.USER);
    }

    /** Ends every process of the run for {@code reason}; a limit uses SIGKILL at once (after freezing the tree). */
    public void stop(StopReason reason) {
        synchronized (lock) {
            if (ended.isDone() || stopping) {
                return;
            }
            stopping = true;
            model.append(new RunEvent.StopRequested(Clock.nowMicros(), reason));
            boolean hard = reason == StopReason.PROCESS_LIMIT;
            link.send(hard ? new SupervisorCommand.Kill() : new SupervisorCommand.Stop(spec.stopGrace().toMillis()));
            killer.killAllUnlessEndedWithin(ended, (hard ? 0 : spec.stopGrace().toMillis()) + 1_000);
        }
    }

    /**
     * Interrupts the run as a terminal's Ctrl+C does. The first call sends SIGINT to the program's process group (its
     * default disposition is the program's, so Python raises {@code KeyboardInterrupt} in every process, which may
     * clean up and end by itself with its own status); the second sends SIGTERM to every process of the run; the third
     * freezes and kills it. Nothing follows by a timer: a program that handles SIGINT runs on until it ends, is
     * interrupted again, or is stopped ({@link #stop()} still works after an interrupt). The run's
     * {@link RunSnapshot#stoppedBy()} becomes {@link StopReason#INTERRUPT} unless a stop came first; a process
     * re-parented from then on is not flagged as an orphan.
     *
     * <p>Threading: any thread (the FX thread, the CLI's signal handler thread).
     *
     * @return what this call asked for, or null when the run has ended or is being stopped (a stop escalates by itself)
     */
    public InterruptStep interrupt() {
        synchronized (lock) {
            if (ended.isDone() || stopping) {
                return null;
            }
            InterruptStep step = InterruptStep.after(interrupts++);
            if (step == InterruptStep.SIGINT) {
                // before the signal: whatever the interrupt re-parents is ProcessLab's doing, not the program's
                model.append(new RunEvent.StopRequested(Clock.nowMicros(), StopReason.INTERRUPT));
            }
            link.send(new SupervisorCommand.Interrupt());
            if (step == InterruptStep.SIGKILL) {
                stopping = true;
                killer.killAllUnlessEndedWithin(ended, 1_000);   // the safety net of Stop's kill, should the supervisor fail
            }
            return step;
        }
    }

    /**
     * Sends {@code len} bytes of {@code bytes} from {@code off} to the main process's stdin, after those sent before
     * (in pieces of at most 32 KiB, the protocol's {@code MAX_STDIN}). The bytes are copied: the caller may reuse
     * its array. Before the supervisor is connected they wait for it; once the run has ended, after
     * {@link #endInput}, or when the program has closed its stdin, they are dropped, as a terminal would. The
     * supervisor keeps at most 1 MiB a program has not read yet; beyond that it drops input.
     *
     * <p>Threading: any thread; calls from several threads each arrive whole, in the order they took the lock.
     *
     * @throws IllegalStateException when the run's spec does not take its stdin from the app
     *                               ({@link RunSpec#withStdinFromApp})
     */
    public void sendInput(byte[] bytes, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, bytes.length);
        requireInputFromApp();
        synchronized (inputLock) {
            for (int at = off; at < off + len; at += SupervisorCommand.Stdin.MAX_BYTES) {
                int n = Math.min(SupervisorCommand.Stdin.MAX_BYTES, off + len - at);
                link.send(new SupervisorCommand.Stdin(java.util.Arrays.copyOfRange(bytes, at, at + n)));
            }
        }
    }

    /**
     * End-of-file on the main process's stdin, once the bytes sent before are written (Ctrl+D in a terminal). Input
     * sent after it is dropped.
     *
     * <p>Threading: any thread.
     *
     * @throws IllegalStateException when the run's spec does not take its stdin from the app
     */
    public void endInput() {
        requireInputFromApp();
        synchronized (inputLock) {
            link.send(new SupervisorCommand.StdinEnd());
        }
    }

    private void requireInputFromApp() {
        if (spec == null || !spec.stdinFromApp()) {
            throw new IllegalStateException("this run's stdin is /dev/null, not a pipe from the app");
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
            killer.killAll();
        }
    }

    /** Ends every live run: for quitting the app (also runs as a JVM shutdown hook). */
    public static void closeAll() {
        LIVE.closeAll(CLOSE_ALL_WAIT);
    }

    private boolean stopping() {
        synchronized (lock) {
            return stopping;
        }
    }

    /**
     * Asks the supervisor to lower the run by {@link RunSpec#niceWhenBusy} steps the first time the {@link BusyPolicy}
     * finds it busy. Called by the run's thread after each sample, and on a connection's thread as soon as an agent
     * tells of a new process; only while the supervisor is connected and the run is not stopping.
     */
    private void lowerIfBusy() {
        synchronized (lock) {
            if (spec.niceWhenBusy() <= 0 || busy.hasSaid() || stopping || !link.connected()) {
                return;
            }
            String why = busy.check(System.nanoTime(), model.output().size(), model.processCount());
            if (why != null) {
                link.lower(spec.niceWhenBusy(), why);
            }
        }
    }

    /** An agent told of a new process (a connection's thread): the process limit is checked at once, not at the next sample. */
    private void processAnnounced() {
        if (!stopping() && limits.tooManyProcesses(model.processCount())) {
            stop(StopReason.PROCESS_LIMIT);
        }
        lowerIfBusy();
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
            synchronized (lock) {
                stopping = true;
            }
            try {
                link.send(new SupervisorCommand.Kill());   // the whole tree, at once
            } catch (Throwable ignored) {
                // the supervisor also ends the tree when our connection closes (fail() closes it)
            }
            try {
                fail("ProcessLab's run broke (" + e + "); every process of the run was ended.");
            } catch (Throwable again) {
                closeServer();
                LIVE.remove(controls);
                ended.completeExceptionally(e);
            }
            Supervisor sup = supervisor;
            if (sup != null && sup.process().isAlive()) {
                // the supervisor ends the tree once our connection closes; it gets its grace period, then goes
                killer.killAllIfAliveAfter(sup.process(), spec.stopGrace().toMillis() + 2_000);
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
        model.append(new RunEvent.RunStarted(Clock.nowMicros(), spec.title(), spec.command(),
                spec.startMethod() == null ? null : spec.startMethod().wireName()));
        RunContainment contain = RunContainment.prepare(spec.maxProcesses(), spec.cgroups());
        containment = contain;
        killer.contain(contain);
        model.append(new RunEvent.Contained(Clock.nowMicros(), contain.kind(), spec.maxProcesses()));
        try {
            server = new TraceServer(model, link, this::processAnnounced, transport);
            supervisor = Supervisor.startWith(new Supervisor.Launch(spec.supervisor(), spec.stopGrace(), spec.nice(),
                            contain),
                    new SupervisorCommand.Run(spec.command(),
                            spec.workingDir() == null ? null : spec.workingDir().toString(), spec.env(),
                            spec.stdinFromApp()),
                    server, link);
        } catch (IOException | RuntimeException e) {
            fail("Could not start the run: " + e.getMessage());
            return;
        }
        model.setSupervisorPid(supervisor.pid());
        ProcessSampler sampler = new ProcessSampler(supervisor.pid(), model::append);
        killer.track(supervisor.process(), sampler);
        Supervisor sup = supervisor;
        sup.process().onExit().thenRun(() -> {
            // at once: a program that killed its supervisor must not run on unwatched. Its connection ends with it, so
            // whether it said "done" is known within milliseconds (at most SUPERVISOR_LAST_WORD, should it hang).
            supervisorGoneAt = Clock.nowMicros();
            link.read().copy().completeOnTimeout(null, SUPERVISOR_LAST_WORD.toMillis(), TimeUnit.MILLISECONDS)
                    .thenRun(() -> contain.supervisorGone(sweeperCommand(),
                            link.doneAt() >= 0 || link.spawnFailure() != null, sup.pid(), rootPid()));
        });
        try {
            if (!supervisor.awaitReady(READY_WITHIN) && supervisor.process().isAlive()) {
                supervisor.process().destroyForcibly();
                fail("ProcessLab's supervisor did not connect within " + READY_WITHIN.toSeconds() + " s. "
                        + supervisor.log());
                return;
            }
            new RunWatch(sampler, model, limits, controls, contain).watch(supervisor.process());
            awaitSupervisorWords();
            if (link.doneAt() < 0 && link.spawnFailure() == null) {
                endLost();
            }
            awaitAgents();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finish();
    }

    /**
     * The supervisor has exited, but its connection may still hold its last messages (the root's reap, "done", the
     * last untraced output), and the agents' connections theirs: the end waits for them. Without this wait, a run on
     * a busy machine sometimes ended with the root's exit code unknown (CI: 1 run in a few hundred).
     */
    private void awaitSupervisorWords() throws InterruptedException {
        if (link.ready().isDone()) {
            try {
                link.read().get(LAST_WORDS_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // end with what was read
            }
        }
    }

    /**
     * The supervisor exited without saying the run is done: the program (or someone) killed it, or ProcessLab's own net
     * did. Whatever it left is lost from view from the moment it went; the containment ends it all, looking again until
     * nothing is left, while the agents' connections are still read (their lines land on their lanes); then ProcessLab's
     * net ends by PID and start time whatever the model knows.
     */
    private void endLost() {
        long t = supervisorGoneAt >= 0 ? supervisorGoneAt : Clock.nowMicros();
        model.append(new RunEvent.SupervisorLost(t, supervisor.process().exitValue(), killer.fired()));
        RunContainment.Outcome done = containment.endAll(sweeperCommand(), supervisor.pid(), rootPid());
        killer.killAll();
        model.append(new RunEvent.LostEnded(Clock.nowMicros(), done.by(), done.found(), done.left()));
    }

    /** The command that runs sweep.py, beside the supervisor's script with the same interpreter; or null. */
    private List<String> sweeperCommand() {
        List<String> sup = spec.supervisor();
        String script = sup.isEmpty() ? "" : sup.get(sup.size() - 1);
        if (!script.endsWith("supervisor.py")) {
            return null;
        }
        List<String> cmd = new java.util.ArrayList<>(sup.subList(0, sup.size() - 1));
        cmd.add(java.nio.file.Path.of(script).resolveSibling("sweep.py").toString());
        return cmd;
    }

    /** The root's PID (its session's id), or -1 before it exists. */
    private long rootPid() {
        return model.snapshot().main().map(org.processlab.model.ProcessView::pid).orElse(-1L);
    }

    private void awaitAgents() throws InterruptedException {
        // Every process has ended; their agent connections close by themselves. Read them to the end. A process
        // that connected and ended while the channel was busy may still be in the OS's queue of new connections,
        // counted nowhere: those are accepted first, or their lines would be dropped with the queue.
        long waitUntil = System.nanoTime() + LAST_WORDS_WITHIN.toNanos();
        CountDownLatch allAccepted = new CountDownLatch(1);
        server.acceptQueued(allAccepted::countDown);
        allAccepted.await(waitUntil - System.nanoTime(), TimeUnit.NANOSECONDS);
        while (server.openAgentConnections() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(5);
        }
    }

    private void finish() {
        String spawnFailure = link.spawnFailure();
        if (spawnFailure != null) {
            fail("Could not start " + String.join(" ", spec.command()) + ": " + spawnFailure);
            return;
        }
        long doneAt = link.doneAt();
        RunContainment contain = containment;
        if (contain != null) {
            long refused = contain.forksRefused();
            if (refused >= 0) {
                model.append(new RunEvent.ForksRefused(Clock.nowMicros(), refused));
            }
            contain.remove();
        }
        long t = doneAt >= 0 ? doneAt : Clock.nowMicros();
        model.append(new RunEvent.RunEnded(t, model.snapshot().rootStatus()));
        closeServer();
        LIVE.remove(controls);
        ended.complete(model.snapshot());
    }

    private void fail(String message) {
        RunContainment contain = containment;
        if (contain != null) {
            contain.remove();       // the groups of a run that never started, or whatever is empty by now
        }
        try {
            model.append(new RunEvent.RunFailed(Clock.nowMicros(), message));
        } catch (RuntimeException e) {
            // the event is in the model (a listener of it failed, after): the run still ends, failed
        }
        closeServer();
        LIVE.remove(controls);
        ended.complete(model.snapshot());
    }

    private void closeServer() {
        TraceServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /** What {@link RunRegistry} and {@link RunWatch} may do to the session (kept off its public API). */
    private final class Controls implements RunRegistry.Member, RunWatch.Run {
        @Override
        public void stop() {
            RunSession.this.stop();
        }

        @Override
        public void stop(StopReason reason) {
            RunSession.this.stop(reason);
        }

        @Override
        public void await(Duration timeout) throws InterruptedException {
            RunSession.this.await(timeout);
        }

        @Override
        public boolean hasEnded() {
            return ended.isDone();
        }

        @Override
        public void forceEnd() {
            killer.killAll();
        }

        @Override
        public boolean stopping() {
            return RunSession.this.stopping();
        }

        @Override
        public void lowerIfBusy() {
            RunSession.this.lowerIfBusy();
        }
    }
}
