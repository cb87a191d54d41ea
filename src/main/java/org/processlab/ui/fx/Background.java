package org.processlab.ui.fx;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

/**
 * Runs slow work (file I/O, finding Python) off the FX thread and hands the result back on it.
 *
 * <p>Threading: {@link #run} may be called from any thread; {@code work} runs on one of two daemon threads;
 * {@code onDone} and {@code onError} run on the FX thread, once per task (one {@link Platform#runLater} per
 * task, never per event).
 */
public final class Background {
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "processlab-bg-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /** Runs {@code work} in the background, then {@code onDone} (or {@code onError}) on the FX thread. */
    public static <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
        POOL.execute(() -> {
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

    /** Runs {@code work} in the background; nothing comes back. */
    public static void run(Runnable work) {
        POOL.execute(work);
    }
}
