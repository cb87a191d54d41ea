package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.model.LifeState.CREATED;
import static org.processlab.model.LifeState.ENDED;
import static org.processlab.model.LifeState.RUNNING;
import static org.processlab.model.LifeState.WAITING_JOIN;
import static org.processlab.model.LifeState.ZOMBIE;
import static org.processlab.model.Scenario.MAIN;
import static org.processlab.model.Scenario.SUP;
import static org.processlab.model.Span.OPEN;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildCreated;
import org.processlab.model.RunEvent.ChildMade;
import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.Exiting;
import org.processlab.model.RunEvent.JoinBegan;
import org.processlab.model.RunEvent.JoinEnded;
import org.processlab.model.RunEvent.KernelState;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunEnded;
import org.processlab.model.RunEvent.RunStarted;
import org.processlab.model.RunEvent.Vanished;

/**
 * Events in, the spans a lane shows out: created, running, waiting in {@code join()}, zombie, ended, and the kernel's
 * states. The common life (start, join, reap) is in {@link RunModelTest}; these are the edges.
 */
class LaneStatesTest {
    private static final long P1 = 101;
    private static final long P2 = 102;

    private static <S> Span<S> span(S state, long from, long to) {
        return new Span<>(state, from, to);
    }

    /** Main with child P1: start() called at 2 000, returned at 2 100, P1's hello at 2 050 (so it began at 2 050). */
    private static Scenario withChild() {
        return Scenario.started().then(
                new ChildStarted(2_000, 2_100, MAIN, P1, "Process-1", "p1", "work", "()", "fork", false),
                new ProcessSeen(2_050, P1, MAIN, 9, -1, "python3", true));
    }

    @Test
    void anObjectMadeBeforeItsStartIsCreatedUntilItsProcessBegins() {
        Scenario s = Scenario.started().then(
                new ChildCreated(1_500, MAIN, P1),
                new ChildStarted(2_000, 2_100, MAIN, P1, "Process-1", "p1", "work", "()", "fork", false),
                new ProcessSeen(2_050, P1, MAIN, 9, -1, "python3", true));
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(CREATED, 1_500, 2_050), span(RUNNING, 2_050, OPEN));
    }

    @Test
    void theOsStartTimeIsKeptBetweenTheStartCallAndTheFirstSighting() {
        Scenario s = withChild();
        ProcessFacts p = s.process(P1);
        assertThat(LaneStates.startedAt(p, s.run)).as("no OS time: the first sighting").isEqualTo(2_050);
        s.then(new ProcessSeen(2_060, P1, MAIN, 9, 2_030, "python3", false));
        assertThat(LaneStates.startedAt(p, s.run)).isEqualTo(2_030);
        s.then(new ProcessSeen(2_070, P1, MAIN, 9, 1_990, "python3", false));
        assertThat(LaneStates.startedAt(p, s.run)).as("not before its start() was called").isEqualTo(2_000);
        s.then(new ProcessSeen(2_080, P1, MAIN, 9, 2_090, "python3", false));
        assertThat(LaneStates.startedAt(p, s.run)).as("not after it was seen").isEqualTo(2_050);
    }

    @Test
    void mainDoesNotBeginBeforeTheRun() {
        Scenario s = new Scenario();
        s.run.supervisorPid = SUP;
        s.then(new RunStarted(1_000, "t", List.of(), null),
                new RootSpawned(1_100, MAIN, 7),
                new ProcessSeen(1_200, MAIN, SUP, 7, 900, "python3 x.py", true));
        assertThat(LaneStates.startedAt(s.process(MAIN), s.run)).isEqualTo(1_000);
    }

    @Test
    void joinsThatArriveOutOfOrderAreDrawnInTimeOrder() {
        Scenario s = withChild().then(
                new ChildStarted(2_200, 2_300, MAIN, P2, "Process-2", "p2", "work", "()", "fork", false),
                new ProcessSeen(2_250, P2, MAIN, 10, -1, "python3", true),
                new JoinBegan(5_000, MAIN, P2, null),
                new JoinEnded(5_500, MAIN, P2, false, 0),
                new JoinBegan(3_000, MAIN, P1, null),
                new JoinEnded(4_000, MAIN, P1, false, 0));
        assertThat(s.lifeStates(s.process(MAIN))).containsExactly(span(RUNNING, 1_100, 3_000),
                span(WAITING_JOIN, 3_000, 4_000), span(RUNNING, 4_000, 5_000), span(WAITING_JOIN, 5_000, 5_500),
                span(RUNNING, 5_500, OPEN));
        assertThat(s.process(MAIN).joins).as("the joins themselves stay in the order they began")
                .containsExactly(new JoinView(P2, 5_000, 5_500, true), new JoinView(P1, 3_000, 4_000, true));
    }

    @Test
    void aJoinThatTimesOutLeavesTheChildRunning() {
        Scenario s = withChild().then(
                new JoinBegan(3_000, MAIN, P1, 0.5),
                new JoinEnded(3_500, MAIN, P1, true, null));
        assertThat(s.lifeStates(s.process(MAIN))).containsExactly(span(RUNNING, 1_100, 3_000),
                span(WAITING_JOIN, 3_000, 3_500), span(RUNNING, 3_500, OPEN));
        assertThat(s.process(MAIN).joins).containsExactly(new JoinView(P1, 3_000, 3_500, false));
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(RUNNING, 2_050, OPEN));
    }

    @Test
    void aWaitCutShortByTheWaitersEndStopsThere() {
        Scenario s = withChild().then(
                new JoinBegan(3_000, MAIN, P1, null),
                new Exiting(3_500, MAIN, -9));
        assertThat(s.lifeStates(s.process(MAIN))).containsExactly(span(RUNNING, 1_100, 3_000),
                span(WAITING_JOIN, 3_000, 3_500), span(ENDED, 3_500, OPEN));
    }

    @Test
    void aProcessTheSupervisorReapedShowsNoZombieTime() {
        Scenario s = withChild().then(
                new Exiting(4_000, P1, 0),
                new Reaped(4_800, SUP, P1, 0, 0));
        assertThat(s.lifeStates(s.process(P1))).as("the supervisor reaps at once: that wait is ProcessLab's")
                .containsExactly(span(RUNNING, 2_050, 4_000), span(ENDED, 4_000, OPEN));
    }

    @Test
    void aZombieNobodyReapsLastsUntilItVanishesOrTheRunEnds() {
        Scenario s = withChild().then(new KernelState(3_000, P1, 'Z'));
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(RUNNING, 2_050, 3_000), span(ZOMBIE, 3_000, OPEN));
        s.then(new RunEnded(6_000, 0));
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(RUNNING, 2_050, 3_000), span(ZOMBIE, 3_000, 6_000),
                span(ENDED, 6_000, OPEN));
        s.then(new Vanished(5_000, P1));
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(RUNNING, 2_050, 3_000), span(ZOMBIE, 3_000, 5_000),
                span(ENDED, 5_000, OPEN));
    }

    @Test
    void aProcessStillRunningWhenTheRunEndedEndsWithIt() {
        Scenario s = Scenario.started().then(
                new ProcessSeen(2_000, 300, MAIN, 11, -1, "sleep 60", false),
                new RunEnded(6_000, 0));
        assertThat(s.lifeStates(s.process(300))).containsExactly(span(RUNNING, 2_000, 6_000), span(ENDED, 6_000, OPEN));
    }

    @Test
    void anEndReportedBeforeTheStartIsMovedToTheStart() {
        Scenario s = withChild().then(new Exiting(1_900, P1, 0));
        assertThat(LaneStates.endedAt(s.process(P1), 2_050, s.run)).isEqualTo(2_050);
        assertThat(s.lifeStates(s.process(P1))).containsExactly(span(ENDED, 2_050, OPEN));
    }

    @Test
    void anObjectNotStartedIsCreatedUntilTheProcessHoldingItEnds() {
        Scenario s = Scenario.started().then(new ChildMade(1_500, MAIN, 1, "Process-1", "work", "()"));
        ProcessFacts object = s.table.all().stream().filter(ProcessFacts::standIn).findFirst().orElseThrow();
        assertThat(s.lifeStates(object)).containsExactly(span(CREATED, 1_500, OPEN));
        assertThat(LaneStates.startedAt(object, s.run)).isEqualTo(-1);
        s.then(new Exiting(4_000, MAIN, 0));
        assertThat(s.lifeStates(object)).containsExactly(span(CREATED, 1_500, 4_000));
    }

    @Test
    void anObjectNotStartedWhoseHolderOutlivedTheRunsRecordEndsWithTheRun() {
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "work", "()"),
                new RunEnded(6_000, null));
        ProcessFacts object = s.table.all().stream().filter(ProcessFacts::standIn).findFirst().orElseThrow();
        assertThat(s.lifeStates(object)).containsExactly(span(CREATED, 1_500, 6_000));
    }

    @Test
    void eachKernelStateLastsUntilTheNextSampleAndTheLastUntilTheReap() {
        Scenario s = withChild().then(
                new KernelState(2_100, P1, 'R'),
                new KernelState(2_500, P1, 'S'),
                new KernelState(2_800, P1, 'X'),    // no state of a live program: draws nothing, ends the sleep
                new KernelState(3_000, P1, 'Z'),
                new Reaped(3_500, MAIN, P1, 0, 0));
        assertThat(s.kernelStates(s.process(P1))).containsExactly(span(KernelStateKind.RUNNING, 2_100, 2_500),
                span(KernelStateKind.SLEEPING, 2_500, 2_800), span(KernelStateKind.ZOMBIE, 3_000, 3_500));
    }

    @Test
    void theLastKernelStateOfALiveProcessGoesOnUntilTheRunEnds() {
        Scenario s = withChild().then(new KernelState(2_100, P1, 'S'));
        assertThat(s.kernelStates(s.process(P1))).containsExactly(span(KernelStateKind.SLEEPING, 2_100, OPEN));
        s.then(new RunEnded(6_000, null));
        assertThat(s.kernelStates(s.process(P1))).containsExactly(span(KernelStateKind.SLEEPING, 2_100, 6_000));
    }

    @Test
    void aSleepSampledBeforeTheEndStopsAtTheEndButAZombieSampleGoesOn() {
        Scenario s = withChild().then(
                new KernelState(2_100, P1, 'S'),
                new Exiting(2_600, P1, 0));
        assertThat(s.kernelStates(s.process(P1))).containsExactly(span(KernelStateKind.SLEEPING, 2_100, 2_600));
        Scenario z = withChild().then(new KernelState(2_100, P1, 'Z'));
        assertThat(z.kernelStates(z.process(P1))).containsExactly(span(KernelStateKind.ZOMBIE, 2_100, OPEN));
    }
}
