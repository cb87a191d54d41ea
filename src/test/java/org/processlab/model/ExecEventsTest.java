package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.ExecFailed;
import org.processlab.model.RunEvent.Execed;
import org.processlab.model.RunEvent.Exiting;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;

/** exec: one process, one lane, one PID; from the exec on it is called by the program it became. */
class ExecEventsTest {
    private static final long SUP = RunModelTest.SUP;
    private static final long MAIN = RunModelTest.MAIN;
    private static final long P1 = 101;

    /** {@link RunModelTest#started()}, and main's child {@code p1} (PID {@link #P1}, start ticks 9) running. */
    private static RunModel started() {
        RunModel m = RunModelTest.started();
        m.append(new ChildStarted(2_000, 2_500, MAIN, P1, "Process-1", "p1", "work", "()", "fork", false));
        m.append(new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3 x.py", true));
        return m;
    }

    @Test
    void aChildThatExecsKeepsItsLaneAndPidAndIsCalledByItsNewProgram() {
        RunModel m = started();
        m.append(new Execed(3_000, P1, "/bin/sh", "sh -c echo hi"));
        m.append(new Exiting(3_500, P1, null));
        m.append(new Reaped(3_600, MAIN, P1, 0, 0));

        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::pid).containsExactly(MAIN, P1);
        ProcessView p = s.byPid(P1).orElseThrow();
        assertThat(p.parent()).isEqualTo(MAIN);
        assertThat(p.key()).isEqualTo(new ProcKey(P1, 9));
        assertThat(p.execs()).containsExactly(new ExecView(3_000, "/bin/sh", "sh -c echo hi"));
        assertThat(p.command()).isEqualTo("sh -c echo hi");
        assertThat(p.displayName()).isEqualTo("sh -c echo hi");
        assertThat(p.nameAt(2_999)).as("before the exec: the label").isEqualTo("p1");
        assertThat(p.nameAt(3_000)).isEqualTo("sh -c echo hi");
        assertThat(p.name()).as("multiprocessing's name stays what it was").isEqualTo("Process-1");
        assertThat(p.exitCode()).isZero();
    }

    @Test
    void aPythonProgramExecdIntoSaysHelloAgainAndIsTheSameProcess() {
        RunModel m = started();
        m.append(new Execed(3_000, MAIN, "/usr/bin/python3", "/usr/bin/python3 /work/after.py one"));
        m.append(new ProcessSeen(3_200, MAIN, SUP, 7, -1, "/usr/bin/python3 /work/after.py one", true));

        RunSnapshot s = m.snapshot();
        assertThat(s.processes()).extracting(ProcessView::pid).containsExactly(MAIN, P1);
        ProcessView main = s.main().orElseThrow();
        assertThat(main.key()).isEqualTo(new ProcKey(MAIN, 7));
        assertThat(main.displayName()).isEqualTo("after.py one");
        assertThat(main.nameBeforeExec()).isEqualTo("MainProcess");
        assertThat(main.startedAt()).isEqualTo(1_100);
    }

    @Test
    void anExecThatRaisedLeavesTheOldProgram() {
        RunModel m = started();
        m.append(new Execed(3_000, P1, "/work/garbage", "garbage"));
        m.append(new ExecFailed(3_010, P1, "/work/garbage", "OSError"));

        ProcessView p = m.snapshot().byPid(P1).orElseThrow();
        assertThat(p.execs()).isEmpty();
        assertThat(p.command()).isEqualTo("python3 x.py");
        assertThat(p.displayName()).isEqualTo("p1");
    }

    @Test
    void everyExecIsKeptInOrderAndTheLastNamesTheProcess() {
        RunModel m = started();
        m.append(new Execed(3_000, P1, "/bin/sh", "sh -c exec sleep 1"));
        m.append(new Execed(3_100, P1, "/bin/sleep", null));

        ProcessView p = m.snapshot().byPid(P1).orElseThrow();
        assertThat(p.execs()).extracting(ExecView::t).containsExactly(3_000L, 3_100L);
        assertThat(p.displayName()).as("no arguments known: the path").isEqualTo("sleep");
        assertThat(p.nameAt(3_050)).isEqualTo("sh -c exec sleep 1");
    }
}
