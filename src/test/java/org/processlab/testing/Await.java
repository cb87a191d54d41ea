package org.processlab.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way a test waits for something: poll a condition until it holds or a deadline passes. Never a fixed
 * sleep for "until X": a sleep is too short on a loaded machine and wastes time on an idle one.
 * <pre>
 * Await.atMost(Duration.ofSeconds(60)).until("the pid file", () -&gt; Files.exists(pidFile));
 * List&lt;Long&gt; left = Await.atMost(Duration.ofSeconds(10)).until("every process to end", this::alive, List::isEmpty);
 * </pre>
 * A check that throws a {@link RuntimeException} counts as "not yet" (the thing may not exist yet); on timeout the
 * {@link AssertionError} names what was awaited, how long, and the last value seen or, as its cause, the last
 * exception. The timeout is a bound for a broken run, never a measurement: make it generous.
 *
 * <p>Polls on the caller's thread, which it blocks; an interrupt ends the wait with an {@link AssertionError} and
 * the thread's interrupt flag set.
 *
 * @param timeout how long to wait at most
 * @param every   the pause between two checks
 */
public record Await(Duration timeout, Duration every) {
    /** The pause between two checks unless {@link #every(Duration)} says otherwise. */
    public static final Duration DEFAULT_EVERY = Duration.ofMillis(20);

    /** A wait of at most {@code timeout}, checking every {@link #DEFAULT_EVERY}. */
    public static Await atMost(Duration timeout) {
        return new Await(timeout, DEFAULT_EVERY);
    }

    /** The same wait, checking every {@code pause}. */
    public Await every(Duration pause) {
        return new Await(timeout, pause);
    }

    /**
     * Returns once {@code condition} holds.
     *
     * @param what what is awaited, for the message: "the pid file", "the run to end"
     * @throws AssertionError when it has not held within the timeout
     */
    public void until(String what, BooleanSupplier condition) {
        until(what, condition::getAsBoolean, Boolean.TRUE::equals);
    }

    /**
     * Returns the first value of {@code probe} that {@code done} accepts.
     *
     * @param what what is awaited, for the message
     * @throws AssertionError when no value was accepted within the timeout; it gives the last value seen
     */
    public <T> T until(String what, Supplier<? extends T> probe, Predicate<? super T> done) {
        Poll<T> poll = poll(what, probe, done);
        if (poll.done) {
            return poll.value;
        }
        String last = poll.failure != null ? "the last check threw " + poll.failure : "last seen: " + poll.value;
        throw new AssertionError("timed out after " + seconds(timeout) + " waiting for " + what + " (" + last + ")",
                poll.failure);
    }

    /**
     * Polls until {@code condition} holds or the time is up; returns whether it held. For a wait followed by an
     * assertion of its own, with its own message, and for clean-up that must not throw.
     */
    public boolean tryUntil(BooleanSupplier condition) {
        return poll("a condition", condition::getAsBoolean, Boolean.TRUE::equals).done;
    }

    private <T> Poll<T> poll(String what, Supplier<? extends T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Poll<T> poll = new Poll<>();
        while (true) {
            try {
                poll.value = probe.get();
                poll.failure = null;
                if (done.test(poll.value)) {
                    poll.done = true;
                    return poll;
                }
            } catch (RuntimeException e) {
                poll.failure = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                return poll;
            }
            try {
                Thread.sleep(every.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** What one poll found. */
    private static final class Poll<T> {
        T value;
        RuntimeException failure;
        boolean done;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }
}
