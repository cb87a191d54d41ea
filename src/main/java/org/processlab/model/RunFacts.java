package org.processlab.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What is known about the run as a whole: where it is, its root, ProcessLab's supervisor and its stop. Times are epoch
 * microseconds, {@code -1} while not known.
 *
 * <p>Threading: not thread-safe on its own. Every field is written while holding {@link RunModel}'s lock: by ingest
 * threads inside {@link RunModel#append} ({@link EventApplier}), {@link #supervisorPid} by
 * {@link RunModel#setSupervisorPid} (the thread starting the run). {@link RunModel#snapshot()} reads them, on
 * any thread, under the same lock.
 */
final class RunFacts {
    RunStatus status = RunStatus.NOT_STARTED;
    String title = "";
    long startedAt = -1;
    long endedAt = -1;
    String error;
    /** The default start method ProcessLab set, or null. */
    String requestedMethod;
    /** The start methods the program's children used, in order of first use. */
    final Set<String> startMethods = new LinkedHashSet<>();
    /** The labels given so far, to make each process's shown label unique. */
    final UniqueLabels labels = new UniqueLabels();

    /** The PID of the program's first process, or -1 before it exists. */
    long rootPid = -1;
    /** The root's status as a shell reports it, or null. */
    Integer rootStatus;
    /** ProcessLab's supervisor: never listed; the new parent of every orphan (it is the run's child subreaper). */
    long supervisorPid = -1;

    /** Why ProcessLab began to stop the run, and when (the first request wins). */
    StopReason stoppedBy;
    long stopRequestedAt = -1;
    RunEvent.PriorityLowered priorityLowered;
    /** Trace connections refused, whatever the kind ({@link RunEvent.ConnectionRefused}). */
    long rejected;
    /** The same, by kind. */
    ChannelRefusals refusals = ChannelRefusals.NONE;
    /** How the run's processes are held together, or null (not said). */
    Containment containment;
    /** The run's process limit, or 0 when not said. */
    int maxProcesses;
    /** Forks the kernel refused at the run's pids limit, or -1 when no pids controller counted them. */
    long forksRefused = -1;
    /** The supervisor's loss, once it happened; completed by the clean-up. */
    SupervisorLoss supervisorLoss;
    /** Bytes of the program's input dropped because it had not read what was waiting ({@link RunEvent.InputDropped}). */
    long inputDropped;

    /**
     * True when a process re-parented at {@code t} was orphaned by ProcessLab stopping the run (it ends parents and
     * children in turn), not by the program.
     */
    boolean stopOrphaned(long t) {
        return stopRequestedAt >= 0 && t >= stopRequestedAt;
    }

    /** True once nothing more will happen and the run's end is known: open states end there. */
    boolean endKnown() {
        return status.finished() && endedAt >= 0;
    }

    /**
     * A process whose first word on its parent came after ProcessLab's stop had re-parented it to the supervisor, and
     * whose real parent became known later: it keeps that parent (the stop is not the program's doing).
     */
    void undoStopReparent(ProcessFacts p) {
        if (p.ppid == supervisorPid && supervisorPid > 0 && p.parent > 0 && p.parent != supervisorPid
                && p.orphanedAt < 0 && stopOrphaned(p.ppidAt)) {
            p.ppid = p.parent;
        }
    }

    /** The PID output no agent attributed goes to: main's lane (0 before main exists). */
    long untracedLane() {
        return rootPid > 0 ? rootPid : 0;
    }
}
