package org.processlab.export;

import java.util.ArrayList;
import java.util.List;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunSnapshot;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;

/**
 * A finished run as its document: what {@code processlab run --format json} prints, what {@link RunDocumentWriter}
 * writes and {@link RunDocumentReader} reads back. One JSON object, UTF-8, its fields in this order:
 * <pre>
 * {"exitCode", "error", "stoppedBy", "title", "startMethods": [str], "outputLines", "rejectedConnections",
 *  "processes": [{"pid", "startTicks", "ppid", "parent", "role", "name", "label", "target", "alive", "exitCode",
 *                 "signal", "orphan", "traced", "startMethod", "helperKind", "startedAt", "endedAt", "reapedAt",
 *                 "states": [{"state", "from", "to"}], "kernelStates": [{"state", "from", "to"}],
 *                 "output": [{"t", "stream", "text"(, "untraced": true)}]}]}
 * </pre>
 * Every time in the document is in <b>seconds from the run's start</b> (a JSON number, to the microsecond); every
 * other number is an integer. A field that may be null is written as {@code null}, never left out, except
 * {@code untraced}, written only when true.
 *
 * <p>To add a field: a record component here, a line in the writer, a {@code case} in the reader. A reader of
 * this version skips fields it does not know, and fields added later are optional (a default where a document
 * does not have them), so documents written before and after the change both open.
 *
 * <p>The lists are read-only. A document made by {@link #of} holds views of the run's output, not copies: its
 * lines are made one at a time as they are read, so writing a million lines costs no more memory than the run
 * already holds.
 *
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
 */
public record RunDocument(Integer exitCode, String error, StopReason stoppedBy, String title,
                          List<String> startMethods, long outputLines, long rejectedConnections,
                          List<Process> processes) {

    /**
     * One process of the run. Times are seconds from the run's start, or null when not known.
     *
     * @param pid          the PID, or null for a {@code Process} object whose {@code start()} was never called (no
     *                     process; its one {@code created} state lasts until the process holding it ended)
     * @param startTicks   the kernel's start time of the process, in clock ticks since boot (field 22 of
     *                     {@code /proc/PID/stat}, proc(5)), or -1 where the OS did not say; with the PID it names
     *                     the process, as the kernel reuses PIDs
     * @param ppid         the OS parent at the end, or null when nothing ever said (differs from {@code parent}
     *                     under forkserver and for orphans)
     * @param parent       the PID of the process that called {@code start()}, the OS parent at first sight where no
     *                     agent said, 0 for the root
     * @param role         main, child (started by a process of the run) or helper (started by Python itself)
     * @param name         multiprocessing's name ({@code Process-1}), or the command for an untraced process
     * @param label        the variable the program kept it in ({@code p1}), or null
     * @param target       the function it ran, or null
     * @param alive        true when it had not ended when the document was written
     * @param exitCode     Python's exit code (negative: killed by that signal), or null when not known
     * @param signal       the name of the signal that killed it ({@code SIGKILL}), or null
     * @param orphan       true when its parent ended while it still ran
     * @param traced       true when an agent ran inside it (its output is attributed exactly)
     * @param startMethod  {@code fork}, {@code spawn} or {@code forkserver} for a multiprocessing child, else null
     * @param helperKind   {@code resource_tracker}, {@code forkserver} or {@code manager} for a helper, else null
     * @param startedAt    when the OS process began
     * @param endedAt      when it ended
     * @param reapedAt     when its parent collected its exit status
     * @param states       its lifecycle, in time order
     * @param kernelStates the scheduler states the OS sampler saw, in time order (empty where the OS gives none)
     * @param output       the lines it wrote, in the order they arrived
     */
    public record Process(Long pid, long startTicks, Long ppid, long parent, Role role, String name, String label,
                          String target, boolean alive, Integer exitCode, String signal, boolean orphan,
                          boolean traced, String startMethod, String helperKind, Double startedAt, Double endedAt,
                          Double reapedAt, List<StateSpan<LifeState>> states,
                          List<StateSpan<KernelStateKind>> kernelStates, List<Line> output) {
    }

    /**
     * A stretch of time in one state, in seconds from the run's start. A state still going on when the document
     * was written ends at the run's end (or at that moment, for a run still going).
     *
     * @param state the state ({@link LifeState} or {@link KernelStateKind}), written as its {@code id()}
     * @param from  start
     * @param to    end
     */
    public record StateSpan<S extends Enum<S>>(S state, double from, double to) {
    }

    /**
     * One line of output, without its line ending.
     *
     * @param t        when ProcessLab received it, seconds from the run's start
     * @param stream   stdout or stderr
     * @param text     the line
     * @param untraced true when a process without an agent wrote it on the shared pipe, so its writer is ProcessLab's
     *                 best guess: the only untraced process still there when it was read, else main
     */
    public record Line(double t, Stream stream, String text, boolean untraced) {
    }

    /**
     * The document of {@code run} (a finished run, or one still going: then open states end at its {@code now}),
     * with the output lines of each process as views of {@code output}.
     */
    public static RunDocument of(RunSnapshot run, OutputLog output) {
        List<Process> processes = new ArrayList<>(run.processes().size());
        for (ProcessView p : run.processes()) {
            processes.add(process(run, output, p));
        }
        return new RunDocument(run.rootStatus(), run.error(), run.stoppedBy(), run.title(),
                List.copyOf(run.startMethods()), run.outputLines(), run.rejectedConnections(),
                java.util.Collections.unmodifiableList(processes));
    }

    /** Seconds from the run's start to {@code t} (epoch µs), to the microsecond, as the document writes times. */
    public static double seconds(RunSnapshot run, long t) {
        return Math.round(t - run.startedAt()) / 1e6;
    }

    private static Process process(RunSnapshot run, OutputLog output, ProcessView p) {
        return new Process(p.notStarted() ? null : p.pid(), p.key().startTicks(), p.ppid() < 0 ? null : p.ppid(),
                p.parent(), p.role(), p.name(), p.label(), p.target(), p.alive(), p.exitCode(), p.signal(),
                p.orphan(), p.traced(), p.startMethod(), p.helperKind(), time(run, p.startedAt()),
                time(run, p.endedAt()), time(run, p.reapedAt()), spans(run, p.states()),
                spans(run, p.kernelStates()), new OutputView(run, output, output.linesOf(p.pid())));
    }

    private static Double time(RunSnapshot run, long t) {
        return t < 0 ? null : seconds(run, t);
    }

    private static <S extends Enum<S>> List<StateSpan<S>> spans(RunSnapshot run,
                                                                List<org.processlab.model.Span<S>> spans) {
        List<StateSpan<S>> out = new ArrayList<>(spans.size());
        for (org.processlab.model.Span<S> s : spans) {
            out.add(new StateSpan<>(s.state(), seconds(run, s.from()), seconds(run, s.toOr(run.horizon()))));
        }
        return java.util.Collections.unmodifiableList(out);
    }
}
