package org.processlab.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a run's processes are listed (table rows, timeline lanes): main first, then depth-first, each
 * process under the one that started it, siblings in the order the program made them ({@link ProcessFacts#sortTime}).
 * A process whose parent is not of the run (or is unknown, or is itself) is listed at the top level, after main.
 *
 * <p>Threading: stateless; called by {@link RunModel#snapshot()} while it holds the model's lock.
 */
final class TreeOrder {
    /** Receives the processes in order. */
    interface Visit {
        /** {@code p} comes next, at {@code depth} (0 for main and other top-level processes). */
        void at(ProcessFacts p, int depth);
    }

    private TreeOrder() {
    }

    /** Visits every listed process of {@code table} once, in order; {@code rootPid} is main's PID. */
    static void walk(ProcessTable table, long rootPid, Visit visit) {
        Map<Long, List<ProcessFacts>> children = new HashMap<>();
        List<ProcessFacts> tops = new ArrayList<>();
        for (ProcessFacts p : table.all()) {
            if (!p.listed()) {
                continue;
            }
            long pid = p.key.pid();
            if (pid == rootPid || p.parent <= 0 || !table.known(p.parent) || p.parent == pid) {
                tops.add(p);
            } else {
                children.computeIfAbsent(p.parent, k -> new ArrayList<>()).add(p);
            }
        }
        Comparator<ProcessFacts> byMade = Comparator.comparingLong(ProcessFacts::sortTime);
        tops.sort(Comparator.comparingInt((ProcessFacts p) -> p.key.pid() == rootPid ? 0 : 1).thenComparing(byMade));
        for (List<ProcessFacts> siblings : children.values()) {
            siblings.sort(byMade);
        }
        Set<ProcessFacts> visited = new HashSet<>();
        for (ProcessFacts top : tops) {
            visit(top, 0, children, visited, visit);
        }
    }

    /** {@code visited} breaks the loops a reused PID can make (a process listed as its own ancestor). */
    private static void visit(ProcessFacts p, int depth, Map<Long, List<ProcessFacts>> children,
                              Set<ProcessFacts> visited, Visit visit) {
        if (!visited.add(p)) {
            return;
        }
        visit.at(p, depth);
        for (ProcessFacts child : children.getOrDefault(p.key.pid(), List.of())) {
            visit(child, depth + 1, children, visited, visit);
        }
    }
}
