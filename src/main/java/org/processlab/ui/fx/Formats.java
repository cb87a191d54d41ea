package org.processlab.ui.fx;

import java.util.Locale;

import org.processlab.model.CommandLines;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;

/** Texts the views share: seconds, exit codes, names. Stateless; any thread. */
public final class Formats {
    private Formats() {
    }

    /** {@code t} (epoch µs) as seconds from the run's start, e.g. {@code 0.123 s}; empty when unknown. */
    public static String secondsFromStart(RunSnapshot run, long t) {
        if (t < 0 || run.startedAt() < 0) {
            return "";
        }
        return seconds((t - run.startedAt()) / 1e6);
    }

    /** Seconds with a precision that suits their size: {@code 0.012 s}, {@code 1.25 s}, {@code 61.3 s}. */
    public static String seconds(double s) {
        if (Math.abs(s) < 10) {
            return String.format(Locale.ROOT, "%.3f s", s);
        }
        if (Math.abs(s) < 100) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        return String.format(Locale.ROOT, "%.1f s", s);
    }

    /** An exit code as a person reads it: {@code 0}, {@code 3}, {@code -9 SIGKILL}; empty while unknown. */
    public static String exitCode(Integer code) {
        return Signals.describe(code);
    }

    /** {@code p1 (PID 1234)}. */
    public static String who(ProcessView p) {
        return name(p) + (p.startFailed() != null ? " (" + p.startFailed().describe() + ")"
                : p.notStarted() ? " (not started)" : " (PID " + p.pid() + ")");
    }

    /**
     * What the views call a process: after an {@code exec}, the program it became ({@code sh -c echo hi}); else its
     * label ({@code p1}), its multiprocessing name ({@code Process-1}), or for a process known only by its command
     * line a short form of it ({@code grandchild.py}, {@code sleep 5}).
     */
    public static String name(ProcessView p) {
        return p.execs().isEmpty() ? nameBeforeExec(p) : p.displayName();
    }

    /** What the views called {@code p} at {@code t} (epoch µs): {@link #name} as it was then, before a later exec. */
    public static String nameAt(ProcessView p, long t) {
        return p.execs().isEmpty() || t < p.execs().get(0).t() ? nameBeforeExec(p) : p.nameAt(t);
    }

    /**
     * What the views called {@code p} before any exec: the name the program gave it, else its label made unique
     * ({@code p #2}), else a short form of its name ({@link ProcessView#nameBeforeExec()}).
     */
    public static String nameBeforeExec(ProcessView p) {
        return p.named() || p.label() != null ? p.nameBeforeExec() : shortCommand(p.name());
    }

    /** {@code /usr/bin/python3 /a/b/grandchild.py x} → {@code grandchild.py x}; {@code /bin/sleep 5} → {@code sleep 5}. */
    public static String shortCommand(String command) {
        return CommandLines.shortForm(command);
    }
}
