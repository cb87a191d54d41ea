package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildSpawned;
import org.processlab.model.RunEvent.Execed;
import org.processlab.model.RunEvent.ProcessSeen;

/**
 * An untraced child (a shell {@code subprocess} started) is named by two sources: the argv its parent spawned it with
 * and the {@code /proc} sampler's short name. The argv wins, whichever arrives first; an exec renames it from then on,
 * whoever saw the exec.
 */
class UntracedNamesTest {
    private static final long MAIN = RunModelTest.MAIN;
    private static final long SH = 201;
    private static final String ARGV = "sh -c sleep 0.5; exec sleep 1";

    private static final ProcessSeen SAMPLER_SAW_SH = new ProcessSeen(2_100, SH, MAIN, 11, -1, "sh", false);
    private static final ChildSpawned SPAWNED = new ChildSpawned(2_050, MAIN, SH, ARGV);

    /** {@link RunModelTest#started()}, then {@code events} in the order given: the shell as the model sees it. */
    private static ProcessView shell(RunEvent... events) {
        RunModel m = RunModelTest.started();
        for (RunEvent e : events) {
            m.append(e);
        }
        return m.snapshot().byPid(SH).orElseThrow();
    }

    @Test
    void theSpawnsArgvNamesTheShellWhenTheSamplerSawItFirst() {
        ProcessView p = shell(SAMPLER_SAW_SH, SPAWNED);
        assertThat(p.command()).isEqualTo(ARGV);
        assertThat(p.displayName()).isEqualTo("sh -c sleep");
        assertThat(p.traced()).isFalse();
    }

    @Test
    void theSpawnsArgvNamesTheShellWhenItCameFirst() {
        ProcessView p = shell(SPAWNED, SAMPLER_SAW_SH);
        assertThat(p.command()).isEqualTo(ARGV);
        assertThat(p.displayName()).isEqualTo("sh -c sleep");
    }

    @Test
    void anAgentsHelloIsNotRenamedByTheSpawnsArgv() {
        ProcessView p = shell(new ProcessSeen(2_100, SH, MAIN, 11, -1, "python3 /work/w.py", true),
                new ChildSpawned(2_150, MAIN, SH, "/usr/bin/python3 w.py"));
        assertThat(p.command()).isEqualTo("python3 /work/w.py");
    }

    @Test
    void anExecTheSamplerSawRenamesTheShellFromThenOnInEitherOrderWithItsSpawn() {
        Execed exec = new Execed(2_600, SH, "/usr/bin/sleep", "sleep 1", ExecWitness.SAMPLER);
        List<List<RunEvent>> orders = List.of(List.of(SAMPLER_SAW_SH, SPAWNED, exec),
                List.of(SAMPLER_SAW_SH, exec, SPAWNED), List.of(SPAWNED, exec, SAMPLER_SAW_SH));
        for (List<RunEvent> order : orders) {
            ProcessView p = shell(order.toArray(RunEvent[]::new));
            assertThat(p.execs()).as("%s", order).containsExactly(new ExecView(2_600, "/usr/bin/sleep", "sleep 1"));
            assertThat(p.command()).isEqualTo("sleep 1");
            assertThat(p.nameAt(2_599)).as("%s", order).isEqualTo("sh -c sleep");
            assertThat(p.displayName()).isEqualTo("sleep 1");
        }
    }

    @Test
    void theExecThatFinishesASpawnNamesTheProcessAndIsNoExec() {
        ProcessView early = shell(new ProcessSeen(2_040, SH, MAIN, 11, -1, "python3", false),
                new Execed(2_045, SH, "/usr/bin/dash", ARGV, ExecWitness.SAMPLER_SPAWN));
        assertThat(early.execs()).isEmpty();
        assertThat(early.command()).isEqualTo(ARGV);

        ProcessView argvFirst = shell(SPAWNED,
                new ProcessSeen(2_040, SH, MAIN, 11, -1, "python3", false),
                new Execed(2_045, SH, "/usr/bin/dash", "/bin/sh -c x", ExecWitness.SAMPLER_SPAWN));
        assertThat(argvFirst.execs()).isEmpty();
        assertThat(argvFirst.command()).as("the spawn's argv still wins").isEqualTo(ARGV);
    }

    @Test
    void anExecBothSourcesSawIsOneExecAtTheAgentsTime() {
        Execed agent = new Execed(3_000, MAIN, "/bin/sh", "sh -c echo hi");
        Execed sampler = new Execed(3_040, MAIN, "/usr/bin/dash", "sh -c echo hi", ExecWitness.SAMPLER);
        List<List<RunEvent>> orders = List.of(List.of(agent, sampler), List.of(sampler, agent));
        for (List<RunEvent> order : orders) {
            RunModel m = RunModelTest.started();
            order.forEach(m::append);
            ProcessView main = m.snapshot().main().orElseThrow();
            assertThat(main.execs()).as("%s", order).containsExactly(new ExecView(3_000, "/bin/sh", "sh -c echo hi"));
            assertThat(main.nameBeforeExec()).isEqualTo("MainProcess");
        }
    }

    @Test
    void twoExecsOfOneProgramReportedByAnAgentAreTwoExecs() {
        RunModel m = RunModelTest.started();
        m.append(new Execed(3_000, MAIN, "/usr/bin/python3", "python3 x.py again"));
        m.append(new Execed(4_000, MAIN, "/usr/bin/python3", "python3 x.py again"));
        assertThat(m.snapshot().main().orElseThrow().execs()).extracting(ExecView::t).containsExactly(3_000L, 4_000L);
    }

    @Test
    void noExecWhereTheSamplerSawTheProgramItWasCalledBy() {
        ProcessView p = shell(SPAWNED,
                new Execed(2_300, SH, "/usr/bin/dash", ARGV, ExecWitness.SAMPLER));
        assertThat(p.execs()).isEmpty();
    }
}
