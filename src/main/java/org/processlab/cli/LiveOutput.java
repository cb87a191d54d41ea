package org.processlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.processlab.model.Clock;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Stream;
import org.processlab.model.UnfinishedLine;

/**
 * Text mode of {@code processlab run}: the run's output lines as they come, as running the program in a terminal
 * would show them, each with its time, process and stream; the report's table and lanes follow when the run has ended.
 *
 * <p>The rules:
 * <ul>
 *   <li>A line waits {@link #HOLD_MICROS} µs before it is printed, and lines are printed in the order of their times:
 *       lines from different processes arrive over different connections, so the order they arrive in is not always
 *       the order they were written in, and a child's name (its label, from its parent's {@code start()}) may arrive a
 *       moment after its first line.</li>
 *   <li>A line not finished yet (a prompt: {@code input('number? ')}) is printed once its process has added nothing
 *       to it for {@link #HOLD_MICROS} µs, with its columns and without a line end: the terminal's cursor stands after
 *       it, as when the program runs alone, so a person sees the question before answering it. What the process adds
 *       to it later is printed after it; when the line is finished, its rest and the line end follow. The printed text
 *       is the program's line, whole: with input from a pipe, {@code number? 49} is one line.</li>
 *   <li>Should another line be due while such a line stands unfinished, the terminal's line is ended first (a line
 *       end of ProcessLab's, not of the program's output), and the rest of the unfinished line, when it comes, is
 *       printed with its own columns after {@link #CONTINUED} ({@code …def}): every part of a line is printed once,
 *       never its beginning again. The run document ({@code --format json}) and the run's counts know only the
 *       program's own lines, whole.</li>
 *   <li>A line the program rewrites ({@code \r}: a progress bar) is a line that changes, not one that grows. On a
 *       terminal ({@link OutputText#terminal}) it is printed as soon as it is seen changing so, and drawn again in place
 *       (a carriage return and an erase to the line's end of ProcessLab's) at every look it changed: a live progress
 *       bar. Elsewhere what is printed cannot be taken back: it is printed when it stops changing as any unfinished
 *       line, and once finished, when what was printed of it is not its beginning any more, the line is printed whole
 *       on a line of its own.</li>
 *   <li>Each line's text is printed as {@link OutputText} shows it (a lesson's paths; escape sequences only to a
 *       terminal).</li>
 * </ul>
 *
 * <p>Threading: a daemon thread ({@code processlab-live-output}) looks every {@link #EVERY_MS} ms; {@link #stop} runs
 * on the CLI's main thread. Printing is synchronized on this object, and so are {@code standing} and {@code shown}.
 */
final class LiveOutput {
    static final long EVERY_MS = 50;
    static final long HOLD_MICROS = 300_000;
    /** Begins the rest of a line whose beginning was printed before another line. */
    static final String CONTINUED = "\u2026";
    private final RunModel model;
    private final PrintStream out;
    private final Thread thread;
    private final List<OutputLine> pending = new ArrayList<>();
    private volatile boolean stopped;
    private int next;
    private boolean headed;
    /** The unfinished line printed last, without its line end: the terminal's cursor stands after it; or null. */
    private UnfinishedLine standing;
    /** The text printed so far of each writer's line begun and not finished (the standing one among them). */
    private final Map<Writer, String> shown = new HashMap<>();
    /** Each writer's unfinished line as the last look saw it (on a terminal only): a line that changed, not grew, since. */
    private final Map<Writer, String> seen = new HashMap<>();
    private final OutputText text;

    /** One process's stream. */
    private record Writer(long pid, Stream stream) {
    }

    LiveOutput(RunModel model, PrintStream out, String title, OutputText text) {
        this.model = model;
        this.out = out;
        this.text = text;
        out.println("Run: " + title);
        out.flush();
        thread = new Thread(this::loop, "processlab-live-output");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (!stopped) {
            print(null, Clock.nowMicros() - HOLD_MICROS);
            try {
                Thread.sleep(EVERY_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Prints the lines written up to {@code until} (epoch µs), in time order; {@code end} null: as of now. */
    private synchronized void print(RunSnapshot end, long until) {
        OutputLog log = model.output();
        int n = log.size();
        for (int i = next; i < n; i++) {
            pending.add(log.get(i));
        }
        next = n;
        RunSnapshot run = end != null ? end : model.snapshot();
        pending.sort(Comparator.comparingLong(OutputLine::t));
        int k = 0;
        while (k < pending.size() && pending.get(k).t() <= until) {
            k++;
        }
        if (k > 0) {
            List<OutputLine> due = new ArrayList<>(pending.subList(0, k));
            pending.subList(0, k).clear();
            printLines(run, due);
        }
        if (end == null) {
            printUnfinished(run, until);
        } else if (standing != null) {
            out.println();   // never left so (its writer's end finished it): the report starts on a line of its own
            standing = null;
        }
        out.flush();
    }

    private void printLines(RunSnapshot run, List<OutputLine> due) {
        List<OutputLine> whole = new ArrayList<>(due.size());
        for (OutputLine l : due) {
            String before = shown.isEmpty() ? null : shown.remove(new Writer(l.pid(), l.stream()));
            if (before == null) {
                if (standing != null) {
                    printWhole(run, whole);
                    out.println();   // another line is due first: the terminal's line ends here
                    standing = null;
                }
                whole.add(l);
                continue;
            }
            printWhole(run, whole);
            if (rewritten(before, l.text())) {
                printRewritten(run, l);
                continue;
            }
            String rest = l.text().substring(sharedStart(before, l.text()));
            if (standing != null && sameStream(standing, l)) {
                out.println(text.of(rest));   // the rest, after the cursor
            } else {
                if (standing != null) {
                    out.println();
                }
                if (!rest.isEmpty()) {   // its beginning was printed before another line: the rest goes on from there
                    printPrefix(run, l.t(), l.pid(), l.stream(), l.untraced(), l.shared());
                    out.println(CONTINUED + text.of(rest));
                }
            }
            standing = null;
        }
        printWhole(run, whole);
    }

    /**
     * Prints finished line {@code l}, of which something else was printed before (the program rewrote it since): on a
     * terminal drawn again over the standing line, else whole on a line of its own.
     */
    private void printRewritten(RunSnapshot run, OutputLine l) {
        boolean over = text.terminal() && standing != null && sameStream(standing, l);
        if (over) {
            out.print('\r');
        } else if (standing != null) {
            out.println();
        }
        printPrefix(run, l.t(), l.pid(), l.stream(), l.untraced(), l.shared());
        out.println(text.of(l.text()) + (over ? ERASE_TO_END : ""));
        standing = null;
    }

    /** The terminal's erase to the end of the line: what a longer text drawn before left there goes. */
    private static final String ERASE_TO_END = "\u001b[K";

    /** True when {@code now} no longer begins with {@code before}, the part printed (and not for a shortened " …"). */
    private static boolean rewritten(String before, String now) {
        return !now.startsWith(before) && !before.endsWith(" \u2026");
    }

    private void printWhole(RunSnapshot run, List<OutputLine> whole) {
        TextReport.writeLines(run, whole, !headed, out, text);
        headed |= !whole.isEmpty();
        whole.clear();
    }

    /**
     * Prints what is new of the unfinished line idle since {@code until}: the one standing grows; else the earliest
     * with text not printed yet begins (or goes on, after {@link #CONTINUED}, when its beginning was printed before
     * another line).
     */
    private void printUnfinished(RunSnapshot run, long until) {
        UnfinishedLine first = null;
        boolean changing = false;
        if (!seen.isEmpty()) {   // a writer's next line is another line, not a change of the one finished
            seen.keySet().removeIf(w -> run.unfinishedLines().stream()
                    .noneMatch(u -> u.pid() == w.pid() && u.stream() == w.stream()));
        }
        for (UnfinishedLine u : run.unfinishedLines()) {
            Writer w = new Writer(u.pid(), u.stream());
            boolean redraw = text.terminal() && changing(w, u.text());
            if (standing != null && sameStream(standing, u)) {
                String before = shown.get(w);
                if (redraw && !u.text().equals(before)) {
                    out.print('\r');   // drawn again in place: a live progress bar
                    printPrefix(run, u.t(), u.pid(), u.stream(), u.untraced(), u.shared());
                    out.print(text.of(u.text()) + ERASE_TO_END);
                    shown.put(w, u.text());
                    standing = u;
                } else if (u.t() <= until && grew(before, u.text())) {
                    out.print(text.of(u.text().substring(before.length())));
                    shown.put(w, u.text());
                    standing = u;
                }
                return;
            }
            boolean due = u.t() <= until && grew(shown.getOrDefault(w, ""), u.text());
            if ((due || redraw) && (first == null || u.t() < first.t())) {
                first = u;
                changing = redraw;
            }
        }
        if (standing == null && first != null) {
            if (!headed) {
                out.println("Output:");
                headed = true;
            }
            Writer w = new Writer(first.pid(), first.stream());
            String before = shown.getOrDefault(w, "");
            printPrefix(run, first.t(), first.pid(), first.stream(), first.untraced(), first.shared());
            out.print(text.of(before.isEmpty() || changing ? first.text()
                    : CONTINUED + first.text().substring(before.length())));
            shown.put(w, first.text());
            standing = first;
        }
    }

    private void printPrefix(RunSnapshot run, long t, long pid, Stream stream, boolean untraced, boolean shared) {
        out.print(TextReport.prefix(run, t, pid, stream, untraced, shared));
    }

    /**
     * True when writer {@code w}'s unfinished line is {@code now} and was something else, not a beginning of it, at the
     * last look: the program rewrites it.
     */
    private boolean changing(Writer w, String now) {
        String last = seen.put(w, now);
        return last != null && !now.startsWith(last);
    }

    /** True when {@code now} is {@code before} and more (a line printed in part has grown). */
    private static boolean grew(String before, String now) {
        return now.length() > before.length() && now.startsWith(before);
    }

    /** The length of the longest beginning {@code a} and {@code b} share. */
    static int sharedStart(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    private static boolean sameStream(UnfinishedLine u, OutputLine l) {
        return u.pid() == l.pid() && u.stream() == l.stream();
    }

    private static boolean sameStream(UnfinishedLine a, UnfinishedLine b) {
        return a.pid() == b.pid() && a.stream() == b.stream();
    }

    /** Stops the thread and prints every line not printed yet, with the names of {@code end}. */
    void stop(RunSnapshot end) {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        print(end, Long.MAX_VALUE);
    }
}
