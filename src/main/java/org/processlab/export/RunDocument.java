package org.processlab.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.processlab.model.ChannelRefusals;
import org.processlab.model.Containment;
import org.processlab.model.ExecView;
import org.processlab.model.JoinView;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunEvent;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.model.StartFailure;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;
import org.processlab.model.SupervisorLoss;
import org.processlab.model.UnfinishedLine;

/**
 * A run as its document: what {@code processlab run --format json} prints, what {@link RunDocumentWriter} writes,
 * {@link RunDocumentReader} reads back and a saved run ({@link SavedRun}) is. One JSON object, UTF-8, its fields in
 * this order (the format, field by field, with its units, limits and versions, is {@code src/RUN-FORMAT.md}):
 * <pre>
 * {"formatVersion", "exitCode", "error", "stoppedBy", "title", "startMethods": [str], "outputLines",
 *  "rejectedConnections",
 *  "processes": [{"pid", "startTicks", "ppid", "parent", "role", "name", "label", "target", "alive", "exitCode",
 *                 "signal", "orphan", "traced", "startMethod", "helperKind", "startedAt", "endedAt", "reapedAt",
 *                 "states": [{"state", "from", "to"(, "open": true)}], "kernelStates": [same],
 *                 "output": [{"t", "stream", "text"(, "untraced": true), "n"(, "shared": true)}],
 *                 "standIn", "args", "command", "daemon", "startCalledAt", "orphanedAt", "depth",
 *                 "joins": [{"child", "from", "to", "reaped"}], "startFailed": {"t", "error", "message"},
 *                 "lostAt", "execs": [{"t", "path", "command"}], "named", "shownLabel"}],
 *  "status", "startTime", "endedAt", "now", "startMethodAsked", "supervisorPid", "priorityLowered": {"t", "steps",
 *  "reason"}, "inputDroppedBytes", "unfinishedLines": [{"t", "pid", "stream", "text", "bytes", "untraced"(, "shared": true)}],
 *  "otherOutput": [{"pid", "output": [line]}], "origin": {"lesson", "program", "arguments": [str]},
 *  "refusedConnections": {"wrongToken", "noHello", "tooMany", "broken"},
 *  "containment", "processesPastLimit", "forksRefused",
 *  "supervisorLost": {"t", "exitStatus", "signal", "endedBy", "found", "left"},
 *  "expectations": {"held", "notChecked", "results": [{"promise", "held", "problems": [str]}]}}
 * </pre>
 * Every time in the document is in <b>seconds from the run's start</b> (a JSON number, to the microsecond: it turns
 * back into the same epoch microseconds, {@link #micros}), except {@code startTime} (ISO-8601, UTC, to the
 * microsecond); every other number is an integer. A field that may be null is written as {@code null}, never left
 * out, except {@code untraced}, {@code open} and {@code shared}, written only when true.
 *
 * <p>Versions: a document without {@code formatVersion} is version 1 (what {@code run --format json} wrote before
 * version 2); it has the fields up to {@code processes} and each process's up to {@code output}, and this record holds
 * null, false, -1 or an empty list for the rest. To add a field: a record component here, a line in the writer, a
 * {@code case} in the reader, a row in {@code RUN-FORMAT.md}, and {@link #FORMAT_VERSION} one higher.
 *
 * <p>The lists are read-only. A document made by {@link #of} holds views of the run's output, not copies: its
 * lines are made one at a time as they are read, so writing a million lines costs no more memory than the run
 * already holds.
 *
 * @param formatVersion       the version of the format: 1 to 4
 * @param exitCode            the root process's status as a shell reports it (128+N for signal N), or null when
 *                            the run could not start or broke
 * @param error               why the run could not start or broke, or null
 * @param stoppedBy           why ProcessLab ended the run early ({@code user}, {@code time-limit},
 *                            {@code process-limit}), or null when it ended by itself
 * @param title               what was run: a lesson's title or a file's name
 * @param startMethods        the start methods ({@code fork}, {@code spawn}, {@code forkserver}) the program's
 *                            multiprocessing children used, in order of first use
 * @param outputLines         how many lines of output the run wrote, all processes together (exact)
 * @param rejectedConnections trace connections ProcessLab closed for a missing or wrong token or bad messages
 * @param processes           main first, then each process under the one that started it, by start time
 * @param status              where the run was when the document was made; null in version 1
 * @param startTime           when the run began, epoch microseconds (written as ISO-8601 UTC), or null when not
 *                            known (version 1, or a run that never began)
 * @param endedAt             when the run's last process ended, or null while it ran (and in version 1)
 * @param now                 the moment the document shows the run at (where the states of a live run end); null
 *                            in version 1
 * @param startMethodAsked    the default start method ProcessLab set ({@code --start-method}), or null for the
 *                            interpreter's own
 * @param supervisorPid       the PID of ProcessLab's supervisor (an orphan's new parent), or null
 * @param priorityLowered     when and why the run was lowered below the window's priority, or null
 * @param inputDroppedBytes   bytes of input to the main process that were dropped because it did not read them
 * @param unfinishedLines     lines begun and not finished when the document was made (none once a run has ended)
 * @param otherOutput         lines whose writer is none of {@code processes} (written before main was known), by
 *                            writer
 * @param origin              what was run; {@link RunOrigin#NONE} in version 1
 * @param refusedConnections  the connections to the trace channel that were refused, by kind (their total is
 *                            {@code rejectedConnections}); {@link ChannelRefusals#NONE} before version 3, which did
 *                            not tell kinds apart
 * @param containment         how the run's processes were held together ({@link Containment#id()}: {@code cgroup-v2+pids},
 *                            {@code sweep}, …), or null (not said; before version 3)
 * @param processesPastLimit  processes made past the run's process limit: those listed beyond the first N (0 before
 *                            version 3)
 * @param forksRefused        forks and thread starts the kernel refused at the run's pids limit, or null when no
 *                            pids controller counted them (and before version 3)
 * @param supervisorLost      ProcessLab's supervisor ended before the run, and what ended the processes it left; null
 *                            when it did not (and before version 3)
 * @param expectations        the lesson's {@code expect} checked against this run, or null when nothing was checked (a
 *                            program of one's own, a lesson that expects nothing, a run the window saved; before 4)
 */
public record RunDocument(int formatVersion, Integer exitCode, String error, StopReason stoppedBy, String title,
                          List<String> startMethods, long outputLines, long rejectedConnections,
                          List<Process> processes, RunStatus status, Long startTime, Double endedAt, Double now,
                          String startMethodAsked, Long supervisorPid, PriorityChange priorityLowered,
                          long inputDroppedBytes, List<Unfinished> unfinishedLines, List<OtherOutput> otherOutput,
                          RunOrigin origin, ChannelRefusals refusedConnections, Containment containment,
                          int processesPastLimit, Long forksRefused, SupervisorLost supervisorLost,
                          Expectations expectations) {

    /** The version this ProcessLab writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 5;

    /**
     * A lesson's expectations (its {@code expect}, {@code lessons/FORMAT.md}) checked against the run, as the window's
     * "What really happened" checks them: each promise, and what did not hold of it.
     *
     * @param notChecked why they were not checked (the run was stopped before it ended by itself, or it ran with
     *                   arguments of one's own), or null when they were
     * @param results    each promise, in the order the check makes them; empty when not checked
     */
    public record Expectations(String notChecked, List<Expected> results) {
        public Expectations {
            results = List.copyOf(results);
        }

        /** True when they were checked and every promise held; false when one did not; null when not checked. */
        public Boolean held() {
            return notChecked != null ? null : results.stream().allMatch(Expected::held);
        }
    }

    /**
     * One promise of a lesson's expectations and what did not hold of it.
     *
     * @param promise  what the lesson promises, in words ({@code the program's exit status is 0})
     * @param problems what did not hold, one sentence each, in the window's words; empty when it held
     */
    public record Expected(String promise, List<String> problems) {
        public Expected {
            problems = List.copyOf(problems);
        }

        /** True when the run kept this promise. */
        public boolean held() {
            return problems.isEmpty();
        }
    }

    /**
     * ProcessLab's supervisor ended before the run did ({@link SupervisorLoss}).
     *
     * @param t          when the app saw it gone, seconds from the run's start
     * @param exitStatus its status as a shell reports it (137: killed by SIGKILL)
     * @param signal     the signal that killed it ({@code SIGKILL}), or null
     * @param endedBy    what ended the processes it left ({@code cgroup}, {@code sweep}), or null when nothing did
     * @param found      how many of the run's processes that clean-up found, or -1
     * @param left       how many a final look found alive after it: 0 when verified gone, -1 when it could not look
     * @param byProcessLab true when ProcessLab's own safety net killed it (it had not ended the run in time)
     */
    public record SupervisorLost(double t, int exitStatus, String signal, String endedBy, int found, int left,
                                 boolean byProcessLab) {
    }

    /**
     * One process of the run. Times are seconds from the run's start, or null when not known.
     *
     * @param pid           the PID, or null for a {@code Process} object whose {@code start()} was never called (no
     *                      process; its one {@code created} state lasts until the process holding it ended)
     * @param startTicks    the kernel's start time of the process, in clock ticks since boot (field 22 of
     *                      {@code /proc/PID/stat}, proc(5)), or -1 where the OS did not say; with the PID it names
     *                      the process, as the kernel reuses PIDs
     * @param ppid          the OS parent at the end, or null when nothing ever said (differs from {@code parent}
     *                      under forkserver and for orphans)
     * @param parent        the PID of the process that called {@code start()}, the OS parent at first sight where no
     *                      agent said, 0 for the root
     * @param role          main, child (started by a process of the run) or helper (started by Python itself)
     * @param name          multiprocessing's name ({@code Process-1}), or the command for an untraced process
     * @param label         the variable the program kept it in ({@code p1}), or null
     * @param target        the function it ran, or null
     * @param alive         true when it had not ended when the document was written; null when it was lost from view
 *                      (its end was never seen: see {@code lostAt}); never null before version 3
     * @param exitCode      Python's exit code (negative: killed by that signal), or null when not known
     * @param signal        the name of the signal that killed it ({@code SIGKILL}), or null
     * @param orphan        true when its parent ended while it still ran
     * @param traced        true when an agent ran inside it (its output is attributed exactly)
     * @param startMethod   {@code fork}, {@code spawn} or {@code forkserver} for a multiprocessing child, else null
     * @param helperKind    {@code resource_tracker}, {@code forkserver} or {@code manager} for a helper, else null
     * @param startedAt     when the OS process began
     * @param endedAt       when it ended
     * @param reapedAt      when its parent collected its exit status
     * @param states        its lifecycle, in time order
     * @param kernelStates  the scheduler states the OS sampler saw, in time order (empty where the OS gives none)
     * @param output        the lines it wrote, in the order they arrived
     * @param standIn       for a {@code Process} object never started ({@code pid} null): the negative number that
     *                      stood in for its PID in the run (-1, -2, …), else null; null in version 1
     * @param args          a short repr of the arguments it was given, or null
     * @param command       its command line as far as known, or null
     * @param daemon        multiprocessing's daemon flag (false in version 1)
     * @param startCalledAt when its parent called {@code start()}
     * @param orphanedAt    when its parent ended while it still ran
     * @param depth         0 for main and other top-level processes, else 1 + its parent's: the indent of its row;
     *                      null in version 1 (then derived from the order of the list)
     * @param joins         the {@code join()} calls it made, in the order they began (empty in version 1)
     * @param startFailed   for a {@code Process} object whose {@code start()} raised ({@code pid} null): when and
     *                      what; else null (always before version 3)
     * @param lostAt        when it was lost from view (ProcessLab's supervisor was gone while it ran and no source
     *                      saw it end: state {@code lost}), or null
     * @param execs         the programs it became by {@code exec}, in time order (it kept its PID; {@code command} is
     *                      the last one's); empty before version 4
     * @param named         true when the program gave {@code name} itself ({@code name=}); false before version 5
     * @param shownLabel    {@code label} made unique in the run ({@code p #2}), or null; before version 5 the label
     */
    public record Process(Long pid, long startTicks, Long ppid, long parent, Role role, String name, String label,
                          String target, Boolean alive, Integer exitCode, String signal, boolean orphan,
                          boolean traced, String startMethod, String helperKind, Double startedAt, Double endedAt,
                          Double reapedAt, List<StateSpan<LifeState>> states,
                          List<StateSpan<KernelStateKind>> kernelStates, List<Line> output, Long standIn,
                          String args, String command, boolean daemon, Double startCalledAt, Double orphanedAt,
                          Integer depth, List<Join> joins, StartFailed startFailed, Double lostAt,
                          List<Exec> execs, boolean named, String shownLabel) {
    }

    /**
     * An {@code exec}: from {@code t} the process ran another program, keeping its PID.
     *
     * @param t       when it called exec, seconds from the run's start
     * @param path    the file it ran ({@code /bin/sh}), or null
     * @param command the new program's arguments joined by spaces, or null
     */
    public record Exec(double t, String path, String command) {
    }

    /**
     * A {@code start()} that raised: the object got no process.
     *
     * @param t       when it raised, seconds from the run's start
     * @param error   the exception's class as a traceback names it ({@code RuntimeError})
     * @param message its message on one line, or null
     */
    public record StartFailed(double t, String error, String message) {
    }

    /**
     * A stretch of time in one state, in seconds from the run's start. A state still going on when the document
     * was written ends at the run's end (or at that moment, for a run still going) and is {@code open}.
     *
     * @param state the state ({@link LifeState} or {@link KernelStateKind}), written as its {@code id()}
     * @param from  start
     * @param to    end
     * @param open  true when the state was still going on (written only then; always false in version 1)
     */
    public record StateSpan<S extends Enum<S>>(S state, double from, double to, boolean open) {
    }

    /**
     * One line of output, without its line ending.
     *
     * @param t        when ProcessLab received it, seconds from the run's start
     * @param stream   stdout or stderr
     * @param text     the line
     * @param untraced true when a process without an agent wrote it on the shared pipe, so its writer is ProcessLab's
     *                 best guess: the only untraced process still there when it was read, else main
     * @param n        its number in the whole run's output, from 0, in arrival order across every process (the
     *                 interleaving); -1 in version 1
     * @param shared   true when it came from an output channel several live processes held: its process or one of that
     *                 process's untraced children wrote it (since 4; false before)
     */
    public record Line(double t, Stream stream, String text, boolean untraced, long n, boolean shared) {
        /** A line not from a shared channel. */
        public Line(double t, Stream stream, String text, boolean untraced, long n) {
            this(t, stream, text, untraced, n, false);
        }
    }

    /**
     * One {@code join()} call.
     *
     * @param child  the PID it waited for (a process of the document)
     * @param from   when it began, seconds from the run's start
     * @param to     when it returned, or null while it still waited
     * @param reaped true when the child was reaped inside this join
     */
    public record Join(long child, double from, Double to, boolean reaped) {
    }

    /**
     * The run was lowered below the window's priority because it turned busy.
     *
     * @param t      when, seconds from the run's start
     * @param steps  how many steps of niceness
     * @param reason why, in words
     */
    public record PriorityChange(double t, int steps, String reason) {
    }

    /**
     * A line a process had begun and not finished (a prompt) when the document was made.
     *
     * @param t        when its latest bytes arrived, seconds from the run's start
     * @param pid      the process writing it
     * @param stream   stdout or stderr
     * @param text     its text so far (at most {@link UnfinishedLine#KEPT_BYTES} bytes, then {@code " …"})
     * @param bytes    its length so far in bytes
     * @param untraced true when no agent said who is writing it
     * @param shared   true when {@code pid} or one of its untraced children is writing it (since 4; false before)
     */
    public record Unfinished(double t, long pid, Stream stream, String text, long bytes, boolean untraced,
                             boolean shared) {
    }

    /**
     * Lines of one writer that is none of the document's processes.
     *
     * @param pid    the writer's PID (0: no agent said who, before main was known)
     * @param output its lines, in the order they arrived
     */
    public record OtherOutput(long pid, List<Line> output) {
    }

    /**
     * The document of {@code run} (a finished run, or one still going: then open states end at its {@code now}),
     * with the output lines of each process as views of {@code output}, in the current version. Lines whose text a
     * bounded output let go keep {@link OutputLog#DROPPED} (see {@link SavedRun#write}).
     */
    public static RunDocument of(RunSnapshot run, OutputLog output, RunOrigin origin) {
        return of(run, output, origin, null, null);
    }

    /**
     * As {@link #of(RunSnapshot, OutputLog, RunOrigin)}, with a lesson's expectations checked against the run (null:
     * none checked).
     */
    public static RunDocument of(RunSnapshot run, OutputLog output, RunOrigin origin, Expectations expectations) {
        return of(run, output, origin, expectations, null);
    }

    /**
     * As {@link #of(RunSnapshot, OutputLog, RunOrigin, Expectations)}, the texts {@code output} let go read from
     * {@code logged}.
     */
    static RunDocument of(RunSnapshot run, OutputLog output, RunOrigin origin, Expectations expectations,
                          LoggedTexts logged) {
        List<Process> processes = new ArrayList<>(run.processes().size());
        java.util.Set<Long> listed = new java.util.HashSet<>();
        for (ProcessView p : run.processes()) {
            processes.add(process(run, output, p, logged));
            listed.add(p.pid());
        }
        return new RunDocument(FORMAT_VERSION, run.rootStatus(), run.error(), run.stoppedBy(), run.title(),
                List.copyOf(run.startMethods()), run.outputLines(), run.rejectedConnections(),
                Collections.unmodifiableList(processes), run.status(), run.startedAt() < 0 ? null : run.startedAt(),
                time(run, run.endedAt()), seconds(run, run.now()), run.requestedStartMethod(),
                run.supervisorPid() < 0 ? null : run.supervisorPid(), priority(run, run.priorityLowered()),
                run.inputDroppedBytes(), unfinished(run), otherOutput(run, output, listed, logged), origin,
                run.channelRefusals(), run.containment(), run.processesPastLimit(),
                run.forksRefused() < 0 ? null : run.forksRefused(), lost(run, run.supervisorLost()), expectations);
    }

    private static SupervisorLost lost(RunSnapshot run, SupervisorLoss l) {
        return l == null ? null : new SupervisorLost(seconds(run, l.t()), l.exitStatus(), l.signal(), l.endedBy(),
                l.found(), l.left(), l.byProcessLab());
    }

    /** The document of {@code run} without its origin ({@link RunOrigin#NONE}). */
    public static RunDocument of(RunSnapshot run, OutputLog output) {
        return of(run, output, RunOrigin.NONE);
    }

    /**
     * Seconds from the run's start to {@code t} (epoch µs), as the document writes times: exact to the microsecond,
     * so {@link #micros} gives {@code t} back.
     */
    public static double seconds(RunSnapshot run, long t) {
        return (t - run.startedAt()) / 1e6;
    }

    /** The epoch microseconds of {@code seconds} after {@code start} (epoch µs): the inverse of {@link #seconds}. */
    public static long micros(long start, double seconds) {
        return start + Math.round(seconds * 1e6);
    }

    private static Process process(RunSnapshot run, OutputLog output, ProcessView p, LoggedTexts logged) {
        return new Process(p.notStarted() ? null : p.pid(), p.key().startTicks(), p.ppid() < 0 ? null : p.ppid(),
                p.parent(), p.role(), p.name(), p.label(), p.target(), p.lost() ? null : p.alive(), p.exitCode(),
                p.signal(),
                p.orphan(), p.traced(), p.startMethod(), p.helperKind(), time(run, p.startedAt()),
                time(run, p.endedAt()), time(run, p.reapedAt()), spans(run, p.states()),
                spans(run, p.kernelStates()),
                p.notStarted() ? List.of() : new OutputView(run, output, output.linesOf(p.pid()), logged),
                p.notStarted() ? p.pid() : null, p.args(), p.command(), p.daemon(), time(run, p.startCalledAt()),
                time(run, p.orphanedAt()), p.depth(), joins(run, p.joins()), startFailed(run, p.startFailed()),
                time(run, p.lostAt()), execs(run, p.execs()), p.named(), p.shownLabel());
    }

    private static List<Exec> execs(RunSnapshot run, List<ExecView> execs) {
        List<Exec> out = new ArrayList<>(execs.size());
        for (ExecView e : execs) {
            out.add(new Exec(seconds(run, e.t()), e.path(), e.command()));
        }
        return Collections.unmodifiableList(out);
    }

    private static StartFailed startFailed(RunSnapshot run, StartFailure f) {
        return f == null ? null : new StartFailed(seconds(run, f.t()), f.error(), f.message());
    }

    private static Double time(RunSnapshot run, long t) {
        return t < 0 ? null : seconds(run, t);
    }

    private static <S extends Enum<S>> List<StateSpan<S>> spans(RunSnapshot run, List<Span<S>> spans) {
        List<StateSpan<S>> out = new ArrayList<>(spans.size());
        for (Span<S> s : spans) {
            out.add(new StateSpan<>(s.state(), seconds(run, s.from()), seconds(run, s.toOr(run.horizon())), s.open()));
        }
        return Collections.unmodifiableList(out);
    }

    private static List<Join> joins(RunSnapshot run, List<JoinView> joins) {
        List<Join> out = new ArrayList<>(joins.size());
        for (JoinView j : joins) {
            out.add(new Join(j.child(), seconds(run, j.from()), j.to() == Span.OPEN ? null : seconds(run, j.to()),
                    j.reaped()));
        }
        return Collections.unmodifiableList(out);
    }

    private static PriorityChange priority(RunSnapshot run, RunEvent.PriorityLowered p) {
        return p == null ? null : new PriorityChange(seconds(run, p.t()), p.steps(), p.reason());
    }

    private static List<Unfinished> unfinished(RunSnapshot run) {
        List<Unfinished> out = new ArrayList<>(run.unfinishedLines().size());
        for (UnfinishedLine u : run.unfinishedLines()) {
            out.add(new Unfinished(seconds(run, u.t()), u.pid(), u.stream(), u.text(), u.bytes(), u.untraced(),
                    u.shared()));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The lines of writers that are not listed: PID 0 (output before main was known) and any PID the model knew but
     * did not list. When the listed processes' counts add up to every line (nearly always), no line is looked at;
     * else the PIDs of the lines are read a chunk at a time, without their text.
     */
    private static List<OtherOutput> otherOutput(RunSnapshot run, OutputLog output, java.util.Set<Long> listed,
                                                 LoggedTexts logged) {
        long counted = 0;
        for (long pid : listed) {
            counted += output.count(pid, Stream.STDOUT) + output.count(pid, Stream.STDERR);
        }
        int size = output.size();
        if (counted >= size) {
            return List.of();
        }
        java.util.Set<Long> others = new java.util.LinkedHashSet<>();
        long last = Long.MIN_VALUE;
        for (int from = 0; from < size; from += OTHERS_CHUNK) {
            for (long pid : output.marks(from, from + OTHERS_CHUNK).pids()) {
                if (pid != last && !listed.contains(pid)) {
                    others.add(pid);
                }
                last = pid;
            }
        }
        List<OtherOutput> out = new ArrayList<>(others.size());
        for (long pid : others) {
            out.add(new OtherOutput(pid, new OutputView(run, output, output.linesOf(pid), logged)));
        }
        return Collections.unmodifiableList(out);
    }

    private static final int OTHERS_CHUNK = 8192;
}
