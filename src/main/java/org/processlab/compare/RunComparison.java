package org.processlab.compare;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.processlab.export.SavedRun;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * Two finished runs compared: which process is which ({@link #rows()}), and what differs.
 *
 * <ul>
 *   <li><b>Pairs.</b> Processes are paired by role, helper kind, label and name, then (of those left) by role,
 *       helper kind, label and target, in the order they started within each group (see {@code ProcessPairing}). A
 *       row holds a pair, or a process present in only one run ({@link ProcessPair#onlyIn()}: the fork server and
 *       the resource tracker under forkserver). Rows are in A's tree order, B's own processes where B has them.</li>
 *   <li><b>Exit codes</b> differ where both are known and not equal ({@link #exitDifferences()}).</li>
 *   <li><b>Durations</b>: each process's from its start to its end, and the run's from its start to the end of its
 *       last process ({@link RunHeadline#durationMicros()}); each with its ratio B/A to 2 significant digits
 *       ({@link ProcessPair#ratio()}, {@link #durationRatio()}).</li>
 *   <li><b>Order</b>: pairs of lines of two processes printed in one order in A and in the other in B
 *       ({@link #orderDifferences()}; exactly defined by {@code LineOrder}: lines are matched by their pair, stream
 *       and rank within the process; a difference is two matched lines of different pairs whose print times are in
 *       strictly opposite order; one is kept per two processes, the first in A's print order). The same program
 *       printing in the same order has none.</li>
 * </ul>
 *
 * <p>Immutable; {@link #of} is pure (it reads the two output logs, which are thread-safe) and any thread may call it.
 *
 * @param a                the first run (A, shown on top)
 * @param b                the second run (B)
 * @param rows             every process of both runs, one row per pair or lone process, in display order
 * @param orderDifferences at most one per two processes, in A's print order
 * @param linesCompared    how many matched lines the order was compared over
 * @param orderCut         true when there were more matched lines than were compared ({@code LineOrder.MAX_LINES})
 */
public record RunComparison(RunSnapshot a, RunSnapshot b, List<ProcessPair> rows,
                            List<OrderDifference> orderDifferences, int linesCompared, boolean orderCut) {

    public RunComparison {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        rows = List.copyOf(rows);
        orderDifferences = List.copyOf(orderDifferences);
    }

    /**
     * Compares saved run A with saved run B (the earlier run is A, by the window's custom).
     *
     * @throws NullPointerException for a null argument
     */
    public static RunComparison of(SavedRun a, SavedRun b) {
        return of(a.snapshot(), a.output(), b.snapshot(), b.output());
    }

    /**
     * Compares run A ({@code a}, its lines {@code outA}) with run B.
     *
     * @throws NullPointerException for a null argument
     */
    public static RunComparison of(RunSnapshot a, OutputLog outA, RunSnapshot b, OutputLog outB) {
        Objects.requireNonNull(outA, "outA");
        Objects.requireNonNull(outB, "outB");
        List<ProcessPair> rows = ProcessPairing.rows(a.processes(), b.processes());
        List<String> names = names(rows);
        LineOrder.Result order = LineOrder.of(rows, outA, outB, names::get);
        return new RunComparison(a, b, rows, order.differences(), order.matched(), order.cut());
    }

    /** The run on side {@code side}. */
    public RunSnapshot run(Side side) {
        return side == Side.A ? a : b;
    }

    /** The headline of run {@code side}: {@code fork · exit 0 · 0.42 s}. */
    public RunHeadline headline(Side side) {
        return RunHeadline.of(run(side));
    }

    /** The rows whose process is present in run {@code side} only. */
    public List<ProcessPair> onlyIn(Side side) {
        return rows.stream().filter(r -> r.onlyIn() == side).toList();
    }

    /** The rows whose two processes ended with different (known) exit codes. */
    public List<ProcessPair> exitDifferences() {
        return rows.stream().filter(ProcessPair::exitDiffers).toList();
    }

    /** The runs' durations, B/A, to 2 significant digits; null when either is unknown. */
    public BigDecimal durationRatio() {
        return ProcessPair.ratio(headline(Side.A).durationMicros(), headline(Side.B).durationMicros());
    }

    /** True when nothing differs but times: the same processes, exit codes and order of lines. */
    public boolean sameButTimes() {
        return onlyIn(Side.A).isEmpty() && onlyIn(Side.B).isEmpty() && exitDifferences().isEmpty()
                && orderDifferences.isEmpty();
    }

    /** Who row {@code i}'s process is, told apart from the others: {@code p1}, {@code child (Process-3)}. */
    public String nameOf(int i) {
        return names(rows).get(i);
    }

    /**
     * Each row's name: its label or name, and where two rows would read the same, also multiprocessing's name, or
     * the PID as the last resort.
     */
    private static List<String> names(List<ProcessPair> rows) {
        Map<String, Integer> plain = new HashMap<>();
        Map<String, Integer> withName = new HashMap<>();
        for (ProcessPair r : rows) {
            plain.merge(r.name(), 1, Integer::sum);
            withName.merge(withName(r), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>(rows.size());
        for (ProcessPair r : rows) {
            ProcessView p = r.a() != null ? r.a() : r.b();
            out.add(plain.get(r.name()) == 1 ? r.name()
                    : withName.get(withName(r)) == 1 ? withName(r) : r.name() + " (PID " + p.pid() + ")");
        }
        return out;
    }

    private static String withName(ProcessPair r) {
        ProcessView p = r.a() != null ? r.a() : r.b();
        return p.label() != null && p.name() != null && !p.label().equals(p.name())
                ? p.label() + " (" + p.name() + ")" : p.displayName();
    }
}
