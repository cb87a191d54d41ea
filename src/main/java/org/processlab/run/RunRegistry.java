package org.processlab.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runs still live in this JVM, so that quitting ends them all: {@link #closeAll} stops every one at once, then
 * gives each a moment to end and forces those that did not.
 *
 * <p>Threading: thread-safe; runs add and remove themselves on their own threads, {@code closeAll} runs on the
 * caller's (the FX thread at quit, or the JVM's shutdown hook).
 */
final class RunRegistry {
    /** What the registry needs of a run. */
    interface Member {
        /** Asks the run to end (SIGTERM, then SIGKILL after its grace time). */
        void stop();

        /** Waits up to {@code timeout} for the run's end. */
        void await(Duration timeout) throws InterruptedException;

        /** True once the run has ended. */
        boolean hasEnded();

        /** Ends whatever is left of the run at once ({@link TreeKiller}). */
        void forceEnd();
    }

    private final Set<Member> live = ConcurrentHashMap.newKeySet();

    /** A registry whose {@link #closeAll} also runs when the JVM shuts down ({@code processlab-end-runs}). */
    static RunRegistry withShutdownHook(Duration eachWait) {
        RunRegistry r = new RunRegistry();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> r.closeAll(eachWait), "processlab-end-runs"));
        return r;
    }

    void add(Member run) {
        live.add(run);
    }

    void remove(Member run) {
        live.remove(run);
    }

    /** How many runs are live. */
    int size() {
        return live.size();
    }

    /**
     * Ends every live run: stops them all first (they end side by side), then waits up to {@code eachWait} for each in
     * turn and forces the one that has not ended by then.
     */
    void closeAll(Duration eachWait) {
        List<Member> all = new ArrayList<>(live);
        all.forEach(Member::stop);
        for (Member m : all) {
            try {
                m.await(eachWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!m.hasEnded()) {
                m.forceEnd();
            }
        }
    }
}
