package org.processlab.ui.shell.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.compare.OrderDifference;
import org.processlab.compare.ProcessPair;
import org.processlab.compare.RunComparison;
import org.processlab.compare.RunHeadline;
import org.processlab.compare.Side;
import org.processlab.export.SavedRun;
import org.processlab.model.ProcKey;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.TaskExecutor;

/**
 * The comparison of two runs as the window shows it: open or not, the two runs and their {@link RunComparison},
 * each run's lanes in the comparison's row order ({@link #lanes}: a row whose process the run lacks holds an empty
 * stand-in, so a pair has the same row, and colour, in both), what is said beside the lanes ({@link #notes}), the
 * short list of what differs ({@link #differences()}), the numbered order marks ({@link #orderMarks()}), and the one
 * time cursor both timelines share, in µs from each run's own start ({@link #cursorProperty()}), with its replay.
 *
 * <p>The comparison is computed off the UI thread ({@link TaskExecutor}): a run that printed much takes a moment.
 *
 * <p>Threading: UI thread only; every field is written there (the comparison is made on a background thread and
 * set on the UI thread). No toolkit needed.
 */
public final class CompareViewModel {
    /** At most this many order differences are listed and marked: the first, in A's print order. */
    public static final int SHOWN_ORDER_DIFFERENCES = 3;
    /** A replay of the comparison lasts at least this long, s (a 0.4 s run would be gone in a blink). */
    static final double REPLAY_SECONDS = 6;

    private final TaskExecutor tasks;
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyObjectWrapper<RunComparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<String> differences = FXCollections.observableArrayList();
    private final ObservableList<OrderMark> orderMarks = FXCollections.observableArrayList();
    /** The shared time cursor, µs from each run's start; -1 for none (both runs shown whole). */
    private final LongProperty cursor = new SimpleLongProperty(this, "cursor", -1);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private SavedRun runA;
    private SavedRun runB;
    /** Counts the comparisons asked for, so that a slow one replaced by a newer one is dropped. */
    private int generation;

    /** A comparison room that shows nothing yet; {@code tasks} computes comparisons. */
    public CompareViewModel(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    /**
     * Opens the comparison of run {@code a} (shown on top) with run {@code b}; computed in the background, shown
     * when done.
     */
    public void show(SavedRun a, SavedRun b) {
        int gen = ++generation;
        stop();
        cursor.set(-1);
        tasks.run(() -> RunComparison.of(a, b), c -> {
            if (gen == generation) {
                runA = a;
                runB = b;
                differences.setAll(sentences(c));
                orderMarks.setAll(marks(c));
                comparison.set(c);
                open.set(true);
            }
        }, ex -> System.err.println("ProcessLab: the two runs could not be compared: " + ex));
    }

    /** Closes the comparison (the normal run views show again); false when it was not open. */
    public boolean close() {
        generation++;
        stop();
        if (!open.get()) {
            return false;
        }
        open.set(false);
        cursor.set(-1);
        return true;
    }

    // ------------------------------------------------------------------ replay

    /** Plays the two runs unfolding together from their starts (or from the cursor), or pauses. */
    public void togglePlay() {
        if (playing.get()) {
            stop();
            return;
        }
        if (comparison.get() == null) {
            return;
        }
        if (cursor.get() < 0 || cursor.get() >= span()) {
            cursor.set(0);
        }
        playing.set(true);
    }

    /** Pauses the replay. */
    public void stop() {
        playing.set(false);
    }

    /**
     * Moves the playing replay on by {@code wallMicros} of wall time: the longer run takes {@link #REPLAY_SECONDS}
     * at most real time. At the end the replay stops and the cursor goes (both runs shown whole again).
     */
    public void advance(long wallMicros) {
        if (!playing.get()) {
            return;
        }
        long span = span();
        double rate = Math.min(1, span / (REPLAY_SECONDS * 1e6));
        long next = cursor.get() + Math.max(1, Math.round(wallMicros * rate));
        if (next >= span) {
            playing.set(false);
            cursor.set(-1);
        } else {
            cursor.set(next);
        }
    }

    /** The longer run's duration, µs: the width both timelines fit. */
    public long span() {
        RunComparison c = comparison.get();
        if (c == null) {
            return 0;
        }
        return Math.max(1, Math.max(c.headline(Side.A).durationMicros(), c.headline(Side.B).durationMicros()));
    }

    // ------------------------------------------------------------------ what the view shows

    /** Run {@code side} as its timeline draws it: its processes in the comparison's rows (an empty stand-in where it has none). */
    public RunSnapshot lanes(Side side) {
        RunComparison c = comparison.get();
        RunSnapshot s = c.run(side);
        List<ProcessView> rows = new ArrayList<>(c.rows().size());
        for (int i = 0; i < c.rows().size(); i++) {
            ProcessPair r = c.rows().get(i);
            ProcessView p = r.in(side);
            rows.add(p != null ? p : standIn(r.in(side.other()), i));
        }
        return new RunSnapshot(s.version(), s.status(), s.title(), s.startedAt(), s.endedAt(), s.now(), rows,
                s.rootStatus(), s.stoppedBy(), s.error(), s.startMethods(), s.requestedStartMethod(),
                s.supervisorPid(), s.outputLines(), s.unfinishedLines(), s.rejectedConnections(), s.priorityLowered(),
                s.inputDroppedBytes(), s.channelRefusals(), s.containment(), s.processesPastLimit(), s.forksRefused(),
                s.supervisorLost());
    }

    /**
     * The empty row standing for {@code other}'s process in a run that lacks it: no PID of any run (far below the
     * stand-ins' own negative numbers), no life, no parent, at {@code other}'s depth; the view covers it with a band.
     */
    private static ProcessView standIn(ProcessView other, int row) {
        return new ProcessView(new ProcKey(Long.MIN_VALUE / 2 - row, -1), -1, -1, other.role(), other.name(),
                other.label(), null, null, "", false, other.helperKind(), null, false, -1, -1, -1, -1, null, false,
                -1, other.depth(), List.of(), List.of(), List.of(), 0, 0, null, -1, List.of(), other.named(),
                other.shownLabel());
    }

    /** True when {@code p} is the empty stand-in of a row a run lacks ({@link #lanes}). */
    public static boolean isStandIn(ProcessView p) {
        return p.pid() <= Long.MIN_VALUE / 2 + 1_000_000;
    }

    /** What is said beside run {@code side}'s lanes. */
    public List<LaneNote> notes(Side side) {
        RunComparison c = comparison.get();
        List<LaneNote> out = new ArrayList<>();
        for (int i = 0; i < c.rows().size(); i++) {
            ProcessPair r = c.rows().get(i);
            if (r.onlyIn() == side) {
                out.add(new LaneNote(i, LaneNote.Kind.ONLY_HERE, "only in " + side));
            } else if (r.onlyIn() == side.other()) {
                out.add(new LaneNote(i, LaneNote.Kind.MISSING, "no " + shortName(c, i) + " in " + side + " — only in "
                        + side.other()));
            } else {
                if (r.exitDiffers()) {
                    out.add(new LaneNote(i, LaneNote.Kind.EXIT_DIFFERS, "exit " + r.in(side).exitCode() + " ("
                            + side.other() + ": " + r.in(side.other()).exitCode() + ")"));
                }
                BigDecimal ratio = r.ratio();
                if (side == Side.B && ratio != null) {
                    out.add(new LaneNote(i, LaneNote.Kind.RATIO, ProcessPair.ratioText(ratio) + "× as long",
                            durations(c, i)));
                }
            }
        }
        return out;
    }

    /** {@code A  fork · exit 0 · 0.42 s} ({@code · your version} after a person's version of a lesson's example). */
    public String headline(Side side) {
        RunComparison c = comparison.get();
        if (c == null) {
            return "";
        }
        String title = c.run(side).title();
        return side + "   " + c.headline(side).text()
                + (title != null && title.endsWith(YOUR_VERSION) ? " · your version" : "");
    }

    /** How the window titles a run of a person's version of a lesson's example (its run's title ends so). */
    private static final String YOUR_VERSION = "(your version)";

    /** The most telling difference, for the comparison's title bar; empty when there is none. */
    public String summary() {
        return differences.isEmpty() ? "" : differences.get(0);
    }

    /** What differs, in a student's words: a short list, the most telling first. */
    static List<String> sentences(RunComparison c) {
        List<String> out = new ArrayList<>();
        for (Side s : Side.values()) {
            List<ProcessPair> only = c.onlyIn(s);
            if (!only.isEmpty()) {
                out.add("Only in " + s + ": " + String.join(", ", only.stream().map(CompareViewModel::who).toList())
                        + ".");
            }
        }
        for (ProcessPair r : c.exitDifferences()) {
            out.add("Exit code of " + r.name() + ": " + r.a().exitCode() + " in A, " + r.b().exitCode() + " in B.");
        }
        List<OrderDifference> order = c.orderDifferences();
        for (int i = 0; i < Math.min(SHOWN_ORDER_DIFFERENCES, order.size()); i++) {
            out.add((i + 1) + "  Order differs: " + order.get(i).sentence() + ".");
        }
        if (order.size() > SHOWN_ORDER_DIFFERENCES) {
            out.add("… and " + (order.size() - SHOWN_ORDER_DIFFERENCES) + " more pairs of processes printed in another"
                    + " order.");
        }
        if (order.isEmpty() && c.linesCompared() > 1) {
            out.add("Same order of lines in both runs" + (c.orderCut() ? " (the first " + c.linesCompared()
                    + " lines)" : "") + ".");
        }
        int most = mostChanged(c);
        if (most >= 0) {
            ProcessPair r = c.rows().get(most);
            out.add(c.nameOf(most) + " ran " + ProcessPair.ratioText(r.ratio()) + "× as long in B ("
                    + RunHeadline.seconds(r.duration(Side.B)) + " against " + RunHeadline.seconds(r.duration(Side.A))
                    + ", from the start of its process to its end).");
        }
        BigDecimal whole = c.durationRatio();
        if (whole != null) {
            out.add("B took " + ProcessPair.ratioText(whole) + "× as long as A (" + seconds(c, Side.B) + " against "
                    + seconds(c, Side.A) + ", from start to end).");
        }
        if (c.sameButTimes()) {
            out.add("Same processes, exit codes and order: only the times differ.");
        }
        return out;
    }

    /** The row of the pair whose duration changed most (by ratio, either way), or -1 when none changed by a quarter. */
    static int mostChanged(RunComparison c) {
        int best = -1;
        double most = Math.log(1.25);
        for (int i = 0; i < c.rows().size(); i++) {
            BigDecimal r = c.rows().get(i).ratio();
            if (r != null && r.signum() > 0 && Math.abs(Math.log(r.doubleValue())) >= most) {
                most = Math.abs(Math.log(r.doubleValue()));
                best = i;
            }
        }
        return best;
    }

    /** {@code p1: 0.42 s in A, 0.61 s in B, each from the start of its process to its end}. */
    private static String durations(RunComparison c, int row) {
        ProcessPair r = c.rows().get(row);
        return c.nameOf(row) + ": " + RunHeadline.seconds(r.duration(Side.A)) + " in A, "
                + RunHeadline.seconds(r.duration(Side.B)) + " in B, each from the start of its process to its end";
    }

    private static String seconds(RunComparison c, Side s) {
        return RunHeadline.seconds(c.headline(s).durationMicros());
    }

    /** {@code resource tracker} for a helper, else the row's name ({@code p2}). */
    private static String shortName(RunComparison c, int row) {
        ProcessPair r = c.rows().get(row);
        ProcessView p = r.a() != null ? r.a() : r.b();
        return p.helperKind() != null ? p.helperKind().replace('_', ' ') : c.nameOf(row);
    }

    /** {@code resource tracker (helper)}, {@code p2 (child)}. */
    private static String who(ProcessPair r) {
        ProcessView p = r.a() != null ? r.a() : r.b();
        return p.helperKind() != null ? p.helperKind().replace('_', ' ') + " (helper)"
                : r.name() + " (" + p.role().id() + ")";
    }

    /** The badges of the listed order differences: two per difference, the same number on both lines. */
    static List<OrderMark> marks(RunComparison c) {
        List<OrderMark> out = new ArrayList<>();
        long a0 = c.a().startedAt();
        long b0 = c.b().startedAt();
        List<OrderDifference> order = c.orderDifferences();
        for (int i = 0; i < Math.min(SHOWN_ORDER_DIFFERENCES, order.size()); i++) {
            OrderDifference d = order.get(i);
            for (var line : List.of(d.first(), d.second())) {
                out.add(new OrderMark(i + 1, line.row(), line.timeA() - a0, line.timeB() - b0));
            }
        }
        return out;
    }

    /** True while the comparison is shown (over the lesson and the run views). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The comparison shown, or null before the first. */
    public ReadOnlyObjectProperty<RunComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Run {@code side} (A: the earlier), or null before the first comparison. */
    public SavedRun run(Side side) {
        return side == Side.A ? runA : runB;
    }

    /** What differs, one sentence each (set with each comparison). */
    public ObservableList<String> differences() {
        return differences;
    }

    /** The numbered badges of the listed order differences. */
    public ObservableList<OrderMark> orderMarks() {
        return orderMarks;
    }

    /** The shared time cursor, µs from each run's own start; -1 for none. */
    public LongProperty cursorProperty() {
        return cursor;
    }

    /** True while the replay plays. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }
}
