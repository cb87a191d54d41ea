package org.processlab.ui.timeline.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.timeline.TimeRange;

/** Time ↔ x, the axis's step and labels, the cursor's text. */
class AxisScaleTest {
    private static final long T0 = 1_700_000_000_000_000L;

    /** Seconds 1 to 11 of a run started at T0, on a plot from x 100 to x 1100. */
    private static final AxisScale TEN_SECONDS = new AxisScale(new TimeRange(T0 + 1_000_000, T0 + 11_000_000), T0,
            100, 1100, 1200);

    @Test
    void aTimeHasItsXAndAnXItsTime() {
        assertThat(TEN_SECONDS.x(T0 + 1_000_000)).isEqualTo(100);
        assertThat(TEN_SECONDS.x(T0 + 6_000_000)).isEqualTo(600);
        assertThat(TEN_SECONDS.x(T0 + 11_000_000)).isEqualTo(1100);
        assertThat(TEN_SECONDS.timeAt(600)).isEqualTo(T0 + 6_000_000);
        assertThat(TEN_SECONDS.timeAt(TEN_SECONDS.x(T0 + 3_141_593))).isEqualTo(T0 + 3_141_593);
        assertThat(TEN_SECONDS.xOfSeconds(2)).isEqualTo(200);
        assertThat(TEN_SECONDS.pxPerMillisecond()).isEqualTo(0.1);
    }

    @Test
    void aFarAwayTimeStaysABoundedDistanceOffThePicture() {
        assertThat(TEN_SECONDS.x(T0 + 3_600_000_000L)).isEqualTo(1200 + 100_000);
        assertThat(TEN_SECONDS.x(0)).isEqualTo(-100_000);
    }

    @Test
    void theStepIsTheSmallestThatKeepsLabelsNinetyPixelsApart() {
        assertThat(AxisScale.step(10, 1000)).isEqualTo(1);       // 1 s = 100 px
        assertThat(AxisScale.step(10, 800)).isEqualTo(2);        // 1 s = 80 px: too close
        assertThat(AxisScale.step(0.001, 1000)).isEqualTo(0.0001);
        assertThat(AxisScale.step(100_000, 500)).isEqualTo(3600);   // the longest step, however tight
        assertThat(TEN_SECONDS.step()).isEqualTo(1);
        AxisScale twiceTheText = new AxisScale(TEN_SECONDS.range(), TEN_SECONDS.runStart(), TEN_SECONDS.plotLeft(),
                TEN_SECONDS.plotRight(), TEN_SECONDS.width(), 2);
        assertThat(twiceTheText.step()).as("labels twice as large keep twice the gap").isEqualTo(2);
    }

    @Test
    void theFirstLabelIsTheFirstStepAtOrAfterThePlotsLeftEnd() {
        assertThat(TEN_SECONDS.firstSecond()).isEqualTo(1);
        assertThat(TEN_SECONDS.windowSeconds()).isEqualTo(10);
        assertThat(TEN_SECONDS.firstTick(1)).isEqualTo(1);
        assertThat(TEN_SECONDS.firstTick(2)).isEqualTo(2);
        assertThat(TEN_SECONDS.firstTick(5)).isEqualTo(5);
        assertThat(TEN_SECONDS.lastSecond()).isCloseTo(11, within(1e-6));
    }

    @Test
    void labelsHaveAsManyDecimalsAsTheStepNeeds() {
        assertThat(AxisScale.label(3, 1)).isEqualTo("3 s");
        assertThat(AxisScale.label(0.5, 0.5)).isEqualTo("0.5 s");
        assertThat(AxisScale.label(0.25, 0.05)).isEqualTo("0.25 s");
        assertThat(AxisScale.label(0.0125, 0.005)).isEqualTo("0.013 s");
        assertThat(AxisScale.label(0.00125, 0.0005)).isEqualTo("0.0013 s");
        assertThat(AxisScale.label(0.00001, 0.00001)).isEqualTo("0.00001 s");
    }

    @Test
    void theCursorsTextHasMoreDecimalsTheFurtherOneHasZoomedIn() {
        RunModel m = new RunModel();
        m.append(new RunEvent.RunStarted(T0, "t", List.of("python3"), "fork"));
        RunSnapshot s = m.snapshot();
        assertThat(AxisScale.cursorText(s, T0 + 1_234_567, 4_000)).isEqualTo("1.23457 s");
        assertThat(AxisScale.cursorText(s, T0 + 1_234_567, 40_000)).isEqualTo("1.2346 s");
        assertThat(AxisScale.cursorText(s, T0 + 1_234_567, 10_000_000)).isEqualTo("1.235 s");
    }
}
