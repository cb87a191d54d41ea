package org.processlab.ui.shell.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The run side's height arithmetic: what the views need, where the dividers go, how tall the card may be. */
class RunSideHeightsTest {
    /**
     * 15 px text, a 36 px bar, a timeline wanting 300 px (its axis 32 px and lanes of 40 px: two lanes 120 px with the
     * axis and its margin), a table of 3 rows.
     */
    private static final RunSideHeights.Needs THREE_PROCESSES = RunSideHeights.Needs.of(15, 36, 300, 32, 40, 3);

    @Test
    void needsFollowTheTextSizeTheLanesAndTheRows() {
        RunSideHeights.Needs v = THREE_PROCESSES;
        assertThat(v.timelineBest()).isEqualTo(340);
        assertThat(v.timelineLeast()).isEqualTo(160);
        // the table's title (2.4 em) and header (2.2 em), then 2.2 em a row: at least 4 rows counted (room for a
        // fourth, as a student reads a list), at most 8
        assertThat(v.tableBest()).isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 4 * 15 * 2.2, within(1e-9));
        assertThat(v.tableGood()).isEqualTo(v.tableBest());
        assertThat(v.timelineGood()).as("three lanes").isEqualTo(4 + 36 + 32 + 8 + 3 * 40);
        assertThat(v.consoleGood()).as("five lines").isCloseTo(15 * 2.4 + 5 * 15 * 1.9 + 8, within(1e-9));
        assertThat(v.tableLeast()).isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 2 * 15 * 2.2, within(1e-9));
        assertThat(v.consoleLeast()).isCloseTo(15 * 2.4 + 2 * 15 * 1.9 + 8, within(1e-9));
        assertThat(v.least()).isCloseTo(v.timelineLeast() + v.tableLeast() + v.consoleLeast() + 12, within(1e-9));
        assertThat(v.good()).isCloseTo(v.timelineGood() + v.tableGood() + v.consoleGood() + 12, within(1e-9));

        assertThat(RunSideHeights.Needs.of(15, 36, 300, 32, 40, 1).tableBest()).as("fewer than 4 rows count as 4")
                .isEqualTo(v.tableBest());
        assertThat(RunSideHeights.Needs.of(15, 36, 300, 32, 40, 50).tableBest()).as("more than 8 count as 8")
                .isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 8 * 15 * 2.2, within(1e-9));
        RunSideHeights.Needs shortTimeline = RunSideHeights.Needs.of(15, 36, 100, 32, 40, 3);
        assertThat(shortTimeline.timelineLeast()).as("never more than it would like").isEqualTo(140);
        assertThat(shortTimeline.timelineGood()).isEqualTo(140);
    }

    @Test
    void tallViewsGiveTheTimelineItsLanesAndTheTableItsRows() {
        double h = 800;
        double[] d = RunSideHeights.dividers(THREE_PROCESSES, h);
        assertThat(d[0] * h).as("the timeline's height: what its lanes need").isCloseTo(340, within(1e-6));
        assertThat((d[1] - d[0]) * h).as("the table's").isCloseTo(THREE_PROCESSES.tableBest(), within(1e-6));
        assertThat(h - d[1] * h).as("the console gets the rest").isGreaterThan(THREE_PROCESSES.consoleLeast());
    }

    @Test
    void theTimelineTakesAQuarterAtLeastAndSixtyPercentAtMost() {
        RunSideHeights.Needs few = RunSideHeights.Needs.of(15, 36, 40, 20, 10, 3);
        assertThat(RunSideHeights.dividers(few, 1000)[0]).isCloseTo(0.25, within(1e-9));
        RunSideHeights.Needs many = RunSideHeights.Needs.of(15, 36, 5000, 32, 40, 3);
        assertThat(RunSideHeights.dividers(many, 1000)[0]).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void shortViewsKeepTwoTableRowsAndTwoConsoleLinesBeforeTheTimelinesExtraRoom() {
        RunSideHeights.Needs v = RunSideHeights.Needs.of(19, 40, 400, 42, 50, 6);
        double h = 520;
        double[] d = RunSideHeights.dividers(v, h);
        double tl = d[0] * h;
        double tb = (d[1] - d[0]) * h;
        assertThat(tl).as("more than its least, but only what the table and console leave")
                .isCloseTo(h - v.tableLeast() - v.consoleLeast(), within(1e-6)).isGreaterThan(v.timelineLeast());
        assertThat(tb).isCloseTo(v.tableLeast(), within(1e-6));
        assertThat(h - tl - tb).isCloseTo(v.consoleLeast(), within(1e-6));
    }

    @Test
    void viewsTooShortToFitKeepTheirDividers() {
        assertThat(RunSideHeights.dividers(THREE_PROCESSES, 149)).isNull();
        assertThat(RunSideHeights.dividers(THREE_PROCESSES, 150)).isNotNull();
    }

    @Test
    void theQuestionMayTakeSixtyPercentTheRevealTwentySevenOrWhatTheViewsLeave() {
        double em = 15;
        assertThat(RunSideHeights.cardCap(800, em, 60, false, 0, 0)).as("the question").isCloseTo(480, within(1e-9));
        assertThat(RunSideHeights.cardCap(800, em, 60, true, 300, 300)).as("the reveal").isCloseTo(216, within(1e-9));
        assertThat(RunSideHeights.cardCap(500, em, 80, true, 300, 300)).as("what the views leave")
                .isCloseTo(120, within(1e-9));
        assertThat(RunSideHeights.cardCap(400, em, 80, true, 400, 400)).as("at least its first line")
                .isCloseTo(2.6 * em, within(1e-9));
    }

    /**
     * A laptop (1440x900): after a run the reveal leaves the views three lanes, four rows and five lines, down to its
     * verdict and question; it never takes more than before (27 %, or what the views leave above their least).
     */
    @Test
    void theRevealLeavesTheViewsTheirGoodHeightDownToItsVerdictAndQuestion() {
        double em = 15;
        assertThat(RunSideHeights.cardCap(850, em, 90, true, 360, 590)).as("what the views leave above their good height")
                .isCloseTo(850 - 90 - 590, within(1e-9));
        assertThat(RunSideHeights.cardCap(850, em, 130, true, 360, 650)).as("its verdict and question")
                .isCloseTo(7 * em, within(1e-9));
        assertThat(RunSideHeights.cardCap(1000, em, 90, true, 360, 590)).as("27 % at most")
                .isCloseTo(270, within(1e-9));
        assertThat(RunSideHeights.cardCap(560, em, 130, true, 360, 650)).as("what the views leave above their least")
                .isCloseTo(560 - 130 - 360, within(1e-9));
    }

    /**
     * The second step: on a laptop's run side, three lanes, four table rows and five console lines come before the
     * timeline's legend and its quarter; the console gets what is left over them.
     */
    @Test
    void viewsWithRoomForTheirGoodHeightGetThreeLanesFourRowsAndFiveLinesFirst() {
        RunSideHeights.Needs v = RunSideHeights.Needs.of(15, 40, 260, 35, 44, 3);
        double h = v.good() - 12 + 20;
        double[] d = RunSideHeights.dividers(v, h);
        double tl = d[0] * h;
        double tb = (d[1] - d[0]) * h;
        assertThat(tl).as("three lanes, and the 20 px left over").isCloseTo(v.timelineGood() + 20, within(1e-6));
        assertThat(tb).as("four rows").isCloseTo(v.tableGood(), within(1e-6));
        assertThat(h - tl - tb).as("five lines").isCloseTo(v.consoleGood(), within(1e-6));

        double shorter = v.least() - 12 + 30;
        double[] s = RunSideHeights.dividers(v, shorter);
        assertThat(s[0] * shorter).as("the timeline's third lane first").isCloseTo(v.timelineLeast() + 30, within(1e-6));
        assertThat((s[1] - s[0]) * shorter).isCloseTo(v.tableLeast(), within(1e-6));
    }

    @Test
    void inPresenterModeTheCardMayTakeSixtyPercentLeavingTheViewsTheirTitles() {
        double em = 24;
        assertThat(RunSideHeights.presenterCardCap(1200, em, 224, false)).as("60 %").isCloseTo(0.6 * 1200, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(600, em, 224, false)).as("the views keep 8 em")
                .isCloseTo(600 - 224 - 8 * em, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(300, em, 224, false)).as("at least its first line")
                .isCloseTo(2.6 * em, within(1e-9));
    }

    @Test
    void inPresenterModeTheRevealLeavesTheTimelineThreeLanes() {
        double em = 24;
        assertThat(RunSideHeights.presenterCardCap(2000, em, 224, true)).as("40 %").isCloseTo(0.4 * 2000, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(1300, em, 224, true)).as("the views keep 25 em")
                .isCloseTo(1300 - 224 - 25 * em, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(700, em, 224, true)).as("its verdict and the question")
                .isCloseTo(6 * em, within(1e-9));
    }

    @Test
    void inPresenterModeAShortSideKeepsSixtyPercentForTheTimeline() {
        assertThat(RunSideHeights.presenterDivider(480, 300, 1000)[0]).as("room for both").isCloseTo(0.6, within(1e-9));
        assertThat(RunSideHeights.presenterDivider(650, 300, 1000)[0]).as("the lanes' need")
                .isCloseTo(0.65, within(1e-9));
        assertThat(RunSideHeights.presenterDivider(480, 300, 350)[0]).as("the view under it gives way")
                .isCloseTo(0.6, within(1e-9));
    }
}
