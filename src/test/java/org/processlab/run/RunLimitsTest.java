package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.processlab.model.StopReason;

class RunLimitsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void theProcessLimitCountsEveryProcessTheRunHasHad() {
        RunLimits l = new RunLimits(256, null);
        assertThat(l.tooManyProcesses(256)).isFalse();
        assertThat(l.tooManyProcesses(257)).isTrue();
        assertThat(l.passed(257, 0, 0)).isEqualTo(StopReason.PROCESS_LIMIT);
    }

    @Test
    void theTimeLimitCountsFromTheStartOfTheWatch() {
        RunLimits l = new RunLimits(256, Duration.ofSeconds(2));
        long start = -5 * S;   // nanoTime may be negative
        assertThat(l.passed(1, start, start + 2 * S)).isNull();
        assertThat(l.passed(1, start, start + 2 * S + 1)).isEqualTo(StopReason.TIME_LIMIT);
        assertThat(l.passed(300, start, start + 3 * S)).as("the process limit is named first")
                .isEqualTo(StopReason.PROCESS_LIMIT);
    }

    @Test
    void noTimeLimitNeverRunsOut() {
        assertThat(new RunLimits(256, null).outOfTime(0, Long.MAX_VALUE)).isFalse();
    }
}
