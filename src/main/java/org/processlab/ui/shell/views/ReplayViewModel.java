package org.processlab.ui.shell.views;

import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.fx.RunTimes;

/**
 * Replays a finished run slowly by moving the time cursor with an {@link AnimationTimer}: at a fixed speed
 * ({@code 1×} down to {@code 0.01×}) or so that the whole run takes {@link #wholeRunSecondsProperty() N seconds}
 * (10 by default), so a class can watch a 40 ms lifecycle unfold. A replay starts where the run's first process
 * starts (or at the cursor, if one is set before the end) and pauses at the run's end.
 *
 * <p>While {@link #activeProperty() active} the timeline draws only what had happened by the cursor; the table and
 * the console follow the cursor. Moving the cursor by hand pauses a playing replay (it stays active: scrubbing);
 * {@link #stop()} (the "End of run" button, a new run) ends it.
 *
 * <p>All times are epoch microseconds. Threading: FX thread only: every field is written there; the timer runs once
 * per pulse while playing. The timer is made on the first {@link #play()} (it needs the JavaFX toolkit, which a view
 * model's test does not start).
 */
public final class ReplayViewModel {
    private final LongProperty cursor;
    private final ReadOnlyObjectProperty<RunFrame> frame;
    private final ObjectProperty<ReplaySpeed> speed = new SimpleObjectProperty<>(this, "speed", ReplaySpeed.WHOLE_RUN);
    private final DoubleProperty wholeRunSeconds = new SimpleDoubleProperty(this, "wholeRunSeconds", 10);
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(this, "playing");
    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    /** Null until the first play. */
    private AnimationTimer timer;
    private boolean moving;
    private long lastNanos = -1;
    private double position;

    /**
     * @param cursor the time cursor it moves (epoch µs, -1 for none)
     * @param frame  the run's latest frame (a replay needs a finished run)
     */
    public ReplayViewModel(LongProperty cursor, ReadOnlyObjectProperty<RunFrame> frame) {
        this.cursor = cursor;
        this.frame = frame;
        frame.addListener((o, a, f) -> available.set(replayable(f)));
        cursor.addListener((o, a, b) -> {
            if (moving) {
                return;
            }
            if (b.longValue() < 0) {
                stop();
            } else if (playing.get()) {
                pause();
            }
        });
    }

    private static boolean replayable(RunFrame f) {
        return f != null && f.finished() && f.snapshot().startedAt() >= 0 && f.snapshot().endedAt() >= 0
                && !f.snapshot().processes().isEmpty();
    }

    /** Plays from the cursor (or from the start of the run's activity, when there is none or it is at the end). */
    public void play() {
        RunSnapshot s = snapshot();
        if (s == null) {
            return;
        }
        long from = start(s);
        long c = cursor.get();
        if (c < from || c >= s.endedAt()) {
            c = from;
        }
        position = c;
        active.set(true);
        playing.set(true);
        lastNanos = -1;
        set(c);
        if (timer == null) {
            timer = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    step(now);
                }
            };
        }
        timer.start();
    }

    /** Pauses where it is (the cursor stays; the timeline stays clipped at it). */
    public void pause() {
        if (timer != null) {
            timer.stop();
        }
        playing.set(false);
    }

    /** Plays or pauses. */
    public void toggle() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    /** Ends the replay: the timeline shows the whole run again. The cursor is left to the caller. */
    public void stop() {
        pause();
        active.set(false);
    }

    private void step(long nanos) {
        RunSnapshot s = snapshot();
        if (s == null) {
            stop();
            return;
        }
        if (lastNanos < 0) {
            lastNanos = nanos;
            return;
        }
        // a stalled frame (a busy machine) does not make the replay jump: at most 100 ms of wall time per step
        long dt = Math.min(100_000_000L, nanos - lastNanos);
        lastNanos = nanos;
        double rate = speed.get() == null ? 1 : speed.get().rate(s.endedAt() - start(s), wholeRunSeconds.get());
        position += dt / 1000.0 * rate;
        if (position >= s.endedAt()) {
            set(s.endedAt());
            pause();
            return;
        }
        set(Math.round(position));
    }

    private void set(long t) {
        moving = true;
        try {
            cursor.set(t);
        } finally {
            moving = false;
        }
    }

    private RunSnapshot snapshot() {
        RunFrame f = frame.get();
        return replayable(f) ? f.snapshot() : null;
    }

    /** Where a replay of {@code s} begins: where its first process begins (Python's own start-up is skipped). */
    static long start(RunSnapshot s) {
        return RunTimes.firstActivity(s, s.endedAt());
    }

    /** The speed (default: the whole run in {@link #wholeRunSecondsProperty() N} seconds). */
    public ObjectProperty<ReplaySpeed> speedProperty() {
        return speed;
    }

    /** N of "the whole run in N seconds" (default 10). */
    public DoubleProperty wholeRunSecondsProperty() {
        return wholeRunSeconds;
    }

    /** True while the cursor moves by itself. */
    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** True from Play until {@link #stop()}: the timeline shows only what had happened by the cursor. */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    /** True when there is a finished run to replay. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
