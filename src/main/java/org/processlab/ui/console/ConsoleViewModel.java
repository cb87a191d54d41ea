package org.processlab.ui.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import org.processlab.model.EscapeCodes;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.ShownPaths;
import org.processlab.model.Stream;
import org.processlab.model.UnfinishedLine;
import org.processlab.ui.fx.RunFrame;

/**
 * The console's rows: every output line of the run with the process that printed it, in the order the lines
 * were written (by their time stamps; lines of different processes may arrive in another order), newest last. At most
 * {@link #MAX_ROWS} rows are kept for the view (older ones leave the list; the run's own log and counts stay
 * exact). {@link #filterPidProperty()} shows one process's lines only; {@link #untilTimeProperty()} (the timeline's
 * cursor, epoch µs) shows only the lines written by then, while {@link #limitToCursorProperty()} is on — a replay's
 * console grows line by line as the cursor passes them.
 *
 * <p>A line a process has begun and not finished (a prompt, "Working…") is shown at once, as the last rows, one per
 * process and stream, updated live ({@link ConsoleRow.Kind#UNFINISHED}); once finished it becomes an ordinary row. The
 * main process's unfinished stdout line stands beside the input line instead while a run takes input
 * ({@link ProgramInputViewModel#promptProperty}), and what is typed there is echoed after it as a terminal shows it
 * ({@link ConsoleRow.Kind#TYPED}, {@link TerminalEcho}).
 *
 * <p>A row's text is what a terminal would show of its line: without the terminal's escape sequences (colours:
 * {@link EscapeCodes}), and with a lesson's files named as the lesson names them ({@link #shownPathsProperty()}:
 * {@code lessons/02-first-processes/x.py} in a traceback, not the cache copy's path). A line a carriage return rewrote
 * (a progress bar) comes from the run already as a terminal shows it, and while unfinished its row changes in place.
 * The run log keeps every line as written.
 *
 * <p>Threading: FX thread only; {@link #add} is called once per pulse.
 */
public final class ConsoleViewModel {
    /** The most rows the console list holds. */
    public static final int MAX_ROWS = 50_000;

    private final ObservableList<ConsoleRow> all = FXCollections.observableArrayList();
    private final FilteredList<ConsoleRow> shown = new FilteredList<>(all);
    private final ObjectProperty<Long> filterPid = new SimpleObjectProperty<>(this, "filterPid");
    private final ReadOnlyLongWrapper totalLines = new ReadOnlyLongWrapper(this, "totalLines");
    private final ReadOnlyIntegerWrapper namesRevision = new ReadOnlyIntegerWrapper(this, "namesRevision");
    private final LongProperty runStart = new SimpleLongProperty(this, "runStart", -1);
    private final LongProperty untilTime = new SimpleLongProperty(this, "untilTime", -1);
    private final BooleanProperty limitToCursor = new SimpleBooleanProperty(this, "limitToCursor", true);
    private final ObjectProperty<java.nio.file.Path> logFile = new SimpleObjectProperty<>(this, "logFile");
    private final ObjectProperty<ShownPaths> shownPaths = new SimpleObjectProperty<>(this, "shownPaths",
            ShownPaths.AS_WRITTEN);
    private final ReadOnlyIntegerWrapper linesUpToCursor = new ReadOnlyIntegerWrapper(this, "linesUpToCursor", -1);
    /** The rows (a prefix of {@code all}, which is in time order) the time limit lets through; -1: no limit. */
    private int limitCount = -1;
    private final Map<Long, String> names = new HashMap<>();
    /** The processes that exec'd, by PID, as the last frame showed them: their lines are named as at their time. */
    private final Map<Long, ProcessView> execed = new HashMap<>();
    private final int maxRows;
    private final ProgramInputViewModel input = new ProgramInputViewModel(new ProgramInputViewModel.Echo() {
        @Override
        public void typed(String prompt, String text, boolean lineEnd) {
            echo(prompt, text + (lineEnd ? " \u23CE" : ""));
        }

        @Override
        public void ended() {
            echo("", "Ctrl+D (end of input)");
        }
    });
    private final TerminalEcho terminal = new TerminalEcho();
    /** The unfinished rows now at the end of {@link #all}. */
    private List<ConsoleRow> open = List.of();
    /** The latest frame's run: its unfinished lines are shown again when the input line comes or goes. */
    private org.processlab.model.RunSnapshot last;
    private long mainPid = -1;

    /** A console keeping at most {@link #MAX_ROWS} rows. */
    public ConsoleViewModel() {
        this(MAX_ROWS);
    }

    /** A console keeping at most {@code maxRows} rows. */
    public ConsoleViewModel(int maxRows) {
        this.maxRows = maxRows;
        filterPid.addListener(o -> refilter());
        untilTime.addListener(o -> limitChanged());
        limitToCursor.addListener(o -> limitChanged());
        input.liveProperty().addListener(o -> showUnfinished(false));
    }

    /**
     * Re-applies the time limit only when it lets another number of rows through: a replay moves the cursor every
     * frame, but the list is filtered again only when the cursor passes a line.
     */
    private void limitChanged() {
        long until = untilTime.get();
        int count = until < 0 || !limitToCursor.get() ? -1 : insertionPoint(until);
        linesUpToCursor.set(count);
        if (count != limitCount) {
            limitCount = count;
            refilter();
        }
    }

    private void refilter() {
        Long pid = filterPid.get();
        long until = limitCount < 0 ? Long.MAX_VALUE : untilTime.get();
        if (pid == null && until == Long.MAX_VALUE) {
            shown.setPredicate(null);
        } else {
            shown.setPredicate(r -> (pid == null || r.pid() == pid) && r.t() <= until);
        }
    }

    /** The input line: what is typed goes to the live run's main process's stdin. */
    public ProgramInputViewModel input() {
        return input;
    }

    /** Takes one pulse's new lines, unfinished lines and the names of the processes. */
    public void add(RunFrame f) {
        if (!f.changed()) {
            return;
        }
        last = f.snapshot();
        mainPid = last.main().map(ProcessView::pid).orElse(-1L);
        runStart.set(f.snapshot().startedAt());
        totalLines.set(f.snapshot().outputLines());
        input.showDropped(f.snapshot().inputDroppedBytes());
        boolean renamed = false;
        for (ProcessView p : f.snapshot().processes()) {
            String n = org.processlab.ui.fx.Formats.name(p);
            if (!n.equals(names.put(p.pid(), n))) {
                renamed = true;
            }
            if (!p.execs().isEmpty()) {
                execed.put(p.pid(), p);
            }
        }
        if (renamed) {
            namesRevision.set(namesRevision.get() + 1);
        }
        boolean lines = !f.newLines().isEmpty() || f.skippedLines() > 0;
        if (lines) {
            dropOpenRows();
            addLines(f);
        }
        showUnfinished(lines);
    }

    private void addLines(RunFrame f) {
        List<ConsoleRow> rows = new ArrayList<>(f.newLines().size() + 1);
        if (f.skippedLines() > 0) {
            long t = f.newLines().isEmpty() ? f.nowMicros() : f.newLines().get(0).t();
            rows.add(ConsoleRow.skipped(t, f.skippedLines()));
        }
        int n = f.firstLine();
        for (OutputLine l : f.newLines()) {
            boolean mainOut = l.pid() == mainPid && l.stream() == Stream.STDOUT;
            String text = shown(l.text());
            rows.add(ConsoleRow.line(n++, l.t(), l.pid(), l.stream(), mainOut ? terminal.finished(text) : text,
                    l.untraced(), l.shared()));
        }
        if (rows.isEmpty()) {
            return;
        }
        // Lines of different processes arrive over different connections: show them in the order they were
        // written (their time), not the order they arrived in. Equal times keep arrival order. Late lines are
        // merged into the tail in one step (two list changes per pulse, however many lines came late).
        rows.sort(Comparator.comparingLong(ConsoleRow::t));
        if (rows.size() >= maxRows) {
            all.setAll(rows.subList(rows.size() - maxRows, rows.size()));
            if (limitCount >= 0) {
                limitCount = -2;
                limitChanged();
            }
            return;
        }
        int from = insertionPoint(rows.get(0).t());
        if (from == all.size()) {
            all.addAll(rows);
        } else {
            List<ConsoleRow> tail = new ArrayList<>(all.subList(from, all.size()));
            List<ConsoleRow> merged = new ArrayList<>(tail.size() + rows.size());
            int a = 0;
            int b = 0;
            while (a < tail.size() || b < rows.size()) {
                if (b == rows.size() || a < tail.size() && tail.get(a).t() <= rows.get(b).t()) {
                    merged.add(tail.get(a++));
                } else {
                    merged.add(rows.get(b++));
                }
            }
            all.remove(from, all.size());
            all.addAll(merged);
        }
        if (all.size() > maxRows) {
            all.remove(0, all.size() - maxRows);
        }
        if (limitCount >= 0) {
            limitCount = -2;
            limitChanged();
        }
    }

    /**
     * Shows the latest run's unfinished lines: the main process's stdout one as the input line's prompt while a run
     * takes input, the others as the last rows. {@code dropped}: the old unfinished rows are gone already.
     */
    private void showUnfinished(boolean dropped) {
        List<ConsoleRow> rows = new ArrayList<>(2);
        String prompt = "";
        if (last != null) {
            for (UnfinishedLine u : last.unfinishedLines()) {
                boolean mainOut = u.pid() == mainPid && u.stream() == Stream.STDOUT;
                String text = mainOut ? terminal.rest(shown(u.text())) : shown(u.text());
                if (mainOut && input.liveProperty().get()) {
                    prompt = text;
                } else if (!text.isEmpty()) {
                    rows.add(new ConsoleRow(-1, u.t(), u.pid(), u.stream(), text, u.untraced(),
                            ConsoleRow.Kind.UNFINISHED, "", u.shared()));
                }
            }
        }
        input.showPrompt(prompt);
        rows.sort(Comparator.comparingLong(ConsoleRow::t));
        if (!dropped && rows.equals(open)) {
            return;
        }
        if (!dropped) {
            dropOpenRows();
        }
        all.addAll(rows);
        open = rows;
    }

    /** A line's text as the console shows it; {@code text} itself when it holds no escape or control and no known path. */
    private String shown(String text) {
        return shownPaths.get().shown(EscapeCodes.forWindow(text));
    }

    /** Takes the unfinished rows off the end of the list. */
    private void dropOpenRows() {
        if (!open.isEmpty()) {
            all.remove(all.size() - open.size(), all.size());
            open = List.of();
        }
    }

    /** What was typed, after the prompt it answered, as a row of the main process (placed by the time it was sent). */
    private void echo(String prompt, String typed) {
        terminal.answered(prompt);
        long t = org.processlab.model.Clock.nowMicros();
        all.add(insertionPoint(t), new ConsoleRow(-1, t, mainPid, Stream.STDOUT, prompt, false, ConsoleRow.Kind.TYPED,
                typed, false));
    }

    /** The index of the first row written after {@code t}, among the finished rows (the unfinished ones are last). */
    private int insertionPoint(long t) {
        int lo = 0;
        int hi = all.size() - open.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (all.get(mid).t() <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Empties the console (a new run). */
    public void clear() {
        all.clear();
        open = List.of();
        last = null;
        mainPid = -1;
        terminal.clear();
        input.showPrompt("");
        input.showDropped(0);
        logFile.set(null);
        shownPaths.set(ShownPaths.AS_WRITTEN);
        names.clear();
        execed.clear();
        totalLines.set(0);
        runStart.set(-1);
        namesRevision.set(namesRevision.get() + 1);
        limitCount = -2;
        limitChanged();
    }

    /** The rows the list shows (all, or the filtered process's). */
    public ObservableList<ConsoleRow> shownRows() {
        return shown;
    }

    /** Every row kept (at most the cap). */
    public ObservableList<ConsoleRow> allRows() {
        return FXCollections.unmodifiableObservableList(all);
    }

    /** Show only this process's lines; null shows all. */
    public ObjectProperty<Long> filterPidProperty() {
        return filterPid;
    }

    /** Lines the run has written so far (exact, also beyond the cap). */
    public ReadOnlyLongProperty totalLinesProperty() {
        return totalLines.getReadOnlyProperty();
    }

    /** Grows when a process's name changes (cells show the new name). */
    public ReadOnlyIntegerProperty namesRevisionProperty() {
        return namesRevision.getReadOnlyProperty();
    }

    /** Show only lines written by this time (epoch µs; the timeline's cursor); -1 for all. */
    public LongProperty untilTimeProperty() {
        return untilTime;
    }

    /** True (the default): while a cursor is set, the console shows only the lines written by then. */
    public BooleanProperty limitToCursorProperty() {
        return limitToCursor;
    }

    /** How many kept rows were written by the cursor, while the console is limited to it; else -1. */
    public ReadOnlyIntegerProperty linesUpToCursorProperty() {
        return linesUpToCursor.getReadOnlyProperty();
    }

    /** The run log that holds every line of the run (the window keeps only the latest in memory), or null. */
    public ObjectProperty<java.nio.file.Path> logFileProperty() {
        return logFile;
    }

    /**
     * How paths in the run's lines are shown (set for each run, after {@link #clear}; {@link ShownPaths#AS_WRITTEN}
     * until then). Rows made before a change keep their text.
     */
    public ObjectProperty<ShownPaths> shownPathsProperty() {
        return shownPaths;
    }

    /** When the run began, epoch µs, or -1. */
    public LongProperty runStartProperty() {
        return runStart;
    }

    /** What the console calls process {@code pid}: {@code p1 · 4242}. */
    public String nameOf(long pid) {
        String n = names.get(pid);
        return n == null ? "PID " + pid : n + " · " + pid;
    }

    /**
     * What the console calls process {@code pid} on a line printed at {@code t} (epoch µs): {@link #nameOf(long)}, but
     * a line printed before an exec keeps the name of the program that printed it.
     */
    public String nameOf(long pid, long t) {
        ProcessView p = execed.get(pid);
        return p == null ? nameOf(pid) : org.processlab.ui.fx.Formats.nameAt(p, t) + " · " + pid;
    }
}
