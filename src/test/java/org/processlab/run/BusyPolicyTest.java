package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The busy rule: 16 processes, or 2,000 output lines a second over at least a quarter of a second; said once. */
class BusyPolicyTest {
    private static final long MS = 1_000_000L;
    private final BusyPolicy policy = new BusyPolicy();

    @Test
    void sixteenProcessesMakeARunBusyAtOnce() {
        assertThat(policy.check(0, 0, BusyPolicy.PROCESSES - 1)).isNull();
        assertThat(policy.check(1 * MS, 0, BusyPolicy.PROCESSES)).isEqualTo("it has made 16 processes");
        assertThat(policy.hasSaid()).isTrue();
    }

    @Test
    void aFloodOfLinesMakesARunBusyOnceMeasuredOverAQuarterSecond() {
        assertThat(policy.check(0, 0, 1)).as("the first look opens the window").isNull();
        assertThat(policy.check(100 * MS, 10_000, 1)).as("too short a window to judge").isNull();
        assertThat(policy.check(250 * MS, 500, 1)).isEqualTo("it prints 2,000 lines a second");
    }

    @Test
    void aRateJustBelowTheRuleIsNotBusyAndTheWindowStartsAgain() {
        policy.check(0, 0, 1);
        assertThat(policy.check(250 * MS, 499, 1)).isNull();
        // the new window starts at 250 ms with 499 lines: 600 more in the next 300 ms is 2,000 a second
        assertThat(policy.check(550 * MS, 499 + 600, 1)).isEqualTo("it prints 2,000 lines a second");
    }

    @Test
    void aRunIsCalledBusyOnlyOnce() {
        assertThat(policy.check(0, 0, 40)).isEqualTo("it has made 40 processes");
        assertThat(policy.check(1 * MS, 0, 80)).isNull();
        assertThat(policy.check(2_000 * MS, 1_000_000, 80)).isNull();
    }

    @Test
    void theRunSessionPublishesTheSameNumbers() {
        assertThat(RunSession.BUSY_PROCESSES).isEqualTo(16);
        assertThat(RunSession.BUSY_LINES_PER_SECOND).isEqualTo(2_000);
    }
}
