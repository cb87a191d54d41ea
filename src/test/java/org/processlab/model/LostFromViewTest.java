package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunEnded;
import org.processlab.model.RunEvent.RunStarted;

/**
 * Issue 15: a process whose end nobody saw because ProcessLab's supervisor was gone is lost from view from that moment,
 * never "ended" at the run's end; one whose end a source still saw is ended; its later output still lands on its lane.
 */
class LostFromViewTest {
    private static final long SUP = 50;
    private static final long MAIN = 100;
    private static final long CHILD = 101;
    private static final long LATE = 102;

    private static RunModel lostRun() {
        RunModel m = new RunModel();
        m.setSupervisorPid(SUP);
        m.append(new RunStarted(1_000, "t", List.of("python3", "x.py"), null));
        m.append(new RunEvent.Contained(1_001, Containment.CGROUP_V2_PIDS, 4));
        m.append(new RootSpawned(1_100, MAIN, 7));
        m.append(new ProcessSeen(1_200, MAIN, SUP, 7, -1, "python3 x.py", true));
        m.append(new ProcessSeen(1_300, CHILD, MAIN, 8, -1, "python3 x.py", true));
        m.append(new RunEvent.SupervisorLost(2_000, 137, false));
        m.append(new RunEvent.Vanished(2_010, MAIN));       // it left the dead supervisor's tree: says nothing
        m.append(new OutputLine(2_100, MAIN, Stream.STDOUT, "still here", false));
        m.append(new Reaped(2_200, MAIN, CHILD, -9, 9));     // main's agent saw its child's end: ended, not lost
        m.append(new ProcessSeen(2_300, LATE, MAIN, 9, -1, "python3 x.py", true));
        m.append(new RunEvent.LostEnded(3_000, "cgroup", 2, 0));
        m.append(new RunEnded(3_100, null));
        return m;
    }

    @Test
    void aProcessWhoseEndNobodySawIsLostFromTheSupervisorsLossNeverEnded() {
        RunSnapshot s = lostRun().snapshot();
        ProcessView main = s.byPid(MAIN).orElseThrow();
        assertThat(main.lost()).isTrue();
        assertThat(main.alive()).isFalse();
        assertThat(main.lostAt()).isEqualTo(2_000);
        assertThat(main.endedAt()).as("no end is guessed").isEqualTo(-1);
        assertThat(main.exitCode()).isNull();
        assertThat(main.states()).extracting(Span::state).containsExactly(LifeState.RUNNING, LifeState.LOST);
        assertThat(main.states().get(1).from()).isEqualTo(2_000);
        assertThat(main.stdoutLines()).as("output after the loss lands on its lane").isEqualTo(1);
        assertThat(main.lastKnownAt()).as("its duration stops when it was lost, not at the run's end").isEqualTo(2_000);
    }

    @Test
    void aProcessWhoseEndASourceStillSawIsEnded() {
        ProcessView child = lostRun().snapshot().byPid(CHILD).orElseThrow();
        assertThat(child.lost()).isFalse();
        assertThat(child.exitCode()).isEqualTo(-9);
        assertThat(child.endedAt()).isEqualTo(2_200);
    }

    @Test
    void aProcessFirstSeenAfterTheLossIsLostFromItsStart() {
        ProcessView late = lostRun().snapshot().byPid(LATE).orElseThrow();
        assertThat(late.lost()).isTrue();
        assertThat(late.lostAt()).isEqualTo(late.startedAt());
    }

    @Test
    void theRunSaysWhatWasLostAndWhatEndedIt() {
        RunSnapshot s = lostRun().snapshot();
        assertThat(s.lostProcesses()).isEqualTo(2);
        assertThat(s.supervisorLost()).isEqualTo(new SupervisorLoss(2_000, 137, "cgroup", 2, 0, false));
        assertThat(s.supervisorLost().signal()).isEqualTo("SIGKILL");
        assertThat(s.supervisorLost().verifiedGone()).isTrue();
        assertThat(s.containment()).isEqualTo(Containment.CGROUP_V2_PIDS);
        assertThat(s.processesPastLimit()).as("3 processes, limit 4").isZero();
    }

    @Test
    void processesPastTheLimitAreCounted() {
        RunModel m = lostRun();
        RunModel capped = new RunModel();
        capped.setSupervisorPid(SUP);
        for (RunEvent e : m.events()) {
            capped.append(e instanceof RunEvent.Contained c ? new RunEvent.Contained(c.t(), c.how(), 2) : e);
        }
        assertThat(capped.snapshot().processesPastLimit()).isEqualTo(1);
    }
}
