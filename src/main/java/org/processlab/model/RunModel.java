package org.processlab.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.processlab.model.RunEvent.OutputLine;

/**
 * The single truth about one run: an append-only log of {@link RunEvent}s from every source, the
 * output lines, and the per-process state derived from them.
 *
 * <h2>How sources are merged</h2>
 * Processes are matched by PID and, where a source gives it, kernel start time ({@link ProcKey}); an event
 * about a PID goes to the latest process with that PID. Times are bounded by what each source can know:
 * <ul>
 *   <li><b>start</b>: the OS start time (10 ms precision) clamped between the parent's {@code start()} call
 *       (or the run's start, for main) and the earliest moment anyone saw the process (its agent's hello,
 *       the sampler, {@code start()} returning);</li>
 *   <li><b>end</b>: the earliest of its agent's last word, its reap, the first sample showing it a zombie,
 *       the sampler losing it, and a {@code join()} that returned with it dead — so a child's end is never
 *       after the join that reaped it;</li>
 *   <li><b>exit code</b>: from the {@code waitpid} status its reaper saw (exact: tells SIGKILL from exit
 *       137), else what {@code join()} reported, else the agent's last word.</li>
 * </ul>
 * What each event changes is in {@code EventApplier} (one method per kind), Process objects not started yet in
 * {@code StandIns}, the states a lane shows in {@code LaneStates}, the order of the processes in {@code TreeOrder}.
 *
 * <h2>Threading</h2>
 * {@link #append} may be called from any thread (ingest threads); it is serialised by an internal lock and
 * never blocks for long. The first append after {@link #clearDirty()} calls the listener set with
 * {@link #onDirty} once, on the appending thread: that clean→dirty transition is the only moment a view
 * is asked to refresh. {@link #snapshot()} may be called from any thread and returns an immutable copy.
 */
public final class RunModel {
    // Guarded by lock: written by the ingest threads (append, appendLines) and by the thread
    // starting the run (setSupervisorPid); read under it by snapshot(), events(), processCount() and untracedWriter()
    // on any thread.
    private final Object lock = new Object();
    /** The lifecycle events in arrival order (output lines are in {@link #output}). */
    private final List<RunEvent> events = new ArrayList<>();
    private final RunFacts run = new RunFacts();
    private final ProcessTable table = new ProcessTable();
    private final EventApplier applier;
    /** The line each output stream has begun and not finished (a prompt): apart from {@link #output}'s lines. */
    private final UnfinishedLines unfinished = new UnfinishedLines();
    private long version;

    // Safe without the lock:
    /** Thread-safe on its own; written only under {@link #lock} (so its lines keep the model's order), read by any thread. */
    private final OutputLog output;
    /** A run read back ({@link #finished}): what {@link #snapshot()} gives, and why appends throw; else null. */
    private final RunSnapshot finished;
    /** Set by any appending thread, cleared by the thread that takes a snapshot for a view. */
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Written by {@link #onDirty} (the view's thread); run by the appending thread. */
    private volatile Runnable dirtyListener = () -> { };

    /** A model whose output log keeps every line in memory (for the CLI and tests). */
    public RunModel() {
        this(new OutputLog());
    }

    /** A model writing output to {@code output} (for the window: {@link OutputLog#bounded}). */
    public RunModel(OutputLog output) {
        this(output, null);
    }

    private RunModel(OutputLog output, RunSnapshot finished) {
        this.output = output;
        this.finished = finished;
        this.applier = new EventApplier(run, table, new StandIns(table, run), output);
    }

    /**
     * A model holding a run that has ended and was read back (a saved run): {@link #snapshot()} gives {@code snapshot}
     * as it is (its own {@code now}), {@link #output()} gives {@code output}, and nothing can be added: every append
     * throws {@link IllegalStateException}. {@link #events()} is empty (the run's events were not kept). A view watching
     * it gets the whole run in its first frame, as for a run that has just ended.
     *
     * @param snapshot the run at its end
     * @param output   its output, complete (nothing more is appended to it)
     * @throws IllegalArgumentException when the run in {@code snapshot} has not ended (ended or failed)
     */
    public static RunModel finished(RunSnapshot snapshot, OutputLog output) {
        if (!snapshot.status().finished()) {
            throw new IllegalArgumentException("a run read back has ended; this one is " + snapshot.status());
        }
        return new RunModel(java.util.Objects.requireNonNull(output), snapshot);
    }

    /** Refuses a change to a run read back. */
    private void checkLive() {
        if (finished != null) {
            throw new IllegalStateException("this run was read back: it has ended and cannot change");
        }
    }

    /** Sets the listener called on each clean→dirty transition (on the appending thread). */
    public void onDirty(Runnable listener) {
        dirtyListener = listener == null ? () -> { } : listener;
    }

    /** Marks the model clean; returns whether it was dirty. Call before taking a snapshot for a view. */
    public boolean clearDirty() {
        return dirty.getAndSet(false);
    }

    /** All output lines of the run. */
    public OutputLog output() {
        return output;
    }

    /** A copy of the lifecycle events so far (output lines are in {@link #output()}). */
    public List<RunEvent> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** Records the PID of ProcessLab's supervisor (never listed; an orphan's new parent). */
    public void setSupervisorPid(long pid) {
        checkLive();
        synchronized (lock) {
            run.supervisorPid = pid;
        }
    }

    /** How many processes the run has had so far, ended ones included. */
    public int processCount() {
        if (finished != null) {
            return (int) finished.processes().stream().filter(p -> !p.notStarted()).count();
        }
        synchronized (lock) {
            return table.processCount();
        }
    }

    /** Adds one event. Thread-safe. Throws {@link IllegalStateException} for a run read back ({@link #finished}). */
    public void append(RunEvent e) {
        checkLive();
        synchronized (lock) {
            version++;
            if (!(e instanceof OutputLine)) {
                events.add(e);
            }
            e.accept(applier);
        }
        markDirty();
    }

    /**
     * Adds lines that arrived together from one process's stream (same time {@code t}, epoch µs), kept as
     * byte slices, under one lock: the ingest's path, fast for floods. {@code pid} 0 means "no agent said
     * who". When the batch tells the stream's unfinished line ({@link LineBatch#tellsUnfinished()}), the model
     * keeps it apart from the lines (see {@link RunSnapshot#unfinishedLines()}): a line is counted, logged and
     * exported once, when finished. {@code untraced} lines come from the supervisor's pipes, which are one stream
     * each whoever writes to them. Thread-safe. Throws {@link IllegalStateException} for a run read back.
     */
    public void appendLines(long t, long pid, Stream stream, LineBatch lines, boolean untraced) {
        appendLines(t, pid, stream, lines, untraced, false);
    }

    /**
     * As {@link #appendLines(long, long, Stream, LineBatch, boolean)}, for lines of {@code pid}'s own output channel;
     * {@code shared} when that channel was held by several live processes: the lines are {@code pid}'s or one of its
     * untraced children's ({@link OutputLine#shared}). A channel names its writer, so its lines stay that PID's even
     * before the model knows the process (a {@code subprocess} child's first line can overtake its parent's
     * {@code spawn}): they are on its lane once it is known. Only {@code untraced} lines and PID 0 go to the model's
     * best guess.
     */
    public void appendLines(long t, long pid, Stream stream, LineBatch lines, boolean untraced, boolean shared) {
        checkLive();
        if (lines.isEmpty() && !lines.tellsUnfinished()) {
            return;
        }
        synchronized (lock) {
            version++;
            long who = untraced || pid == 0 ? applier.writerOf(pid) : pid;
            boolean guessed = untraced || who != pid;
            if (!lines.isEmpty()) {
                output.appendAll(t, who, stream, lines, guessed, shared && !guessed);
            }
            if (lines.tellsUnfinished()) {
                unfinished.update(t, untraced ? 0 : pid, who, stream, guessed, shared && !guessed, lines);
            }
        }
        markDirty();
    }

    private void markDirty() {
        if (dirty.compareAndSet(false, true)) {
            dirtyListener.run();
        }
    }

    /**
     * Who wrote bytes that reached the shared output pipe without an agent: the only untraced process of the
     * run that could have, or 0 when that is not one process. {@code running} is what the OS said at
     * {@code scannedAt} (epoch µs) about which processes were still there (running, or zombies not yet
     * reaped); a process first seen after that scan could have written too. Null {@code running}: the OS said
     * nothing; every untraced process not known to have ended counts.
     */
    public long untracedWriter(Collection<Long> running, long scannedAt) {
        synchronized (lock) {
            return table.untracedWriter(running, scannedAt, run.rootPid);
        }
    }

    /** An immutable picture of the run now. Thread-safe; costs O(processes + their spans). */
    public RunSnapshot snapshot() {
        return snapshot(Clock.nowMicros());
    }

    /**
     * The picture of the run as {@link #snapshot()} gives it, with {@code now} (epoch µs) as its present: where the
     * lanes of processes still alive end. A model rebuilt from a prefix of another's {@link #events()} and given the
     * last event's time shows the run as it was then. A run read back ({@link #finished}) gives its snapshot as it is,
     * whatever {@code now}. Thread-safe.
     */
    public RunSnapshot snapshot(long now) {
        if (finished != null) {
            return finished;
        }
        synchronized (lock) {
            List<ProcessView> views = new ArrayList<>(table.all().size());
            TreeOrder.walk(table, run.rootPid, (p, depth) -> views.add(view(p, depth)));
            return new RunSnapshot(version, run.status, run.title, run.startedAt, run.endedAt, now, List.copyOf(views),
                    run.rootStatus, run.stoppedBy, run.error, List.copyOf(run.startMethods), run.requestedMethod,
                    run.supervisorPid, output.size(), unfinished.now(), run.rejected, run.priorityLowered,
                    run.inputDropped, run.refusals, run.containment, pastLimit(views), run.forksRefused,
                    run.supervisorLoss);
        }
    }

    /** Processes listed beyond the run's process limit (Process objects never started do not count); 0 without one. */
    private int pastLimit(List<ProcessView> views) {
        if (run.maxProcesses <= 0) {
            return 0;
        }
        int started = 0;
        for (ProcessView v : views) {
            if (!v.notStarted()) {
                started++;
            }
        }
        return Math.max(0, started - run.maxProcesses);
    }

    /** One process as a lane shows it; {@code depth} from {@link TreeOrder}. */
    private ProcessView view(ProcessFacts p, int depth) {
        long pid = p.key.pid();
        boolean main = pid == run.rootPid;
        long started = LaneStates.startedAt(p, run);
        long ended = LaneStates.endedAt(p, started, run);
        List<Span<LifeState>> states = LaneStates.lifeStates(p, started, ended, run, table);
        if (p.standIn()) {
            started = -1;
            ended = -1;
        }
        return new ProcessView(p.key, p.ppid, main ? 0 : p.parent, main ? Role.MAIN : p.role,
                p.name != null ? p.name : shortName(p.commandAtStart()), p.label, p.target, p.args, p.command, p.traced,
                p.helperKind, p.method, p.daemon, p.startCalledAt, started, ended, p.reapedOrJoinedAt(), p.exitCode(),
                p.orphanedAt >= 0, p.orphanedAt, depth, states, LaneStates.kernelStates(p, ended, run),
                List.copyOf(p.joins), output.count(pid, Stream.STDOUT), output.count(pid, Stream.STDERR),
                p.startFailure, LaneStates.lostAt(p, started, run), p.execs.isEmpty() ? List.of() : List.copyOf(p.execs),
                p.named, p.shownLabel);
    }

    /**
     * A short name for a process known only by its command line: the script for an interpreter
     * ({@code python3 /x/worker.py 3} → {@code worker.py}), else the program's file name.
     */
    static String shortName(String command) {
        if (command == null || command.isBlank()) {
            return "?";
        }
        String[] words = command.trim().split("\\s+");
        String prog = words[0].substring(words[0].lastIndexOf('/') + 1);
        if (prog.startsWith("python") || prog.equals("sh") || prog.equals("bash") || prog.equals("node")) {
            for (int i = 1; i < words.length; i++) {
                if (words[i].equals("-c") || words[i].equals("-m")) {
                    return prog + " " + words[i] + (i + 1 < words.length ? " " + words[i + 1] : "");
                }
                if (!words[i].startsWith("-")) {
                    return words[i].substring(words[i].lastIndexOf('/') + 1);
                }
            }
        }
        return prog;
    }
}
