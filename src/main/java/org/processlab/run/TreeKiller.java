package org.processlab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.processlab.model.ProcKey;
import org.processlab.model.ProcessView;
import org.processlab.model.RunModel;

/**
 * The safety net: ends with SIGKILL every process of a run still alive, and its supervisor, when the supervisor did
 * not end them (it is gone, or did not end them in time). Each process is checked by PID <em>and</em> start time
 * first, so a PID the system has given to someone else since is never hit. The processes are those the OS sampler
 * ever saw and those in the model.
 *
 * <p>Threading: any thread. The supervisor and the sampler are set once by the run's thread ({@link #track}), under
 * this object's monitor.
 */
final class TreeKiller {
    private final RunModel model;
    private Process supervisor;
    private ProcessSampler sampler;
    private RunContainment containment;
    private boolean fired;

    TreeKiller(RunModel model) {
        this.model = model;
    }

    /** From now on, ends {@code supervisor} too and every process {@code sampler} saw. */
    synchronized void track(Process supervisor, ProcessSampler sampler) {
        this.supervisor = supervisor;
        this.sampler = sampler;
    }

    /** From now on, ends every process in the run's groups first ({@link RunContainment#killNow}). */
    synchronized void contain(RunContainment containment) {
        this.containment = containment;
    }

    /** True once the net has fired: ProcessLab itself killed what was left, the supervisor too. */
    synchronized boolean fired() {
        return fired;
    }

    /** SIGKILL to every process of the run still alive (through its cgroups first, where it has them), then to the supervisor. */
    void killAll() {
        Process sup;
        ProcessSampler smp;
        RunContainment contain;
        synchronized (this) {
            sup = supervisor;
            smp = sampler;
            contain = containment;
            fired = fired || (sup != null && sup.isAlive());
        }
        if (contain != null) {
            contain.killNow();
        }
        List<ProcKey> keys = new ArrayList<>();
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
        if (sup != null) {
            sup.destroyForcibly();
        }
    }

    /**
     * Arms the net: {@link #killAll()} unless {@code ended} completes normally within {@code millis}. Waits on a
     * daemon thread of its own ({@code run-stop-net}).
     */
    void killAllUnlessEndedWithin(CompletableFuture<?> ended, long millis) {
        Thread net = new Thread(() -> {
            try {
                if (!ended.isDone()) {
                    ended.get(millis, TimeUnit.MILLISECONDS);
                }
            } catch (Exception e) {
                killAll();
            }
        }, "run-stop-net");
        net.setDaemon(true);
        net.start();
    }

    /** Arms the net for a supervisor that should end on its own: {@link #killAll()} if it still lives after {@code millis}. */
    void killAllIfAliveAfter(Process supervisor, long millis) {
        supervisor.onExit().completeOnTimeout(null, millis, TimeUnit.MILLISECONDS).thenRun(() -> {
            if (supervisor.isAlive()) {
                killAll();
            }
        });
    }
}
