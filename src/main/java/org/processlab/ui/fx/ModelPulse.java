package org.processlab.ui.fx;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.processlab.model.Clock;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;

/**
 * Turns the many changes of a {@link RunModel} into at most one view update per JavaFX pulse.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>The model's ingest threads only ever run the dirty listener installed here: it sets an
 *       {@link AtomicBoolean} (and, if this pulse is idle, schedules one {@link Platform#runLater} to wake it).
 *       The model calls that listener once per clean→dirty transition, so a million appended lines cost at
 *       most one wake-up per pulse, never one {@code runLater} per event.</li>
 *   <li>Everything else runs on the FX thread: an {@link AnimationTimer} checks the flag once per pulse; when
 *       set it calls {@link RunModel#clearDirty()} <em>then</em> {@link RunModel#snapshot()} (in that order, so no
 *       change is lost), fetches the new output lines with one {@link OutputLog#range} call, capped at
 *       {@code maxLinesPerPulse} (the newest ones win in a flood: only they become console rows), and hands one
 *       {@link RunFrame} to the sink.</li>
 *   <li>While the run is live and nothing changed, a frame with {@code changed == false} is still sent every
 *       {@code followEveryMillis}, so a timeline can follow "now".</li>
 *   <li>A frame that was costly (a big run: hundreds of processes, a flood of lines) spaces out the next ones, so
 *       the views' share of the FX thread stays bounded and the window keeps answering. A frame's cost {@code c} is
 *       the FX thread's time from its pulse's start to the end of that pulse — the snapshot, the views, and the CSS,
 *       layout, drawing and scene sync they caused — measured by a {@link Platform#runLater} posted with the frame
 *       (it runs once the pulse is over). The next frame comes no sooner than {@value #COST_FACTOR}·c after it (at
 *       most {@value #MAX_GAP_MILLIS} ms later), so frames take at most about 1/{@value #COST_FACTOR} of the FX
 *       thread's time and the rendering of one is done before the next. A small run gets a frame every pulse.</li>
 *   <li>Once a finished run's last frame has been delivered, the timer stops (no idle CPU); a later change
 *       wakes it again.</li>
 * </ul>
 * {@link #start()}, {@link #stop()} and the sink run on the FX thread only.
 */
public final class ModelPulse {
    /** The default cap on new lines handed over per pulse. */
    public static final int DEFAULT_MAX_LINES_PER_PULSE = 2_000;
    /** A frame that cost {@code c} delays the next changed frame until {@code COST_FACTOR * c} has passed. */
    public static final int COST_FACTOR = 5;
    /** The longest a costly frame delays the next one. */
    public static final long MAX_GAP_MILLIS = 250;

    private final RunModel model;
    private final int maxLinesPerPulse;
    private final long followEveryNanos;
    private final Consumer<RunFrame> sink;
    private final AtomicBoolean pending = new AtomicBoolean(true);
    private final AtomicBoolean idle = new AtomicBoolean(true);
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private volatile boolean stopped;
    private int lastLine;
    private RunSnapshot last;
    private long lastFrameNanos;
    private long minGapNanos;
    /** Counts frames, so that a late end-of-pulse mark is not taken for a newer frame's. */
    private long frameSeq;

    /**
     * @param model             the run to watch
     * @param maxLinesPerPulse  the most new output lines one frame carries
     * @param followEveryMillis how often a live run gets a "clock only" frame when nothing changed
     * @param sink              receives each frame, on the FX thread
     */
    public ModelPulse(RunModel model, int maxLinesPerPulse, long followEveryMillis, Consumer<RunFrame> sink) {
        this.model = Objects.requireNonNull(model);
        this.maxLinesPerPulse = Math.max(1, maxLinesPerPulse);
        this.followEveryNanos = followEveryMillis * 1_000_000L;
        this.sink = Objects.requireNonNull(sink);
    }

    /** The watched model. */
    public RunModel model() {
        return model;
    }

    /** Starts watching; FX thread. The first pulse delivers the model as it is. */
    public void start() {
        stopped = false;
        model.onDirty(this::markDirty);
        pending.set(true);
        wake();
    }

    /** Stops watching for good; FX thread. No frame is delivered after this returns. */
    public void stop() {
        stopped = true;
        model.onDirty(null);
        timer.stop();
        idle.set(true);
    }

    /** Called by the model on an ingest thread at each clean→dirty transition. */
    private void markDirty() {
        pending.set(true);
        if (!stopped && idle.compareAndSet(true, false)) {
            Platform.runLater(this::startTimer);
        }
    }

    private void wake() {
        idle.set(false);
        startTimer();
    }

    private void startTimer() {
        if (!stopped) {
            timer.start();
        }
    }

    private void pulse(long nanos) {
        if (stopped) {
            return;
        }
        if (last != null && nanos - lastFrameNanos < minGapNanos) {
            return;   // the last frame was costly: this change waits for a later pulse (nothing is lost)
        }
        if (pending.getAndSet(false)) {
            long began = System.nanoTime();
            model.clearDirty();
            RunSnapshot snap = model.snapshot();
            OutputLog out = model.output();
            int size = out.size();
            int from = lastLine;
            int skipped = 0;
            if (size - from > maxLinesPerPulse) {
                skipped = size - maxLinesPerPulse - from;
                from = size - maxLinesPerPulse;
            }
            List<OutputLine> lines = size > from ? out.range(from, size) : List.of();
            lastLine = size;
            last = snap;
            lastFrameNanos = nanos;
            sink.accept(new RunFrame(snap, true, Clock.nowMicros(), from, lines, skipped, out));
            startMeasuring(began);
        } else if (last != null && !last.status().finished()) {
            if (nanos - lastFrameNanos >= followEveryNanos) {
                long began = System.nanoTime();
                lastFrameNanos = nanos;
                sink.accept(new RunFrame(last, false, Clock.nowMicros(), lastLine, List.of(), 0, model.output()));
                startMeasuring(began);
            }
        } else if (last != null) {
            // Finished and everything delivered: sleep until the model changes again.
            timer.stop();
            idle.set(true);
            if (pending.get() && idle.compareAndSet(true, false)) {
                timer.start();
            }
        }
    }

    /** A frame was just handed over (its pulse began at {@code began}): its cost is known once the pulse is over. */
    private void startMeasuring(long began) {
        long seq = ++frameSeq;
        minGapNanos = Math.min(MAX_GAP_MILLIS * 1_000_000L, (System.nanoTime() - began) * COST_FACTOR);
        Platform.runLater(() -> {
            if (seq == frameSeq) {
                minGapNanos = Math.min(MAX_GAP_MILLIS * 1_000_000L, (System.nanoTime() - began) * COST_FACTOR);
            }
        });
    }
}
