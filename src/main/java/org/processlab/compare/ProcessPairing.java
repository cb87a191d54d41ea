package org.processlab.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import org.processlab.model.ProcessView;

/**
 * Pairs the processes of two runs and puts the pairs in rows. Rules, in order:
 * <ol>
 *   <li>Processes with the same role, helper kind, label and name are paired in the order they started: the 2nd
 *       {@code Process-2} of A with the 2nd of B.</li>
 *   <li>Of those left, processes with the same role, helper kind, label and target are paired the same way: a pool's
 *       workers are {@code ForkPoolWorker-1} under fork and {@code SpawnPoolWorker-1} under spawn, the same
 *       worker all the same.</li>
 *   <li>What is left is present in only one run. A helper is never paired with a helper of another kind (the fork
 *       server is not the resource tracker).</li>
 * </ol>
 * Rows follow A's order (main first, each process under the one that started it); a process only in B comes right
 * after the row of the process before it in B's order, so it sits where B has it in the tree.
 *
 * <p>Pure; any thread.
 */
final class ProcessPairing {
    private ProcessPairing() {
    }

    /** The rows pairing {@code a}'s processes with {@code b}'s (each list in its snapshot's order). */
    static List<ProcessPair> rows(List<ProcessView> a, List<ProcessView> b) {
        Map<ProcessView, ProcessView> partner = new IdentityHashMap<>();
        pairBy(a, b, partner, p -> List.of(p.role(), String.valueOf(p.helperKind()), String.valueOf(p.label()),
                String.valueOf(p.name())));
        pairBy(a, b, partner, p -> List.of(p.role(), String.valueOf(p.helperKind()), String.valueOf(p.label()),
                String.valueOf(p.target())));
        List<ProcessPair> rows = new ArrayList<>(a.size() + b.size());
        Map<ProcessView, ProcessPair> rowOfB = new IdentityHashMap<>();
        for (ProcessView p : a) {
            ProcessPair row = new ProcessPair(p, partner.get(p));
            rows.add(row);
            if (row.b() != null) {
                rowOfB.put(row.b(), row);
            }
        }
        int after = -1;
        for (ProcessView p : b) {
            ProcessPair row = rowOfB.get(p);
            if (row != null) {
                after = rows.indexOf(row);
            } else {
                rows.add(++after, new ProcessPair(null, p));
            }
        }
        return List.copyOf(rows);
    }

    /** Pairs the processes of {@code a} and {@code b} not paired yet whose keys are equal, k-th with k-th. */
    private static void pairBy(List<ProcessView> a, List<ProcessView> b, Map<ProcessView, ProcessView> partner,
                               Function<ProcessView, List<Object>> key) {
        Map<List<Object>, List<ProcessView>> left = groups(a, partner, key);
        Map<List<Object>, List<ProcessView>> right = groups(b, partner, key);
        for (Map.Entry<List<Object>, List<ProcessView>> e : left.entrySet()) {
            List<ProcessView> others = right.getOrDefault(e.getKey(), List.of());
            for (int i = 0; i < Math.min(e.getValue().size(), others.size()); i++) {
                partner.put(e.getValue().get(i), others.get(i));
                partner.put(others.get(i), e.getValue().get(i));
            }
        }
    }

    /** The processes not paired yet, by key, each group in the order they started. */
    private static Map<List<Object>, List<ProcessView>> groups(List<ProcessView> ps,
                                                               Map<ProcessView, ProcessView> partner,
                                                               Function<ProcessView, List<Object>> key) {
        Map<List<Object>, List<ProcessView>> out = new LinkedHashMap<>();
        for (ProcessView p : ps) {
            if (!partner.containsKey(p)) {
                out.computeIfAbsent(Objects.requireNonNull(key.apply(p)), k -> new ArrayList<>()).add(p);
            }
        }
        // a stable sort: processes that started together (or never) keep the snapshot's order
        out.values().forEach(g -> g.sort(Comparator.comparingLong(ProcessPairing::startOrder)));
        return out;
    }

    /** When it started (or {@code start()} was called); a process that never started sorts last. */
    private static long startOrder(ProcessView p) {
        return p.startedAt() >= 0 ? p.startedAt() : p.startCalledAt() >= 0 ? p.startCalledAt() : Long.MAX_VALUE;
    }
}
