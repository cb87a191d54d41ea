package org.processlab.ui.processes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.Formats;

/**
 * The rows of the process table, one per process of the run in snapshot order (main first, then each child
 * under its parent, grandchildren under theirs). Rows are kept and updated in place, so a selection survives updates.
 *
 * <p>The rows show each process as of one moment: {@link #atTimeProperty() atTime} (epoch µs; the timeline's cursor)
 * when it is set, else now — or the end, for a finished run. At a moment in the past a row says whether the process
 * was alive then, its lifecycle state then, and its exit code only if it was known by then.
 *
 * <p>Threading: FX thread only; {@link #update} is called once per pulse.
 */
public final class ProcessTableViewModel {
    private final ObservableList<ProcessRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ProcessRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final Map<Long, ProcessRow> byPid = new HashMap<>();
    private final LongProperty atTime = new SimpleLongProperty(this, "atTime", -1);
    private final ReadOnlyStringWrapper atLabel = new ReadOnlyStringWrapper(this, "atLabel", "");
    private RunSnapshot last;
    private long lastNow;

    /** A table with no rows, showing "now". */
    public ProcessTableViewModel() {
        atTime.addListener(o -> {
            if (last != null) {
                update(last, lastNow);
            } else {
                atLabel.set("");
            }
        });
    }

    /** The rows, read-only. */
    public ObservableList<ProcessRow> rows() {
        return rowsView;
    }

    /** Brings the rows up to date with {@code s}; {@code nowMicros} is the live clock for running durations. */
    public void update(RunSnapshot s, long nowMicros) {
        last = s;
        lastNow = nowMicros;
        long at = atTime.get();
        List<ProcessRow> order = new ArrayList<>();
        for (ProcessView p : s.processes()) {
            ProcessRow r = byPid.computeIfAbsent(p.pid(), ProcessRow::new);
            r.update(p, s, nowMicros, at);
            order.add(r);
        }
        if (order.size() > rows.size() && order.subList(0, rows.size()).equals(rows)) {
            // only new processes at the end (the usual growth): an append, which the table lays out more cheaply than
            // a replacement of every row
            rows.addAll(order.subList(rows.size(), order.size()));
        } else if (!order.equals(rows)) {
            rows.setAll(order);
        }
        atLabel.set(at >= 0 && s.startedAt() >= 0 ? "at " + Formats.secondsFromStart(s, at) : "");
    }

    /** The moment the rows show, epoch µs; -1 (the default) for now, or the end of a finished run. */
    public LongProperty atTimeProperty() {
        return atTime;
    }

    /** {@code at 0.312 s} while the rows show a moment of the past ({@link #atTimeProperty()}), else empty. */
    public ReadOnlyStringProperty atLabelProperty() {
        return atLabel.getReadOnlyProperty();
    }

    /** The row of process {@code pid}, or null. */
    public ProcessRow row(long pid) {
        return byPid.get(pid);
    }

    /** Empties the table (a new run). */
    public void clear() {
        rows.clear();
        byPid.clear();
        last = null;
        atLabel.set("");
    }
}
