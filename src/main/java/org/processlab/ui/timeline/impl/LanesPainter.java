package org.processlab.ui.timeline.impl;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.processlab.model.JoinView;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.ui.fx.Formats;
import org.processlab.ui.timeline.DrawingSurface;
import org.processlab.ui.timeline.OutputTicks;
import org.processlab.ui.timeline.TimelineLane;

/**
 * Paints the timeline's lanes layer: each lane's background, the grid, the bars of each process's life, its
 * kernel-state strip, its output ticks and notes, the arrows between lanes, the exit labels and, over the left
 * edge, the header column. What moves often (the axis band, the "now" line and the time cursor) is the
 * {@link OverlayPainter}'s, on a layer above this one, so moving the cursor does not repaint the lanes.
 *
 * <p>Only the lanes in view are painted. Nothing is clipped: what must not show is painted over instead (the header
 * column after the plot; the overlay's axis band over the top), because on the window's canvas each clip costs a
 * full-canvas mask and blend. Its working arrays and maps are kept from one painting to the next, so a painting
 * allocates little beyond the texts it draws. FX thread only.
 */
final class LanesPainter {
    /** Above this many px per millisecond, every line gets its own tick (else one per millisecond). */
    private static final double EXACT_TICKS_PX_PER_MS = 3;
    /** A lane with more lines than this is always drawn one tick per millisecond. */
    private static final int EXACT_TICKS_MAX_LINES = 200_000;
    /** Python's own helper processes (resource tracker, fork server, Manager) are dimmed: not the program's work. */
    private static final double HELPER_ALPHA = 0.55;
    /** A header whose process did not exist yet at a replay's cursor. */
    private static final double NOT_YET_ALPHA = 0.35;

    private final Marks marks = new Marks();
    /** The row of each PID in the snapshot (the first, should a PID repeat). */
    private final Map<Long, Integer> row = new HashMap<>();
    /** The pixel columns that have a tick (zoomed in: one tick per column). */
    private final BitSet tickColumns = new BitSet();
    private final TickSink tickSink = new TickSink();
    /** Where each lane in view has its exit label (lane - first lane in view), drawn after the arrows; NaN: none. */
    private double[] exitX = new double[64];

    /** Paints the lanes of {@code f} on {@code s}, which is {@code f}'s geometry's size. */
    void paint(DrawingSurface s, PaintFrame f) {
        TimelineStyle st = f.style();
        s.setAlpha(1);
        s.setTextAlign(TextAlignment.LEFT);
        s.setFill(st.lane());
        // whole pixels: a canvas 170.4 px high would blend its last row over what the previous paint left there, so
        // the same frame drawn twice could differ in that row
        s.fillRect(0, 0, Math.ceil(s.width()), Math.ceil(s.height()));
        if (f.scale() == null) {
            paintHint(s, f);
            return;
        }
        TimelineGeometry geo = f.geometry();
        List<ProcessView> ps = f.snapshot().processes();
        row.clear();
        for (int i = 0; i < ps.size(); i++) {
            row.putIfAbsent(ps.get(i).pid(), i);
        }
        int first = geo.firstVisibleLane();
        int last = geo.lastVisibleLane();
        for (int i = first; i <= last; i++) {
            s.setFill(background(st, f.selected(ps.get(i).pid()), i));
            s.fillRect(0, geo.laneTop(i), s.width(), geo.laneHeight());
        }
        paintGrid(s, f);
        long clip = f.clip();
        long end = f.end();
        if (exitX.length < last - first + 1) {
            exitX = new double[Math.max(2 * exitX.length, last - first + 1)];
        }
        for (int i = first; i <= last; i++) {
            ProcessView p = ps.get(i);
            s.setAlpha(alphaOf(p));
            exitX[i - first] = paintBars(s, f, p, i, end, clip);
            s.setAlpha(1);
            paintKernelStates(s, f, p, i, end);
            paintTicks(s, f, p, i, Math.min(f.scale().range().to(), clip));
        }
        paintArrows(s, f, first, last);
        // exit labels and notes over the arrows, so a join or reaped arrow passes under their text, not through it
        for (int i = first; i <= last; i++) {
            ProcessView p = ps.get(i);
            if (!Double.isNaN(exitX[i - first])) {
                s.setAlpha(alphaOf(p));
                paintExitLabel(s, f, p, exitX[i - first], geo.barTop(i));
            }
            long noteAt = p.orphanedAt() >= 0 ? p.orphanedAt() : p.startFailed() != null ? p.startFailed().t() : -1;
            if (noteAt >= 0 && noteAt <= clip) {
                TimelineLane lane = f.lane(i, p);
                if (lane.note() != null) {
                    s.setAlpha(1);
                    paintNote(s, f, lane.note(), f.scale().x(noteAt), i);
                }
            }
        }
        s.setAlpha(1);
        // the header column hides whatever the plot drew left of it (a panned bar never runs under a name)
        s.setFill(st.lane());
        s.fillRect(0, geo.axisHeight(), geo.plotClip(), s.height() - geo.axisHeight());
        for (int i = first; i <= last; i++) {
            ProcessView p = ps.get(i);
            boolean notYet = clip != Long.MAX_VALUE && !existsBy(p, clip);
            paintHeader(s, f, f.lane(i, p), p, i, notYet);
        }
        st.gridLine().use(s);
        s.strokeLine(geo.headerWidth() + 0.5, geo.axisHeight(), geo.headerWidth() + 0.5, s.height());
    }

    /** No run to show: a line saying why, where the lanes will be. */
    private void paintHint(DrawingSurface s, PaintFrame f) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        RunSnapshot snap = f.snapshot();
        String hint = snap == null || snap.status() == RunStatus.NOT_STARTED
                ? "Press Run: every process of the run gets a lane here."
                : snap.status() == RunStatus.FAILED ? "The run could not start: no process ran." : "Starting…";
        s.setFill(st.mutedText());
        s.setFont(st.laneFont());
        s.setTextAlign(TextAlignment.CENTER);
        double axisH = geo.axisHeight();
        s.fillText(hint, s.width() / 2, axisH + Math.min(s.height() - axisH, geo.laneHeight() * 3) / 2);
        s.setTextAlign(TextAlignment.LEFT);
    }

    /** A process's bars' opacity: Python's own helpers are dimmed. */
    private static double alphaOf(ProcessView p) {
        return p.role() == Role.HELPER ? HELPER_ALPHA : 1;
    }

    private static Color background(TimelineStyle st, boolean selected, int i) {
        return selected ? st.selection() : i % 2 == 1 ? st.laneAlt() : st.lane();
    }

    /** True when the process (or its Process object) existed, had been asked for or had started by {@code t}. */
    private static boolean existsBy(ProcessView p, long t) {
        return !p.states().isEmpty() && p.states().get(0).from() <= t
                || p.startCalledAt() >= 0 && p.startCalledAt() <= t || p.startedAt() >= 0 && p.startedAt() <= t;
    }

    /** A vertical line at each of the axis's labels, under the bars. */
    private void paintGrid(DrawingSurface s, PaintFrame f) {
        AxisScale sc = f.scale();
        double top = f.geometry().axisHeight();
        double step = sc.step();
        double first = sc.firstTick(step);
        double last = sc.lastSecond();
        s.setFill(f.style().grid());
        for (int k = 0; ; k++) {
            double sec = first + k * step;
            if (sec > last) {
                break;
            }
            // a 1-px rectangle, not a stroked line: a canvas fills rectangles without its rasteriser
            s.fillRect(Math.round(sc.xOfSeconds(sec)), top, 1, s.height() - top);
        }
    }

    private void paintHeader(DrawingSurface s, PaintFrame f, TimelineLane lane, ProcessView p, int i, boolean notYet) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        double y = geo.laneTop(i);
        double laneH = geo.laneHeight();
        boolean selected = f.selected(p.pid());
        Color c = f.palette() == null ? st.text() : f.palette().colorOf(lane.pid());
        Color title = f.palette() == null ? st.text() : f.palette().textColorOf(lane.pid());
        // the header's own background: bars panned to the left end under it, not over the names
        s.setFill(background(st, selected, i));
        s.fillRect(0, y, geo.headerWidth(), laneH);
        if (notYet) {
            s.setAlpha(NOT_YET_ALPHA);
        }
        s.setFill(c);
        s.fillRect(0, y + 3, selected ? 7 : 5, laneH - 6);
        double x = 14 + lane.depth() * st.indent();
        double maxW = geo.headerWidth() - x - 6;
        if (lane.depth() > 0) {
            // a small elbow: this process hangs under its parent
            st.treeLine().use(s);
            double ex = x - st.indent() * 0.6;
            s.strokeLine(ex, y, ex, y + laneH * 0.36);
            s.strokeLine(ex, y + laneH * 0.36, x - 3, y + laneH * 0.36);
        }
        s.setFont(st.laneFont());
        s.setFill(title);
        s.fillText(fit(s, lane.title(), st.laneFont(), maxW), x, y + laneH * 0.44);
        // an orphan is said in bold warning; lost from view in its band's colour, not bold (its longer words then fit
        // a child's header with a PID of six digits)
        boolean orphan = p.orphan() && !p.lost();
        Font detail = orphan ? st.smallBoldFont() : st.smallFont();
        s.setFont(detail);
        s.setFill(p.lost() ? st.lost().color() : orphan ? st.warning() : st.mutedText());
        s.fillText(fit(s, lane.detail(), detail, maxW), x, y + laneH * 0.84);
        s.setAlpha(1);
    }

    /** Paints lane {@code i}'s bars; returns the x of its exit label, or NaN when it has none (yet). */
    private double paintBars(DrawingSurface s, PaintFrame f, ProcessView p, int i, long end, long clip) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        AxisScale sc = f.scale();
        double top = geo.barTop(i);
        double bh = geo.barHeight();
        double barEnd = -1;
        if (p.startCalledAt() >= 0 && p.startedAt() > p.startCalledAt() && p.startCalledAt() <= clip) {
            // start() was called, the process is not running yet
            double x0 = sc.x(p.startCalledAt());
            double x1 = sc.x(Math.min(p.startedAt(), end));
            if (x1 - x0 >= 2) {
                marks.created(s, st, x0 + 0.75, top + 0.75, x1 - x0 - 1.5, bh - 1.5);
            }
        }
        for (Span<LifeState> span : p.states()) {
            if (span.from() > end) {
                continue;
            }
            double x0 = sc.x(span.from());
            double x1 = sc.x(span.open() ? end : Math.min(span.to(), end));
            if (span.state() == LifeState.ENDED) {
                marks.ended(s, st, x0, Math.max(x0, sc.x(end)), top + bh / 2);
                continue;
            }
            double wdt = Math.max(2, x1 - x0);
            switch (span.state()) {
                case RUNNING -> marks.running(s, st, x0, top, wdt, bh);
                case WAITING_JOIN -> marks.waiting(s, st, x0, top, wdt, bh);
                case ZOMBIE -> {
                    marks.zombie(s, st, x0, top, wdt, bh);
                    Font small = st.smallFont();
                    if (wdt > st.zombieTextWidth() + 10) {
                        double tx = Math.max(x0, geo.plotLeft()) + 5;
                        marks.zombieLabelPatch(s, st, tx - 3, top + bh / 2 - small.getSize() * 0.7,
                                st.zombieTextWidth() + 6, small.getSize() * 1.4);
                        s.setFont(small);
                        s.setFill(st.emphasisText());
                        s.fillText(TimelineStyle.ZOMBIE_TEXT, tx, top + bh / 2 + small.getSize() * 0.35);
                    }
                }
                case CREATED -> marks.created(s, st, x0, top, wdt, bh);
                case LOST -> marks.lost(s, st, x0, top, wdt, bh);
                default -> {
                }
            }
            barEnd = Math.max(barEnd, x0 + wdt);
        }
        boolean ended = p.endedAt() >= 0 && p.endedAt() <= clip;
        boolean known = p.exitCode() != null && (p.reapedAt() < 0 || p.reapedAt() <= clip);
        // while replaying, the exit code shows once the parent could know it
        boolean labelled = ended && barEnd >= geo.plotLeft() - 2 && barEnd <= geo.width();
        return labelled && (clip == Long.MAX_VALUE || known) ? barEnd : Double.NaN;
    }

    /** The kernel's own view, sampled from /proc: a thin strip under the bar, one colour and shape per state. */
    private void paintKernelStates(DrawingSurface s, PaintFrame f, ProcessView p, int i, long end) {
        if (p.kernelStates().isEmpty()) {
            return;
        }
        TimelineGeometry geo = f.geometry();
        AxisScale sc = f.scale();
        double top = geo.kernelTop(i);
        double kh = geo.kernelHeight();
        // the sampler notices an end a little late: what it saw after the process ended is not drawn, except Z
        long life = p.endedAt() >= 0 ? Math.min(end, p.endedAt()) : end;
        for (Span<KernelStateKind> k : p.kernelStates()) {
            if (k.from() > end) {
                break;
            }
            boolean zombie = k.state() == KernelStateKind.ZOMBIE;
            long stop = zombie ? end : life;
            if (k.from() >= stop) {
                continue;
            }
            long to = Math.min(k.toOr(end), stop);
            double x0 = sc.x(k.from());
            double x1 = sc.x(to);
            if (x1 < geo.plotLeft() - 20 || x0 > geo.width()) {
                continue;
            }
            marks.kernelStrip(s, f.style(), k.state(), x0, top, Math.max(1, x1 - x0), kh);
        }
    }

    /** A marker where something happened to the process (orphaned, its start() raised), with its text in a small pill. */
    private void paintNote(DrawingSurface s, PaintFrame f, String text, double x, int i) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        Font font = st.smallBoldFont();
        double top = geo.laneTop(i) + 2;
        double bottom = geo.barTop(i) + geo.barHeight();
        st.noteLine().use(s);
        s.strokeLine(x, top, x, bottom);
        double tw = s.textWidth(text, font);
        double lx = Math.max(geo.plotLeft(), Math.min(x + 4, geo.width() - tw - 12));
        double lh = font.getSize() + 5;
        s.setFill(st.note());
        s.fillRoundRect(lx, top, tw + 10, lh, 8);
        st.noteOutline().use(s);
        s.strokeRoundRect(lx, top, tw + 10, lh, 8);
        s.setFont(font);
        s.setFill(st.warning());
        s.fillText(text, lx + 5, top + lh / 2 + font.getSize() * 0.35);
    }

    /** The exit code in a pill right of the bar's end; red when it is not 0. */
    private void paintExitLabel(DrawingSurface s, PaintFrame f, ProcessView p, double x, double top) {
        TimelineStyle st = f.style();
        String text = p.exitCode() == null ? (p.zombie() ? "" : "exit ?") : "exit " + Formats.exitCode(p.exitCode());
        if (text.isEmpty()) {
            return;
        }
        boolean bad = p.exitCode() == null || p.exitCode() != 0;
        Font font = st.smallFont();
        double bh = f.geometry().barHeight();
        double tw = s.textWidth(text, font);
        double pad = 5;
        double lx = Math.min(x + 6, f.geometry().width() - tw - 2 * pad - 4);
        double lh = font.getSize() + 6;
        double ly = top + (bh - lh) / 2;
        s.setFill(st.lane());
        s.fillRoundRect(lx, ly, tw + 2 * pad, lh, 8);
        (bad ? st.exitBad() : st.exitOk()).use(s);
        s.strokeRoundRect(lx, ly, tw + 2 * pad, lh, 8);
        s.setFont(font);
        s.setFill(bad ? st.error() : st.text());
        s.fillText(text, lx + pad, ly + lh / 2 + font.getSize() * 0.35);
    }

    /** The process's lines of output up to {@code until} (epoch µs), as ticks above its bar; stderr over stdout. */
    private void paintTicks(DrawingSurface s, PaintFrame f, ProcessView p, int i, long until) {
        OutputTicks.Lane lane = f.ticks().lane(p.pid());
        if (lane == null) {
            return;
        }
        TimelineGeometry geo = f.geometry();
        AxisScale sc = f.scale();
        double top = geo.laneTop(i) + geo.laneHeight() * 0.06;
        double bottom = geo.barTop(i) - 1;
        long from = sc.range().from();
        boolean exact = sc.pxPerMillisecond() >= EXACT_TICKS_PX_PER_MS && lane.size() <= EXACT_TICKS_MAX_LINES;
        for (int pass = 0; pass < 2; pass++) {
            boolean err = pass == 1;
            marks.tickColour(s, f.style(), err);
            double b = err ? bottom + 1 : bottom;
            if (exact) {
                // zoomed in: every line at its own moment, at most one mark per pixel column
                tickColumns.clear();
                for (int k = 0; k < lane.size(); k++) {
                    long tk = lane.time(k);
                    if (lane.stderr(k) != err || tk < from || tk > until) {
                        continue;
                    }
                    int px = (int) Math.round(sc.x(tk));
                    if (px >= 0 && !tickColumns.get(px)) {
                        tickColumns.set(px);
                        marks.tick(s, px, top, b);
                    }
                }
                continue;
            }
            // one mark per millisecond that had output, and at most one per pixel column
            tickSink.start(s, sc, top, b);
            lane.forEachMillisecond(err, from, until, tickSink);
        }
    }

    /** Draws one tick per millisecond handed to it, at most one per pixel column (kept, not made per lane). */
    private final class TickSink implements LongConsumer {
        private DrawingSurface s;
        private AxisScale sc;
        private double top;
        private double bottom;
        private long lastPx;

        void start(DrawingSurface surface, AxisScale scale, double tickTop, double tickBottom) {
            s = surface;
            sc = scale;
            top = tickTop;
            bottom = tickBottom;
            lastPx = Long.MIN_VALUE;
        }

        @Override
        public void accept(long millisecondMicros) {
            long px = Math.round(sc.x(millisecondMicros + 500));
            if (px != lastPx) {
                lastPx = px;
                marks.tick(s, px, top, bottom);
            }
        }
    }

    /**
     * Arrows between lanes: start (parent → child, where {@code start()} was called), join (parent → child, dashed,
     * where the parent began to wait) and reaped (child → parent, where the parent collected the exit status). Only
     * arrows whose head lands on a lane in view are drawn: with hundreds of children, the others would be hundreds of
     * overlapping lines leading out of the picture.
     */
    private void paintArrows(DrawingSurface s, PaintFrame f, int firstLane, int lastLane) {
        TimelineStyle st = f.style();
        TimelineGeometry geo = f.geometry();
        AxisScale sc = f.scale();
        List<ProcessView> ps = f.snapshot().processes();
        long clip = f.clip();
        double bh = geo.barHeight();
        for (int i = 0; i < ps.size(); i++) {
            ProcessView c = ps.get(i);
            Integer pr = row.get(c.parent());
            boolean childInView = i >= firstLane && i <= lastLane;
            if (childInView && pr != null && pr != i && c.startedAt() >= 0 && c.startedAt() <= clip) {
                long from = c.startCalledAt() >= 0 ? c.startCalledAt() : c.startedAt();
                double y0 = geo.barTop(pr) + (pr < i ? bh : 0);
                double y1 = geo.barTop(i) + (pr < i ? 0 : bh);
                marks.startArrow(s, st, sc.x(from), y0, sc.x(c.startedAt()), y1);
            }
            boolean parentInView = pr != null && pr >= firstLane && pr <= lastLane;
            if (parentInView && pr != i && !c.orphan() && c.reapedAt() >= 0 && c.reapedAt() <= clip) {
                double x = sc.x(c.reapedAt());
                double y0 = geo.barTop(i) + (pr < i ? 0 : bh);
                double y1 = geo.barTop(pr) + (pr < i ? bh : 0);
                marks.reapedArrow(s, st, x, y0, x, y1);
            }
            for (JoinView j : c.joins()) {
                Integer cr = row.get(j.child());
                if (cr == null || cr == i || j.from() > clip || cr < firstLane || cr > lastLane) {
                    continue;
                }
                double x = sc.x(j.from());
                double y0 = geo.barTop(i) + (cr > i ? bh : 0);
                double y1 = geo.barTop(cr) + (cr > i ? 0 : bh);
                marks.joinArrow(s, st, x, y0, x, y1);
            }
        }
    }

    /** {@code text}, cut with an ellipsis to fit {@code max} px in {@code font}. */
    private static String fit(DrawingSurface s, String text, Font font, double max) {
        if (s.textWidth(text, font) <= max) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && s.textWidth(cut + "…", font) > max) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }
}
