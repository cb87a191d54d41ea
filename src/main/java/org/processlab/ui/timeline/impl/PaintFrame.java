package org.processlab.ui.timeline.impl;

import java.util.List;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.timeline.OutputTicks;
import org.processlab.ui.timeline.TimelineLane;

/**
 * What one painting of the timeline shows: the control's facts at that moment, with the style, the geometry and
 * the time axis they are drawn in. Made by the skin once per pulse in which something is painted; both layers are
 * painted from the same frame. Immutable itself; the snapshot, lanes and ticks it holds are the control's, read on
 * the FX thread only.
 *
 * @param snapshot    the run, or null
 * @param lanes       the control's lanes (their headers' texts), in the snapshot's order
 * @param ticks       the lines of output
 * @param selectedPid the selected process, or null
 * @param palette     the processes' colours, or null
 * @param cursor      the time cursor, epoch µs, or -1
 * @param replaying   true while a replay shows only what had happened by the cursor
 * @param right       the data's right edge, epoch µs: the run's end, or now while it is live
 * @param style       the look
 * @param geometry    where things are
 * @param scale       the time axis, or null when there is no run to show
 */
record PaintFrame(RunSnapshot snapshot, List<TimelineLane> lanes, OutputTicks ticks, Long selectedPid,
                  ProcessPalette palette, long cursor, boolean replaying, long right, TimelineStyle style,
                  TimelineGeometry geometry, AxisScale scale) {

    /** The last moment drawn, epoch µs: the cursor while replaying, else none ({@link Long#MAX_VALUE}). */
    long clip() {
        return replaying && cursor >= 0 ? cursor : Long.MAX_VALUE;
    }

    /** Where open spans end, epoch µs: the data's right edge, or the cursor while replaying. */
    long end() {
        return Math.min(right, clip());
    }

    /** True while the run goes on. */
    boolean live() {
        return snapshot != null && !snapshot.status().finished();
    }

    /** True when {@code pid} is the selected process. */
    boolean selected(long pid) {
        return selectedPid != null && selectedPid == pid;
    }

    /** Lane {@code i}'s texts (made from the process itself when the control's lanes lag behind the snapshot). */
    TimelineLane lane(int i, ProcessView p) {
        return i < lanes.size() ? lanes.get(i) : TimelineLane.of(p, snapshot.supervisorPid());
    }
}
