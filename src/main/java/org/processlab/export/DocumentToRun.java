package org.processlab.export;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

import org.processlab.model.SupervisorLoss;
import org.processlab.model.ExecView;
import org.processlab.model.JoinView;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcKey;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.model.StartFailure;
import org.processlab.model.Stream;
import org.processlab.model.UnfinishedLine;

/**
 * A run document back into the run it was made of: its {@link RunSnapshot} and its {@link OutputLog}. From a document
 * of format 2 they are the run's own, every time to the microsecond (see {@link SavedRun}). A document of format 1
 * lacks some facts; what a view needs gets a stated default, and what is not known stays unknown:
 * <ul>
 *   <li>the run's start is not known: its times count from the epoch (1970-01-01T00:00:00Z), so every time from the
 *       start is right and the start itself reads as unknown;</li>
 *   <li>its end and {@code now} are the latest time the document names; its status is {@code failed} with an error
 *       and {@code ended} without;</li>
 *   <li>the lines' order across processes is by their times (a process's own lines keep theirs), ties by the order of
 *       the processes;</li>
 *   <li>a process's depth follows from the order of the list (each under the one that started it);</li>
 *   <li>a Process object never started gets a stand-in PID -1, -2, … in the order of the list;</li>
 *   <li>what format 1 does not carry (a process's arguments, command, start call, joins, the start method asked for,
 *       the supervisor) is unknown: null, -1, or none.</li>
 * </ul>
 * Stateless.
 */
final class DocumentToRun {
    private DocumentToRun() {
    }

    /** The output of {@code doc}, every line in the order the run received it. */
    static OutputLog output(RunDocument doc, long start) throws RunDocumentException {
        OutputLog log = new OutputLog();
        if (doc.formatVersion() >= 2) {
            DocumentChecks.LineOrder order = DocumentChecks.LineOrder.of(doc);
            for (int n = 0; n < order.writer().length; n++) {
                DocumentChecks.LineOrder.Writer w = order.writers().get(order.writer()[n]);
                append(log, start, w.pid(), w.output().get(order.index()[n]));
            }
        } else {
            mergeByTime(doc, start, log);
        }
        return log;
    }

    /** Format 1: each process's lines in their order, merged across processes by time; a PID listed twice once. */
    private static void mergeByTime(RunDocument doc, long start, OutputLog log) {
        record Next(int writer, int index, double t) {
        }
        List<RunDocument.Process> writers = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (RunDocument.Process p : doc.processes()) {
            if (p.pid() != null && seen.add(p.pid())) {
                writers.add(p);
            }
        }
        PriorityQueue<Next> queue = new PriorityQueue<>((a, b) -> a.t() != b.t() ? Double.compare(a.t(), b.t())
                : Integer.compare(a.writer(), b.writer()));
        for (int w = 0; w < writers.size(); w++) {
            if (!writers.get(w).output().isEmpty()) {
                queue.add(new Next(w, 0, writers.get(w).output().get(0).t()));
            }
        }
        while (!queue.isEmpty()) {
            Next next = queue.poll();
            RunDocument.Process p = writers.get(next.writer());
            append(log, start, p.pid(), p.output().get(next.index()));
            int i = next.index() + 1;
            if (i < p.output().size()) {
                queue.add(new Next(next.writer(), i, Math.max(next.t(), p.output().get(i).t())));
            }
        }
    }

    private static void append(OutputLog log, long start, long pid, RunDocument.Line l) {
        log.append(new RunEvent.OutputLine(RunDocument.micros(start, l.t()), pid, l.stream(), l.text(), l.untraced(),
                l.shared()));
    }

    /** The epoch microseconds the document's times count from. */
    static long start(RunDocument doc) {
        return doc.startTime() != null ? doc.startTime() : doc.formatVersion() >= 2 ? -1 : 0;
    }

    /** The run of {@code doc} whose output is {@code output} (from {@link #output}). */
    static RunSnapshot snapshot(RunDocument doc, OutputLog output, long start) {
        boolean v1 = doc.formatVersion() < 2;
        List<ProcessView> processes = new ArrayList<>(doc.processes().size());
        Depths depths = new Depths();
        StandInNumbers standIns = new StandInNumbers(doc);
        for (RunDocument.Process p : doc.processes()) {
            processes.add(process(p, output, start, depths, standIns));
        }
        double last = v1 ? latest(doc) : 0;
        long endedAt = v1 ? RunDocument.micros(start, last) : time(start, doc.endedAt());
        long now = v1 ? endedAt : RunDocument.micros(start, doc.now());
        RunStatus status = doc.status() != null ? doc.status()
                : doc.error() != null ? RunStatus.FAILED : RunStatus.ENDED;
        List<UnfinishedLine> unfinished = new ArrayList<>(doc.unfinishedLines().size());
        for (RunDocument.Unfinished u : doc.unfinishedLines()) {
            unfinished.add(new UnfinishedLine(RunDocument.micros(start, u.t()), u.pid(), u.stream(), u.text(),
                    u.bytes(), u.untraced(), u.shared()));
        }
        RunDocument.PriorityChange p = doc.priorityLowered();
        return new RunSnapshot(version(doc, start, processes), status, doc.title() == null ? "" : doc.title(), start, endedAt, now,
                List.copyOf(processes), doc.exitCode(), doc.stoppedBy(), doc.error(), List.copyOf(doc.startMethods()),
                doc.startMethodAsked(), doc.supervisorPid() == null ? -1 : doc.supervisorPid(), output.size(),
                List.copyOf(unfinished), doc.rejectedConnections(),
                p == null ? null : new RunEvent.PriorityLowered(RunDocument.micros(start, p.t()), p.steps(), p.reason()),
                doc.inputDroppedBytes(), doc.refusedConnections(), doc.containment(), doc.processesPastLimit(),
                doc.forksRefused() == null ? -1 : doc.forksRefused(), lost(doc.supervisorLost(), start));
    }

    private static SupervisorLoss lost(RunDocument.SupervisorLost l, long start) {
        return l == null ? null : new SupervisorLoss(RunDocument.micros(start, l.t()), l.exitStatus(), l.endedBy(),
                l.found(), l.left(), l.byProcessLab());
    }

    /**
     * The {@link RunSnapshot#version()} of a run read back: fixed for the run (every reading of it gives the same), and
     * another for another run, made from what names the run (its start to the microsecond, its processes' PIDs and
     * kernel start times, its title and line count), so that "equal versions mean equal content" still holds for a view
     * that caches by version while a person switches between saved runs of one lesson. Negative: no live run has it.
     */
    private static long version(RunDocument doc, long start, List<ProcessView> processes) {
        long h = start;
        h = 31 * h + doc.outputLines();
        h = 31 * h + (doc.title() == null ? 0 : doc.title().hashCode());
        for (ProcessView p : processes) {
            h = 31 * h + p.pid();
            h = 31 * h + p.key().startTicks();
        }
        h ^= h >>> 33;   // a 64-bit mix (MurmurHash3's finaliser), so nearby starts do not give nearby versions
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return -1 - (h & Long.MAX_VALUE);
    }

    private static ProcessView process(RunDocument.Process p, OutputLog output, long start, Depths depths,
                                       StandInNumbers standIns) {
        long pid = p.pid() != null ? p.pid() : p.standIn() != null ? p.standIn() : standIns.next();
        int depth = depths.of(p, pid);
        List<JoinView> joins = new ArrayList<>(p.joins().size());
        for (RunDocument.Join j : p.joins()) {
            joins.add(new JoinView(j.child(), RunDocument.micros(start, j.from()),
                    j.to() == null ? Span.OPEN : RunDocument.micros(start, j.to()), j.reaped()));
        }
        return new ProcessView(new ProcKey(pid, p.startTicks()), p.ppid() == null ? -1 : p.ppid(), p.parent(),
                p.role(), p.name() == null ? "?" : p.name(), p.label(), p.target(), p.args(), p.command(), p.traced(),
                p.helperKind(), p.startMethod(), p.daemon(), time(start, p.startCalledAt()), time(start, p.startedAt()),
                time(start, p.endedAt()), time(start, p.reapedAt()), p.exitCode(), p.orphan(),
                time(start, p.orphanedAt()), depth, spans(p.states(), start), spans(p.kernelStates(), start),
                List.copyOf(joins), p.pid() == null ? 0 : output.count(pid, Stream.STDOUT),
                p.pid() == null ? 0 : output.count(pid, Stream.STDERR),
                p.startFailed() == null ? null : new StartFailure(RunDocument.micros(start, p.startFailed().t()),
                        p.startFailed().error(), p.startFailed().message()),
                time(start, p.lostAt()), execs(p.execs(), start), p.named(), p.shownLabel());
    }

    private static List<ExecView> execs(List<RunDocument.Exec> execs, long start) {
        if (execs.isEmpty()) {
            return List.of();
        }
        List<ExecView> out = new ArrayList<>(execs.size());
        for (RunDocument.Exec e : execs) {
            out.add(new ExecView(RunDocument.micros(start, e.t()), e.path(), e.command()));
        }
        return List.copyOf(out);
    }

    private static long time(long start, Double seconds) {
        return seconds == null ? -1 : RunDocument.micros(start, seconds);
    }

    private static <S extends Enum<S>> List<Span<S>> spans(List<RunDocument.StateSpan<S>> spans, long start) {
        List<Span<S>> out = new ArrayList<>(spans.size());
        for (RunDocument.StateSpan<S> s : spans) {
            out.add(new Span<>(s.state(), RunDocument.micros(start, s.from()),
                    s.open() ? Span.OPEN : RunDocument.micros(start, s.to())));
        }
        return List.copyOf(out);
    }

    /** Format 1: the latest time the document names, in seconds from the start (0 for none): where its run ended. */
    private static double latest(RunDocument doc) {
        double last = 0;
        for (RunDocument.Process p : doc.processes()) {
            for (Double t : new Double[] {p.startedAt(), p.endedAt(), p.reapedAt()}) {
                if (t != null) {
                    last = Math.max(last, t);
                }
            }
            for (RunDocument.StateSpan<?> s : p.states()) {
                last = Math.max(last, s.to());
            }
            for (RunDocument.StateSpan<?> s : p.kernelStates()) {
                last = Math.max(last, s.to());
            }
            for (RunDocument.Line l : p.output()) {
                last = Math.max(last, l.t());
            }
        }
        return last;
    }

    /**
     * Each process's depth: as written, or (format 1) under the nearest process above it in the list's path from the
     * top whose PID is its parent, as the list puts each process under the one that started it; else 0.
     */
    private static final class Depths {
        private final List<long[]> path = new ArrayList<>();

        int of(RunDocument.Process p, long pid) {
            int depth;
            if (p.depth() != null) {
                depth = p.depth();
            } else {
                while (!path.isEmpty() && path.get(path.size() - 1)[0] != p.parent()) {
                    path.remove(path.size() - 1);
                }
                depth = path.isEmpty() || p.parent() <= 0 ? 0 : (int) path.get(path.size() - 1)[1] + 1;
            }
            while (path.size() > depth) {
                path.remove(path.size() - 1);
            }
            path.add(new long[] {pid, depth});
            return depth;
        }
    }

    /** Stand-in PIDs for Process objects never started whose number the document does not give: -1, -2, … unused. */
    private static final class StandInNumbers {
        private final Set<Long> taken = new HashSet<>();
        private long next = -1;

        StandInNumbers(RunDocument doc) {
            for (RunDocument.Process p : doc.processes()) {
                if (p.standIn() != null) {
                    taken.add(p.standIn());
                }
            }
        }

        long next() {
            while (taken.contains(next)) {
                next--;
            }
            return next--;
        }
    }
}
