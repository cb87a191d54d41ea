package org.processlab.ui.fx;

import java.util.List;
import java.util.function.Consumer;

import org.processlab.model.Clock;
import org.processlab.model.LineMarks;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;

/**
 * A {@link FrameSource} for view-model tests without a toolkit: when the watched model changes, a frame of it is
 * handed to the {@link CurrentThreadTaskExecutor}'s UI thread (the test's), where it is built and given to the sink
 * — one frame per change seen, every new line in it (no cap, no pulse). The first frame shows the model as it is.
 *
 * <p>Threading: the model's dirty listener runs on its ingest threads and only queues a task; everything else on the
 * executor's UI thread.
 */
public final class QueuedFrames implements FrameSource {
    private final CurrentThreadTaskExecutor ui;

    /** Frames handed over on {@code ui}'s thread. */
    public QueuedFrames(CurrentThreadTaskExecutor ui) {
        this.ui = ui;
    }

    @Override
    public Watch watch(RunModel model, Consumer<RunFrame> sink) {
        Watching w = new Watching(model, sink);
        model.onDirty(() -> ui.inUiThread(w::deliver));
        w.deliver();
        return w;
    }

    private static final class Watching implements Watch {
        private final RunModel model;
        private final Consumer<RunFrame> sink;
        private volatile boolean stopped;
        private int lines;

        Watching(RunModel model, Consumer<RunFrame> sink) {
            this.model = model;
            this.sink = sink;
        }

        void deliver() {
            if (stopped) {
                return;
            }
            model.clearDirty();
            RunSnapshot s = model.snapshot();
            OutputLog out = model.output();
            int size = out.size();
            List<OutputLine> fresh = size > lines ? out.range(lines, size) : List.of();
            RunFrame f = new RunFrame(s, true, s.endedAt() >= 0 ? s.endedAt() : Clock.nowMicros(),
                    lines, fresh, 0, LineMarks.NONE, out);
            lines = size;
            sink.accept(f);
        }

        @Override
        public void stop() {
            stopped = true;
            model.onDirty(null);
        }
    }
}
