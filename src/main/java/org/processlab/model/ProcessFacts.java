package org.processlab.model;

import java.util.ArrayList;
import java.util.List;

/**
 * What the sources have said so far about one process (or, with a negative stand-in PID, about a {@code Process}
 * object not started yet). Times are epoch microseconds; {@code -1} (or null) means no source has said. The rules that
 * turn these facts into what a lane shows are in {@link LaneStates}.
 *
 * <p>Threading: not thread-safe on its own. Every field is written by an ingest thread inside
 * {@link RunModel#append} ({@link EventApplier}, {@link StandIns}) and read by {@link RunModel#snapshot()} on any
 * thread, both while holding the model's lock.
 */
final class ProcessFacts {
    /** PID and kernel start time; the start time is filled in by the first source that gives it. */
    ProcKey key;

    // Who its parents are.
    /** The OS parent (PPID) as last reported, and when that report was made. */
    long ppid = -1;
    long ppidAt = -1;
    /** The process that started it (0 for main); the OS parent at first sight where no agent said. */
    long parent = -1;
    Role role = Role.CHILD;
    /** When its parent ended while it still ran (not when ProcessLab's own stop did that). */
    long orphanedAt = -1;

    // What the program and the OS call it.
    String name;
    /** The program gave {@link #name} itself ({@code name=}, or {@code p.name = …} before {@code start()}). */
    boolean named;
    String label;
    /** {@link #label} made unique in the run ({@code p #2}); null without a label. */
    String shownLabel;
    String target;
    String args;
    /** The program it runs now: its argv joined by spaces, or the OS's short name for it. */
    String command;
    /**
     * The command it started with is the {@code /proc} sampler's word ({@code comm}, or the command line it saw), which
     * the argv its parent gave when it spawned it replaces, whichever came first.
     */
    boolean commandFromSampler;
    /** An agent runs inside it. */
    boolean traced;
    String helperKind;
    String method;
    boolean daemon;

    // What bounds its start (see #startedAt).
    long createdAt = -1;
    long startCalledAt = -1;
    long startReturnedAt = -1;
    long osStart = -1;
    long firstSeenAt = -1;
    /** Why {@code start()} raised, for a Process object that got no process; else null. */
    StartFailure startFailure;

    // The facts that say it ended, with the exit code each gave: the earliest time wins (see #endFact), the exactest
    // code (see #exitCode).
    long exitingAt = -1;
    Integer exitingCode;
    long reapedAt = -1;
    Integer reapExit;
    /** Reaped by ProcessLab's supervisor, which reaps at once: its short zombie time is ours, not the program's. */
    boolean reapedBySupervisor;
    long joinedDeadAt = -1;
    Integer joinExit;
    long zombieSeenAt = -1;
    long vanishedAt = -1;

    /** The sampler's kernel states, in arrival order. */
    final List<KernelSample> kernel = new ArrayList<>();
    /** The {@code join()} calls it made, in the order they were reported; an open one has {@code to == Span.OPEN}. */
    final List<JoinView> joins = new ArrayList<>();
    /** The programs it became by {@code exec}, in the order reported; the last one runs now. */
    final List<ExecView> execs = new ArrayList<>();
    /** Its command line before its last {@code exec}, given back should that exec fail. */
    String commandBeforeExec;
    /** Its command line before its first {@code exec} (what its lane is called until then); null without an exec. */
    String commandBeforeFirstExec;
    /** Its last {@code exec} was seen by the sampler, not reported by an agent: an agent's word for it replaces it. */
    boolean lastExecBySampler;

    ProcessFacts(ProcKey key) {
        this.key = key;
    }

    /** The command it started with, before any {@code exec}. */
    String commandAtStart() {
        return execs.isEmpty() ? command : commandBeforeFirstExec;
    }

    /** Someone saw it alive at {@code t}. */
    void seen(long t) {
        firstSeenAt = earliest(firstSeenAt, t);
    }

    /** Its latest open {@code join()} on {@code child} returned at {@code t}; {@code reaped} when the child was dead. */
    void joinReturned(long child, long t, boolean reaped) {
        for (int i = joins.size() - 1; i >= 0; i--) {
            JoinView j = joins.get(i);
            if (j.child() == child && j.to() == Span.OPEN) {
                joins.set(i, new JoinView(child, j.from(), t, reaped));
                return;
            }
        }
    }

    /** A Process object that has no process yet: its PID is a negative stand-in. */
    boolean standIn() {
        return key.pid() < 0;
    }

    /**
     * Anything at all says this OS process existed (a start() that failed leaves nothing), or it stands in for a
     * Process object not started yet.
     */
    boolean listed() {
        return standIn() || firstSeenAt >= 0 || startReturnedAt >= 0 || osStart >= 0;
    }

    /**
     * When the OS process began: the OS start time (10 ms precision) clamped between the {@code start()} call (or
     * {@code runStart}, for main; -1 for none) and the earliest moment anyone saw it; without an OS time, that moment.
     */
    long startedAt(long runStart) {
        long lo = startCalledAt >= 0 ? startCalledAt : runStart;
        long hi = earliest(firstSeenAt, startReturnedAt);
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
        long e = earliest(exitingAt, reapedAt);
        e = earliest(e, zombieSeenAt);
        e = earliest(e, vanishedAt);
        return earliest(e, joinedDeadAt);
    }

    /** The exit code from the exactest source: its reaper's wait status, else {@code join()}, else its last word. */
    Integer exitCode() {
        return reapExit != null ? reapExit : joinExit != null ? joinExit : exitingCode;
    }

    /** When its parent collected its status: the reap, else a {@code join()} that returned with it dead; or -1. */
    long reapedOrJoinedAt() {
        return reapedAt < 0 && joinedDeadAt >= 0 ? joinedDeadAt : reapedAt;
    }

    /** Where it goes among its siblings: in the order the program made its Process objects, else by start. */
    long sortTime() {
        long s = createdAt >= 0 ? createdAt : startedAt(-1);
        return s >= 0 ? s : Long.MAX_VALUE;
    }

    /** The earlier of two times, where -1 means not known. */
    static long earliest(long a, long b) {
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }
}
