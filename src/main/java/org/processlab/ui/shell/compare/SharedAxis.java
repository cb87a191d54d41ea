package org.processlab.ui.shell.compare;

import javafx.beans.value.ChangeListener;

import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * Keeps two timelines on one time axis where each run starts at 0 from its own start: the same zoom and pan (a range
 * chosen on one is the same range, from its own start, on the other), the same time cursor (the view model's, in µs
 * from each start) and the same replay. Fitting either fits both to the longer run.
 *
 * <p>Threading: FX thread only. Its fields are written there: {@link #use} with each comparison, {@code syncing}
 * while it sets one timeline from the other (so the other's listener does not echo it back).
 */
final class SharedAxis {
    private final Timeline a;
    private final Timeline b;
    private final CompareViewModel vm;
    private long startA = -1;
    private long startB = -1;
    private boolean syncing;

    SharedAxis(Timeline a, Timeline b, CompareViewModel vm) {
        this.a = a;
        this.b = b;
        this.vm = vm;
        a.viewRangeProperty().addListener(follow(a, b));
        b.viewRangeProperty().addListener(follow(b, a));
        a.followProperty().addListener((o, was, on) -> refitWhen(on));
        b.followProperty().addListener((o, was, on) -> refitWhen(on));
        a.cursorTimeProperty().addListener((o, was, t) -> cursorMoved(t.longValue(), startA));
        b.cursorTimeProperty().addListener((o, was, t) -> cursorMoved(t.longValue(), startB));
        vm.cursorProperty().addListener((o, was, t) -> showCursor(t.longValue()));
        a.replayingProperty().bind(vm.playingProperty());
        b.replayingProperty().bind(vm.playingProperty());
    }

    /** Takes the runs' starts (epoch µs) and fits both to the longer run. */
    void use(long startA, long startB) {
        this.startA = startA;
        this.startB = startB;
        fit();
        showCursor(vm.cursorProperty().get());
    }

    /** Shows both runs whole, each from its start, on the longer run's width. */
    void fit() {
        if (startA < 0 || startB < 0) {
            return;
        }
        long span = vm.span();
        long pad = Math.max(1, span / 50);
        syncing = true;
        try {
            a.viewRangeProperty().set(new TimeRange(startA - pad, startA + span + pad));
            b.viewRangeProperty().set(new TimeRange(startB - pad, startB + span + pad));
        } finally {
            syncing = false;
        }
    }

    private ChangeListener<TimeRange> follow(Timeline from, Timeline to) {
        return (o, was, r) -> {
            if (syncing || r == null || startA < 0) {
                return;
            }
            long shift = (to == b ? startB - startA : startA - startB);
            syncing = true;
            try {
                to.viewRangeProperty().set(r.shift(shift));
            } finally {
                syncing = false;
            }
        };
    }

    /** Fitting one timeline (its own "fit the run") fits both to the longer run instead. */
    private void refitWhen(boolean followOn) {
        if (followOn && !syncing) {
            fit();
        }
    }

    private void cursorMoved(long t, long start) {
        if (syncing || start < 0) {
            return;
        }
        vm.cursorProperty().set(t < 0 ? -1 : Math.max(0, t - start));
    }

    private void showCursor(long fromStart) {
        if (startA < 0) {
            return;
        }
        syncing = true;
        try {
            a.setCursorTime(fromStart < 0 ? -1 : startA + fromStart);
            b.setCursorTime(fromStart < 0 ? -1 : startB + fromStart);
        } finally {
            syncing = false;
        }
    }
}
