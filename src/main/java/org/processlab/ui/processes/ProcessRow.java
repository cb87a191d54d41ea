package org.processlab.ui.processes;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * One row of the process table: read-only properties a cell binds to, updated in place once per pulse (and when the
 * time cursor moves) by {@link ProcessTableViewModel}. Each value is as of one moment: the time cursor when one is set,
 * else now (or the end of a finished run). Times are seconds from the run's start (null while unknown).
 *
 * <p>Threading: FX thread only.
 */
public final class ProcessRow {
    /** The {@link #stateProperty() state} of a process that does not exist yet at the moment shown. */
    public static final String NOT_STARTED = "not started";
    /** The state of a Process object made but not started yet ({@code start()} not called). */
    public static final String CREATED = "created";
    /** How the state of a Process object whose {@code start()} raised begins ({@code start() raised RuntimeError: …}). */
    public static final String START_RAISED = "start() raised ";
    /** The state between the parent's {@code start()} call and the OS process's start. */
    public static final String STARTING = "starting";

    /** What the Alive column answers at the moment shown. */
    public enum Alive {
        /** The OS process runs (a zombie does not). */
        YES,
        /** It has not started, or it has ended. */
        NO,
        /** It was lost from view: ProcessLab's supervisor was gone and nobody saw whether it still ran. */
        UNKNOWN
    }

    private final long pid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyIntegerWrapper depth = new ReadOnlyIntegerWrapper(this, "depth");
    private final ReadOnlyObjectWrapper<Long> ppid = new ReadOnlyObjectWrapper<>(this, "ppid");
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role");
    private final ReadOnlyBooleanWrapper alive = new ReadOnlyBooleanWrapper(this, "alive");
    private final ReadOnlyObjectWrapper<Alive> aliveAnswer = new ReadOnlyObjectWrapper<>(this, "aliveAnswer");
    private final ReadOnlyBooleanWrapper existing = new ReadOnlyBooleanWrapper(this, "existing");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyObjectWrapper<Integer> exitCode = new ReadOnlyObjectWrapper<>(this, "exitCode");
    private final ReadOnlyObjectWrapper<Double> start = new ReadOnlyObjectWrapper<>(this, "start");
    private final ReadOnlyObjectWrapper<Double> duration = new ReadOnlyObjectWrapper<>(this, "duration");
    private final ReadOnlyBooleanWrapper orphan = new ReadOnlyBooleanWrapper(this, "orphan");

    ProcessRow(long pid) {
        this.pid = pid;
    }

    /**
     * Brings the row to process {@code p} of run {@code s} as it was at {@code at} (epoch µs), or as it is now when
     * {@code at} is negative ({@code nowMicros}: the live clock, for the duration of a running process).
     */
    void update(ProcessView p, RunSnapshot s, long nowMicros, long at) {
        name.set(org.processlab.ui.fx.Formats.name(p));
        depth.set(p.depth());
        role.set(p.helperKind() != null ? "helper: " + p.helperKind().replace('_', ' ')
                : p.role().id() + (p.startMethod() != null ? " (" + p.startMethod() + ")" : ""));
        long runEnd = s.status().finished() ? s.horizon() : Math.max(nowMicros, s.now());
        // "now" is the end of the data: a live run's present, or a finished run's end
        long t = at >= 0 ? at : runEnd;
        boolean started = p.startedAt() >= 0 && p.startedAt() <= t;
        boolean ended = p.endedAt() >= 0 && p.endedAt() <= t;
        boolean lost = p.lostAt() >= 0 && (at < 0 || p.lostAt() <= at);
        alive.set(at < 0 ? p.alive() : started && !ended && !lost);
        aliveAnswer.set(lost ? Alive.UNKNOWN : alive.get() ? Alive.YES : Alive.NO);
        existing.set(started);
        state.set(stateName(p, t, at < 0));
        // the exit code is known once the process has been reaped (or, without a reap, once it ended)
        long knownAt = p.reapedAt() >= 0 ? p.reapedAt() : p.endedAt();
        exitCode.set(p.exitCode() != null && (at < 0 || knownAt >= 0 && knownAt <= at) ? p.exitCode() : null);
        boolean orphaned = p.orphan() && (at < 0 || p.orphanedAt() >= 0 && p.orphanedAt() <= at);
        orphan.set(orphaned);
        long shownPpid = orphaned || p.parent() <= 0 ? p.ppid() : at >= 0 ? p.parent() : p.ppid();
        ppid.set(shownPpid >= 0 ? shownPpid : null);
        if (started && s.startedAt() >= 0) {
            start.set((p.startedAt() - s.startedAt()) / 1e6);
            long end = p.lastKnownAt() >= 0 ? Math.min(p.lastKnownAt(), t) : t;     // a lost one's stops when it was lost
            duration.set(Math.max(0, end - p.startedAt()) / 1e6);
        } else {
            start.set(null);
            duration.set(null);
        }
    }

    /**
     * The lifecycle state's name at {@code t}: running, waiting in join(), zombie, ended, created, starting,
     * not started; for a Process object whose {@code start()} raised, from then on, what it raised
     * ({@code start() raised RuntimeError: …}).
     */
    static String stateName(ProcessView p, long t, boolean latest) {
        if (p.startFailed() != null && (latest || p.startFailed().t() <= t)) {
            return p.startFailed().describe();
        }
        LifeState l;
        if (latest) {
            l = p.states().isEmpty() ? null : p.states().get(p.states().size() - 1).state();
            if (p.alive() && l != LifeState.WAITING_JOIN) {
                l = LifeState.RUNNING;
            }
        } else {
            l = p.stateAt(t);
        }
        if (l == null) {
            return p.startCalledAt() >= 0 && p.startCalledAt() <= t ? STARTING : NOT_STARTED;
        }
        return switch (l) {
            case CREATED -> p.startCalledAt() >= 0 && p.startCalledAt() <= t ? STARTING : CREATED;
            case RUNNING -> "running";
            case WAITING_JOIN -> "waiting in join()";
            case ZOMBIE -> "zombie";
            case ENDED -> "ended";
            case LOST -> "lost from view";
        };
    }

    /** The PID (fixed). */
    public long getPid() {
        return pid;
    }

    /** Its label ({@code p1}) or name. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Tree depth: 0 for main, 1 for its children, 2 for grandchildren. */
    public ReadOnlyIntegerProperty depthProperty() {
        return depth.getReadOnlyProperty();
    }

    /** The OS parent at the moment shown (changes when orphaned), or null. */
    public ReadOnlyObjectProperty<Long> ppidProperty() {
        return ppid.getReadOnlyProperty();
    }

    /** main, child (fork), helper: resource tracker... */
    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
    }

    /**
     * True while the OS process runs at the moment shown (a zombie is not alive); false once it was lost from view
     * (not known to run: {@link #aliveAnswerProperty()} says unknown).
     */
    public ReadOnlyBooleanProperty aliveProperty() {
        return alive.getReadOnlyProperty();
    }

    /** What the Alive column says at the moment shown: yes, no, or unknown for a process lost from view. */
    public ReadOnlyObjectProperty<Alive> aliveAnswerProperty() {
        return aliveAnswer.getReadOnlyProperty();
    }

    /** True once the OS process had started by the moment shown. */
    public ReadOnlyBooleanProperty existingProperty() {
        return existing.getReadOnlyProperty();
    }

    /**
     * The lifecycle state at the moment shown: running, waiting in join(), zombie, ended, created (the Process object
     * exists, {@code start()} not called), starting, not started, or {@code start() raised RuntimeError: …}.
     */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Python-style exit code (negative: killed by that signal), or null while not known at the moment shown. */
    public ReadOnlyObjectProperty<Integer> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** Seconds from the run's start to this process's start, or null (not started by the moment shown). */
    public ReadOnlyObjectProperty<Double> startProperty() {
        return start.getReadOnlyProperty();
    }

    /** Seconds it had lived by the moment shown, or null. */
    public ReadOnlyObjectProperty<Double> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** True when its parent had ended while it still ran, by the moment shown. */
    public ReadOnlyBooleanProperty orphanProperty() {
        return orphan.getReadOnlyProperty();
    }
}
