package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.model.Scenario.MAIN;
import static org.processlab.model.Scenario.SUP;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildCreated;
import org.processlab.model.RunEvent.ChildMade;
import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.HelperStarted;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunStarted;
import org.processlab.model.RunEvent.Vanished;

/** Events in, the order of the lanes (and their indent) out: the order a student reads the process tree in. */
class TreeOrderTest {
    private static ChildStarted started(long t, long parent, long child, String name) {
        return new ChildStarted(t, t + 100, parent, child, name, null, "work", "()", "fork", false);
    }

    @Test
    void mainComesFirstAndEachProcessUnderTheOneThatStartedIt() {
        Scenario s = Scenario.started().then(
                started(2_000, MAIN, 101, "Process-1"),
                new ProcessSeen(2_050, 101, MAIN, 9, -1, "python3", true),
                started(3_000, 101, 201, "Process-1:1"),
                new ProcessSeen(3_050, 201, 101, 10, -1, "python3", true),
                started(4_000, MAIN, 102, "Process-2"),
                new ProcessSeen(4_050, 102, MAIN, 11, -1, "python3", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "  Process-1", "    Process-1:1", "  Process-2");
    }

    @Test
    void mainIsFirstEvenWhenSomethingElseWasSeenBeforeIt() {
        Scenario s = new Scenario();
        s.run.supervisorPid = SUP;
        s.then(new RunStarted(1_000, "t", java.util.List.of(), null),
                new ProcessSeen(1_050, 400, 1, 20, 900, "sshd", false),    // not of the run, seen first
                new RootSpawned(1_100, MAIN, 7),
                new ProcessSeen(1_200, MAIN, SUP, 7, -1, "python3 x.py", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "400");
    }

    @Test
    void siblingsComeInTheOrderTheirObjectsWereMadeNotTheOrderTheyStarted() {
        Scenario s = Scenario.started().then(
                new ChildCreated(1_500, MAIN, 102),
                new ChildCreated(1_600, MAIN, 101),
                started(2_000, MAIN, 101, "second made"),
                new ProcessSeen(2_050, 101, MAIN, 9, -1, "python3", true),
                started(3_000, MAIN, 102, "first made"),
                new ProcessSeen(3_050, 102, MAIN, 10, -1, "python3", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "  first made", "  second made");
    }

    @Test
    void anObjectNotStartedKeepsItsPlaceAmongItsSiblings() {
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "work", "()"),
                new ChildMade(1_600, MAIN, 2, "Process-2", "work", "()"),
                new ChildMade(1_700, MAIN, 3, "Process-3", "work", "()"),
                new ChildStarted(2_000, 2_100, MAIN, 102, "Process-2", null, "work", "()", "fork", false, 2),
                new ProcessSeen(2_050, 102, MAIN, 9, -1, "python3", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-1)", "  Process-2", "  (Process-3)");
    }

    @Test
    void childrenWithoutAnObjectComeInTheOrderTheyStarted() {
        Scenario s = Scenario.started().then(
                new ProcessSeen(3_000, 302, MAIN, 12, 2_500, "sleep 2", false),   // the OS says it began first
                new ProcessSeen(2_800, 301, MAIN, 11, 2_700, "sleep 1", false));
        assertThat(s.lanes()).containsExactly("MainProcess", "  302", "  301");
    }

    @Test
    void aProcessWhoseParentIsNotOfTheRunIsListedAtTheTopAfterMain() {
        Scenario s = Scenario.started().then(
                new ProcessSeen(2_000, 500, 999, 20, -1, "stray", false),
                new ProcessSeen(2_100, 600, 600, 21, -1, "own parent", false));
        assertThat(s.lanes()).containsExactly("MainProcess", "500", "600");
    }

    @Test
    void aProcessNothingSawIsNotListed() {
        Scenario s = Scenario.started().then(new HelperStarted(2_000, MAIN, 700, "resource_tracker"));
        assertThat(s.lanes()).containsExactly("MainProcess");
    }

    @Test
    void aReusedPidListsBothProcessesAndAChildOfThatPidOnce() {
        Scenario s = Scenario.started().then(
                new ProcessSeen(2_000, 500, MAIN, 20, -1, "a", false),
                new Vanished(3_000, 500),
                new ProcessSeen(4_000, 500, MAIN, 40, -1, "b", false),
                new ProcessSeen(4_100, 501, 500, 41, -1, "c", false));
        assertThat(s.lanes()).hasSize(4).containsOnlyOnce("    501").startsWith("MainProcess", "  500");
        assertThat(s.lanes()).filteredOn("  500"::equals).hasSize(2);
    }
}
