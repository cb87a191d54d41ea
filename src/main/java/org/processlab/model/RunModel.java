package org.processlab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.processlab.model.RunEvent.ChildBooted;
import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.Exiting;
import org.processlab.model.RunEvent.HelperStarted;
import org.processlab.model.RunEvent.JoinBegan;
import org.processlab.model.RunEvent.JoinEnded;
import org.processlab.model.RunEvent.KernelState;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunEvent.ParentChanged;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunEnded;
import org.processlab.model.RunEvent.RunFailed;
import org.processlab.model.RunEvent.RunStarted;
import org.processlab.model.RunEvent.Signalled;
import org.processlab.model.RunEvent.StopRequested;
import org.processlab.model.RunEvent.Vanished;

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
 *
 * <h2>Threading</h2>
 * {@link #append} may be called from any thread (ingest threads); it is serialised by an internal lock and
 * never blocks for long. The first append after {@link #clearDirty()} calls the listener set with
 * {@link #onDirty} once, on the appending thread: that clean→dirty transition is the only moment a view
 * is asked to refresh. {@link #snapshot()} may be called from any thread and returns an immutable copy.
 */
public final class RunModel {
    private final Object lock = new Object();
    private final List<RunEvent> events = new ArrayList<>();
    private final List<Proc> procs = new ArrayList<>();
    private final Map<Long, Proc> latest = new HashMap<>();
    /** Process objects made but not started, by "parent PID:made number". */
    private final Map<String, Proc> made = new HashMap<>();
    /** Per parent PID, the Process object whose start() it is in: {obj, when start() was called}. */
    private final Map<Long, long[]> starting = new HashMap<>();
    /** The next stand-in PID for a Process object not started yet: -1, -2, … (never a real PID). */
    private long nextStandIn = -1;
    private final OutputLog output;
    private final Set<String> methods = new LinkedHashSet<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile Runnable dirtyListener = () -> { };

    private long version;
    private RunStatus status = RunStatus.NOT_STARTED;
    private String title = "";
    private long startedAt = -1;
    private long endedAt = -1;
    private long rootPid = -1;
    private long supervisorPid = -1;
    private Integer rootStatus;
    private StopReason stoppedBy;
    private RunEvent.PriorityLowered priorityLowered;
    private long stopRequestedAt = -1;
    private String error;
    private String requestedMethod;
    private long rejected;

    /** A model whose output log keeps every line in memory (for the CLI and tests). */
    public RunModel() {
        this(new OutputLog());
    }

    /** A model writing output to {@code output} (for the window: {@link OutputLog#bounded}). */
    public RunModel(OutputLog output) {
        this.output = output;
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

    /** Counts a trace connection that was closed for a wrong token or a malformed message. */
    public void countRejectedConnection() {
        synchronized (lock) {
            rejected++;
            version++;
        }
        markDirty();
    }

    /** Records the PID of ProcessLab's supervisor (never listed; an orphan's new parent). */
    public void setSupervisorPid(long pid) {
        synchronized (lock) {
            supervisorPid = pid;
        }
    }

    /** How many processes the run has had so far, ended ones included. */
    public int processCount() {
        synchronized (lock) {
            int n = 0;
            for (Proc p : procs) {
                if (p.listed() && !p.standIn()) {
                    n++;
                }
            }
            return n;
        }
    }

    /** Adds one event. Thread-safe. */
    public void append(RunEvent e) {
        synchronized (lock) {
            version++;
            if (e instanceof OutputLine line) {
                addLine(line);
            } else {
                events.add(e);
                apply(e);
            }
        }
        markDirty();
    }

    /**
     * Adds lines that arrived together from one process's stream (same time {@code t}, epoch µs), kept as
     * byte slices, under one lock: the ingest's path, fast for floods. {@code pid} 0 means "no agent said
     * who". Thread-safe.
     */
    public void appendLines(long t, long pid, Stream stream, LineBatch lines, boolean untraced) {
        if (lines.isEmpty()) {
            return;
        }
        synchronized (lock) {
            version++;
            long who = pid == 0 || !latest.containsKey(pid) ? attributeUntraced() : pid;
            output.appendAll(t, who, stream, lines, untraced || who != pid);
        }
        markDirty();
    }

    private void markDirty() {
        if (dirty.compareAndSet(false, true)) {
            dirtyListener.run();
        }
    }

    private void addLine(OutputLine line) {
        long pid = line.pid();
        if (pid == 0 || !latest.containsKey(pid)) {
            pid = attributeUntraced();
        }
        output.append(pid == line.pid() ? line : new OutputLine(line.t(), pid, line.stream(), line.text(), true));
    }

    /** Output no agent attributed (pid 0) is shown on main's lane, marked untraced. */
    private long attributeUntraced() {
        return rootPid > 0 ? rootPid : 0;
    }

    /**
     * Who wrote bytes that reached the shared output pipe without an agent: the only untraced process of the
     * run that could have, or 0 when that is not one process. {@code running} is what the OS said at
     * {@code scannedAt} (epoch µs) about which processes were still there (running, or zombies not yet
     * reaped); a process first seen after that scan could have written too. Null {@code running}: the OS said nothing; every untraced process not known to
     * have ended counts.
     */
    public long untracedWriter(java.util.Collection<Long> running, long scannedAt) {
        synchronized (lock) {
            long found = 0;
            for (Proc p : procs) {
                if (p.traced || p.standIn() || p.key.pid() == rootPid || !p.listed()) {
                    continue;
                }
                boolean possible = running == null ? p.endFact() < 0
                        : running.contains(p.key.pid()) || p.firstSeenAt > scannedAt;
                if (possible) {
                    if (found != 0) {
                        return 0;
                    }
                    found = p.key.pid();
                }
            }
            return found;
        }
    }

    private void apply(RunEvent e) {
        if (e instanceof RunStarted s) {
            status = RunStatus.STARTING;
            title = s.title();
            startedAt = s.t();
            requestedMethod = s.startMethod();
        } else if (e instanceof RootSpawned s) {
            rootPid = s.pid();
            Proc p = proc(s.pid(), s.startTicks());
            p.role = Role.MAIN;
            p.parent = 0;
            p.orphanedAt = -1;
            p.seen(s.t());
            if (p.name == null) {
                p.name = "MainProcess";
            }
            status = RunStatus.RUNNING;
        } else if (e instanceof RunFailed f) {
            status = RunStatus.FAILED;
            error = f.message();
            if (endedAt < 0) {
                endedAt = f.t();
            }
        } else if (e instanceof ProcessSeen s) {
            Proc p = proc(s.pid(), s.startTicks());
            if (p.ppid < 0 || (s.t() >= p.ppidAt && !stopOrphaned(s.t()))) {
                // the latest word on who the OS parent is; a first word after ProcessLab's stop re-parented the
                // process gives way to the parent known to have made it
                boolean byOurStop = s.ppid() == supervisorPid && stopOrphaned(s.t()) && p.parent > 0;
                p.ppid = byOurStop ? p.parent : s.ppid();
                p.ppidAt = s.t();
            }
            if (p.parent < 0 && s.pid() != rootPid && !(rootPid < 0 && s.ppid() == supervisorPid)) {
                p.parent = s.ppid() == supervisorPid ? rootPid : s.ppid();
            }
            if (s.ppid() == supervisorPid && rootPid > 0 && s.pid() != rootPid && p.orphanedAt < 0 && !stopOrphaned(s.t())) {
                p.orphanedAt = s.t();
            }
            if (s.startedAtOs() >= 0) {
                p.osStart = s.startedAtOs();
            }
            if (s.traced()) {
                p.traced = true;
            }
            if (p.command == null || s.traced()) {
                p.command = s.command();
            }
            p.seen(s.t());
            if (p.parent >= 0) {
                claimInterruptedStart(p.parent);
            }
        } else if (e instanceof RunEvent.ChildMade c) {
            Proc p = new Proc(new ProcKey(nextStandIn--, -1));
            p.parent = c.parent();
            p.name = c.name();
            p.target = c.target();
            p.args = c.args();
            p.createdAt = c.t();
            p.traced = true;
            procs.add(p);
            made.put(c.parent() + ":" + c.obj(), p);
        } else if (e instanceof RunEvent.ChildStarting c) {
            starting.put(c.parent(), new long[] {c.obj(), c.t()});
            claimInterruptedStart(c.parent());
        } else if (e instanceof ChildStarted c) {
            starting.remove(c.parent());
            Proc standIn = c.obj() >= 0 ? made.remove(c.parent() + ":" + c.obj()) : null;
            if (standIn != null) {
                procs.remove(standIn);   // the object now has its process: one lane, under its PID
            }
            Proc p = proc(c.child(), -1);
            if (standIn != null && p.createdAt < 0) {
                p.createdAt = standIn.createdAt;
            }
            p.parent = c.parent();
            p.startCalledAt = c.t();
            p.startReturnedAt = c.returnedAt();
            p.name = c.name();
            p.label = c.label();
            p.target = c.target();
            p.args = c.args();
            p.method = c.method();
            p.daemon = c.daemon();
            p.traced = true;
            undoStopReparent(p);
            if (c.method() != null) {
                methods.add(c.method());
            }
        } else if (e instanceof RunEvent.ChildCreated c) {
            proc(c.child(), -1).createdAt = c.t();
        } else if (e instanceof RunEvent.ChildSpawned c) {
            Proc p = proc(c.child(), -1);
            Proc standIn = c.obj() >= 0 ? made.remove(c.parent() + ":" + c.obj()) : null;
            if (c.obj() >= 0) {
                starting.remove(c.parent());
            }
            if (standIn != null) {
                // made by that object's start(): the object has its process now, even if the parent is killed before
                // start() returns (then no ChildStarted comes, and the object would stay "never started" beside a
                // nameless process)
                procs.remove(standIn);
                p.createdAt = p.createdAt < 0 ? standIn.createdAt : p.createdAt;
                p.startCalledAt = p.startCalledAt < 0 ? c.startCalledAt() : p.startCalledAt;
                p.name = p.name == null ? standIn.name : p.name;
                p.target = p.target == null ? standIn.target : p.target;
                p.args = p.args == null ? standIn.args : p.args;
            }
            if ((p.startCalledAt < 0 || standIn != null) && p.role != Role.HELPER) {
                p.parent = c.parent();      // the OS parent that made it; a start() elsewhere wins
            }
            if (p.ppid < 0) {
                p.ppid = c.parent();        // fork, posix_spawn and Popen make a child of the caller
                p.ppidAt = c.t();
            }
            undoStopReparent(p);
            if (p.command == null && c.command() != null) {
                p.command = c.command();
            }
            p.seen(c.t());
        } else if (e instanceof HelperStarted h) {
            Proc p = proc(h.child(), -1);
            p.role = Role.HELPER;
            p.helperKind = h.kind();
            if (p.parent < 0) {
                p.parent = h.parent();
            }
            if (p.startCalledAt < 0) {
                p.startCalledAt = h.t();
            }
            if (p.name == null || p.name.isEmpty()) {
                p.name = h.kind();
            }
        } else if (e instanceof ChildBooted b) {
            Proc p = proc(b.pid(), -1);
            if (b.name() != null) {
                p.name = b.name();
            }
            if (p.target == null) {
                p.target = b.target();
            }
            if (p.args == null) {
                p.args = b.args();
            }
            if (p.method == null) {
                p.method = b.method();
            }
            p.traced = true;
            p.seen(b.t());
            takeOverStandIn(p, b.name());
        } else if (e instanceof JoinBegan j) {
            proc(j.parent(), -1).joins.add(new long[] {j.child(), j.t(), Span.OPEN, 0});
        } else if (e instanceof JoinEnded j) {
            Proc parent = proc(j.parent(), -1);
            for (int i = parent.joins.size() - 1; i >= 0; i--) {
                long[] jr = parent.joins.get(i);
                if (jr[0] == j.child() && jr[2] == Span.OPEN) {
                    jr[2] = j.t();
                    jr[3] = j.alive() ? 0 : 1;
                    break;
                }
            }
            if (!j.alive()) {
                Proc child = proc(j.child(), -1);
                child.joinedDeadAt = min(child.joinedDeadAt, j.t());
                if (j.exitCode() != null) {
                    child.joinExit = j.exitCode();
                }
            }
        } else if (e instanceof Reaped r) {
            Proc p = proc(r.child(), -1);
            if (p.reapedAt < 0) {
                p.reapedAt = r.t();
                p.reapExit = r.exitCode();
                p.reapedBySupervisor = r.reaper() == supervisorPid;
            }
            if (r.reaper() == supervisorPid && supervisorPid > 0 && r.child() != rootPid && rootPid > 0
                    && p.ppid != supervisorPid) {
                // The supervisor's only child is the root: anything else it reaps was re-parented to it (it is the
                // run's child subreaper), however briefly it lived after its parent ended.
                Proc old = p.ppid > 0 ? latest.get(p.ppid) : null;
                long at = old != null && old.endFact() >= 0 ? Math.min(old.endFact(), r.t()) : r.t();
                if (p.ppid < 0 || !stopOrphaned(at)) {
                    // re-parented by ProcessLab's stop, never seen before: the parent it had, where that is known
                    p.ppid = p.ppid < 0 && stopOrphaned(at) && p.parent > 0 ? p.parent : supervisorPid;
                    p.ppidAt = at;
                    if (p.orphanedAt < 0 && !stopOrphaned(at)) {
                        p.orphanedAt = at;
                    }
                }
            } else if (p.ppid < 0 && r.reaper() > 0) {
                // only a process's parent can reap it (wait(2)): its OS parent, even if nothing else saw it
                p.ppid = r.reaper();
                p.ppidAt = r.t();
            }
            if (r.child() == rootPid) {
                rootStatus = Signals.toShellStatus(r.exitCode());
            }
            claimInterruptedStart(r.child());
        } else if (e instanceof Exiting x) {
            Proc p = proc(x.pid(), -1);
            p.exitingAt = min(p.exitingAt, x.t());
            if (x.code() != null) {
                p.exitingCode = x.code();
            }
        } else if (e instanceof KernelState k) {
            Proc p = latest.get(k.pid());
            if (p != null) {
                p.kernel.add(new long[] {k.t(), k.state()});
                if (k.state() == 'Z') {
                    p.zombieSeenAt = min(p.zombieSeenAt, k.t());
                }
            }
        } else if (e instanceof ParentChanged c) {
            Proc p = latest.get(c.pid());
            if (p != null) {
                // Re-parented: its parent ended first. Unless ProcessLab's own Stop did that: then the process keeps
                // the parent it had while the program ran, and is no orphan.
                if (!stopOrphaned(c.t())) {
                    if (c.t() >= p.ppidAt) {
                        p.ppid = c.newPpid();
                        p.ppidAt = c.t();
                    }
                    if (p.orphanedAt < 0) {
                        p.orphanedAt = c.t();
                    }
                }
            }
        } else if (e instanceof Vanished v) {
            Proc p = latest.get(v.pid());
            if (p != null) {
                p.vanishedAt = min(p.vanishedAt, v.t());
                claimInterruptedStart(v.pid());
            }
        } else if (e instanceof StopRequested s) {
            if (stoppedBy == null) {
                stoppedBy = s.reason();
                stopRequestedAt = s.t();
            }
            if (!status.finished()) {
                status = RunStatus.STOPPING;
            }
        } else if (e instanceof RunEnded r) {
            output.close();
            if (status != RunStatus.FAILED) {
                status = RunStatus.ENDED;
            }
            endedAt = r.t();
            if (r.rootStatus() != null && rootStatus == null) {
                rootStatus = r.rootStatus();
            }
        } else if (e instanceof RunEvent.PriorityLowered l) {
            if (priorityLowered == null) {
                priorityLowered = l;
            }
        } else if (e instanceof Signalled) {
            // kept in the event log; the process's end comes from its reap
        }
    }

    /**
     * A process whose first word on its parent came after ProcessLab's stop had re-parented it to the supervisor, and
     * whose real parent became known later: it keeps that parent (the stop is not the program's doing).
     */
    private void undoStopReparent(Proc p) {
        if (p.ppid == supervisorPid && supervisorPid > 0 && p.parent > 0 && p.parent != supervisorPid
                && p.orphanedAt < 0 && stopOrphaned(p.ppidAt)) {
            p.ppid = p.parent;
        }
    }

    /**
     * A parent killed inside {@code start()} (a run stopped at its limit) never says which process it made: once it
     * has ended, its one child first seen after start() was called that nothing else names (no start, no spawn
     * report, no name of its own, not a helper) is that Process object's process, and takes its stand-in's place.
     */
    private void claimInterruptedStart(long parentPid) {
        long[] st = starting.get(parentPid);
        Proc parent = latest.get(parentPid);
        if (st == null || parent == null || (parent.reapedAt < 0 && parent.vanishedAt < 0)) {
            return;
        }
        Proc standIn = made.get(parentPid + ":" + st[0]);
        if (standIn == null) {
            starting.remove(parentPid);
            return;
        }
        Proc only = null;
        for (Proc p : procs) {
            if (p.parent == parentPid && !p.standIn() && p.startCalledAt < 0 && p.role != Role.HELPER && p.name == null
                    && p.firstSeenAt >= st[1] && (p.command == null || !p.command.contains("multiprocessing."))) {
                if (only != null) {
                    return;     // two candidates: nothing says which
                }
                only = p;
            }
        }
        if (only == null) {
            return;
        }
        starting.remove(parentPid);
        made.remove(parentPid + ":" + st[0]);
        procs.remove(standIn);
        only.createdAt = standIn.createdAt;
        only.startCalledAt = st[1];
        if (only.ppid < 0) {
            only.ppid = parentPid;
        }
        undoStopReparent(only);
        only.name = standIn.name;
        only.target = standIn.target;
        only.args = standIn.args;
    }

    /**
     * A child that says who it is before its parent said it started it (or whose parent was killed before it could)
     * takes the place of its Process object's stand-in: the one made under its name by its parent.
     */
    private void takeOverStandIn(Proc p, String name) {
        if (name == null || made.isEmpty() || p.createdAt >= 0) {
            return;
        }
        for (java.util.Iterator<Proc> it = made.values().iterator(); it.hasNext(); ) {
            Proc standIn = it.next();
            if (name.equals(standIn.name) && (p.parent < 0 || standIn.parent == p.parent || standIn.parent == p.ppid)) {
                it.remove();
                procs.remove(standIn);
                p.createdAt = standIn.createdAt;
                if (p.parent < 0) {
                    p.parent = standIn.parent;
                }
                undoStopReparent(p);
                return;
            }
        }
    }

    /**
     * True when a process re-parented at {@code t} was orphaned by ProcessLab stopping the run (it ends
     * parents and children in turn), not by the program.
     */
    private boolean stopOrphaned(long t) {
        return stopRequestedAt >= 0 && t >= stopRequestedAt;
    }

    /** The latest process with this PID, created if new or if the known one is another process (PID reuse). */
    private Proc proc(long pid, long startTicks) {
        Proc p = latest.get(pid);
        if (p != null && startTicks >= 0) {
            if (p.key.startTicks() < 0) {
                p.key = new ProcKey(pid, startTicks);
            } else if (p.key.startTicks() != startTicks) {
                p = null;
            }
        }
        if (p == null) {
            p = new Proc(new ProcKey(pid, startTicks));
            procs.add(p);
            latest.put(pid, p);
        }
        return p;
    }

    private static long min(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    /** An immutable picture of the run now. Thread-safe; costs O(processes + their spans). */
    public RunSnapshot snapshot() {
        long now = Clock.nowMicros();
        synchronized (lock) {
            List<ProcessView> views = new ArrayList<>();
            for (Proc p : ordered()) {
                views.add(view(p, now));
            }
            return new RunSnapshot(version, status, title, startedAt, endedAt, now, List.copyOf(views), rootStatus,
                    stoppedBy, error, List.copyOf(methods), requestedMethod, supervisorPid, output.size(), rejected,
                    priorityLowered);
        }
    }

    /** Main first, then depth-first by parent, siblings by start time. Sets each process's depth. */
    private List<Proc> ordered() {
        Map<Long, List<Proc>> kids = new HashMap<>();
        List<Proc> roots = new ArrayList<>();
        Set<Long> known = new java.util.HashSet<>();
        for (Proc p : procs) {
            known.add(p.key.pid());
        }
        for (Proc p : procs) {
            if (!p.listed()) {
                continue;
            }
            if (p.key.pid() == rootPid || p.parent <= 0 || !known.contains(p.parent) || p.parent == p.key.pid()) {
                roots.add(p);
            } else {
                kids.computeIfAbsent(p.parent, k -> new ArrayList<>()).add(p);
            }
        }
        Comparator<Proc> byStart = Comparator.comparingLong(Proc::sortTime);
        roots.sort(Comparator.comparing((Proc p) -> p.key.pid() != rootPid).thenComparing(byStart));
        kids.values().forEach(l -> l.sort(byStart));
        List<Proc> out = new ArrayList<>();
        Set<Proc> visited = new java.util.HashSet<>();
        for (Proc r : roots) {
            walk(r, 0, kids, out, visited);
        }
        return out;
    }

    private void walk(Proc p, int depth, Map<Long, List<Proc>> kids, List<Proc> out, Set<Proc> visited) {
        if (!visited.add(p)) {
            return;
        }
        p.depth = depth;
        out.add(p);
        for (Proc k : kids.getOrDefault(p.key.pid(), List.of())) {
            walk(k, depth + 1, kids, out, visited);
        }
    }

    private ProcessView view(Proc p, long now) {
        long started = p.startedAt(p.key.pid() == rootPid ? startedAt : -1);
        long ended = p.endFact();
        if (ended < 0 && status.finished() && endedAt >= 0 && started >= 0) {
            ended = endedAt;
        }
        if (ended >= 0 && started >= 0 && ended < started) {
            ended = started;
        }
        Integer exit = p.reapExit != null ? p.reapExit : p.joinExit != null ? p.joinExit : p.exitingCode;
        long reaped = p.reapedAt;
        if (reaped < 0 && p.joinedDeadAt >= 0) {
            reaped = p.joinedDeadAt;
        }
        List<Span<LifeState>> states = new ArrayList<>();
        if (p.createdAt >= 0 && started > p.createdAt) {
            states.add(new Span<>(LifeState.CREATED, p.createdAt, started));
        }
        if (p.standIn()) {
            // never started (yet): created until now, or until the process that holds the object ended
            Proc holder = latest.get(p.parent);
            long gone = holder == null ? -1 : holder.endFact();
            if (gone < 0 && status.finished() && endedAt >= 0) {
                gone = endedAt;
            }
            states.add(new Span<>(LifeState.CREATED, p.createdAt, gone >= 0 ? Math.max(gone, p.createdAt) : Span.OPEN));
            started = -1;
            ended = -1;
        }
        if (started >= 0) {
            long runEnd = ended >= 0 ? ended : Span.OPEN;
            long cursor = started;
            List<long[]> joins = new ArrayList<>(p.joins);
            joins.sort(Comparator.comparingLong(j -> j[1]));
            for (long[] j : joins) {
                long from = Math.max(j[1], cursor);
                long to = Math.min(j[2], runEnd);
                if (from >= runEnd || to <= from) {
                    continue;
                }
                if (from > cursor) {
                    states.add(new Span<>(LifeState.RUNNING, cursor, from));
                }
                states.add(new Span<>(LifeState.WAITING_JOIN, from, to));
                cursor = to;
            }
            if (cursor < runEnd) {
                states.add(new Span<>(LifeState.RUNNING, cursor, runEnd));
            }
            if (ended >= 0) {
                long zombieEnd = -1;
                if (reaped > ended && !p.reapedBySupervisor) {
                    zombieEnd = reaped;
                } else if (reaped < 0 && p.zombieSeenAt >= 0) {
                    zombieEnd = p.vanishedAt >= 0 ? p.vanishedAt : status.finished() && endedAt > ended ? endedAt : Span.OPEN;
                }
                if (zombieEnd > ended) {
                    states.add(new Span<>(LifeState.ZOMBIE, ended, zombieEnd));
                }
                if (zombieEnd != Span.OPEN) {
                    states.add(new Span<>(LifeState.ENDED, Math.max(ended, zombieEnd), Span.OPEN));
                }
            }
        }
        List<Span<KernelStateKind>> kernel = new ArrayList<>();
        for (int i = 0; i < p.kernel.size(); i++) {
            long[] k = p.kernel.get(i);
            KernelStateKind kind = KernelStateKind.of((char) k[1]);
            if (kind == null) {
                continue;
            }
            long to = i + 1 < p.kernel.size() ? p.kernel.get(i + 1)[0] : reaped >= 0 ? reaped
                    : p.vanishedAt >= 0 ? p.vanishedAt : ended >= 0 && kind != KernelStateKind.ZOMBIE ? ended : Span.OPEN;
            if (reaped >= 0) {
                to = Math.min(to, Math.max(k[0], reaped));
            }
            if (to == Span.OPEN && status.finished() && endedAt >= 0) {
                to = Math.max(k[0], endedAt);
            }
            kernel.add(new Span<>(kind, k[0], to));
        }
        List<JoinView> joins = new ArrayList<>();
        for (long[] j : p.joins) {
            joins.add(new JoinView(j[0], j[1], j[2], j[3] == 1));
        }
        Role role = p.key.pid() == rootPid ? Role.MAIN : p.role;
        return new ProcessView(p.key, p.ppid, p.key.pid() == rootPid ? 0 : p.parent, role,
                p.name != null ? p.name : shortName(p.command), p.label, p.target, p.args,
                p.command, p.traced, p.helperKind, p.method, p.daemon, p.startCalledAt, started, ended, reaped, exit,
                p.orphanedAt >= 0, p.orphanedAt, p.depth, List.copyOf(states), List.copyOf(kernel),
                List.copyOf(joins), output.count(p.key.pid(), Stream.STDOUT), output.count(p.key.pid(), Stream.STDERR));
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

    /** Mutable per-process facts, guarded by the model's lock. */
    private static final class Proc {
        ProcKey key;
        long ppid = -1;
        long ppidAt = -1;
        long parent = -1;
        Role role = Role.CHILD;
        String name;
        String label;
        String target;
        String args;
        String command;
        boolean traced;
        String helperKind;
        String method;
        boolean daemon;
        long createdAt = -1;
        long startCalledAt = -1;
        long startReturnedAt = -1;
        long osStart = -1;
        long firstSeenAt = -1;
        long exitingAt = -1;
        Integer exitingCode;
        long reapedAt = -1;
        Integer reapExit;
        /** Reaped by ProcessLab's supervisor, which reaps at once: its short zombie time is ours, not the program's. */
        boolean reapedBySupervisor;
        Integer joinExit;
        long joinedDeadAt = -1;
        long zombieSeenAt = -1;
        long vanishedAt = -1;
        long orphanedAt = -1;
        int depth;
        final List<long[]> kernel = new ArrayList<>();
        /** {child, from, to, reapedInside} per join() call. */
        final List<long[]> joins = new ArrayList<>();

        Proc(ProcKey key) {
            this.key = key;
        }

        void seen(long t) {
            firstSeenAt = min(firstSeenAt, t);
        }

        /** A Process object that has no process yet: its PID is a negative stand-in. */
        boolean standIn() {
            return key.pid() < 0;
        }

        /** Anything at all says this OS process existed (a start() that failed leaves nothing), or it stands in for a
         *  Process object not started yet. */
        boolean listed() {
            return standIn() || firstSeenAt >= 0 || startReturnedAt >= 0 || osStart >= 0;
        }

        long startedAt(long runStart) {
            long lo = startCalledAt >= 0 ? startCalledAt : runStart;
            long hi = min(firstSeenAt, startReturnedAt);
            if (osStart >= 0) {
                long t = osStart;
                if (lo >= 0) {
                    t = Math.max(t, lo);
                }
                if (hi >= 0) {
                    t = Math.min(t, hi);
                }
                return t;
            }
            return hi >= 0 ? hi : lo;
        }

        /** The earliest fact saying it ended, or -1. */
        long endFact() {
            long e = min(exitingAt, reapedAt);
            e = min(e, zombieSeenAt);
            e = min(e, vanishedAt);
            return min(e, joinedDeadAt);
        }

        long sortTime() {
            // in the order the program made its Process objects: a never-started one stays among its siblings
            long s = createdAt >= 0 ? createdAt : startedAt(-1);
            return s >= 0 ? s : Long.MAX_VALUE;
        }
    }
}
