package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.Exiting;
import org.processlab.model.RunEvent.JoinBegan;
import org.processlab.model.RunEvent.JoinEnded;
import org.processlab.model.RunEvent.KernelState;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunEvent.ParentChanged;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunEnded;
import org.processlab.model.RunEvent.RunStarted;

/** Event sequences in, state spans out. Times are small numbers of microseconds for readability. */
class RunModelTest {
    static final long SUP = 50;
    static final long MAIN = 100;
    private static final long P1 = 101;

    /** A model whose main process (PID {@link #MAIN}, under supervisor {@link #SUP}) said hello at 1 200. */
    static RunModel started() {
        RunModel m = new RunModel();
        m.setSupervisorPid(SUP);
        m.append(new RunStarted(1_000, "t", List.of("python3", "x.py"), null));
        m.append(new RootSpawned(1_100, MAIN, 7));
        m.append(new ProcessSeen(1_200, MAIN, SUP, 7, -1, "python3 x.py", true));
        return m;
    }

    private static List<LifeState> states(ProcessView p) {
        return p.states().stream().map(Span::state).toList();
    }

    @Test
    void childStartJoinAndReapGiveRunningWaitingZombieEnded() {
        RunModel m = started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "work", "(10,)", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3 x.py", true));
        m.append(new JoinBegan(3_000, MAIN, P1, null));
        m.append(new Exiting(4_000, P1, 0));
        m.append(new Reaped(4_500, MAIN, P1, 0, 0));
        m.append(new JoinEnded(4_600, MAIN, P1, false, 0));
        m.append(new Exiting(5_000, MAIN, null));
        m.append(new Reaped(5_100, SUP, MAIN, 0, 0));
        m.append(new RunEnded(5_200, 0));

        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::pid).containsExactly(MAIN, P1);
        ProcessView main = s.processes().get(0);
        ProcessView child = s.processes().get(1);
        assertThat(main.role()).isEqualTo(Role.MAIN);
        assertThat(child.role()).isEqualTo(Role.CHILD);
        assertThat(child.parent()).isEqualTo(MAIN);
        assertThat(child.label()).isEqualTo("p1");
        assertThat(child.depth()).isEqualTo(1);
        // started between start() being called and the child's first word
        assertThat(child.startedAt()).isBetween(2_000L, 2_100L);
        assertThat(child.endedAt()).isEqualTo(4_000);
        assertThat(child.exitCode()).isZero();
        assertThat(states(child)).containsExactly(LifeState.RUNNING, LifeState.ZOMBIE, LifeState.ENDED);
        assertThat(child.states().get(1)).isEqualTo(new Span<>(LifeState.ZOMBIE, 4_000L, 4_500L));
        assertThat(states(main)).containsExactly(LifeState.RUNNING, LifeState.WAITING_JOIN, LifeState.RUNNING, LifeState.ENDED);
        assertThat(main.states().get(1)).isEqualTo(new Span<>(LifeState.WAITING_JOIN, 3_000L, 4_600L));
        assertThat(main.joins()).containsExactly(new JoinView(P1, 3_000, 4_600, true));
        assertThat(s.rootStatus()).isZero();
        assertThat(s.status()).isEqualTo(RunStatus.ENDED);
        assertThat(s.startMethods()).containsExactly("fork");
    }

    @Test
    void processObjectMadeBeforeStartIsCreatedUntilItsProcessStarts() {
        RunModel m = started();
        m.append(new RunEvent.ChildCreated(1_500, MAIN, P1));
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "work", "()", "spawn", false));
        m.append(new ProcessSeen(2_400, P1, MAIN, 9, -1, "python3", true));
        ProcessView child = m.snapshot().byPid(P1).orElseThrow();
        assertThat(child.states().get(0).state()).isEqualTo(LifeState.CREATED);
        assertThat(child.states().get(0).from()).isEqualTo(1_500);
        assertThat(child.states().get(0).to()).isEqualTo(child.startedAt());
        assertThat(child.stateAt(1_700)).isEqualTo(LifeState.CREATED);
        assertThat(child.stateAt(2_450)).isEqualTo(LifeState.RUNNING);
    }

    @Test
    void processObjectNotStartedYetHasALaneWithoutAPidThatItsProcessTakesOver() {
        RunModel m = started();
        m.append(new RunEvent.ChildMade(1_500, MAIN, 1, "Process-1", "work", "()"));
        RunSnapshot before = m.snapshot();
        assertThat(before.processes()).hasSize(2);
        ProcessView made = before.processes().get(1);
        assertThat(made.notStarted()).isTrue();
        assertThat(made.pid()).isNegative();
        assertThat(made.parent()).isEqualTo(MAIN);
        assertThat(made.alive()).isFalse();
        assertThat(made.zombie()).isFalse();
        assertThat(made.startedAt()).isEqualTo(-1);
        assertThat(made.states()).containsExactly(new Span<>(LifeState.CREATED, 1_500L, Span.OPEN));
        assertThat(m.processCount()).as("an object is not a process: the process limit does not count it").isEqualTo(1);

        m.append(new RunEvent.ChildCreated(1_500, MAIN, P1));
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "work", "()", "fork", false, 1));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        RunSnapshot after = m.snapshot();
        assertThat(after.processes()).extracting(ProcessView::pid).containsExactly(MAIN, P1);
        assertThat(after.processes().get(1).states().get(0)).isEqualTo(
                new Span<>(LifeState.CREATED, 1_500L, after.processes().get(1).startedAt()));
    }

    @Test
    void processObjectNeverStartedIsCreatedUntilTheProcessHoldingItEnds() {
        RunModel m = started();
        m.append(new RunEvent.ChildMade(1_500, MAIN, 1, "Process-1", "work", "()"));
        m.append(new RunEvent.ChildMade(1_600, MAIN, 2, "Process-2", "work", "()"));
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-2", "p2", "work", "()", "fork", false, 2));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        m.append(new Exiting(3_000, P1, 0));
        m.append(new Reaped(3_100, MAIN, P1, 0, 0));
        m.append(new Exiting(4_000, MAIN, 0));
        m.append(new Reaped(4_100, SUP, MAIN, 0, 0));
        m.append(new RunEnded(4_200, 0));
        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).hasSize(3);
        ProcessView never = s.processes().stream().filter(ProcessView::notStarted).findFirst().orElseThrow();
        assertThat(never.name()).isEqualTo("Process-1");
        assertThat(never.states()).containsExactly(new Span<>(LifeState.CREATED, 1_500L, 4_000L));
        assertThat(never.exitCode()).isNull();
        assertThat(never.stateAt(3_500)).isEqualTo(LifeState.CREATED);
        assertThat(never.stateAt(4_050)).isNull();
    }

    @Test
    void aChildNothingSawHasItsReaperAsParent() {
        RunModel m = started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "work", "()", "spawn", false));
        // killed before it could say hello, and gone before the OS sampler looked: only its reap tells the parent
        m.append(new Reaped(2_700, MAIN, P1, -9, 9));
        assertThat(m.snapshot().byPid(P1).orElseThrow().ppid()).isEqualTo(MAIN);
    }

    @Test
    void killedBySignalHasNegativeExitCodeAndItsName() {
        RunModel m = started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", null, "f", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        m.append(new Reaped(3_000, MAIN, P1, -9, 9));
        ProcessView child = m.snapshot().byPid(P1).orElseThrow();
        assertThat(child.exitCode()).isEqualTo(-9);
        assertThat(child.signal()).isEqualTo("SIGKILL");
        assertThat(child.endedAt()).isEqualTo(3_000);
        assertThat(child.alive()).isFalse();
        assertThat(Signals.describe(child.exitCode())).isEqualTo("-9 SIGKILL");
    }

    @Test
    void plainExitCode241IsNotASignal() {
        assertThat(Signals.nameForExitCode(241)).isNull();
        assertThat(Signals.toShellStatus(-15)).isEqualTo(143);
        assertThat(Signals.exitCodeFromWaitStatus(3 << 8)).isEqualTo(3);
        assertThat(Signals.exitCodeFromWaitStatus(11)).isEqualTo(-11);
    }

    @Test
    void zombieSeenByTheKernelLastsUntilTheReap() {
        RunModel m = started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p", "quick", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", false));
        m.append(new KernelState(2_200, P1, 'S'));
        m.append(new KernelState(3_000, P1, 'Z'));
        ProcessView during = m.snapshot().byPid(P1).orElseThrow();
        assertThat(during.alive()).isFalse();
        assertThat(during.zombie()).isTrue();
        assertThat(states(during)).containsExactly(LifeState.RUNNING, LifeState.ZOMBIE);
        assertThat(during.states().get(1).open()).isTrue();
        m.append(new Reaped(9_000, MAIN, P1, 0, 0));
        ProcessView after = m.snapshot().byPid(P1).orElseThrow();
        assertThat(after.states().get(1)).isEqualTo(new Span<>(LifeState.ZOMBIE, 3_000L, 9_000L));
        assertThat(after.kernelStates()).extracting(Span::state)
                .containsExactly(KernelStateKind.SLEEPING, KernelStateKind.ZOMBIE);
    }

    @Test
    void orphanKeepsItsStarterAndShowsItsNewParent() {
        RunModel m = started();
        long gc = 300;
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p", "child", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        m.append(new ProcessSeen(2_300, gc, P1, 11, -1, "sleep", false));
        m.append(new Reaped(3_000, MAIN, P1, -15, 15));
        m.append(new ParentChanged(3_010, gc, P1, SUP));
        ProcessView g = m.snapshot().byPid(gc).orElseThrow();
        assertThat(g.orphan()).isTrue();
        assertThat(g.ppid()).isEqualTo(SUP);
        assertThat(g.parent()).isEqualTo(P1);
        assertThat(g.depth()).isEqualTo(2);
        assertThat(g.traced()).isFalse();
        assertThat(g.alive()).isTrue();
    }

    @Test
    void aProcessTheSupervisorReapsWasAnOrphanEvenIfNoSampleSawItsNewParent() {
        RunModel m = started();
        long gc = 300;
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p", "child", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        m.append(new ProcessSeen(2_300, gc, P1, 11, -1, "python3 grandchild.py", true));
        m.append(new Exiting(3_000, P1, 0));
        m.append(new Reaped(3_100, MAIN, P1, 0, 0));
        // its parent ended at 3 000; the sampler never looked again before it ended and the supervisor reaped it
        m.append(new Exiting(6_000, gc, 0));
        m.append(new Reaped(6_100, SUP, gc, 0, 0));
        ProcessView g = m.snapshot().byPid(gc).orElseThrow();
        assertThat(g.orphan()).isTrue();
        assertThat(g.orphanedAt()).as("orphaned when its parent ended").isEqualTo(3_000);
        assertThat(g.ppid()).isEqualTo(SUP);
        assertThat(g.parent()).isEqualTo(P1);
        // the root is the supervisor's own child, never an orphan
        m.append(new Exiting(7_000, MAIN, null));
        m.append(new Reaped(7_100, SUP, MAIN, 0, 0));
        assertThat(m.snapshot().byPid(MAIN).orElseThrow().orphan()).isFalse();
    }

    @Test
    void aChildWhoseParentNeverReportedItsStartTakesItsObjectsPlaceInTheOrderObjectsWereMade() {
        RunModel m = started();
        m.append(new RunEvent.ChildMade(1_500, MAIN, 1, "Process-1", "nap", "()"));
        m.append(new RunEvent.ChildMade(1_600, MAIN, 2, "Process-2", "nap", "()"));
        m.append(new RunEvent.ChildMade(1_700, MAIN, 3, "Process-3", "nap", "()"));
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", null, "nap", "()", "fork", false, 1));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        // Process-2's start(): the child is up and says its name, but main is killed before it reports the start
        long p2 = 102;
        m.append(new ProcessSeen(3_100, p2, MAIN, 10, -1, "python3", true));
        m.append(new RunEvent.ChildBooted(3_200, p2, "Process-2", "nap", "()", "fork"));
        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::name)
                .as("one entry per object, in the order they were made")
                .containsExactly("MainProcess", "Process-1", "Process-2", "Process-3");
        ProcessView second = s.processes().get(2);
        assertThat(second.pid()).isEqualTo(p2);
        assertThat(second.states().get(0).state()).isEqualTo(LifeState.CREATED);
        assertThat(second.states().get(0).from()).isEqualTo(1_600);
        assertThat(s.processes().get(3).notStarted()).isTrue();
    }

    @Test
    void aChildMadeByStartTakesItsObjectsPlaceEvenWhenItsParentIsKilledBeforeStartReturns() {
        RunModel m = started();
        m.append(new RunEvent.ChildMade(1_500, MAIN, 1, "Process-1", "nap", "()"));
        m.append(new RunEvent.ChildMade(1_600, MAIN, 2, "Process-2", "nap", "()"));
        // Process-1's start() forked its child; main was killed before start() returned, and the child before it
        // said a word: only the parent's spawn report (with the object's number) and the sampler know of it
        m.append(new RunEvent.ChildSpawned(2_050, MAIN, P1, null, 1, 2_000));
        m.append(new RunEvent.StopRequested(2_100, StopReason.PROCESS_LIMIT));
        m.append(new ProcessSeen(2_150, P1, SUP, 9, -1, "python3 many.py", false));
        m.append(new Reaped(2_200, SUP, MAIN, -9, 9));
        m.append(new Reaped(2_300, SUP, P1, -9, 9));
        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::name)
                .as("one entry per object: Process-1 is the forked child, Process-2 never started")
                .containsExactly("MainProcess", "Process-1", "Process-2");
        ProcessView first = s.processes().get(1);
        assertThat(first.pid()).isEqualTo(P1);
        assertThat(first.parent()).isEqualTo(MAIN);
        assertThat(first.ppid()).as("the stop re-parented it; it keeps main").isEqualTo(MAIN);
        assertThat(first.orphan()).isFalse();
        assertThat(first.states().get(0)).as("created until its process began").isEqualTo(new Span<>(LifeState.CREATED, 1_500L, 2_050L));
        assertThat(s.processes().get(2).notStarted()).isTrue();
    }

    @Test
    void aParentKilledInsideStartLeavesItsOnlyNewChildToTheObject() {
        RunModel m = started();
        m.append(new RunEvent.ChildMade(1_500, MAIN, 1, "Process-1", "nap", "()"));
        m.append(new RunEvent.ChildMade(1_600, MAIN, 2, "Process-2", "nap", "()"));
        m.append(new RunEvent.ChildStarting(2_000, MAIN, 1));
        // main forked and was killed before it could say so; only the sampler saw the child
        m.append(new RunEvent.StopRequested(2_100, StopReason.PROCESS_LIMIT));
        m.append(new ProcessSeen(2_150, P1, MAIN, 9, -1, "python3 many.py", false));
        assertThat(m.snapshot().processes()).as("while main lives, its start() may still report the child")
                .extracting(ProcessView::name).contains("Process-1", "Process-2").hasSize(4);
        m.append(new Reaped(2_200, SUP, MAIN, -9, 9));
        m.append(new Reaped(2_300, SUP, P1, -9, 9));
        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::name).containsExactly("MainProcess", "Process-1", "Process-2");
        ProcessView first = s.processes().get(1);
        assertThat(first.pid()).isEqualTo(P1);
        assertThat(first.startCalledAt()).isEqualTo(2_000);
        assertThat(s.processes().get(2).notStarted()).isTrue();
    }

    @Test
    void startThatFailedLeavesNoEntry() {
        RunModel m = started();
        m.append(new RunEvent.HelperStarted(2_000, MAIN, 0, "resource_tracker"));
        // a ChildStarted never came, and nothing saw the process: nothing is listed but main
        RunModel other = started();
        assertThat(other.snapshot().processes()).hasSize(1);
        assertThat(m.snapshot().processes()).extracting(ProcessView::pid).doesNotContain(0L);
    }

    @Test
    void untracedOutputWithoutAWriterIsShownOnMainsLaneMarkedUntraced() {
        RunModel m = started();
        m.append(new ProcessSeen(2_000, 400, MAIN, 12, -1, "sh", false));
        assertThat(m.untracedWriter(null, 0)).isEqualTo(400L);
        assertThat(m.untracedWriter(java.util.Set.of(), 9_999)).as("the OS says it no longer runs").isZero();
        assertThat(m.untracedWriter(java.util.Set.of(), 1_000)).as("first seen after the scan").isEqualTo(400L);
        m.append(new OutputLine(2_500, 0, Stream.STDOUT, "nobody said who", true));
        m.append(new OutputLine(2_550, 400, Stream.STDOUT, "from the shell", true));
        m.append(new OutputLine(2_600, MAIN, Stream.STDOUT, "from main", false));
        OutputLog out = m.output();
        assertThat(out.size()).isEqualTo(3);
        assertThat(out.get(0).pid()).isEqualTo(MAIN);
        assertThat(out.get(0).untraced()).isTrue();
        assertThat(out.get(1).pid()).isEqualTo(400);
        assertThat(out.linesOf(MAIN)).containsExactly(0, 2);
        assertThat(m.snapshot().byPid(400).orElseThrow().stdoutLines()).isEqualTo(1);
        m.append(new ProcessSeen(2_600, 401, MAIN, 13, -1, "sleep", false));
        assertThat(m.untracedWriter(null, 0)).as("two could have written").isZero();
        assertThat(m.untracedWriter(java.util.Set.of(400L), 3_000)).isEqualTo(400L);
    }

    @Test
    void pidReuseMakesANewProcess() {
        RunModel m = started();
        m.append(new ProcessSeen(2_000, 500, MAIN, 20, -1, "a", false));
        m.append(new RunEvent.Vanished(3_000, 500));
        m.append(new ProcessSeen(4_000, 500, MAIN, 40, -1, "b", false));
        assertThat(m.snapshot().processes()).filteredOn(p -> p.pid() == 500).hasSize(2);
    }

    @Test
    void dirtyListenerFiresOnlyOnCleanToDirty() {
        RunModel m = new RunModel();
        int[] calls = {0};
        m.onDirty(() -> calls[0]++);
        m.append(new RunStarted(1, "t", List.of(), null));
        m.append(new OutputLine(2, 0, Stream.STDOUT, "a", true));
        m.append(new OutputLine(3, 0, Stream.STDOUT, "b", true));
        assertThat(calls[0]).isEqualTo(1);
        assertThat(m.clearDirty()).isTrue();
        m.append(new OutputLine(4, 0, Stream.STDOUT, "c", true));
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void boundedLogKeepsTheLatestTextPerProcessCountsEverythingAndLogsEverything(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("run.log");
        RunModel m = new RunModel(OutputLog.bounded(3, file));
        m.setSupervisorPid(SUP);
        m.append(new RunStarted(1_000, "t", List.of(), null));
        m.append(new RootSpawned(1_100, MAIN, 7));
        for (int i = 0; i < 10; i++) {
            m.append(new OutputLine(2_000 + i, MAIN, Stream.STDOUT, "line " + i, false));
        }
        m.append(new RunEnded(3_000, 0));
        OutputLog out = m.output();
        assertThat(out.size()).isEqualTo(10);
        assertThat(m.snapshot().byPid(MAIN).orElseThrow().stdoutLines()).isEqualTo(10);
        assertThat(out.get(0).text()).isEqualTo(OutputLog.DROPPED);
        assertThat(out.range(7, 10)).extracting(RunEvent.OutputLine::text).containsExactly("line 7", "line 8", "line 9");
        List<String> logged = java.nio.file.Files.readAllLines(file);
        assertThat(logged).hasSize(10);
        assertThat(logged.get(0)).endsWith(MAIN + " stdout line 0").matches("\\d+\\.\\d{6} " + MAIN + " stdout line 0");
    }

    @Test
    void processesOrphanedByProcessLabsOwnStopAreNotCalledOrphansAndKeepTheirParent() {
        RunModel m = started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "spin", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true));
        m.append(new RunEvent.StopRequested(5_000, StopReason.USER));
        m.append(new Reaped(5_100, SUP, MAIN, -15, 15));
        m.append(new ParentChanged(5_200, P1, MAIN, SUP));
        m.append(new ProcessSeen(5_300, P1, SUP, 9, -1, "python3", true));
        m.append(new Reaped(5_400, SUP, P1, -9, 9));
        ProcessView child = m.snapshot().byPid(P1).orElseThrow();
        assertThat(child.orphan()).isFalse();
        assertThat(child.ppid()).as("the parent it had while the program ran").isEqualTo(MAIN);
    }

    @Test
    void theLatestWordOnTheParentWins() {
        RunModel m = started();
        m.append(new ProcessSeen(3_000, P1, SUP, 9, -1, "sleep", false));   // the sampler, after its parent died
        m.append(new ProcessSeen(2_000, P1, MAIN, 9, -1, "python3", true)); // the agent's hello, sent earlier
        ProcessView p = m.snapshot().byPid(P1).orElseThrow();
        assertThat(p.ppid()).isEqualTo(SUP);
        assertThat(p.orphan()).isTrue();
    }

    @Test
    void shortNamesForProcessesKnownOnlyByTheirCommand() {
        assertThat(RunModel.shortName("/usr/bin/python3 /home/a/grandchild.py 13705")).isEqualTo("grandchild.py");
        assertThat(RunModel.shortName("sh -c sleep 1; echo hi")).isEqualTo("sh -c sleep");
        assertThat(RunModel.shortName("/bin/sleep 30")).isEqualTo("sleep");
        assertThat(RunModel.shortName(null)).isEqualTo("?");
    }
}
