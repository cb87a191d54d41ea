package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Quitting stops every live run first, so they end side by side, and forces only those that did not end. */
class RunRegistryTest {
    private final List<String> calls = new ArrayList<>();

    private final class FakeRun implements RunRegistry.Member {
        private final String name;
        private final boolean endsWhenStopped;
        private boolean stopped;

        FakeRun(String name, boolean endsWhenStopped) {
            this.name = name;
            this.endsWhenStopped = endsWhenStopped;
        }

        @Override
        public void stop() {
            calls.add("stop " + name);
            stopped = true;
        }

        @Override
        public void await(Duration timeout) {
            calls.add("await " + name + " " + timeout.toMillis());
        }

        @Override
        public boolean hasEnded() {
            return stopped && endsWhenStopped;
        }

        @Override
        public void forceEnd() {
            calls.add("force " + name);
        }
    }

    @Test
    void closeAllStopsEveryRunBeforeWaitingAndForcesOnlyTheStubbornOne() {
        RunRegistry r = new RunRegistry();
        FakeRun quiet = new FakeRun("quiet", true);
        FakeRun stubborn = new FakeRun("stubborn", false);
        r.add(quiet);
        r.add(stubborn);
        r.closeAll(Duration.ofMillis(2500));
        assertThat(calls.subList(0, 2)).containsExactlyInAnyOrder("stop quiet", "stop stubborn");
        assertThat(calls.subList(2, calls.size())).containsExactlyInAnyOrder(
                "await quiet 2500", "await stubborn 2500", "force stubborn");
        assertThat(calls.indexOf("force stubborn")).isGreaterThan(calls.indexOf("await stubborn 2500"));
    }

    @Test
    void aRunThatRemovedItselfIsLeftAlone() {
        RunRegistry r = new RunRegistry();
        FakeRun done = new FakeRun("done", true);
        r.add(done);
        r.remove(done);
        assertThat(r.size()).isZero();
        r.closeAll(Duration.ofMillis(10));
        assertThat(calls).isEmpty();
    }
}
