package org.processlab.ui.timeline.impl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the header column, the axis band, the plot and each lane are; which lane a y hits. */
class TimelineGeometryTest {
    /** 1000 × 400 px, a 230-px header column, 40-px lanes under a 30-px band, 120 px kept for exit labels. */
    private static TimelineGeometry geometry(double scrollY, int lanes) {
        return TimelineGeometry.of(1000, 400, 230, 40, 30, 120, scrollY, lanes);
    }

    @Test
    void thePlotRunsFromPastTheHeaderColumnToTheRoomKeptForExitLabels() {
        TimelineGeometry g = geometry(0, 5);
        assertThat(g.plotLeft()).isEqualTo(230 + 14);
        assertThat(g.plotRight()).isEqualTo(1000 - 120 - 14);
        assertThat(g.plotWidth()).isEqualTo(866 - 244);
        assertThat(g.plotClip()).isEqualTo(231);
        assertThat(g.inPlot(230)).isFalse();
        assertThat(g.inPlot(231)).isTrue();
    }

    @Test
    void aNarrowPictureStillHasAPlotFortyPixelsWide() {
        TimelineGeometry g = TimelineGeometry.of(300, 400, 230, 40, 30, 120, 0, 1);
        assertThat(g.plotWidth()).isEqualTo(TimelineGeometry.MIN_PLOT_WIDTH);
    }

    @Test
    void lanesStackUnderTheAxisBandWithTheBarAndTheKernelStripInsideEach() {
        TimelineGeometry g = geometry(0, 5);
        assertThat(g.laneTop(0)).isEqualTo(30);
        assertThat(g.laneTop(2)).isEqualTo(110);
        assertThat(g.barTop(0)).isEqualTo(30 + 40 * 0.42);
        assertThat(g.barHeight()).isEqualTo(14);     // 36 % of the lane, rounded
        assertThat(g.kernelTop(0)).isEqualTo(g.barTop(0) + 14 + 2);
        assertThat(g.kernelHeight()).isEqualTo(4);
        assertThat(g.kernelTop(0) + g.kernelHeight()).isLessThan(g.laneTop(1));
    }

    @Test
    void smallLanesKeepBarsAndStripsVisible() {
        TimelineGeometry g = TimelineGeometry.of(1000, 400, 230, 10, 30, 120, 0, 5);
        assertThat(g.barHeight()).isEqualTo(6);
        assertThat(g.kernelHeight()).isEqualTo(3);
    }

    @Test
    void aYFindsItsLaneAndTheBandOrBelowTheLastLaneFindNone() {
        TimelineGeometry g = geometry(0, 5);
        assertThat(g.laneAt(29.9)).isEqualTo(-1);
        assertThat(g.laneAt(30)).isZero();
        assertThat(g.laneAt(69.9)).isZero();
        assertThat(g.laneAt(70)).isEqualTo(1);
        assertThat(g.laneAt(30 + 5 * 40 - 0.1)).isEqualTo(4);
        assertThat(g.laneAt(30 + 5 * 40)).isEqualTo(-1);
    }

    @Test
    void scrollingMovesTheLanesUpAndChangesWhichAreInView() {
        TimelineGeometry g = geometry(100, 20);
        assertThat(g.laneTop(0)).isEqualTo(-70);
        assertThat(g.laneAt(30)).isEqualTo(2);       // the band still covers the top; lane 2 starts under it
        assertThat(g.firstVisibleLane()).isEqualTo(2);
        assertThat(g.lastVisibleLane()).isEqualTo(12);   // (100 + 400 - 30) / 40, rounded up
        assertThat(geometry(0, 3).lastVisibleLane()).isEqualTo(2);
        assertThat(geometry(0, 0).lastVisibleLane()).isEqualTo(-1);
    }

    @Test
    void theContentHeightMakesRoomForAtLeastThreeLanes() {
        assertThat(TimelineGeometry.contentHeight(0, 40, 30)).isEqualTo(30 + 3 * 40 + 6);
        assertThat(TimelineGeometry.contentHeight(10, 40, 30)).isEqualTo(30 + 10 * 40 + 6);
        assertThat(TimelineGeometry.axisHeight(12.5)).isEqualTo(29);    // 12.5 × 2.3, rounded up
    }
}
