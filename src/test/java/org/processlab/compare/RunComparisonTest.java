package org.processlab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunModel;

/** Pairs and differences of hand-made runs: what a student should be shown, and nothing that is not there. */
class RunComparisonTest {

    private static RunComparison compare(RunModel a, RunModel b) {
        return RunComparison.of(a.snapshot(), a.output(), b.snapshot(), b.output());
    }

    @Test
    void theSameProgramInTheSameOrderMarksNothing() {
        // different moments, different speeds, different PIDs would not matter: only the order does
        RunComparison c = compare(HandMadeRun.lesson2(1_000_000, "fork", 2_000, 2_500),
                HandMadeRun.lesson2(9_000_000, "fork", 3_000, 7_000));

        assertThat(c.rows()).hasSize(3).allSatisfy(r -> assertThat(r.onlyIn()).isNull());
        assertThat(c.rows()).extracting(ProcessPair::name).containsExactly("MainProcess", "p1", "p2");
        assertThat(c.orderDifferences()).isEmpty();
        assertThat(c.exitDifferences()).isEmpty();
        assertThat(c.sameButTimes()).isTrue();
        assertThat(c.linesCompared()).isEqualTo(3);
    }

    @Test
    void cubeBeforeSquareIsOneOrderDifferenceBetweenP1AndP2() {
        RunComparison c = compare(HandMadeRun.lesson2(0, "fork", 2_000, 2_500),
                HandMadeRun.lesson2(0, "fork", 2_600, 2_100));

        assertThat(c.orderDifferences()).hasSize(1);
        OrderDifference d = c.orderDifferences().get(0);
        assertThat(d.sentence()).isEqualTo(
                "in A p1 printed 'Square of 10: 100' before p2 printed 'Cube of 10: 1000'; in B after");
        assertThat(d.first().row()).isEqualTo(1);
        assertThat(d.second().row()).isEqualTo(2);
        assertThat(d.first().timeB()).isGreaterThan(d.second().timeB());
        // Done! came last in both: main's line is in no difference
        assertThat(c.sameButTimes()).isFalse();
    }

    @Test
    void linesPrintedAtTheSameMomentHaveNoOrderToDiffer() {
        RunComparison c = compare(HandMadeRun.lesson2(0, "fork", 2_000, 2_000),
                HandMadeRun.lesson2(0, "fork", 2_600, 2_100));

        assertThat(c.orderDifferences()).isEmpty();
    }

    @Test
    void helpersOfOneStartMethodArePresentInOnlyThatRunWhereItHasThem() {
        RunModel fork = new HandMadeRun(0, "fork").child(101, "Process-1", "child", "hello", "fork", 1_000)
                .prints(101, "hello", 2_000).exits(101, 0, 3_000).ends(0, 4_000);
        RunModel spawn = new HandMadeRun(0, "spawn").helper(201, "resource_tracker", 900)
                .child(202, "Process-1", "child", "hello", "spawn", 1_000)
                .prints(202, "hello", 20_000).exits(202, 0, 30_000).ends(0, 40_000);

        RunComparison c = compare(fork, spawn);

        assertThat(c.rows()).extracting(ProcessPair::onlyIn).containsExactly(null, Side.B, null);
        assertThat(c.onlyIn(Side.B)).singleElement().satisfies(r -> {
            assertThat(r.b().helperKind()).isEqualTo("resource_tracker");
            assertThat(r.a()).isNull();
        });
        assertThat(c.onlyIn(Side.A)).isEmpty();
        assertThat(c.headline(Side.A).text()).isEqualTo("fork · exit 0 · 0.004 s");
        assertThat(c.headline(Side.B).startMethod()).isEqualTo("spawn");
        // the child existed from 1 020 µs to 3 000 in A, to 30 000 in B
        ProcessPair child = c.rows().get(2);
        assertThat(child.duration(Side.A)).isEqualTo(3_000 - 1_020);
        assertThat(child.duration(Side.B)).isEqualTo(30_000 - 1_020);
        assertThat(child.ratio()).isEqualByComparingTo("15");
        assertThat(c.orderDifferences()).isEmpty();
    }

    @Test
    void aHelperIsNeverPairedWithAHelperOfAnotherKind() {
        RunModel a = new HandMadeRun(0, "spawn").helper(201, "resource_tracker", 900).ends(0, 4_000);
        RunModel b = new HandMadeRun(0, "forkserver").helper(301, "forkserver", 900).ends(0, 4_000);

        RunComparison c = compare(a, b);

        assertThat(c.onlyIn(Side.A)).singleElement().satisfies(r -> assertThat(r.a().pid()).isEqualTo(201));
        assertThat(c.onlyIn(Side.B)).singleElement().satisfies(r -> assertThat(r.b().pid()).isEqualTo(301));
    }

    @Test
    void sameNamesArePairedInTheOrderTheyStartedAndOthersByTheirTarget() {
        // lesson 14: every child is "child"; a pool's workers change their names with the start method
        RunModel a = new HandMadeRun(0, "fork")
                .child(101, "Process-1", "child", "report", "fork", 1_000)
                .child(102, "Process-2", "child", "report", "fork", 2_000)
                .child(103, "ForkPoolWorker-1", null, "worker", "fork", 3_000).ends(0, 9_000);
        RunModel b = new HandMadeRun(0, "spawn")
                .child(201, "Process-1", "child", "report", "spawn", 1_000)
                .child(202, "Process-2", "child", "report", "spawn", 2_000)
                .child(203, "SpawnPoolWorker-1", null, "worker", "spawn", 3_000).ends(0, 9_000);

        RunComparison c = compare(a, b);

        assertThat(c.rows()).allSatisfy(r -> assertThat(r.onlyIn()).isNull());
        assertThat(c.rows()).extracting(r -> r.a().pid() + "-" + r.b().pid())
                .containsExactly("100-100", "101-201", "102-202", "103-203");
        // two children held in "child": each is told apart by its number (issue 17: labels made unique in a run)
        assertThat(c.nameOf(1)).isEqualTo("child");
        assertThat(c.nameOf(2)).isEqualTo("child #2");
        assertThat(c.nameOf(3)).isEqualTo("ForkPoolWorker-1");
    }

    @Test
    void exitCodesThatDifferAreNamedAndUnknownOnesAreNot() {
        RunModel a = new HandMadeRun(0, null).child(101, "Process-1", "p1", "work", "fork", 1_000)
                .exits(101, 0, 2_000).ends(0, 3_000);
        RunModel b = new HandMadeRun(0, null).child(101, "Process-1", "p1", "work", "fork", 1_000)
                .exits(101, 1, 2_000).ends(0, 3_000);

        RunComparison c = compare(a, b);

        assertThat(c.exitDifferences()).singleElement().satisfies(r -> assertThat(r.name()).isEqualTo("p1"));
        assertThat(c.headline(Side.A).startMethod()).isEqualTo("fork");
    }

    @Test
    void ratiosHaveTwoSignificantDigits() {
        assertThat(ProcessPair.ratioText(ProcessPair.ratio(420_000, 610_000))).isEqualTo("1.5");
        assertThat(ProcessPair.ratioText(ProcessPair.ratio(1_000, 1_000))).isEqualTo("1.0");
        assertThat(ProcessPair.ratioText(ProcessPair.ratio(1_000, 500))).isEqualTo("0.50");
        assertThat(ProcessPair.ratioText(ProcessPair.ratio(1_000, 123_456))).isEqualTo("120");
        assertThat(ProcessPair.ratioText(ProcessPair.ratio(3_000, 2_000))).isEqualTo("0.67");
        assertThat(ProcessPair.ratio(0, 5)).isNull();
        assertThat(ProcessPair.ratio(5, -1)).isNull();
        assertThat(new ProcessPair(null, HandMadeRun.lesson2(0, null, 1, 2).snapshot().processes().get(0)).ratio())
                .isNull();
    }

    @Test
    void aProcessOnlyInBSitsWhereBHasIt() {
        RunModel a = new HandMadeRun(0, null).child(101, "Process-1", "p1", "work", "fork", 1_000)
                .child(103, "Process-3", "p3", "work", "fork", 3_000).ends(0, 9_000);
        RunModel b = new HandMadeRun(0, null).child(101, "Process-1", "p1", "work", "fork", 1_000)
                .child(102, "Process-2", "p2", "other", "fork", 2_000)
                .child(103, "Process-3", "p3", "work", "fork", 3_000).ends(0, 9_000);

        assertThat(compare(a, b).rows()).extracting(ProcessPair::name).containsExactly("MainProcess", "p1", "p2", "p3");
    }

    @Test
    void everyTwoProcessesGetOneDifferenceAtMost() {
        // A: p1 prints three lines before p2's three; B: p2's three first
        HandMadeRun a = new HandMadeRun(0, null).child(101, "Process-1", "p1", "w", "fork", 1_000)
                .child(102, "Process-2", "p2", "w", "fork", 1_000);
        HandMadeRun b = new HandMadeRun(0, null).child(101, "Process-1", "p1", "w", "fork", 1_000)
                .child(102, "Process-2", "p2", "w", "fork", 1_000);
        for (int i = 0; i < 3; i++) {
            a.prints(101, "p1 line " + i, 2_000 + i).prints(102, "p2 line " + i, 3_000 + i);
            b.prints(101, "p1 line " + i, 3_000 + i).prints(102, "p2 line " + i, 2_000 + i);
        }

        RunComparison c = compare(a.ends(0, 9_000), b.ends(0, 9_000));

        assertThat(c.orderDifferences()).singleElement().satisfies(d -> assertThat(d.sentence())
                .isEqualTo("in A p1 printed 'p1 line 2' before p2 printed 'p2 line 0'; in B after"));
    }
}
