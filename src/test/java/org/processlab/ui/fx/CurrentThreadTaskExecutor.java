package org.processlab.ui.fx;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link TaskExecutor} for view-model tests without a window: the thread that makes it (the test's) plays the UI
 * thread. Background work runs at once on the calling thread; its result too. What another thread hands to the UI
 * thread (a run's end, a frame) waits in a queue until the test runs it with {@link #runUntil}, so every UI task runs
 * on the test's thread, one at a time, as on the FX thread.
 *
 * <p>Threading: {@link #run} and {@link #inUiThread} from any thread; {@link #runUntil} on the owner thread only.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
    private final Thread owner = Thread.currentThread();
    private final BlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        T result;
        try {
            result = work.get();
        } catch (Throwable e) {
            inUiThread(() -> onError.accept(e));
            return;
        }
        inUiThread(() -> onDone.accept(result));
    }

    @Override
    public void run(Runnable work) {
        work.run();
    }

    @Override
    public void inUiThread(Runnable task) {
        if (Thread.currentThread() == owner) {
            task.run();
        } else {
            queued.add(task);
        }
    }

    /**
     * Runs the tasks other threads hand over, as they come, until {@code done} holds (checked before each).
     *
     * @throws AssertionError naming {@code what} when {@code done} does not hold within {@code timeout}
     */
    public void runUntil(String what, Duration timeout, BooleanSupplier done) throws InterruptedException {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("only the thread that plays the UI thread runs its tasks");
        }
        long end = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            long left = end - System.nanoTime();
            Runnable next = left > 0 ? queued.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            next.run();
        }
    }
}
