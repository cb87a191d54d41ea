package org.processlab.ui.fx;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Where a view model's slow work runs (file I/O, finding Python, starting or stopping a run) and how its result comes
 * back to the UI thread. View models are given one, so that a test can give them {@code CurrentThreadTaskExecutor}
 * (the tests' own) and check them without a window; the app gives them {@link FxTaskExecutor}.
 *
 * <p>Threading: every method may be called from any thread. {@code onDone}, {@code onError} and
 * {@link #inUiThread} tasks run on the UI thread (the FX thread in the app), once each, in the order they were handed
 * over; one hand-over per task, never one per event.
 */
public interface TaskExecutor {
    /** Runs {@code work} in the background, then {@code onDone} with its result (or {@code onError}) on the UI thread. */
    <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError);

    /** Runs {@code work} in the background; nothing comes back (an exception it throws is dropped). */
    void run(Runnable work);

    /** Runs {@code task} on the UI thread, later (after what was handed over before it). */
    void inUiThread(Runnable task);
}
