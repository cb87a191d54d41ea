package org.processlab.ui.fx;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

/**
 * The app's {@link TaskExecutor}: work runs on at most two daemon threads ({@code processlab-bg-N}, ended after a
 * few idle seconds); results come back with one {@link Platform#runLater} per task.
 *
 * <p>Threading: any thread. No mutable state of its own (the pool is thread-safe).
 */
public final class FxTaskExecutor implements TaskExecutor {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 5, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "processlab-bg-" + COUNT.incrementAndGet());
                t.setDaemon(true);
                return t;
            });

    /** An executor whose threads start when work comes. */
    public FxTaskExecutor() {
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        pool.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
                return;
            }
            Platform.runLater(() -> onDone.accept(result));
        });
    }

    @Override
    public void run(Runnable work) {
        pool.execute(work);
    }

    @Override
    public void inUiThread(Runnable task) {
        Platform.runLater(task);
    }
}
