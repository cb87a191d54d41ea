package org.processlab.ui.shell.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The run side's height arithmetic: what the views need, where the dividers go, how tall the card may be. */
class RunSideHeightsTest {
    /** 15 px text, a 36 px bar, a timeline wanting 300 px (at least 120), a table of 3 rows. */
    private static final RunSideHeights.Needs THREE_PROCESSES = RunSideHeights.Needs.of(15, 36, 300, 120, 3);

    @Test
    void needsFollowTheTextSizeTheLanesAndTheRows() {
        RunSideHeights.Needs v = THREE_PROCESSES;
        assertThat(v.timelineBest()).isEqualTo(340);
        assertThat(v.timelineLeast()).isEqualTo(160);
        // the table's title (2.4 em) and header (2.2 em), then 2.2 em a row: at least 3 rows counted, at most 8
        assertThat(v.tableBest()).isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 3 * 15 * 2.2, within(1e-9));
        assertThat(v.tableLeast()).isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 2 * 15 * 2.2, within(1e-9));
        assertThat(v.consoleLeast()).isCloseTo(15 * 2.4 + 2 * 15 * 1.9 + 8, within(1e-9));
        assertThat(v.least()).isCloseTo(v.timelineLeast() + v.tableLeast() + v.consoleLeast() + 12, within(1e-9));

        assertThat(RunSideHeights.Needs.of(15, 36, 300, 120, 1).tableBest()).as("fewer than 3 rows count as 3")
                .isEqualTo(v.tableBest());
        assertThat(RunSideHeights.Needs.of(15, 36, 300, 120, 50).tableBest()).as("more than 8 count as 8")
                .isCloseTo(15 * 2.2 + 15 * 2.4 + 8 + 8 * 15 * 2.2, within(1e-9));
        assertThat(RunSideHeights.Needs.of(15, 36, 100, 120, 3).timelineLeast())
                .as("never more than it would like").isEqualTo(140);
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
        RunSideHeights.Needs few = RunSideHeights.Needs.of(15, 36, 40, 40, 3);
        assertThat(RunSideHeights.dividers(few, 1000)[0]).isCloseTo(0.25, within(1e-9));
        RunSideHeights.Needs many = RunSideHeights.Needs.of(15, 36, 5000, 120, 3);
        assertThat(RunSideHeights.dividers(many, 1000)[0]).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void shortViewsKeepTwoTableRowsAndTwoConsoleLinesBeforeTheTimelinesExtraRoom() {
        RunSideHeights.Needs v = RunSideHeights.Needs.of(19, 40, 400, 150, 6);
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
        assertThat(RunSideHeights.cardCap(800, em, 60, false, 0)).as("the question").isCloseTo(480, within(1e-9));
        assertThat(RunSideHeights.cardCap(800, em, 60, true, 300)).as("the reveal").isCloseTo(216, within(1e-9));
        assertThat(RunSideHeights.cardCap(500, em, 80, true, 300)).as("what the views leave")
                .isCloseTo(120, within(1e-9));
        assertThat(RunSideHeights.cardCap(400, em, 80, true, 400)).as("at least its first line")
                .isCloseTo(2.6 * em, within(1e-9));
    }

    @Test
    void inPresenterModeTheCardMayTakeSixtyPercentLeavingTheViewsTheirTitles() {
        double em = 24;
        assertThat(RunSideHeights.presenterCardCap(1200, em, 224)).as("60 %").isCloseTo(0.6 * 1200, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(600, em, 224)).as("the views keep 8 em")
                .isCloseTo(600 - 224 - 8 * em, within(1e-9));
        assertThat(RunSideHeights.presenterCardCap(300, em, 224)).as("at least its first line")
                .isCloseTo(2.6 * em, within(1e-9));
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
