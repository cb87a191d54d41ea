package org.processlab.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.model.Scenario.MAIN;
import static org.processlab.model.Scenario.SUP;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent.ChildBooted;
import org.processlab.model.RunEvent.ChildMade;
import org.processlab.model.RunEvent.ChildSpawned;
import org.processlab.model.RunEvent.ChildStarted;
import org.processlab.model.RunEvent.ChildStarting;
import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.Reaped;
import org.processlab.model.RunEvent.Vanished;

/**
 * Events in, the lanes a student sees out: a Process object has a lane of its own from the moment it is made, and
 * gives it to its process when one of four sources says which process that is. A lane in parentheses is an object
 * not started yet.
 */
class StandInsTest {
    private static final long P1 = 101;
    private static final long P2 = 102;

    /** Main made two objects (at 1 500 and 1 600) and is inside the start() of the first since 2 000. */
    private static Scenario insideFirstStart() {
        return Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "nap", "(1,)"),
                new ChildMade(1_600, MAIN, 2, "Process-2", "nap", "(2,)"),
                new ChildStarting(2_000, MAIN, 1));
    }

    private static ProcessFacts onlyStandIn(Scenario s) {
        return s.table.all().stream().filter(ProcessFacts::standIn).reduce((a, b) -> {
            throw new AssertionError("more than one object not started");
        }).orElseThrow();
    }

    @Test
    void eachObjectMadeHasALaneUnderANegativePidOfItsOwn() {
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "nap", "(1,)"),
                new ChildMade(1_600, MAIN, 2, "Process-2", "nap", "(2,)"));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-1)", "  (Process-2)");
        assertThat(s.table.all()).filteredOn(ProcessFacts::standIn).extracting(p -> p.key.pid())
                .containsExactly(-1L, -2L);
        assertThat(s.table.processCount()).as("objects are not processes").isEqualTo(1);
    }

    @Test
    void startReturningGivesTheObjectItsProcess() {
        Scenario s = insideFirstStart().then(
                new ChildStarted(2_000, 2_100, MAIN, P1, "Process-1", "p1", "nap", "(1,)", "fork", false, 1),
                new ProcessSeen(2_050, P1, MAIN, 9, -1, "python3", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "  Process-1", "  (Process-2)");
        assertThat(s.process(P1).createdAt).as("when its object was made").isEqualTo(1_500);
    }

    @Test
    void aStartWithoutTheObjectsNumberLeavesTheObjectsAsTheyAre() {
        Scenario s = insideFirstStart().then(
                new ChildStarted(2_000, 2_100, MAIN, P1, "Process-1", "p1", "nap", "(1,)", "fork", false),
                new ProcessSeen(2_050, P1, MAIN, 9, -1, "python3", true));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-1)", "  (Process-2)", "  Process-1");
    }

    @Test
    void aSpawnReportGivesTheObjectItsProcessWhenStartNeverReturns() {
        Scenario s = insideFirstStart().then(new ChildSpawned(2_050, MAIN, P1, null, 1, 2_000));
        assertThat(s.lanes()).containsExactly("MainProcess", "  Process-1", "  (Process-2)");
        ProcessFacts p = s.process(P1);
        assertThat(p.createdAt).isEqualTo(1_500);
        assertThat(p.startCalledAt).isEqualTo(2_000);
        assertThat(p.target).isEqualTo("nap");
        assertThat(p.args).isEqualTo("(1,)");
        assertThat(p.parent).isEqualTo(MAIN);
    }

    @Test
    void aChildThatSaysItsNameFirstTakesTheFirstObjectMadeUnderThatName() {
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "worker", "nap", "()"),
                new ChildMade(1_600, MAIN, 2, "worker", "nap", "()"),
                new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3", true),
                new ChildBooted(2_200, P1, "worker", "nap", "()", "fork"));
        assertThat(s.lanes()).containsExactly("MainProcess", "  worker", "  (worker)");
        assertThat(s.process(P1).createdAt).isEqualTo(1_500);
        assertThat(onlyStandIn(s).createdAt).isEqualTo(1_600);
    }

    @Test
    void aChildDoesNotTakeAnObjectItsParentDidNotMake() {
        long grandchild = 201;
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "nap", "()"),
                new ProcessSeen(2_000, P1, MAIN, 9, -1, "python3", true),
                new ProcessSeen(2_100, grandchild, P1, 10, -1, "python3", true),
                new ChildBooted(2_200, grandchild, "Process-1", "nap", "()", "fork"));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-1)", "  101", "    Process-1");
    }

    @Test
    void aParentKilledInsideStartLeavesTheObjectToItsOnlyNewChild() {
        Scenario s = insideFirstStart().then(
                new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3 many.py", false),
                new Vanished(2_300, MAIN));
        assertThat(s.lanes()).containsExactly("MainProcess", "  Process-1", "  (Process-2)");
        ProcessFacts p = s.process(P1);
        assertThat(p.createdAt).isEqualTo(1_500);
        assertThat(p.startCalledAt).isEqualTo(2_000);
        assertThat(p.args).isEqualTo("(1,)");
    }

    @Test
    void twoNewChildrenLeaveTheObjectUnclaimed() {
        Scenario s = insideFirstStart().then(
                new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3 many.py", false),
                new ProcessSeen(2_150, P2, MAIN, 10, -1, "python3 many.py", false),
                new Reaped(2_200, SUP, MAIN, -9, 9));
        assertThat(s.lanes()).as("nothing says which").containsExactly("MainProcess", "  (Process-1)", "  (Process-2)",
                "  101", "  102");
    }

    @Test
    void aChildSeenBeforeStartWasCalledIsNotTheObjectsProcess() {
        Scenario s = Scenario.started().then(
                new ChildMade(1_500, MAIN, 1, "Process-1", "nap", "(1,)"),
                new ProcessSeen(1_800, P1, MAIN, 9, -1, "sleep 5", false),
                new ChildStarting(2_000, MAIN, 1),
                new Reaped(2_200, SUP, MAIN, -9, 9));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-1)", "  101");
    }

    @Test
    void aRuntimeHelperIsNotMistakenForTheObjectsProcess() {
        Scenario s = insideFirstStart().then(
                new ProcessSeen(2_100, P1, MAIN, 9, -1,
                        "python3 -c from multiprocessing.resource_tracker import main;main(5)", false),
                new ProcessSeen(2_150, P2, MAIN, 10, -1, "python3 many.py", false),
                new Reaped(2_200, SUP, MAIN, -9, 9));
        assertThat(s.process(P2).createdAt).isEqualTo(1_500);
        assertThat(s.process(P1).createdAt).isEqualTo(-1);
    }

    @Test
    void aStartThatRaisedKeepsTheObjectsLaneSaysWhyAndClaimsNoLaterChild() {
        StartFailure why = new StartFailure(2_040, "RuntimeError", "cannot pickle");
        Scenario s = insideFirstStart().then(
                new RunEvent.StartFailed(2_000, MAIN, 1, "Process-1", "p1", "nap", "(1,)", why),
                // a child main makes afterwards (not by that start()), then main is killed
                new ProcessSeen(2_100, P1, MAIN, 9, -1, "python3 many.py", false),
                new Vanished(2_300, MAIN));
        assertThat(s.lanes()).as("the child is not the object's: that start() raised")
                .containsExactly("MainProcess", "  (Process-1)", "  (Process-2)", "  101");
        ProcessFacts object = s.table.all().stream().filter(p -> "p1".equals(p.label)).findFirst().orElseThrow();
        assertThat(object.standIn()).isTrue();
        assertThat(object.startFailure).isEqualTo(why);
        assertThat(object.startCalledAt).isEqualTo(2_000);
        assertThat(why.describe()).isEqualTo("start() raised RuntimeError: cannot pickle");
    }

    @Test
    void aStartThatRaisedForAnObjectNeverNumberedGetsALaneOfItsOwn() {
        Scenario s = Scenario.started().then(new RunEvent.StartFailed(2_000, MAIN, -1, "Process-7", null, "nap", "()",
                new StartFailure(2_010, "OSError", "[Errno 24] Too many open files")));
        assertThat(s.lanes()).containsExactly("MainProcess", "  (Process-7)");
        assertThat(onlyStandIn(s).startFailure.error()).isEqualTo("OSError");
    }
}
