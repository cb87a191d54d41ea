package org.processlab.model;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.processlab.model.RunEvent.ChildMade;
import org.processlab.model.RunEvent.ChildSpawned;

/**
 * Process objects the program made but has not started, and the moment one of them gets its process.
 *
 * <p>A {@code Process} object exists before its process: from {@link ChildMade} until its {@code start()} makes a child
 * it has a lane of its own, under a negative stand-in PID (-1, -2, …; never a real PID), in the state
 * {@link LifeState#CREATED}. When the object gets its process, the stand-in goes and the process takes its place (its
 * creation time, so it stays where the object was made among its siblings). Four sources can say which process that
 * is, from the most to the least direct:
 * <ol>
 *   <li>{@code start()} returned with it ({@link #startReturned});</li>
 *   <li>the parent reported the fork or spawn {@code start()} made, even if it was killed before {@code start()}
 *       returned ({@link #spawnedByStart});</li>
 *   <li>the child said its own name before its parent said anything ({@link #bootedAs});</li>
 *   <li>the parent was killed inside {@code start()} and has ended: its only unexplained child first seen after
 *       {@code start()} was called is the one ({@link #claimInterruptedStart}).</li>
 * </ol>
 *
 * <p>Threading: not thread-safe on its own. Written by ingest threads inside {@link RunModel#append}
 * ({@link EventApplier}) while holding the model's lock; {@link RunModel#snapshot()} sees the stand-ins through the
 * {@link ProcessTable}, under the same lock.
 */
final class StandIns {
    private final ProcessTable table;
    private final RunFacts run;
    /** The objects made but not started, in the order they were made. */
    private final Map<ObjectKey, ProcessFacts> made = new LinkedHashMap<>();
    /** By parent PID, the {@code start()} it is inside. */
    private final Map<Long, StartCall> starting = new HashMap<>();
    /** The next stand-in PID. */
    private long nextPid = -1;

    StandIns(ProcessTable table, RunFacts run) {
        this.table = table;
        this.run = run;
    }

    /** A Process object was made: it gets a lane under a stand-in PID. */
    void made(ChildMade c) {
        ProcessFacts standIn = new ProcessFacts(new ProcKey(nextPid--, -1));
        standIn.parent = c.parent();
        standIn.name = c.name();
        standIn.target = c.target();
        standIn.args = c.args();
        standIn.createdAt = c.t();
        standIn.traced = true;
        table.addStandIn(standIn);
        made.put(new ObjectKey(c.parent(), c.obj()), standIn);
    }

    /** Process {@code parent} called {@code start()} at {@code t} on its object number {@code obj}. */
    void startCalled(long parent, long obj, long t) {
        starting.put(parent, new StartCall(obj, t));
    }

    /**
     * In process {@code parent}, {@code start()} raised: the object keeps its stand-in, which now says why it never got
     * a process. An object the agent had not numbered gets a stand-in of its own here. An object whose process was
     * already reported ({@link #spawnedByStart}) has one: nothing changes.
     */
    void startFailed(RunEvent.StartFailed e) {
        StartCall call = starting.get(e.parent());
        if (call != null && (e.obj() < 0 || call.obj() == e.obj())) {
            starting.remove(e.parent());    // no child of this start() will come: none may be claimed for it
        }
        ProcessFacts standIn = e.obj() >= 0 ? made.get(new ObjectKey(e.parent(), e.obj())) : null;
        if (standIn == null) {
            if (e.obj() >= 0) {
                return;
            }
            standIn = new ProcessFacts(new ProcKey(nextPid--, -1));
            standIn.parent = e.parent();
            standIn.name = e.name();
            standIn.target = e.target();
            standIn.args = e.args();
            standIn.createdAt = e.t();
            standIn.traced = true;
            table.addStandIn(standIn);
        }
        standIn.startCalledAt = e.t();
        if (standIn.label == null) {
            standIn.label = e.label();
            standIn.shownLabel = run.labels.next(e.label());
        }
        standIn.named = e.named();
        standIn.startFailure = e.failure();
    }

    /**
     * In process {@code parent}, {@code start()} returned with {@code child}: the process of object {@code obj} (-1
     * when the agent did not number it).
     */
    void startReturned(long parent, long obj, ProcessFacts child) {
        starting.remove(parent);
        ProcessFacts standIn = obj >= 0 ? take(new ObjectKey(parent, obj)) : null;
        if (standIn != null && child.createdAt < 0) {
            child.createdAt = standIn.createdAt;
        }
    }

    /**
     * Process {@code child} was made by the {@code start()} of the object {@code c} names: the object has its process
     * now, even if its parent is killed before {@code start()} returns (then no {@link RunEvent.ChildStarted} comes,
     * and the object would stay "never started" beside a nameless process). Returns whether a stand-in gave way.
     */
    boolean spawnedByStart(ChildSpawned c, ProcessFacts child) {
        if (c.obj() < 0) {
            return false;
        }
        ProcessFacts standIn = take(new ObjectKey(c.parent(), c.obj()));
        starting.remove(c.parent());
        if (standIn == null) {
            return false;
        }
        child.createdAt = child.createdAt < 0 ? standIn.createdAt : child.createdAt;
        child.startCalledAt = child.startCalledAt < 0 ? c.startCalledAt() : child.startCalledAt;
        child.name = child.name == null ? standIn.name : child.name;
        child.target = child.target == null ? standIn.target : child.target;
        child.args = child.args == null ? standIn.args : child.args;
        return true;
    }

    /**
     * A child that says who it is ({@code name}) before its parent said it started it, or whose parent was killed
     * before it could, takes the place of its Process object's stand-in: the first made under that name by its parent.
     */
    void bootedAs(ProcessFacts child, String name) {
        if (name == null || made.isEmpty() || child.createdAt >= 0) {
            return;
        }
        for (Iterator<ProcessFacts> it = made.values().iterator(); it.hasNext(); ) {
            ProcessFacts standIn = it.next();
            if (name.equals(standIn.name)
                    && (child.parent < 0 || standIn.parent == child.parent || standIn.parent == child.ppid)) {
                it.remove();
                table.removeStandIn(standIn);
                child.createdAt = standIn.createdAt;
                if (child.parent < 0) {
                    child.parent = standIn.parent;
                }
                run.undoStopReparent(child);
                return;
            }
        }
    }

    /**
     * A parent killed inside {@code start()} (a run stopped at its limit) never says which process it made: once it
     * has ended, its one child first seen after {@code start()} was called that nothing else names (no start, no spawn
     * report, no name of its own, not a helper) is that Process object's process, and takes its stand-in's place.
     * Called whenever something new is known about process {@code parentPid} or one of its children.
     */
    void claimInterruptedStart(long parentPid) {
        StartCall call = starting.get(parentPid);
        ProcessFacts parent = table.latest(parentPid);
        if (call == null || parent == null || (parent.reapedAt < 0 && parent.vanishedAt < 0)) {
            return;
        }
        ObjectKey key = new ObjectKey(parentPid, call.obj());
        ProcessFacts standIn = made.get(key);
        if (standIn == null) {
            starting.remove(parentPid);
            return;
        }
        ProcessFacts only = null;
        for (ProcessFacts p : table.all()) {
            if (p.parent == parentPid && !p.standIn() && p.startCalledAt < 0 && p.role != Role.HELPER && p.name == null
                    && p.firstSeenAt >= call.calledAt()
                    && (p.command == null || !p.command.contains("multiprocessing."))) {
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
        take(key);
        only.createdAt = standIn.createdAt;
        only.startCalledAt = call.calledAt();
        if (only.ppid < 0) {
            only.ppid = parentPid;
        }
        run.undoStopReparent(only);
        only.name = standIn.name;
        only.target = standIn.target;
        only.args = standIn.args;
    }

    /** Removes the stand-in of object {@code key}, if it has one, from the made objects and the lanes. */
    private ProcessFacts take(ObjectKey key) {
        ProcessFacts standIn = made.remove(key);
        if (standIn != null) {
            table.removeStandIn(standIn);
        }
        return standIn;
    }
}
