package org.processlab.export;

import java.io.PrintStream;

import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;
import org.processlab.model.Span;

/**
 * Draws a run's lanes as text, one row per process, for a terminal: {@code .} created, {@code =} running, {@code ~} waiting
 * in {@code join()}, {@code z} zombie (exited, not reaped), {@code |} a line of output, then the exit code.
 */
public final class TextTimeline {
    private TextTimeline() {
    }

    /** Writes the lanes of {@code run} in {@code width} columns of time. */
    public static void write(RunSnapshot run, OutputLog output, PrintStream out, int width) {
        long t0 = run.startedAt();
        long span = Math.max(1, run.horizon() - t0);
        // the label column fits the longest label, so a PID is never cut off
        int w = 24;
        for (ProcessView p : run.processes()) {
            w = Math.max(w, label(p).length());
        }
        out.printf("%-" + w + "s %s%n", "TIMELINE", "0 s" + " ".repeat(Math.max(1, width - 12)) + String.format("%.3f s", span / 1e6));
        for (ProcessView p : run.processes()) {
            char[] row = new char[width];
            java.util.Arrays.fill(row, ' ');
            for (Span<LifeState> s : p.states()) {
                char c = switch (s.state()) {
                    case CREATED -> '.';
                    case RUNNING -> '=';
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
            for (int i : output.linesOf(p.pid())) {
                row[Math.min(width - 1, col(output.get(i).t() - t0, span, width))] = '|';
            }
            String end = p.startFailed() != null ? p.startFailed().describe() : p.notStarted() ? "start() never called" : p.alive() ? "alive" : p.exitCode() == null ? "" : "exit " + Signals.describe(p.exitCode());
            out.printf("%-" + w + "s %s %s%s%n", label(p), new String(row), end,
                    p.orphan() ? " (orphan, now child of " + p.ppid() + ")" : "");
        }
        out.println("legend: . created (start() not called yet)   = running   ~ waiting in join()   "
                + "z zombie (exited, not reaped)   | output line");
    }

    private static String label(ProcessView p) {
        return "  ".repeat(p.depth()) + p.displayName() + (p.notStarted() ? " [no PID]" : " [" + p.pid() + "]");
    }

    private static int col(long t, long span, int width) {
        return (int) Math.max(0, Math.min(width - 1, t * width / span));
    }
}
