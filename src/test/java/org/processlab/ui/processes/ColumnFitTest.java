package org.processlab.ui.processes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The table leaves out its least important columns, whole, rather than cutting values. */
class ColumnFitTest {
    private static final double[] WIDTHS = {100, 60, 60, 80, 50, 100, 80, 60, 80};

    @Test
    void allShowWhenTheyFitOrTheRoomIsUnknown() {
        assertThat(ColumnFit.shown(WIDTHS, 710)).containsOnly(true);
        assertThat(ColumnFit.shown(WIDTHS, 0)).containsOnly(true);
    }

    @Test
    void theTimesGoFirstThenRoleAndAliveAndTheNameNever() {
        assertThat(ColumnFit.shown(WIDTHS, 600)).containsExactly(true, true, true, true, true, true, true, false,
                false);
        assertThat(ColumnFit.shown(WIDTHS, 400)).containsExactly(true, true, true, false, false, true, true, false,
                false);
        assertThat(ColumnFit.shown(WIDTHS, 10)).containsExactly(true, false, false, false, false, false, false, false,
                false);
    }
}
