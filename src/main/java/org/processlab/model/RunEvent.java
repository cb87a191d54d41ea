package org.processlab.model;

import java.util.List;

/**
 * A fact about a run, as one of its sources reported it. Events are immutable and carry their own
 * time {@link #t()} in <b>epoch microseconds</b> (one clock for every source: CLOCK_REALTIME).
 *
 * <p>Sources: the supervisor (root spawn, reaps of the root and of orphans, raw output), the agents
 * inside traced processes (start, join, reap, output by process), and the OS sampler (processes
 * nobody reported, parent changes, kernel states). {@link RunModel} merges them.
 *
 * <h2>Adding a kind of event (in this layer)</h2>
 * Every kind is a record nested here, and all code that treats each kind in its own way is a {@link Visitor}, so the
 * compiler lists what must learn a new kind:
 * <ol>
 *   <li>Here: add the record ({@code record MessageSent(long t, ...) implements RunEvent}) with an
 *       {@link #accept} that calls a new method of {@link Visitor} named after it ({@code messageSent}), and add
 *       that method to {@link Visitor}.</li>
 *   <li>The build now fails at every visitor. In this package that is {@code EventApplier}: write the new method
 *       there. What it learns goes in {@code ProcessFacts} (one process), {@code RunFacts} (the run), or, for a new
 *       kind of thing (messages between processes, locks), a package-private class of its own beside
 *       {@code StandIns}, made by {@link RunModel}'s constructor and handed to {@code EventApplier}. An event kept
 *       only in the log ({@link Signalled}) gets a method that does nothing and says so. {@link RunModel#append}
 *       logs every event but output lines by itself.</li>
 *   <li>Only if students must see something new: a component of {@link ProcessView} or {@link RunSnapshot}, filled
 *       in {@code RunModel.view} or {@link RunModel#snapshot()}; a new state on a lane is derived in
 *       {@code LaneStates}.</li>
 *   <li>Tests: events in, what a student sees out; through the test fixture {@code Scenario} for one part, through
 *       {@link RunModel} for the whole ({@code RunModelTest}).</li>
 * </ol>
 */
public sealed interface RunEvent {
    /** When it happened, epoch microseconds. */
    long t();

    /** Calls the method of {@code visitor} for this kind of event and returns what it returns. */
    <R> R accept(Visitor<R> visitor);

    /**
     * Code that treats each kind of event in its own way: one method per kind, named after the record. Adding a kind
     * adds a method here, so the compiler points at every visitor that must learn it (Java 17 has no pattern-matching
     * {@code switch}; a chain of {@code instanceof} would miss a new kind silently).
     *
     * @param <R> what a visit returns ({@link Void} for a visitor that only changes state)
     */
    interface Visitor<R> {
        R runStarted(RunStarted e);

        R rootSpawned(RootSpawned e);

        R runFailed(RunFailed e);

        R processSeen(ProcessSeen e);

        R childMade(ChildMade e);

        R childStarting(ChildStarting e);

        R startFailed(StartFailed e);

        R childStarted(ChildStarted e);

        R childCreated(ChildCreated e);

        R childSpawned(ChildSpawned e);

        R helperStarted(HelperStarted e);

        R childBooted(ChildBooted e);

        R joinBegan(JoinBegan e);

        R joinEnded(JoinEnded e);

        R reaped(Reaped e);

        R exiting(Exiting e);

        R kernelState(KernelState e);

        R parentChanged(ParentChanged e);

        R vanished(Vanished e);

        R signalled(Signalled e);

        R stopRequested(StopRequested e);

        R runEnded(RunEnded e);

        R priorityLowered(PriorityLowered e);

        R inputDropped(InputDropped e);

        R connectionRefused(ConnectionRefused e);

        R outputLine(OutputLine e);

        R contained(Contained e);

        R supervisorLost(SupervisorLost e);

        R lostEnded(LostEnded e);

        R forksRefused(ForksRefused e);

        R execed(Execed e);

        R execFailed(ExecFailed e);
    }

    /**
     * How the run's processes are held together ({@code how}), and its process limit ({@code maxProcesses}: the most
     * processes it may make; with a pids controller the kernel also caps how many live at once).
     */
    record Contained(long t, Containment how, int maxProcesses) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.contained(this);
        }
    }

    /**
     * ProcessLab's supervisor ended before the run's end ({@code exitStatus} as a shell reports it; {@code byProcessLab}
     * when ProcessLab's own safety net killed it): every process whose end no source has seen is lost from view from
     * {@code t} ({@link LifeState#LOST}).
     */
    record SupervisorLost(long t, int exitStatus, boolean byProcessLab) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.supervisorLost(this);
        }
    }

    /**
     * The processes the lost supervisor left were ended by {@code by} ({@code cgroup} or {@code sweep}), which found
     * {@code found} of them; a final look found {@code left} still alive (-1: it could not look).
     */
    record LostEnded(long t, String by, int found, int left) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.lostEnded(this);
        }
    }

    /** The kernel refused {@code count} forks or thread starts in all at the run's pids limit ({@code pids.events}). */
    record ForksRefused(long t, long count) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.forksRefused(this);
        }
    }

    /** The run began: ProcessLab is about to start {@code command} with the given default start method (or null). */
    record RunStarted(long t, String title, List<String> command, String startMethod) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.runStarted(this);
        }
    }

    /** The root process exists. */
    record RootSpawned(long t, long pid, long startTicks) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rootSpawned(this);
        }
    }

    /** The run could not start: no interpreter, no such file, a launch error. {@code message} says what to do. */
    record RunFailed(long t, String message) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.runFailed(this);
        }
    }

    /**
     * A process was seen for the first time by the OS sampler or introduced itself (agent hello).
     *
     * @param startedAtOs the OS's start time converted to epoch microseconds (precision about 10 ms), or -1
     * @param command     a short command name ({@code comm}) or the agent's argv joined; may be empty
     * @param traced      true when an agent inside the process introduced itself
     */
    record ProcessSeen(long t, long pid, long ppid, long startTicks, long startedAtOs, String command, boolean traced)
            implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.processSeen(this);
        }
    }

    /**
     * In process {@code parent}, {@code Process.start()} was called at {@code t} and returned at {@code returnedAt}, giving
     * {@code child}; {@code named} when the program gave {@code name} itself rather than multiprocessing's default.
     */
    record ChildStarted(long t, long returnedAt, long parent, long child, String name, String label, String target,
                        String args, String method, boolean daemon, long obj, boolean named) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childStarted(this);
        }

        /** With multiprocessing's own name ({@code named} false). */
        public ChildStarted(long t, long returnedAt, long parent, long child, String name, String label, String target,
                            String args, String method, boolean daemon, long obj) {
            this(t, returnedAt, parent, child, name, label, target, args, method, daemon, obj, false);
        }

        /** Without the {@code made} number ({@code obj} -1), with multiprocessing's own name. */
        public ChildStarted(long t, long returnedAt, long parent, long child, String name, String label, String target,
                            String args, String method, boolean daemon) {
            this(t, returnedAt, parent, child, name, label, target, args, method, daemon, -1, false);
        }
    }

    /**
     * In process {@code parent}, a {@code Process} object was made at {@code t}: it exists, {@code start()} has not
     * been called, it has no PID. {@code obj} numbers it among the objects {@code parent} made (1, 2, …); the
     * {@link ChildStarted} of the same object carries the same number.
     */
    record ChildMade(long t, long parent, long obj, String name, String target, String args) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childMade(this);
        }
    }

    /** In process {@code parent}, the Process object that later became {@code child} was made at {@code t}. */
    record ChildCreated(long t, long parent, long child) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childCreated(this);
        }
    }

    /**
     * Process {@code parent} made {@code child} with fork, posix_spawn or subprocess; {@code command} may be null.
     * When a {@code Process.start()} made it, {@code obj} is that Process object's number ({@link ChildMade#obj()})
     * and {@code startCalledAt} when start() was called (µs); else both are -1. So the object has its process even
     * when its parent is killed before start() returns and {@link ChildStarted} never comes.
     */
    record ChildSpawned(long t, long parent, long child, String command, long obj, long startCalledAt)
            implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childSpawned(this);
        }

        /** A child made by anything but {@code Process.start()}. */
        public ChildSpawned(long t, long parent, long child, String command) {
            this(t, parent, child, command, -1, -1);
        }
    }

    /**
     * In process {@code parent}, {@code start()} was called at {@code t} on the Process object numbered {@code obj}
     * ({@link ChildMade#obj()}); its child does not exist yet.
     */
    record ChildStarting(long t, long parent, long obj) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childStarting(this);
        }
    }

    /**
     * In process {@code parent}, {@code start()} on the Process object numbered {@code obj} (-1: not numbered) raised
     * {@code failure} instead of returning: the object has no process. {@code t} is when {@code start()} was called;
     * {@code name}, {@code label} (the variable the caller holds it in, or null), {@code target} and {@code args}
     * describe the object; {@code named} when the program gave {@code name} itself.
     */
    record StartFailed(long t, long parent, long obj, String name, String label, String target, String args,
                       StartFailure failure, boolean named)
            implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.startFailed(this);
        }

        /** With multiprocessing's own name ({@code named} false). */
        public StartFailed(long t, long parent, long obj, String name, String label, String target, String args,
                           StartFailure failure) {
            this(t, parent, obj, name, label, target, args, failure, false);
        }
    }

    /**
     * The run was lowered {@code steps} of niceness below ProcessLab at {@code t} (µs) because it turned busy:
     * {@code reason} says how ("it has made 16 processes"). Times after {@code t} may be stretched on a busy machine.
     */
    record PriorityLowered(long t, int steps, String reason) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.priorityLowered(this);
        }
    }

    /**
     * Input sent to the main process's stdin was dropped at {@code t} (µs): the program had not read the 1 MiB waiting
     * before it, so {@code dropped} bytes were thrown away and {@code pending} bytes still wait (the supervisor's
     * {@code stdin-dropped}).
     */
    record InputDropped(long t, long dropped, long pending) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.inputDropped(this);
        }
    }

    /**
     * A connection to the run's trace channel was refused at {@code t} (µs) for {@code why}; the run goes on (the trace
     * transport's count, {@link ChannelRefusals}).
     */
    record ConnectionRefused(long t, ChannelRefusal why) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.connectionRefused(this);
        }
    }

    /** Process {@code parent} started a helper the runtime needs ({@code resource_tracker}, {@code forkserver}, {@code manager}). */
    record HelperStarted(long t, long parent, long child, String kind) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.helperStarted(this);
        }
    }

    /** Inside a multiprocessing child, {@code Process._bootstrap} began: the target is about to run. */
    record ChildBooted(long t, long pid, String name, String target, String args, String method) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.childBooted(this);
        }
    }

    /** In process {@code parent}, {@code join()} on {@code child} began ({@code timeoutSeconds} may be null). */
    record JoinBegan(long t, long parent, long child, Double timeoutSeconds) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.joinBegan(this);
        }
    }

    /** In process {@code parent}, {@code join()} on {@code child} returned; {@code exitCode} is null if still alive. */
    record JoinEnded(long t, long parent, long child, boolean alive, Integer exitCode) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.joinEnded(this);
        }
    }

    /**
     * Process {@code reaper} collected {@code child}'s exit status with {@code waitpid}: the child stops
     * being a zombie now. {@code exitCode} is Python-style (negative for a signal).
     */
    record Reaped(long t, long reaper, long child, int exitCode, int rawStatus) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.reaped(this);
        }
    }

    /** A traced process's last word: it is ending now with {@code code} (null when not known yet). */
    record Exiting(long t, long pid, Integer code) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.exiting(this);
        }
    }

    /** The OS sampler saw a new kernel state for {@code pid}: one of R, S, D, T, t, Z, X, I (proc(5)). */
    record KernelState(long t, long pid, char state) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.kernelState(this);
        }
    }

    /** The OS sampler saw {@code pid}'s parent change to {@code newPpid}: its parent ended, it was re-parented. */
    record ParentChanged(long t, long pid, long oldPpid, long newPpid) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.parentChanged(this);
        }
    }

    /** The OS sampler no longer finds {@code pid}: it ended and was reaped. */
    record Vanished(long t, long pid) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.vanished(this);
        }
    }

    /** ProcessLab sent {@code signal} to {@code pid} while stopping the run. */
    record Signalled(long t, long pid, int signal) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.signalled(this);
        }
    }

    /** ProcessLab began to stop the run, for {@code reason}. */
    record StopRequested(long t, StopReason reason) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stopRequested(this);
        }
    }

    /** Every process of the run has ended. {@code rootStatus} is the root's status as a shell reports it (or null). */
    record RunEnded(long t, Integer rootStatus) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.runEnded(this);
        }
    }

    /**
     * One line of output. {@code pid} is the process that wrote it, or {@code 0} when no agent told us
     * who (bytes on the shared stdout/stderr pipe); then {@code untraced} is true.
     *
     * @param shared true when it came from an output channel several live processes held: written by {@code pid} or
     *               by one of its untraced children (a C-level fork, a shell's command), so not surely by {@code pid}
     */
    record OutputLine(long t, long pid, Stream stream, String text, boolean untraced, boolean shared)
            implements RunEvent {
        /** A line that did not come from a shared channel. */
        public OutputLine(long t, long pid, Stream stream, String text, boolean untraced) {
            this(t, pid, stream, text, untraced, false);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.outputLine(this);
        }
    }

    /**
     * Process {@code pid} became another program at {@code t} ({@code exec}): it keeps its PID, parent and start time
     * and from {@code t} runs {@code path} (may be null) with {@code command} (its arguments joined by spaces, or null).
     *
     * @param witness who saw it: the process's agent (the call's time) or the {@code /proc} sampler (a time after it)
     */
    record Execed(long t, long pid, String path, String command, ExecWitness witness) implements RunEvent {
        /** An exec the process's agent reported. */
        public Execed(long t, long pid, String path, String command) {
            this(t, pid, path, command, ExecWitness.AGENT);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.execed(this);
        }
    }

    /**
     * In process {@code pid}, the exec of {@code path} announced by an {@link Execed} raised {@code error} instead: it
     * goes on running the program it ran before.
     */
    record ExecFailed(long t, long pid, String path, String error) implements RunEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.execFailed(this);
        }
    }
}
