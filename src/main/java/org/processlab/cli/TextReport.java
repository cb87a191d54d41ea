package org.processlab.cli;

import java.io.PrintStream;

import org.processlab.export.RunDocument;
import org.processlab.model.ExecView;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;
import org.processlab.model.Stream;

/**
 * Writes a run for a terminal: its output lines with their time (seconds since the run began), process and stream
 * ({@link #writeOutput}, {@link #writeLines}), then the process table, the lanes as text and the exit status
 * ({@link #writeEnd}).
 */
public final class TextReport {
    private TextReport() {
    }

    /**
     * A row's name in the process table: indented under its parent; a process called by its variable also gives
     * multiprocessing's own name ({@code p #2 (Process-3)}), the one {@code current_process().name} prints.
     */
    static String name(ProcessView p) {
        return "  ".repeat(p.depth()) + p.displayName()
                + (p.execs().isEmpty() && p.shownByLabel() ? " (" + p.name() + ")" : "")
                + (p.orphan() ? " (orphan)" : "");
    }

    /**
     * Writes the output lines numbered {@code from} on (in the run's {@link OutputLog}) with their time and process,
     * under an "Output:" heading when {@code from} is 0; returns the number of the next line.
     */
    public static int writeOutput(RunSnapshot run, OutputLog output, int from, PrintStream out) {
        return writeOutput(run, output, from, out, OutputText.AS_WRITTEN);
    }

    /** As {@link #writeOutput(RunSnapshot, OutputLog, int, PrintStream)}, each line's text as {@code text} shows it. */
    static int writeOutput(RunSnapshot run, OutputLog output, int from, PrintStream out, OutputText text) {
        int n = output.size();
        java.util.List<OutputLine> lines = new java.util.ArrayList<>(Math.max(0, n - from));
        for (int i = from; i < n; i++) {
            lines.add(output.get(i));
        }
        writeLines(run, lines, from == 0, out, text);
        return n;
    }

    /**
     * Writes {@code lines} with their time (seconds since the run began), process and stream, under an "Output:"
     * heading when {@code heading} is true and there are lines. The name column is {@link #WHO_WIDTH} wide whatever
     * the names, so lines written as they come line up with the ones before and after.
     */
    public static void writeLines(RunSnapshot run, java.util.List<OutputLine> lines, boolean heading, PrintStream out) {
        writeLines(run, lines, heading, out, OutputText.AS_WRITTEN);
    }

    /** As {@link #writeLines(RunSnapshot, java.util.List, boolean, PrintStream)}, each text as {@code text} shows it. */
    static void writeLines(RunSnapshot run, java.util.List<OutputLine> lines, boolean heading, PrintStream out,
                           OutputText text) {
        if (heading && !lines.isEmpty()) {
            out.println("Output:");
        }
        for (OutputLine l : lines) {
            out.print(prefix(run, l.t(), l.pid(), l.stream(), l.untraced(), l.shared()));
            out.println(text.of(l.text()));
        }
    }

    /**
     * The columns before a line's text: its time (seconds since the run began), "name[PID]" (the name the process had
     * at {@code t}: a line printed before an exec keeps the old program's; see {@link #who}), stream and marks:
     * {@code (untraced) } when no agent said who wrote it, {@code (or its untraced child) } when its process shared
     * its output channel with an untraced child of its own.
     */
    static String prefix(RunSnapshot run, long t, long pid, Stream stream, boolean untraced, boolean shared) {
        String name = run.byPid(pid).map(p -> p.nameAt(t)).orElse("?");
        return String.format("%8.3f  %-" + WHO_WIDTH + "s %-6s %s", RunDocument.seconds(run, t), who(name, pid),
                stream.id(), untraced ? "(untraced) " : shared ? "(or its untraced child) " : "");
    }

    /**
     * "name[PID]" in at most {@link #WHO_WIDTH} characters: a longer name is cut with "…" before its PID, which is
     * always whole. A fixed width, not the longest name's, because live output is printed before later processes
     * (and their names) exist: a wider name then would shift every column after it.
     */
    static String who(String name, long pid) {
        String id = "[" + pid + "]";
        int room = Math.max(1, WHO_WIDTH - id.length());
        if (name.length() <= room) {
            return name + id;
        }
        int cut = room - 1;
        if (cut > 0 && Character.isHighSurrogate(name.charAt(cut - 1))) {
            cut--;      // never half a character
        }
        return name.substring(0, cut) + "…" + id;
    }

    /** The width of the "name[PID]" column of output lines: {@code MainProcess[4194304]} fits, the largest PID. */
    static final int WHO_WIDTH = 22;

    /**
     * Writes what follows the output: the process table, the lanes as text, the connections to the trace channel that
     * were refused (when any were), how the run was stopped, its status.
     */
    public static void writeEnd(RunSnapshot run, OutputLog output, PrintStream out) {
        if (run.error() != null) {
            out.println("Error: " + run.error());
        }
        out.println();
        // the name column is as wide as the longest name (an indented "resource_tracker (orphan)" included)
        int w = 22;
        for (ProcessView p : run.processes()) {
            w = Math.max(w, name(p).length());
        }
        String row = "%-" + w + "s %8s %8s %-7s %-6s %-12s %9s %9s%n";
        out.printf(row, "PROCESS", "PID", "PPID", "ROLE", "ALIVE", "EXIT", "START s", "DURATION");
        for (ProcessView p : run.processes()) {
            String name = name(p);
            String dur = p.startedAt() < 0 ? "" : String.format("%.3f", ((p.lastKnownAt() >= 0 ? p.lastKnownAt() : run.horizon()) - p.startedAt()) / 1e6);
            out.printf(row, name, p.notStarted() ? "-" : Long.toString(p.pid()),
                    p.ppid() < 0 ? "-" : Long.toString(p.ppid()), p.role().id(),
                    p.lost() ? "lost" : p.alive() ? "yes" : "no", Signals.describe(p.exitCode()),
                    p.startedAt() < 0 ? "" : String.format("%.3f", RunDocument.seconds(run, p.startedAt())), dur);
            if (p.startFailed() != null) {
                // it has no process: its row says why, under its name
                out.println("  ".repeat(p.depth() + 1) + p.startFailed().describe());
            }
            String was = p.nameBeforeExec();
            for (ExecView e : p.execs()) {
                // the same process (PID) became another program: its row says when, and what it was
                out.printf("%sexec at %.3f s: %s (was %s)%n", "  ".repeat(p.depth() + 1), RunDocument.seconds(run, e.t()),
                        e.program(), was);
                was = e.name();
            }
        }
        out.println();
        org.processlab.export.TextTimeline.write(run, output, out, 60);
        out.println();
        String refused = run.channelRefusals().sentence();
        if (!refused.isEmpty()) {
            out.println(refused + ".");
        }
        if (run.stoppedBy() != null) {
            out.println("Stopped by: " + run.stoppedBy().id());
        }
        if (run.containment() != null) {
            out.println("Containment: " + containment(run));
        }
        Integer status = run.rootStatus();
        String why = "";
        if (status != null && status > 128 && status < 160) {
            // the program's own status, as a shell reports it: 128 + the signal that ended it
            why = " (ended by " + Signals.name(status - 128)
                    + (run.stoppedBy() == org.processlab.model.StopReason.INTERRUPT ? ", sent when the run was interrupted)"
                    : run.stoppedBy() != null ? ", sent when ProcessLab stopped the run)" : ")");
        }
        out.println("Exit status: " + (status == null ? "unknown" : status + why));
    }

    /** One line on how the run's processes were held together, and what that guarantees. */
    static String containment(RunSnapshot run) {
        org.processlab.model.Containment c = run.containment();
        String what = switch (c) {
            case CGROUP_V2_PIDS, CGROUP_V2 -> "a cgroup v2 group of its own (frozen and killed whole; no process can leave it)";
            case CGROUP_V1_FREEZER_PIDS, CGROUP_V1_FREEZER -> "cgroup v1 groups of its own (frozen and killed whole; no process can leave them)";
            case CGROUP_V1_PIDS -> "a cgroup v1 pids group of its own (every process listed and killed; no process can leave it)";
            case SWEEP -> "no cgroup: a sweep by the run's marker and session (best effort: a process that empties its"
                    + " environment and leaves the session can hide)";
        };
        return c.id() + " — " + what + (c.kernelLimit() ? "; the kernel caps the tasks (processes and threads) alive at once" : "")
                + (run.forksRefused() == 1 ? " (it refused 1 fork or thread start)"
                : run.forksRefused() > 1 ? String.format(java.util.Locale.ROOT, " (it refused %,d forks or thread starts)",
                        run.forksRefused()) : "");
    }
}
