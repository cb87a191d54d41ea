package org.processlab.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The tests' one polling wait: what it returns, and what its failure says. */
class AwaitTest {
    private static final Duration SHORT = Duration.ofMillis(100);

    @Test
    void returnsOnceTheConditionHoldsAndGivesTheValueThatWasAccepted() {
        AtomicInteger checks = new AtomicInteger();
        Await.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(1)).until("the third check",
                () -> checks.incrementAndGet() == 3);
        assertThat(checks).hasValue(3);

        AtomicInteger n = new AtomicInteger();
        int value = Await.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(1))
                .until("a value over 4", n::incrementAndGet, v -> v > 4);
        assertThat(value).isEqualTo(5);
    }

    @Test
    void aTimeoutNamesWhatWasAwaitedHowLongAndTheLastValueSeen() {
        assertThatThrownBy(() -> Await.atMost(SHORT).until("the list to empty", () -> List.of(41, 42), List::isEmpty))
                .isInstanceOf(AssertionError.class)
                .hasMessage("timed out after 0.1 s waiting for the list to empty (last seen: [41, 42])");
        assertThatThrownBy(() -> Await.atMost(Duration.ofSeconds(1)).every(Duration.ofMillis(200))
                .until("the pid file", () -> false))
                .hasMessage("timed out after 1 s waiting for the pid file (last seen: false)");
    }

    @Test
    void aCheckThatThrowsCountsAsNotYetAndTheLastExceptionIsTheCause() {
        AtomicInteger checks = new AtomicInteger();
        Await.atMost(Duration.ofSeconds(30)).every(Duration.ofMillis(1)).until("a check that stops throwing", () -> {
            if (checks.incrementAndGet() < 3) {
                throw new IllegalStateException("not there yet");
            }
            return true;
        });
        assertThat(checks).hasValue(3);

        IllegalStateException failure = new IllegalStateException("no window");
        assertThatThrownBy(() -> Await.atMost(SHORT).until("the window", () -> {
            throw failure;
        })).hasMessage("timed out after 0.1 s waiting for the window (the last check threw "
                + "java.lang.IllegalStateException: no window)").hasCause(failure);
    }

    @Test
    void tryUntilSaysWhetherTheConditionHeldAndNeverThrowsForAFailingCheck() {
        assertThat(Await.atMost(SHORT).tryUntil(() -> true)).isTrue();
        assertThat(Await.atMost(SHORT).tryUntil(() -> false)).isFalse();
        assertThat(Await.atMost(SHORT).tryUntil(() -> {
            throw new IllegalStateException("gone");
        })).isFalse();
    }

    @Test
    void anInterruptEndsTheWaitAndKeepsTheFlag() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> Await.atMost(Duration.ofSeconds(30)).until("nothing", () -> false))
                    .hasMessage("interrupted waiting for nothing");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
