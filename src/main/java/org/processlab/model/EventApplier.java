package org.processlab.model;

import static org.processlab.model.ProcessFacts.earliest;

import org.processlab.model.RunEvent.ChildBooted;
import org.processlab.model.RunEvent.ChildCreated;
import org.processlab.model.RunEvent.ChildMade;
import org.processlab.model.RunEvent.ChildSpawned;
import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.ChildStarting;
import org.processlab.model.RunEvent.Exiting;
import org.processlab.model.RunEvent.HelperStarted;
import org.processlab.model.RunEvent.InputDropped;
import org.processlab.model.RunEvent.JoinBegan;
import org.processlab.model.RunEvent.JoinEnded;
import org.processlab.model.RunEvent.KernelState;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunEvent.ParentChanged;
import org.processlab.model.RunEvent.PriorityLowered;
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
 * What each kind of event changes in the model's facts: one method per kind. Here is where the sources are merged (see
 * {@link RunModel} for the rules on start, end and exit code, and {@link StandIns} for Process objects).
 *
 * <p>Threading: holds no state of its own; runs on the ingest thread inside {@link RunModel#append} while that thread
 * holds the model's lock, and writes the facts it was given under it.
 */
final class EventApplier implements RunEvent.Visitor<Void> {
    private final RunFacts run;
    private final ProcessTable table;
    private final StandIns standIns;
    private final OutputLog output;

    EventApplier(RunFacts run, ProcessTable table, StandIns standIns, OutputLog output) {
        this.run = run;
        this.table = table;
        this.standIns = standIns;
        this.output = output;
    }

    /** The process whose lane a line from {@code pid} goes to: main's (marked untraced) when no agent said who. */
    long writerOf(long pid) {
        return pid == 0 || !table.known(pid) ? run.untracedLane() : pid;
    }

    @Override
    public Void runStarted(RunStarted e) {
        run.status = RunStatus.STARTING;
        run.title = e.title();
        run.startedAt = e.t();
        run.requestedMethod = e.startMethod();
        return null;
    }

    @Override
    public Void rootSpawned(RootSpawned e) {
        run.rootPid = e.pid();
        ProcessFacts p = table.processFor(e.pid(), e.startTicks());
        p.role = Role.MAIN;
        p.parent = 0;
        p.orphanedAt = -1;
        p.seen(e.t());
        if (p.name == null) {
            p.name = "MainProcess";
        }
        run.status = RunStatus.RUNNING;
        return null;
    }

    @Override
    public Void runFailed(RunFailed e) {
        run.status = RunStatus.FAILED;
        run.error = e.message();
        if (run.endedAt < 0) {
            run.endedAt = e.t();
        }
        return null;
    }

    @Override
    public Void processSeen(ProcessSeen e) {
        ProcessFacts p = table.processFor(e.pid(), e.startTicks());
        long sup = run.supervisorPid;
        boolean afterOurStop = run.stopOrphaned(e.t());
        if (p.ppid < 0 || (e.t() >= p.ppidAt && !afterOurStop)) {
            // the latest word on who the OS parent is; a first word after ProcessLab's stop re-parented the process
            // gives way to the parent known to have made it
            p.ppid = e.ppid() == sup && afterOurStop && p.parent > 0 ? p.parent : e.ppid();
            p.ppidAt = e.t();
        }
        if (p.parent < 0 && e.pid() != run.rootPid && !(run.rootPid < 0 && e.ppid() == sup)) {
            p.parent = e.ppid() == sup ? run.rootPid : e.ppid();
        }
        if (e.ppid() == sup && run.rootPid > 0 && e.pid() != run.rootPid && p.orphanedAt < 0 && !afterOurStop) {
            p.orphanedAt = e.t();
        }
        if (e.startedAtOs() >= 0) {
            p.osStart = e.startedAtOs();
        }
        if (e.traced()) {
            p.traced = true;
        }
        if (p.command == null || e.traced()) {
            p.command = e.command();
            p.commandFromSampler = !e.traced();
        }
        p.seen(e.t());
        if (p.parent >= 0) {
            standIns.claimInterruptedStart(p.parent);
        }
        return null;
    }

    @Override
    public Void childMade(ChildMade e) {
        standIns.made(e);
        return null;
    }

    @Override
    public Void childStarting(ChildStarting e) {
        standIns.startCalled(e.parent(), e.obj(), e.t());
        standIns.claimInterruptedStart(e.parent());
        return null;
    }

    @Override
    public Void startFailed(RunEvent.StartFailed e) {
        standIns.startFailed(e);
        return null;
    }

    @Override
    public Void childStarted(ChildStarted e) {
        ProcessFacts p = table.processFor(e.child(), -1);
        standIns.startReturned(e.parent(), e.obj(), p);
        p.parent = e.parent();
        p.startCalledAt = e.t();
        p.startReturnedAt = e.returnedAt();
        p.name = e.name();
        p.named = e.named();
        p.label = e.label();
        p.shownLabel = run.labels.next(e.label());
        p.target = e.target();
        p.args = e.args();
        p.method = e.method();
        p.daemon = e.daemon();
        p.traced = true;
        run.undoStopReparent(p);
        if (e.method() != null) {
            run.startMethods.add(e.method());
        }
        return null;
    }

    @Override
    public Void childCreated(ChildCreated e) {
        table.processFor(e.child(), -1).createdAt = e.t();
        return null;
    }

    @Override
    public Void childSpawned(ChildSpawned e) {
        ProcessFacts p = table.processFor(e.child(), -1);
        boolean fromObject = standIns.spawnedByStart(e, p);
        if ((p.startCalledAt < 0 || fromObject) && p.role != Role.HELPER) {
            p.parent = e.parent();      // the OS parent that made it; a start() elsewhere wins
        }
        if (p.ppid < 0) {
            p.ppid = e.parent();        // fork, posix_spawn and Popen make a child of the caller
            p.ppidAt = e.t();
        }
        run.undoStopReparent(p);
        if (e.command() != null) {
            Programs.startedAs(p, e.command());
        }
        p.seen(e.t());
        return null;
    }

    @Override
    public Void helperStarted(HelperStarted e) {
        ProcessFacts p = table.processFor(e.child(), -1);
        p.role = Role.HELPER;
        p.helperKind = e.kind();
        if (p.parent < 0) {
            p.parent = e.parent();
        }
        if (p.startCalledAt < 0) {
            p.startCalledAt = e.t();
        }
        if (p.name == null || p.name.isEmpty()) {
            p.name = e.kind();
        }
        return null;
    }

    @Override
    public Void childBooted(ChildBooted e) {
        ProcessFacts p = table.processFor(e.pid(), -1);
        if (e.name() != null) {
            p.name = e.name();
        }
        if (p.target == null) {
            p.target = e.target();
        }
        if (p.args == null) {
            p.args = e.args();
        }
        if (p.method == null) {
            p.method = e.method();
        }
        p.traced = true;
        p.seen(e.t());
        standIns.bootedAs(p, e.name());
        return null;
    }

    @Override
    public Void joinBegan(JoinBegan e) {
        table.processFor(e.parent(), -1).joins.add(new JoinView(e.child(), e.t(), Span.OPEN, false));
        return null;
    }

    @Override
    public Void joinEnded(JoinEnded e) {
        table.processFor(e.parent(), -1).joinReturned(e.child(), e.t(), !e.alive());
        if (!e.alive()) {
            ProcessFacts child = table.processFor(e.child(), -1);
            child.joinedDeadAt = earliest(child.joinedDeadAt, e.t());
            if (e.exitCode() != null) {
                child.joinExit = e.exitCode();
            }
        }
        return null;
    }

    @Override
    public Void reaped(Reaped e) {
        ProcessFacts p = table.processFor(e.child(), -1);
        long sup = run.supervisorPid;
        if (p.reapedAt < 0) {
            p.reapedAt = e.t();
            p.reapExit = e.exitCode();
            p.reapedBySupervisor = e.reaper() == sup;
        }
        if (e.reaper() == sup && sup > 0 && e.child() != run.rootPid && run.rootPid > 0 && p.ppid != sup) {
            // The supervisor's only child is the root: anything else it reaps was re-parented to it (it is the run's
            // child subreaper), however briefly it lived after its parent ended.
            ProcessFacts old = p.ppid > 0 ? table.latest(p.ppid) : null;
            long at = old != null && old.endFact() >= 0 ? Math.min(old.endFact(), e.t()) : e.t();
            if (p.ppid < 0 || !run.stopOrphaned(at)) {
                // re-parented by ProcessLab's stop, never seen before: the parent it had, where that is known
                p.ppid = p.ppid < 0 && run.stopOrphaned(at) && p.parent > 0 ? p.parent : sup;
                p.ppidAt = at;
                if (p.orphanedAt < 0 && !run.stopOrphaned(at)) {
                    p.orphanedAt = at;
                }
            }
        } else if (p.ppid < 0 && e.reaper() > 0) {
            // only a process's parent can reap it (wait(2)): its OS parent, even if nothing else saw it
            p.ppid = e.reaper();
            p.ppidAt = e.t();
        }
        if (e.child() == run.rootPid) {
            run.rootStatus = Signals.toShellStatus(e.exitCode());
        }
        standIns.claimInterruptedStart(e.child());
        return null;
    }

    @Override
    public Void exiting(Exiting e) {
        ProcessFacts p = table.processFor(e.pid(), -1);
        p.exitingAt = earliest(p.exitingAt, e.t());
        if (e.code() != null) {
            p.exitingCode = e.code();
        }
        return null;
    }

    @Override
    public Void kernelState(KernelState e) {
        ProcessFacts p = table.latest(e.pid());
        if (p != null) {
            p.kernel.add(new KernelSample(e.t(), e.state()));
            if (e.state() == 'Z') {
                p.zombieSeenAt = earliest(p.zombieSeenAt, e.t());
            }
        }
        return null;
    }

    @Override
    public Void parentChanged(ParentChanged e) {
        ProcessFacts p = table.latest(e.pid());
        // Re-parented: its parent ended first. Unless ProcessLab's own Stop did that: then the process keeps the
        // parent it had while the program ran, and is no orphan.
        if (p != null && !run.stopOrphaned(e.t())) {
            if (e.t() >= p.ppidAt) {
                p.ppid = e.newPpid();
                p.ppidAt = e.t();
            }
            if (p.orphanedAt < 0) {
                p.orphanedAt = e.t();
            }
        }
        return null;
    }

    @Override
    public Void vanished(Vanished e) {
        ProcessFacts p = table.latest(e.pid());
        // With the supervisor gone, leaving its tree says nothing of a process's end.
        if (p != null && run.supervisorLoss == null) {
            p.vanishedAt = earliest(p.vanishedAt, e.t());
            standIns.claimInterruptedStart(e.pid());
        }
        return null;
    }

    @Override
    public Void signalled(Signalled e) {
        return null;    // kept in the event log; the process's end comes from its reap
    }

    @Override
    public Void stopRequested(StopRequested e) {
        if (run.stoppedBy == null) {
            run.stoppedBy = e.reason();
            run.stopRequestedAt = e.t();
        }
        if (!run.status.finished()) {
            run.status = RunStatus.STOPPING;
        }
        return null;
    }

    @Override
    public Void runEnded(RunEnded e) {
        output.close();
        if (run.status != RunStatus.FAILED) {
            run.status = RunStatus.ENDED;
        }
        run.endedAt = e.t();
        if (e.rootStatus() != null && run.rootStatus == null) {
            run.rootStatus = e.rootStatus();
        }
        return null;
    }

    @Override
    public Void inputDropped(InputDropped e) {
        run.inputDropped += e.dropped();
        return null;
    }

    @Override
    public Void connectionRefused(RunEvent.ConnectionRefused e) {
        run.refusals = run.refusals.plus(e.why());
        run.rejected++;
        return null;
    }

    @Override
    public Void priorityLowered(PriorityLowered e) {
        if (run.priorityLowered == null) {
            run.priorityLowered = e;
        }
        return null;
    }

    @Override
    public Void contained(RunEvent.Contained e) {
        run.containment = e.how();
        run.maxProcesses = e.maxProcesses();
        return null;
    }

    @Override
    public Void supervisorLost(RunEvent.SupervisorLost e) {
        if (run.supervisorLoss != null) {
            return null;
        }
        run.supervisorLoss = new SupervisorLoss(e.t(), e.exitStatus(), null, -1, -1, e.byProcessLab());
        return null;
    }

    @Override
    public Void lostEnded(RunEvent.LostEnded e) {
        SupervisorLoss l = run.supervisorLoss;
        if (l != null) {
            run.supervisorLoss = new SupervisorLoss(l.t(), l.exitStatus(), e.by(), e.found(), e.left(), l.byProcessLab());
        }
        return null;
    }

    @Override
    public Void forksRefused(RunEvent.ForksRefused e) {
        run.forksRefused = Math.max(run.forksRefused, e.count());
        return null;
    }

    @Override
    public Void execed(RunEvent.Execed e) {
        ProcessFacts p = table.processFor(e.pid(), -1);
        p.seen(e.t());
        Programs.execed(p, e);
        return null;
    }

    @Override
    public Void execFailed(RunEvent.ExecFailed e) {
        ProcessFacts p = table.processFor(e.pid(), -1);
        int last = p.execs.size() - 1;
        // the exec announced just before raised: the process runs its old program still
        if (last >= 0 && p.execs.get(last).t() <= e.t()) {
            p.execs.remove(last);
            p.command = p.commandBeforeExec;
            p.lastExecBySampler = false;
        }
        return null;
    }

    @Override
    public Void outputLine(OutputLine e) {
        long pid = writerOf(e.pid());
        output.append(pid == e.pid() ? e : new OutputLine(e.t(), pid, e.stream(), e.text(), true));
        return null;
    }
}
