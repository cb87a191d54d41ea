package org.processlab.ui.shell.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.ui.timeline.TimelineFixture.CHILD;
import static org.processlab.ui.timeline.TimelineFixture.MAIN;
import static org.processlab.ui.timeline.TimelineFixture.T0;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.JoinView;
import org.processlab.model.ProcessView;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.timeline.TimelineFixture;

/** Stepping through a finished run event by event, as a debugger steps through lines; no toolkit. */
class EventTimesTest {
    private final RunModel run = TimelineFixture.finishedRun();
    private final RunSnapshot s = run.snapshot();
    private final ProcessView main = s.byPid(MAIN).orElseThrow();
    private final ProcessView child = s.byPid(CHILD).orElseThrow();
    private final JoinView join = main.joins().get(0);
    private final long hello = T0 + 300_000;
    private final long oops = T0 + 400_000;
    private final EventTimes events = EventTimes.of(s, new long[] {oops, hello});

    @Test
    void everyStartPrintJoinAndExitIsAStepInTimeOrder() {
        assertThat(asList(events)).containsExactly(main.startedAt(), child.startedAt(), hello, oops, join.from(),
                child.endedAt(), join.to(), main.endedAt());
    }

    @Test
    void rightStepsForwardFromTheFirstEventToTheLastThenStops() {
        List<Long> seen = new ArrayList<>();
        for (long t = events.next(-1); t >= 0; t = events.next(t)) {
            seen.add(t);
        }
        assertThat(seen).isEqualTo(asList(events));
        assertThat(events.next(main.endedAt())).isEqualTo(-1);
    }

    @Test
    void leftStepsBackFromTheEndOfTheRunToTheFirstEventThenStops() {
        List<Long> seen = new ArrayList<>();
        for (long t = events.previous(-1); t >= 0; t = events.previous(t)) {
            seen.add(0, t);
        }
        // no cursor shows the run's end: a step back goes to the last event before it
        long end = s.horizon();
        assertThat(seen).isEqualTo(asList(events).stream().filter(t -> t < end).toList());
        assertThat(events.previous(main.startedAt())).isEqualTo(-1);
    }

    @Test
    void aCursorBetweenTwoEventsStepsToTheNeighbours() {
        assertThat(events.next(hello + 1)).isEqualTo(oops);
        assertThat(events.previous(oops - 1)).isEqualTo(hello);
        assertThat(events.next(hello)).isEqualTo(oops);
        assertThat(events.previous(oops)).isEqualTo(hello);
    }

    @Test
    void homeAndEndAreTheRunsStartAndEnd() {
        assertThat(events.start()).isEqualTo(s.startedAt());
        assertThat(events.end()).isEqualTo(s.endedAt());
    }

    @Test
    void linesAtOneMomentAreOneStepAndMomentsOutsideTheRunAreLeftOut() {
        EventTimes e = EventTimes.of(s, new long[] {hello, hello, s.startedAt() - 5, s.endedAt() + 5});
        assertThat(asList(e)).containsOnlyOnce(hello).doesNotContain(s.startedAt() - 5, s.endedAt() + 5);
    }

    private static List<Long> asList(EventTimes e) {
        List<Long> l = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            l.add(e.time(i));
        }
        return l;
    }
}
