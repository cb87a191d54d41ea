package org.processlab.ui.shell.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;

import org.processlab.export.SavedRun;

/**
 * The last two finished runs of each lesson or program in this window, in memory, for "Compare with the previous
 * run". A stand-in until the kept runs of a lesson (on disk) can be listed: everything that needs the previous run
 * asks {@link #lastTwo}, so replacing this class is replacing that one call.
 *
 * <p>Threading: UI thread only; written there when a run's last frame is shown.
 */
public final class PreviousRuns {
    private final Map<String, List<SavedRun>> byKey = new HashMap<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(this, "revision");

    /** Keeps {@code run} as the latest of {@code key} (a lesson id, or an own program's path); null key: nothing. */
    public void keep(String key, SavedRun run) {
        if (key == null || run == null) {
            return;
        }
        List<SavedRun> runs = byKey.computeIfAbsent(key, k -> new ArrayList<>(3));
        if (!runs.isEmpty() && runs.get(runs.size() - 1) == run) {
            return;
        }
        runs.add(run);
        if (runs.size() > 2) {
            runs.remove(0);
        }
        revision.set(revision.get() + 1);
    }

    /** Grows each time a run is kept (what offers a comparison looks again). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The previous and the latest run of {@code key}, in that order; empty when there are fewer than two. */
    public List<SavedRun> lastTwo(String key) {
        List<SavedRun> runs = key == null ? null : byKey.get(key);
        return runs == null || runs.size() < 2 ? List.of() : List.copyOf(runs);
    }

    /** How many runs of {@code key} are held (0, 1 or 2). */
    public int count(String key) {
        List<SavedRun> runs = key == null ? null : byKey.get(key);
        return runs == null ? 0 : runs.size();
    }
}
