package org.processlab.ui.shell.lessons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Where the main split's dividers go when the lesson list leaves and comes back. */
class ListShareTest {

    @Test
    void withoutTheListThePageKeepsItsShareOfWhatTheListAndPageHad() {
        // list 0.145, page 0.145..0.43, run side the rest
        assertThat(ListShare.pageShareWithoutList(new double[] {0.145, 0.43}))
                .isCloseTo((0.43 - 0.145) / (1 - 0.145), within(1e-12));
    }

    @Test
    void hiddenAndShownAgainTheDividersAreWhereTheyWere() {
        double[] before = {0.145, 0.43};
        double page = ListShare.pageShareWithoutList(before);
        double[] after = ListShare.withList(0.145, new double[] {page}, 0, 0);
        assertThat(after[0]).isEqualTo(0.145);
        assertThat(after[1]).isCloseTo(0.43, within(1e-12));
    }

    @Test
    void thePageKeepsItsWidthWhileTheRunSideKeeps45PercentElseBothGiveInProportion() {
        // the page widened to 40 % while the list was hidden: it keeps that width, the run side gives the list room
        double[] d = ListShare.withList(0.145, new double[] {0.4}, 1440, 300);
        assertThat(d[1]).isCloseTo(0.145 + 0.4, within(1e-12));
        // at 50 % the run side would keep less than 45 %: the page and the run side give in proportion
        double[] e = ListShare.withList(0.145, new double[] {0.5}, 1440, 300);
        assertThat(e[1]).isCloseTo(0.145 + 0.855 * 0.5, within(1e-12));
        // a run side whose least width is more than 45 % keeps that
        double[] f = ListShare.withList(0.145, new double[] {0.4}, 1000, 592);
        assertThat(f[1]).isCloseTo(0.145 + 0.855 * 0.4, within(1e-12));
    }

    @Test
    void thePageNeverGetsLessThanItsShareOfTheRoomLeft() {
        double[] d = ListShare.withList(0.2, new double[] {0.3}, 1440, 300);
        assertThat(d[1]).isGreaterThanOrEqualTo(0.2 + 0.8 * 0.3);
    }
}
