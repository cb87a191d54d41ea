package org.processlab.export;

import java.io.PrintStream;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;
import org.processlab.model.Span;

/**
 * Draws a run's lanes as text, one row per process, for a terminal: {@code .} created, {@code =} running, {@code -}
 * sleeping while it runs (the kernel's sampled state: {@code time.sleep}, waiting for input or the disk), {@code ~}
 * waiting in {@code join()}, {@code z} zombie (exited, not reaped), {@code ?} lost from view, {@code |} a line of
 * output, then the exit code. A legend under the lanes says so, in words.
 */
public final class TextTimeline {
    private TextTimeline() {
    }

    static final char RUNNING = '=';
    static final char SLEEPING = '-';

    /** Writes the lanes of {@code run} in {@code width} columns of time. */
    public static void write(RunSnapshot run, OutputLog output, PrintStream out, int width) {
        long t0 = run.startedAt();
        long span = Math.max(1, run.horizon() - t0);
        // the label column fits the longest label, so a PID is never cut off
        int w = 24;
        boolean sampled = false;
        boolean lost = false;
        for (ProcessView p : run.processes()) {
            w = Math.max(w, label(p).length());
            sampled |= !p.kernelStates().isEmpty();
            lost |= p.lost();
        }
        out.printf("%-" + w + "s %s%n", "TIMELINE", "0 s" + " ".repeat(Math.max(1, width - 12)) + String.format("%.3f s", span / 1e6));
        for (ProcessView p : run.processes()) {
            char[] row = new char[width];
            java.util.Arrays.fill(row, ' ');
            for (Span<LifeState> s : p.states()) {
                char c = switch (s.state()) {
                    case CREATED -> '.';
                    case RUNNING -> RUNNING;
                    case WAITING_JOIN -> '~';
                    case ZOMBIE -> 'z';
                    case LOST -> '?';
                    default -> ' ';
                };
                if (c == ' ') {
                    continue;
                }
                int a = col(s.from() - t0, span, width);
                int b = Math.max(a + 1, col(s.toOr(run.horizon()) - t0, span, width));
                for (int i = a; i < Math.min(b, width); i++) {
                    row[i] = c;
                }
            }
            drawSleeps(run, p, row);
            for (int i : output.linesOf(p.pid())) {
                row[Math.min(width - 1, col(output.get(i).t() - t0, span, width))] = '|';
            }
            String end = p.startFailed() != null ? p.startFailed().describe() : p.notStarted() ? "start() never called" : p.alive() ? "alive" : p.exitCode() == null ? "" : "exit " + Signals.describe(p.exitCode());
            out.printf("%-" + w + "s %s %s%s%n", label(p), new String(row), end,
                    p.orphan() ? " (orphan, now child of " + p.ppid() + ")" : "");
        }
        out.println("legend: . created (start() not called yet)   " + (sampled
                ? RUNNING + " running   " + SLEEPING + " sleeping (time.sleep, waiting for input or the disk)"
                : RUNNING + " running (the kernel's states were not sampled: a sleep is drawn as running)"));
        out.println("        ~ waiting in join()   z zombie (exited, not reaped)   " + (lost ? "? lost from view   " : "")
                + "| output line");
    }

    /**
     * Where the process runs ({@code =}), marks the columns the kernel's samples say it slept in ({@code -}): a column
     * a sample says it ran in stays {@code =}, so a short burst of work between sleeps is not hidden. States other than
     * sleeping and disk wait (stopped, zombie) leave the row as it is.
     */
    private static void drawSleeps(RunSnapshot run, ProcessView p, char[] row) {
        long t0 = run.startedAt();
        long span = Math.max(1, run.horizon() - t0);
        int width = row.length;
        for (int pass = 0; pass < 2; pass++) {
            for (Span<KernelStateKind> k : p.kernelStates()) {
                boolean asleep = k.state() == KernelStateKind.SLEEPING || k.state() == KernelStateKind.DISK_WAIT;
                boolean running = k.state() == KernelStateKind.RUNNING;
                // first every sleep, then every run over it
                if (pass == 0 ? !asleep : !running) {
                    continue;
                }
                int a = col(k.from() - t0, span, width);
                int b = Math.max(a + 1, col(k.toOr(run.horizon()) - t0, span, width));
                for (int i = a; i < Math.min(b, width); i++) {
                    if (pass == 0 && row[i] == RUNNING) {
                        row[i] = SLEEPING;
                    } else if (pass == 1 && row[i] == SLEEPING) {
                        row[i] = RUNNING;
                    }
                }
            }
        }
    }

    private static String label(ProcessView p) {
        return "  ".repeat(p.depth()) + p.displayName() + (p.notStarted() ? " [no PID]" : " [" + p.pid() + "]");
    }

    private static int col(long t, long span, int width) {
        return (int) Math.max(0, Math.min(width - 1, t * width / span));
    }
}
