package org.processlab.model;

import java.util.List;

/**
 * What is known about one process of a run at the moment of a {@link RunSnapshot}. Immutable.
 * All times are epoch microseconds; {@code -1} means not known (yet).
 *
 * @param key          PID and kernel start time; a negative PID stands in for a {@code Process} object whose
 *                     {@code start()} has not been called (it has no process: see {@link #notStarted()})
 * @param ppid         the OS parent now (changes when the process is orphaned; not when ProcessLab's own stop
 *                     re-parented it: then the parent it had while the program ran)
 * @param parent       the PID of the process that started it (where {@code start()} was called);
 *                     the OS parent at first sight where no agent said; 0 for the root
 * @param role         main, child or helper
 * @param name         multiprocessing's name ({@code Process-1}) or, for untraced processes, the command
 * @param label        the variable the program keeps it in ({@code p1}), or null
 * @param target       the function it runs, or null
 * @param args         a short repr of its arguments, or null
 * @param command      the command line as far as known
 * @param traced       true when an agent runs inside it (its output is attributed exactly)
 * @param helperKind   {@code resource_tracker}, {@code forkserver}, {@code manager}, or null
 * @param startMethod  {@code fork}, {@code spawn} or {@code forkserver} for multiprocessing children, else null
 * @param daemon       multiprocessing's daemon flag
 * @param startCalledAt when the parent called {@code start()}, or -1
 * @param startedAt    when the OS process began (see {@link RunModel} for how it is bounded)
 * @param endedAt      when it ended, or -1 while alive
 * @param reapedAt     when its parent collected its exit status, or -1
 * @param exitCode     Python-style exit code (negative: killed by that signal), or null while unknown
 * @param orphan       true when its parent ended while it still ran
 * @param orphanedAt   when that happened, or -1
 * @param depth        0 for main; 1 + the parent's depth otherwise (for indenting a tree)
 * @param states       lifecycle spans, in time order, covering {@code startCalledAt}/{@code startedAt} to now
 * @param kernelStates sampled kernel states, in time order (empty where the OS gives none)
 * @param joins        the {@code join()} calls this process made
 * @param stdoutLines  lines it wrote to stdout (exact count)
 * @param stderrLines  lines it wrote to stderr (exact count)
 * @param startFailed  for a Process object whose {@code start()} raised (it has no process): why; else null
 * @param lostAt       when it was lost from view (its supervisor was gone while it ran, and no source saw its end:
 *                     {@link LifeState#LOST}), or -1; {@code endedAt} then stays -1
 * @param execs        the programs it became by {@code exec}, in time order (empty for none): it kept its PID; from
 *                     each one's time it ran that program, and {@code command} is the last one's
 * @param named        true when the program gave {@code name} itself ({@code Process(name="c0")}, or {@code p.name = …}
 *                     before {@code start()}): it is what {@code current_process().name} prints, and it is shown
 * @param shownLabel   {@code label} made unique in the run ({@code p}, {@code p #2}, {@code p #3} for three children
 *                     started into one variable; see the model's {@code UniqueLabels}), or null without a label
 */
public record ProcessView(ProcKey key, long ppid, long parent, Role role, String name, String label, String target,
                          String args, String command, boolean traced, String helperKind, String startMethod,
                          boolean daemon, long startCalledAt, long startedAt, long endedAt, long reapedAt,
                          Integer exitCode, boolean orphan, long orphanedAt, int depth,
                          List<Span<LifeState>> states, List<Span<KernelStateKind>> kernelStates,
                          List<JoinView> joins, long stdoutLines, long stderrLines, StartFailure startFailed,
                          long lostAt, List<ExecView> execs, boolean named, String shownLabel) {

    /** The PID. */
    public long pid() {
        return key.pid();
    }

    /**
     * True for a {@code Process} object that has no process (yet): made, {@code start()} not called. Its PID is a
     * negative stand-in, its only state {@link LifeState#CREATED}, ending when the process holding it ended.
     */
    public boolean notStarted() {
        return key.pid() < 0;
    }

    /** True while the OS process has not ended (a zombie is not alive); false once it is {@link #lost()}. */
    public boolean alive() {
        return startedAt >= 0 && endedAt < 0 && lostAt < 0;
    }

    /** True when it was lost from view: neither alive nor ended as far as anyone saw ({@link LifeState#LOST}). */
    public boolean lost() {
        return lostAt >= 0;
    }

    /**
     * The last moment it was known to run, microseconds on the run's clock: its end, else when it was lost from view,
     * else -1 (it runs, or never started). A duration stops there.
     */
    public long lastKnownAt() {
        return endedAt >= 0 ? endedAt : lostAt;
    }

    /** True when it has ended but not been reaped yet. */
    public boolean zombie() {
        return endedAt >= 0 && reapedAt < 0 && exitCode == null;
    }

    /** The name of the signal that killed it ({@code SIGKILL}), or null. */
    public String signal() {
        return Signals.nameForExitCode(exitCode);
    }

    /**
     * What a person calls it: after an {@code exec}, the program it runs now ({@link ExecView#name()}); else
     * {@link #nameBeforeExec()}.
     */
    public String displayName() {
        return execs.isEmpty() ? nameBeforeExec() : execs.get(execs.size() - 1).name();
    }

    /** What a person called it at {@code t} (epoch µs): {@link #displayName()} as it was then, before a later exec. */
    public String nameAt(long t) {
        String n = nameBeforeExec();
        for (ExecView e : execs) {
            if (e.t() <= t) {
                n = e.name();
            }
        }
        return n;
    }

    /**
     * What it was called before any {@code exec}: the name the program gave it ({@code c0}); else the variable it is
     * held in, made unique ({@link #shownLabel()}: {@code ps[0]}, {@code p #2}); else the name ({@code Process-1}, or a
     * command for a process no agent named).
     */
    public String nameBeforeExec() {
        return named ? name : shownLabel != null ? shownLabel : label != null ? label : name;
    }

    /**
     * True when the name shown ({@link #nameBeforeExec()}) is its label, not multiprocessing's own name, so a view may
     * add that name ({@code Process-3}) beside it where a person would look for it.
     */
    public boolean shownByLabel() {
        return !named && label != null && name != null && !name.equals(nameBeforeExec());
    }

    /** The lifecycle state at time {@code t} (epoch µs), or null before it existed. */
    public LifeState stateAt(long t) {
        LifeState found = null;
        for (Span<LifeState> s : states) {
            if (s.from() <= t && t < s.to()) {
                found = s.state();
            }
        }
        return found;
    }
}
