package org.processlab.ui.fx;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;

import org.processlab.model.Clock;
import org.processlab.model.LineMarks;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;

/**
 * Turns the many changes of a {@link RunModel} into at most one view update per JavaFX pulse, without the FX thread
 * ever waiting for the model.
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li>The model's ingest threads only ever run the dirty listener installed here: it sets an
 *       {@link AtomicBoolean} (and, if this pulse is idle, schedules one {@link Platform#runLater} to wake it).
 *       The model calls that listener once per clean→dirty transition, so a million appended lines cost at
 *       most one wake-up per pulse, never one {@code runLater} per event.</li>
 *   <li>The frame is made on a builder thread ({@code processlab-frames}, one per pulse, ended after two idle
 *       seconds): it calls {@link RunModel#clearDirty()} <em>then</em> {@link RunModel#snapshot()} (in that order,
 *       so no change is lost), fetches the new output lines with one {@link OutputLog#range} call, capped at
 *       {@code maxLinesPerPulse} (the newest ones win in a flood: only they become console rows; the others come as
 *       {@link LineMarks}, for the timeline's ticks). The model's lock is taken there, never on the FX thread, so an
 *       ingest thread that holds it (or is descheduled while holding it) cannot stall a frame.</li>
 *   <li>On the FX thread an {@link AnimationTimer} looks once per pulse: a built frame goes to the sink; else, if
 *       the model changed and the last frame's cost allows (below), it asks the builder for one (which arrives a
 *       pulse or so later). At most one frame is being built at a time.</li>
 *   <li>While the run is live and nothing changed, a frame with {@code changed == false} is still sent every
 *       {@code followEveryMillis} (it needs no model lock), so a timeline can follow "now".</li>
 *   <li>A frame that was costly (a big run: hundreds of processes, a flood of lines) spaces out the next ones, so
 *       the views' share of the FX thread stays bounded and the window keeps answering. A frame's cost {@code c} is
 *       the FX thread's time from handing it over to the end of that pulse — the views, and the CSS, layout,
 *       drawing and scene sync they caused — measured by a {@link Platform#runLater} posted with the frame (it runs
 *       once the pulse is over); or, when more, the time until the next pulse began (JavaFX starts it once the
 *       frame is rendered: with software rendering on a busy machine that is most of a frame's cost), less one
 *       pulse period. The next frame comes no sooner than {@value #COST_FACTOR}·c after it (at most
 *       {@value #MAX_GAP_MILLIS} ms later), so frames take at most about 1/{@value #COST_FACTOR} of the FX thread's
 *       and the render thread's time, and the rendering of one is done before the next. A small run gets a frame
 *       every pulse.</li>
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
    /** A frame the builder made, waiting for the next pulse. */
    private final AtomicReference<Built> ready = new AtomicReference<>();
    private final ThreadPoolExecutor builder = new ThreadPoolExecutor(0, 1, 2, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "processlab-frames");
                t.setDaemon(true);
                return t;
            });
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            pulse(now);
        }
    };
    private volatile boolean stopped;
    /** The builder's: the number of the first output line not yet handed over. */
    private volatile int lastLine;
    // FX thread only:
    private boolean building;
    private RunSnapshot last;
    private long lastFrameNanos;
    private long minGapNanos;
    /** Counts frames, so that a late end-of-pulse mark is not taken for a newer frame's. */
    private long frameSeq;
    /** When the last frame's pulse began, until the next pulse has looked at it (else -1). */
    private long frameStartNanos = -1;
    /** JavaFX's pulse period at its default 60 frames per second. */
    private static final long NOMINAL_PULSE_NANOS = 16_666_667L;

    /** What the builder hands over. */
    private record Built(RunSnapshot snapshot, int firstLine, List<OutputLine> lines, int skipped, LineMarks marks,
                         OutputLog output) {
    }

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

    /** Starts watching; FX thread. The first frame delivers the model as it is. */
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
        builder.shutdownNow();
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
        if (frameStartNanos >= 0) {
            // the first pulse after a frame: JavaFX starts it once the frame's rendering is done, so the time since
            // the frame's pulse began is what the frame cost the pipeline (FX thread and render thread)
            long pipeline = System.nanoTime() - frameStartNanos - NOMINAL_PULSE_NANOS;
            frameStartNanos = -1;
            if (pipeline * COST_FACTOR > minGapNanos) {
                minGapNanos = Math.min(MAX_GAP_MILLIS * 1_000_000L, pipeline * COST_FACTOR);
            }
        }
        Built b = ready.getAndSet(null);
        if (b != null) {
            building = false;
            long began = System.nanoTime();
            last = b.snapshot();
            lastFrameNanos = nanos;
            sink.accept(new RunFrame(b.snapshot(), true, Clock.nowMicros(), b.firstLine(), b.lines(), b.skipped(),
                    b.marks(), b.output()));
            startMeasuring(began);
            return;
        }
        if (building) {
            return;   // a frame is on its way
        }
        boolean due = last == null || nanos - lastFrameNanos >= minGapNanos;
        if (pending.get()) {
            if (due) {
                building = true;
                try {
                    builder.execute(this::build);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    building = false;   // stopped meanwhile
                }
            }
            // else: the last frame was costly; this change waits for a later pulse (nothing is lost)
        } else if (last != null && !last.status().finished()) {
            if (due && nanos - lastFrameNanos >= followEveryNanos) {
                long began = System.nanoTime();
                lastFrameNanos = nanos;
                sink.accept(new RunFrame(last, false, Clock.nowMicros(), lastLine, List.of(), 0, LineMarks.NONE,
                        model.output()));
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

    /** On the builder thread: one frame's data from the model. */
    private void build() {
        if (stopped) {
            return;
        }
        pending.set(false);
        model.clearDirty();
        RunSnapshot snap = model.snapshot();
        OutputLog out = model.output();
        int size = out.size();
        int from = lastLine;
        int skipped = 0;
        LineMarks marks = LineMarks.NONE;
        if (size - from > maxLinesPerPulse) {
            skipped = size - maxLinesPerPulse - from;
            marks = out.marks(from, from + skipped);
            from = size - maxLinesPerPulse;
        }
        List<OutputLine> lines = size > from ? out.range(from, size) : List.of();
        lastLine = size;
        ready.set(new Built(snap, from, lines, skipped, marks, out));
    }

    /** A frame was just handed over (its pulse began at {@code began}): its cost is known once the pulse is over. */
    private void startMeasuring(long began) {
        frameStartNanos = began;
        long seq = ++frameSeq;
        minGapNanos = Math.min(MAX_GAP_MILLIS * 1_000_000L, (System.nanoTime() - began) * COST_FACTOR);
        Platform.runLater(() -> {
            if (seq == frameSeq) {
                minGapNanos = Math.min(MAX_GAP_MILLIS * 1_000_000L, (System.nanoTime() - began) * COST_FACTOR);
            }
        });
    }
}
