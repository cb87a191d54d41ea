package org.processlab.ui.processes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * The rows of the process table, one per process of the run in snapshot order (main first, then each child
 * under its parent). Rows are kept and updated in place, so a selection survives updates.
 *
 * <p>Threading: FX thread only; {@link #update} is called once per pulse.
 */
public final class ProcessTableViewModel {
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProcessRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, ProcessRow> byPid = new HashMap<>();

    /** The rows, read-only. */
    public ObservableList<ProcessRow> rows() {
        return rowsView;
    }

    /** Brings the rows up to date with {@code s}; {@code nowMicros} is the live clock for running durations. */
    public void update(RunSnapshot s, long nowMicros) {
        List<ProcessRow> order = new ArrayList<>();
        for (ProcessView p : s.processes()) {
            ProcessRow r = byPid.computeIfAbsent(p.pid(), ProcessRow::new);
            r.update(p, s, nowMicros);
            order.add(r);
        }
        if (!order.equals(rows)) {
            rows.setAll(order);
        }
    }

    /** Empties the table (a new run). */
    public void clear() {
        rows.clear();
        byPid.clear();
    }
}
