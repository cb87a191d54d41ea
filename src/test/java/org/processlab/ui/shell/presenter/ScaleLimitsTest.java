package org.processlab.ui.shell.presenter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The largest text a window holds comes from its size and mode, not from a fixed cap. */
class ScaleLimitsTest {

    @Test
    void aFullHdProjectorInPresenterModeHoldsTextLargeEnoughForTheBackRow() {
        double px = ScaleLimits.largestPx(1920, 1080, true);
        // the timeline's PIDs are 0.85 em: 24 px for the back row needs at least 28.3 px
        assertThat(px).isGreaterThanOrEqualTo(28.5).isLessThan(36);
        assertThat(ScaleLimits.fits(1920, 1080, px, true)).isTrue();
        assertThat(ScaleLimits.fits(1920, 1080, px + 0.5, true)).isFalse();
    }

    @Test
    void aSmallProjectorHoldsLessAndTheDeskLayoutLessThanPresenterMode() {
        double presenter = ScaleLimits.largestPx(1024, 768, true);
        double desk = ScaleLimits.largestPx(1024, 768, false);
        assertThat(presenter).isGreaterThan(desk).isGreaterThanOrEqualTo(18);
        assertThat(desk).isGreaterThanOrEqualTo(15);
        assertThat(ScaleLimits.largestPx(1920, 1080, false)).isLessThan(ScaleLimits.largestPx(1920, 1080, true));
    }

    @Test
    void theBoundGrowsWithTheWindowAndHeightOrWidthCanBeWhatLimitsIt() {
        assertThat(ScaleLimits.largestPx(3840, 2160, true)).isGreaterThan(ScaleLimits.largestPx(1920, 1080, true) * 1.8);
        // a tall narrow window: the table's important columns limit it
        double narrow = ScaleLimits.largestPx(800, 3000, true);
        assertThat(narrow * ScaleLimits.IMPORTANT_COLUMNS_EM).isLessThanOrEqualTo(800);
        // a wide short one: the height does
        assertThat(ScaleLimits.largestPx(4000, 700, true)).isLessThan(ScaleLimits.largestPx(4000, 1400, true));
    }

    @Test
    void anUnknownSizeHoldsAnyAndATinyOneTheSmallest() {
        assertThat(ScaleLimits.largestPx(0, 0, false)).isEqualTo(ScaleLimits.LARGEST_PX);
        assertThat(ScaleLimits.largestPx(300, 200, false)).isEqualTo(ScaleLimits.SMALLEST_PX);
    }

    @Test
    void aNarrowRunSideWrapsTheToolbarAndSoNeedsMoreHeight() {
        double wide = ScaleLimits.neededHeight(1900, 30, true);
        double narrow = ScaleLimits.neededHeight(900, 30, true);
        assertThat(narrow - wide).isCloseTo(ScaleLimits.TOOLBAR_ROW_EM * 30 + ScaleLimits.BAR_ROW_EM * 30,
                org.assertj.core.api.Assertions.within(1e-6));
    }
}
