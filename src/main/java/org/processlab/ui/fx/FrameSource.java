package org.processlab.ui.fx;

import java.util.function.Consumer;

import org.processlab.model.RunModel;

/**
 * Where a run's frames come from: once a model is watched, {@link RunFrame}s of it reach the sink on the UI thread,
 * at most one per pulse. The app's is {@link #pulses()} ({@link ModelPulse}, which needs the JavaFX toolkit); a test
 * gives a view model its own, which builds frames on the test's thread.
 *
 * <p>Threading: {@link #watch} and {@link Watch#stop} on the UI thread; the sink is called there.
 */
@FunctionalInterface
public interface FrameSource {
    /** How often a live run with no change gets a "clock only" frame, so that the timeline can follow now. */
    long FOLLOW_EVERY_MILLIS = 50;

    /** Starts delivering frames of {@code model} to {@code sink}; the first one shows the model as it is. */
    Watch watch(RunModel model, Consumer<RunFrame> sink);

    /** A watch on one model. */
    @FunctionalInterface
    interface Watch {
        /** Stops for good: no frame reaches the sink after this returns. */
        void stop();
    }

    /** The window's source: a {@link ModelPulse} per model, {@link ModelPulse#DEFAULT_MAX_LINES_PER_PULSE} lines a frame. */
    static FrameSource pulses() {
        return (model, sink) -> {
            ModelPulse pulse = new ModelPulse(model, ModelPulse.DEFAULT_MAX_LINES_PER_PULSE, FOLLOW_EVERY_MILLIS, sink);
            pulse.start();
            return pulse::stop;
        };
    }
}
