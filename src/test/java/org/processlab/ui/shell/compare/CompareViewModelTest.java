package org.processlab.ui.shell.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.compare.Side;
import org.processlab.export.RunOrigin;
import org.processlab.export.SavedRun;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Stream;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;

/** The comparison room without a window: rows, notes, the list of what differs, the shared cursor and its replay. */
class CompareViewModelTest {
    private static final long MAIN = 100;
    private final CompareViewModel vm = new CompareViewModel(new CurrentThreadTaskExecutor());

    /** A finished run from {@code t0}: main, child 101 ({@code p1}) printing {@code hello}, maybe a resource tracker. */
    private static SavedRun run(long t0, String method, boolean tracker, long childEnd, int childExit) {
        RunModel m = new RunModel();
        m.setSupervisorPid(50);
        m.append(new RunEvent.RunStarted(t0, "x.py", List.of("python3", "x.py"), method));
        m.append(new RunEvent.RootSpawned(t0 + 100, MAIN, 7));
        m.append(new RunEvent.ProcessSeen(t0 + 200, MAIN, 50, 7, -1, "python3 x.py", true));
        if (tracker) {
            m.append(new RunEvent.HelperStarted(t0 + 900, MAIN, 102, "resource_tracker"));
            m.append(new RunEvent.ProcessSeen(t0 + 920, 102, MAIN, 102, -1, "python3 -c rt", true));
            m.append(new RunEvent.Exiting(t0 + childEnd + 50, 102, 0));
        }
        m.append(new RunEvent.ChildStarted(t0 + 1_000, t0 + 1_050, MAIN, 101, "Process-1", "p1", "hello", "()", method,
                false));
        m.append(new RunEvent.ProcessSeen(t0 + 1_020, 101, MAIN, 101, -1, "python3 x.py", true));
        m.append(new RunEvent.OutputLine(t0 + 2_000, 101, Stream.STDOUT, "hello", false));
        m.append(new RunEvent.Exiting(t0 + childEnd, 101, childExit));
        m.append(new RunEvent.Reaped(t0 + childEnd + 10, MAIN, 101, childExit, childExit << 8));
        m.append(new RunEvent.Exiting(t0 + childEnd + 100, MAIN, 0));
        m.append(new RunEvent.Reaped(t0 + childEnd + 110, 50, MAIN, 0, 0));
        m.append(new RunEvent.RunEnded(t0 + childEnd + 120, 0));
        return SavedRun.of(m, RunOrigin.NONE);
    }

    @Test
    void aHelperOnlyInBIsABandInAAndAnOutlineInB() {
        vm.show(run(0, "fork", false, 3_020, 0), run(5_000_000, "spawn", true, 30_020, 0));

        assertThat(vm.openProperty().get()).isTrue();
        RunSnapshot a = vm.lanes(Side.A);
        RunSnapshot b = vm.lanes(Side.B);
        assertThat(a.processes()).hasSameSizeAs(b.processes()).hasSize(3);
        int row = 0;
        while (b.processes().get(row).pid() != 102) {
            row++;
        }
        ProcessView standIn = a.processes().get(row);
        assertThat(CompareViewModel.isStandIn(standIn)).isTrue();
        assertThat(standIn.states()).isEmpty();
        assertThat(a.processes()).filteredOn(CompareViewModel::isStandIn).hasSize(1);
        assertThat(a.startedAt()).as("the run's own times").isZero();
        assertThat(vm.notes(Side.A)).containsExactly(new LaneNote(row, LaneNote.Kind.MISSING, "no resource tracker in A — only in B"));
        int child = row == 1 ? 2 : 1;
        assertThat(vm.notes(Side.B)).contains(new LaneNote(row, LaneNote.Kind.ONLY_HERE, "only in B"),
                new LaneNote(child, LaneNote.Kind.RATIO, "15× as long",
                        "p1: 0.002 s in A, 0.029 s in B, each from the start of its process to its end"));
        assertThat(vm.headline(Side.A)).isEqualTo("A   fork · exit 0 · 0.003 s");
        assertThat(vm.headline(Side.B)).startsWith("B   spawn · exit 0 · 0.030 s");
        assertThat(vm.differences()).startsWith("Only in B: resource tracker (helper).");
        assertThat(vm.summary()).isEqualTo("Only in B: resource tracker (helper).");
        assertThat(vm.differences()).noneMatch(s -> s.contains("Order differs")).contains(
                "p1 ran 15× as long in B (0.029 s against 0.002 s, from the start of its process to its end).",
                "B took 9.6× as long as A (0.030 s against 0.003 s, from start to end).");
        assertThat(vm.orderMarks()).isEmpty();
    }

    @Test
    void anExitCodeThatDiffersIsSaidBesideBothLanes() {
        vm.show(run(0, null, false, 3_020, 0), run(0, null, false, 3_020, 1));

        assertThat(vm.notes(Side.A)).contains(new LaneNote(1, LaneNote.Kind.EXIT_DIFFERS, "exit 0 (B: 1)"));
        assertThat(vm.notes(Side.B)).contains(new LaneNote(1, LaneNote.Kind.EXIT_DIFFERS, "exit 1 (A: 0)"));
        assertThat(vm.differences()).contains("Exit code of p1: 0 in A, 1 in B.");
    }

    @Test
    void theReplayMovesOneCursorForBothAndEndsWithTheLongerRun() {
        vm.show(run(0, "fork", false, 3_020, 0), run(0, "fork", false, 6_020, 0));
        long span = vm.span();
        assertThat(span).isEqualTo(6_020 + 120);

        vm.togglePlay();
        assertThat(vm.playingProperty().get()).isTrue();
        assertThat(vm.cursorProperty().get()).isZero();
        vm.advance(1_000);
        assertThat(vm.cursorProperty().get()).as("a short run plays slower than real time").isBetween(1L, 999L);
        vm.advance((long) (CompareViewModel.REPLAY_SECONDS * 1e6));
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.cursorProperty().get()).as("both runs whole again").isEqualTo(-1);
    }

    @Test
    void closingSaysWhetherItWasOpen() {
        assertThat(vm.close()).isFalse();
        vm.show(run(0, null, false, 3_020, 0), run(0, null, false, 3_020, 0));
        assertThat(vm.close()).isTrue();
        assertThat(vm.openProperty().get()).isFalse();
    }
}
