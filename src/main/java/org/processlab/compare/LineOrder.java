package org.processlab.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import org.processlab.model.LineMarks;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.Stream;

/**
 * Finds where two runs printed their processes' lines in a different order (the interleaving).
 *
 * <h2>Which lines are the same line</h2>
 * For each pair of processes (a row of {@link RunComparison#rows()} with a process in both runs) and each stream, the
 * k-th line its process wrote in A is matched with the k-th line its partner wrote in B. Their texts may differ (a
 * PID printed in it); a line with no k-th partner (one run printed more) is not matched. Lines of a process present
 * in one run only are never matched.
 *
 * <h2>What an order difference is</h2>
 * Two matched lines x and y of two <em>different</em> pairs such that, by print time, x came strictly before y in A
 * and strictly after y in B. Equal times are no order at all, so they never make a difference; the same program
 * printing in the same order gives none.
 *
 * <h2>The few that matter</h2>
 * Of all such pairs of lines, one per two processes is kept: walking A's lines in print order, the first line y
 * that some earlier line of the other process comes after in B, with as x that process's line latest in B (the
 * plainest case to look at). They come out in A's print order. Only the first {@link #MAX_LINES} matched lines in A's
 * order are looked at (a flood of output is not what this is for); {@link Result#cut()} says when there were more.
 *
 * <p>Pure; any thread. Reads the logs through their own locks; their lines' text is read only for what is kept.
 */
final class LineOrder {
    /** At most this many matched lines are compared. */
    static final int MAX_LINES = 200_000;

    private LineOrder() {
    }

    /**
     * What was found.
     *
     * @param differences at most one per two processes, in A's print order
     * @param matched     how many lines were matched (compared: at most {@link #MAX_LINES})
     * @param cut         true when more lines were matched than were compared
     */
    record Result(List<OrderDifference> differences, int matched, boolean cut) {
    }

    /**
     * The order differences between {@code outA} and {@code outB} over {@code rows}; {@code nameOfRow} says who a
     * row's process is in a sentence.
     */
    static Result of(List<ProcessPair> rows, OutputLog outA, OutputLog outB, IntFunction<String> nameOfRow) {
        LineMarks ma = outA.marks(0, outA.size());
        LineMarks mb = outB.marks(0, outB.size());
        Map<Long, List<ProcessView>> pidsA = byPid(rows, Side.A);
        Map<Long, List<ProcessView>> pidsB = byPid(rows, Side.B);
        Lines lines = new Lines();
        for (int r = 0; r < rows.size(); r++) {
            ProcessPair p = rows.get(r);
            if (p.a() == null || p.b() == null) {
                continue;
            }
            int[] la = linesOf(p.a(), pidsA.get(p.a().pid()), outA, ma);
            int[] lb = linesOf(p.b(), pidsB.get(p.b().pid()), outB, mb);
            for (Stream s : Stream.values()) {
                int[] xa = onStream(la, ma, s);
                int[] xb = onStream(lb, mb, s);
                for (int k = 0; k < Math.min(xa.length, xb.length); k++) {
                    lines.add(r, s, k, xa[k], xb[k], ma.times()[xa[k] - ma.first()], mb.times()[xb[k] - mb.first()]);
                }
            }
        }
        Integer[] order = lines.inOrderOfA();
        int n = Math.min(order.length, MAX_LINES);
        List<OrderDifference> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        long[] latestB = new long[rows.size()];
        int[] witness = new int[rows.size()];
        Arrays.fill(latestB, Long.MIN_VALUE);
        List<Integer> active = new ArrayList<>();
        for (int g = 0; g < n; ) {
            // lines printed at the same moment in A are not before one another: look at the group, then add it
            int end = g;
            while (end < n && lines.timeA[order[end]] == lines.timeA[order[g]]) {
                end++;
            }
            for (int i = g; i < end; i++) {
                int y = order[i];
                int q = lines.row[y];
                for (int r : active) {
                    if (r != q && latestB[r] > lines.timeB[y] && seen.add(key(r, q, rows.size()))) {
                        found.add(difference(lines, witness[r], y, outA, outB, nameOfRow));
                    }
                }
            }
            for (int i = g; i < end; i++) {
                int y = order[i];
                int q = lines.row[y];
                if (latestB[q] == Long.MIN_VALUE) {
                    active.add(q);
                }
                if (lines.timeB[y] > latestB[q]) {
                    latestB[q] = lines.timeB[y];
                    witness[q] = y;
                }
            }
            g = end;
        }
        return new Result(List.copyOf(found), n, order.length > n);
    }

    private static long key(int r, int q, int rows) {
        return (long) Math.min(r, q) * rows + Math.max(r, q);
    }

    private static OrderDifference difference(Lines l, int x, int y, OutputLog outA, OutputLog outB,
                                              IntFunction<String> nameOfRow) {
        return new OrderDifference(l.line(x, outA, outB), l.line(y, outA, outB), nameOfRow.apply(l.row[x]),
                nameOfRow.apply(l.row[y]));
    }

    /**
     * The numbers of the lines {@code p} wrote. A PID used twice in one run (the kernel reuses them) has its lines
     * split by time: a line belongs to the process with that PID that had started last when it was printed.
     */
    private static int[] linesOf(ProcessView p, List<ProcessView> samePid, OutputLog out, LineMarks m) {
        int[] all = out.linesOf(p.pid());
        if (samePid.size() < 2) {
            return all;
        }
        int[] mine = new int[all.length];
        int n = 0;
        for (int i : all) {
            long t = m.times()[i - m.first()];
            ProcessView owner = samePid.get(0);
            for (ProcessView q : samePid) {
                if (q.startedAt() >= 0 && q.startedAt() <= t) {
                    owner = q;
                }
            }
            if (owner == p) {
                mine[n++] = i;
            }
        }
        return Arrays.copyOf(mine, n);
    }

    /** The processes of run {@code side} by PID, each list in the order they started. */
    private static Map<Long, List<ProcessView>> byPid(List<ProcessPair> rows, Side side) {
        Map<Long, List<ProcessView>> out = new HashMap<>();
        for (ProcessPair p : rows) {
            ProcessView v = p.in(side);
            if (v != null) {
                out.computeIfAbsent(v.pid(), k -> new ArrayList<>()).add(v);
            }
        }
        out.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(ProcessView::startedAt)));
        return out;
    }

    /** Those of {@code lines} written to {@code s}. */
    private static int[] onStream(int[] lines, LineMarks m, Stream s) {
        int[] out = new int[lines.length];
        int n = 0;
        for (int i : lines) {
            if (m.stderr()[i - m.first()] == (s == Stream.STDERR)) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The matched lines, column-wise. */
    private static final class Lines {
        int size;
        int[] row = new int[64];
        Stream[] stream = new Stream[64];
        int[] rank = new int[64];
        int[] lineA = new int[64];
        int[] lineB = new int[64];
        long[] timeA = new long[64];
        long[] timeB = new long[64];

        void add(int r, Stream s, int k, int la, int lb, long ta, long tb) {
            if (size == row.length) {
                int c = size * 2;
                row = Arrays.copyOf(row, c);
                stream = Arrays.copyOf(stream, c);
                rank = Arrays.copyOf(rank, c);
                lineA = Arrays.copyOf(lineA, c);
                lineB = Arrays.copyOf(lineB, c);
                timeA = Arrays.copyOf(timeA, c);
                timeB = Arrays.copyOf(timeB, c);
            }
            row[size] = r;
            stream[size] = s;
            rank[size] = k;
            lineA[size] = la;
            lineB[size] = lb;
            timeA[size] = ta;
            timeB[size] = tb;
            size++;
        }

        /** The lines' indexes in A's print order (time, then the order A's log got them). */
        Integer[] inOrderOfA() {
            Integer[] o = new Integer[size];
            for (int i = 0; i < size; i++) {
                o[i] = i;
            }
            Arrays.sort(o, (i, j) -> timeA[i] != timeA[j] ? Long.compare(timeA[i], timeA[j])
                    : Integer.compare(lineA[i], lineA[j]));
            return o;
        }

        MatchedLine line(int i, OutputLog outA, OutputLog outB) {
            return new MatchedLine(row[i], stream[i], rank[i], outA.get(lineA[i]).text(), outB.get(lineB[i]).text(),
                    timeA[i], timeB[i]);
        }
    }
}
