package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.ProcessSeen;

/**
 * What a process is called in every view ({@link ProcessView#nameBeforeExec()}): the name the program gave it wins
 * (it is what {@code current_process().name} prints), else the variable it is held in, numbered where it repeats.
 */
class ProcessNamesTest {
    private static final long MAIN = RunModelTest.MAIN;

    private static ChildStarted started(long t, long pid, String name, String label, boolean named) {
        return new ChildStarted(t, t + 100, MAIN, pid, name, label, "work", "()", "fork", false, -1, named);
    }

    private static List<String> names(RunModel m) {
        return m.snapshot().processes().stream().filter(p -> p.role() == Role.CHILD)
                .map(ProcessView::nameBeforeExec).toList();
    }

    @Test
    void aNameTheProgramGaveWinsOverTheVariableItIsKeptIn() {
        RunModel m = RunModelTest.started();
        m.append(started(2_000, 201, "c0", "ps[0]", true));
        m.append(started(2_100, 202, "c1", "ps[1]", true));

        assertThat(names(m)).containsExactly("c0", "c1");
        ProcessView c0 = m.snapshot().processes().get(1);
        assertThat(c0.displayName()).isEqualTo("c0");
        assertThat(c0.label()).as("the variable is still known").isEqualTo("ps[0]");
        assertThat(c0.shownByLabel()).as("its own name is shown: nothing to add beside it").isFalse();
    }

    @Test
    void childrenStartedInALoopIntoOneVariableAreNumberedInStartOrder() {
        RunModel m = RunModelTest.started();
        m.append(started(2_000, 201, "Process-1", "p", false));
        m.append(started(2_100, 202, "Process-2", "p", false));
        m.append(started(2_200, 203, "Process-3", "p", false));

        assertThat(names(m)).containsExactly("p", "p #2", "p #3");
        assertThat(m.snapshot().processes()).filteredOn(p -> p.role() == Role.CHILD)
                .allSatisfy(p -> assertThat(p.label()).as("the variable itself, as a lesson's label: matches").isEqualTo("p"))
                .allSatisfy(p -> assertThat(p.shownByLabel()).as("Process-N may be shown beside it").isTrue());
    }

    @Test
    void labelsThatDoNotRepeatAreShownAsTheyAreAndMultiprocessingsNameIsTheLastResort() {
        RunModel m = RunModelTest.started();
        m.append(started(2_000, 201, "Process-1", "ps[0]", false));
        m.append(started(2_100, 202, "Process-2", "ps[1]", false));
        m.append(started(2_200, 203, "Process-3", null, false));
        // a child first seen by the sampler, which no agent named: its command
        m.append(new ProcessSeen(2_300, 204, MAIN, 11, -1, "sleep 5", false));

        assertThat(names(m)).containsExactly("ps[0]", "ps[1]", "Process-3", "sleep");
    }

    @Test
    void aStartThatRaisedKeepsTheNameTheProgramGaveAndTakesItsPlaceAmongTheLabels() {
        RunModel m = RunModelTest.started();
        StartFailure why = new StartFailure(2_050, "RuntimeError", "no");
        m.append(new RunEvent.StartFailed(2_000, MAIN, -1, "Process-1", "p", "work", "()", why, false));
        m.append(new RunEvent.StartFailed(2_100, MAIN, -1, "late", "p", "work", "()", why, true));
        m.append(started(2_200, 201, "Process-3", "p", false));

        assertThat(m.snapshot().processes()).filteredOn(ProcessView::notStarted)
                .extracting(ProcessView::nameBeforeExec).containsExactly("p", "late");
        assertThat(names(m)).contains("p #3");
    }
}
