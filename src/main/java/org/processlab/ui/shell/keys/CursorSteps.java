package org.processlab.ui.shell.keys;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.timeline.OutputTicks;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * Moves a timeline's time cursor through the finished run it shows, event by event ({@link EventTimes}), or to the
 * run's start or end; a cursor moved out of view brings the view along. Nothing moves while a run is live (its
 * cursor is "now") or before any run. Each method returns whether the cursor moved.
 *
 * <p>The events are gathered again only when the run or its output changed. Threading: FX thread only.
 */
public final class CursorSteps {
    private final Timeline timeline;
    /** The events of the run last asked about, and what it was (the snapshot's version, the number of ticks). */
    private EventTimes events;
    private long eventsVersion = -1;
    private long eventsTicks = -1;

    /** Steps the cursor of {@code timeline}. */
    public CursorSteps(Timeline timeline) {
        this.timeline = timeline;
    }

    /** To the next event (from no cursor: the first). */
    public boolean next() {
        EventTimes e = events();
        return e != null && moveTo(e.next(timeline.getCursorTime()));
    }

    /** To the previous event (from no cursor, which shows the end: the last before the end). */
    public boolean previous() {
        EventTimes e = events();
        return e != null && moveTo(e.previous(timeline.getCursorTime()));
    }

    /** To the run's start. */
    public boolean toStart() {
        EventTimes e = events();
        return e != null && moveTo(e.start());
    }

    /** To the run's end. */
    public boolean toEnd() {
        EventTimes e = events();
        return e != null && moveTo(e.end());
    }

    private boolean moveTo(long t) {
        if (t < 0) {
            return false;
        }
        timeline.setCursorTime(t);
        TimeRange r = timeline.getVisibleRange();
        if (r != null && !r.contains(t)) {
            timeline.showRange(r.shift(t - r.from() - r.span() / 10));
        }
        return true;
    }

    /** The finished run's events, or null when the timeline shows no finished run. */
    private EventTimes events() {
        RunSnapshot s = timeline.getSnapshot();
        if (s == null || !s.status().finished() || s.startedAt() < 0) {
            return null;
        }
        OutputTicks ticks = timeline.getTicks();
        if (events == null || eventsVersion != s.version() || eventsTicks != ticks.total()) {
            events = EventTimes.of(s, outputTimes(s, ticks));
            eventsVersion = s.version();
            eventsTicks = ticks.total();
        }
        return events;
    }

    private static long[] outputTimes(RunSnapshot s, OutputTicks ticks) {
        int n = 0;
        for (ProcessView p : s.processes()) {
            OutputTicks.Lane lane = ticks.lane(p.pid());
            n += lane == null ? 0 : lane.size();
        }
        long[] times = new long[n];
        int i = 0;
        for (ProcessView p : s.processes()) {
            OutputTicks.Lane lane = ticks.lane(p.pid());
            for (int k = 0; lane != null && k < lane.size(); k++) {
                times[i++] = lane.time(k);
            }
        }
        return times;
    }
}
