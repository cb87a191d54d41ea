package org.processlab.ui.processes;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;

/**
 * One row of the process table: read-only properties a cell binds to, updated in place once per pulse by
 * {@link ProcessTableViewModel}. Times are seconds from the run's start (null while unknown).
 *
 * <p>Threading: FX thread only.
 */
public final class ProcessRow {
    private final long pid;
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name");
    private final ReadOnlyIntegerWrapper depth = new ReadOnlyIntegerWrapper(this, "depth");
    private final ReadOnlyObjectWrapper<Long> ppid = new ReadOnlyObjectWrapper<>(this, "ppid");
    private final ReadOnlyStringWrapper role = new ReadOnlyStringWrapper(this, "role");
    private final ReadOnlyBooleanWrapper alive = new ReadOnlyBooleanWrapper(this, "alive");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state");
    private final ReadOnlyObjectWrapper<Integer> exitCode = new ReadOnlyObjectWrapper<>(this, "exitCode");
    private final ReadOnlyObjectWrapper<Double> start = new ReadOnlyObjectWrapper<>(this, "start");
    private final ReadOnlyObjectWrapper<Double> duration = new ReadOnlyObjectWrapper<>(this, "duration");
    private final ReadOnlyBooleanWrapper orphan = new ReadOnlyBooleanWrapper(this, "orphan");

    ProcessRow(long pid) {
        this.pid = pid;
    }

    void update(ProcessView p, RunSnapshot s, long nowMicros) {
        name.set(org.processlab.ui.fx.Formats.name(p));
        depth.set(p.depth());
        ppid.set(p.ppid() >= 0 ? p.ppid() : null);
        role.set(p.helperKind() != null ? "helper: " + p.helperKind().replace('_', ' ')
                : p.role().id() + (p.startMethod() != null ? " (" + p.startMethod() + ")" : ""));
        alive.set(p.alive());
        state.set(p.alive() ? "alive" : p.zombie() ? "zombie" : p.endedAt() >= 0 ? "ended" : "not started");
        exitCode.set(p.exitCode());
        orphan.set(p.orphan());
        if (p.startedAt() >= 0 && s.startedAt() >= 0) {
            start.set((p.startedAt() - s.startedAt()) / 1e6);
            long end = p.endedAt() >= 0 ? p.endedAt() : s.status().finished() ? s.horizon() : Math.max(nowMicros, s.now());
            duration.set(Math.max(0, end - p.startedAt()) / 1e6);
        } else {
            start.set(null);
            duration.set(null);
        }
    }

    /** The PID (fixed). */
    public long getPid() {
        return pid;
    }

    /** Its label ({@code p1}) or name. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** Tree depth: 0 for main. */
    public ReadOnlyIntegerProperty depthProperty() {
        return depth.getReadOnlyProperty();
    }

    /** The OS parent now (changes when orphaned), or null. */
    public ReadOnlyObjectProperty<Long> ppidProperty() {
        return ppid.getReadOnlyProperty();
    }

    /** main, child (fork), helper: resource tracker... */
    public ReadOnlyStringProperty roleProperty() {
        return role.getReadOnlyProperty();
    }

    /** True while the OS process runs (a zombie is not alive). */
    public ReadOnlyBooleanProperty aliveProperty() {
        return alive.getReadOnlyProperty();
    }

    /** alive, zombie, ended or not started. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Python-style exit code (negative: killed by that signal), or null while unknown. */
    public ReadOnlyObjectProperty<Integer> exitCodeProperty() {
        return exitCode.getReadOnlyProperty();
    }

    /** Seconds from the run's start to this process's start, or null. */
    public ReadOnlyObjectProperty<Double> startProperty() {
        return start.getReadOnlyProperty();
    }

    /** Seconds it has lived (so far, while alive), or null. */
    public ReadOnlyObjectProperty<Double> durationProperty() {
        return duration.getReadOnlyProperty();
    }

    /** True when its parent ended while it still ran. */
    public ReadOnlyBooleanProperty orphanProperty() {
        return orphan.getReadOnlyProperty();
    }
}
