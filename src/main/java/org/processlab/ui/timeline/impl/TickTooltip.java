package org.processlab.ui.timeline.impl;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.fx.Formats;
import org.processlab.ui.timeline.OutputTicks;

/**
 * The tooltip of an output tick: the line's text, when it was written, to which stream and by whom. Shown at once
 * while the mouse is within a few px of a tick (in its lane's row of ticks), hidden otherwise. FX thread only.
 */
final class TickTooltip {
    /** How near a tick the mouse must be, px. */
    private static final double REACH = 5;
    private final Tooltip tip = new Tooltip();
    /** The tick shown: its process and its index in that lane (-1: none). */
    private long shownPid;
    private int shownTick = -1;

    TickTooltip() {
        tip.getStyleClass().add("pl-timeline-tooltip");
        tip.setShowDelay(Duration.ZERO);
        tip.setWrapText(true);
        tip.setMaxWidth(600);
    }

    /**
     * Shows the tooltip of the tick at ({@code x}, {@code y}) of {@code owner} (px, in the frame's geometry), near
     * the screen point ({@code screenX}, {@code screenY}); hides it when there is none.
     */
    void hover(Node owner, PaintFrame f, double x, double y, double screenX, double screenY) {
        int i = f == null || f.scale() == null || x < f.geometry().plotLeft() - 4 ? -1 : f.geometry().laneAt(y);
        if (i < 0 || y > f.geometry().barTop(i) + 1) {
            hide();
            return;
        }
        ProcessView p = f.snapshot().processes().get(i);
        OutputTicks.Lane lane = f.ticks().lane(p.pid());
        int k = lane == null ? -1 : nearest(lane, f, x);
        if (k < 0) {
            hide();
            return;
        }
        if (p.pid() == shownPid && k == shownTick && tip.isShowing()) {
            return;
        }
        shownPid = p.pid();
        shownTick = k;
        tip.setText(text(f.snapshot(), p, lane, k));
        tip.show(owner, screenX + 14, screenY + 16);
    }

    /** Hides the tooltip. */
    void hide() {
        shownTick = -1;
        if (tip.isShowing()) {
            tip.hide();
        }
    }

    /** The tick of {@code lane} nearest {@code x} within {@link #REACH} (the last of equals), or -1. */
    private static int nearest(OutputTicks.Lane lane, PaintFrame f, double x) {
        long clip = f.clip();
        int best = -1;
        double bestD = REACH;
        for (int k = 0; k < lane.size(); k++) {
            if (lane.time(k) > clip) {
                continue;
            }
            double d = Math.abs(f.scale().x(lane.time(k)) - x);
            if (d <= bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    private static String text(RunSnapshot s, ProcessView p, OutputTicks.Lane lane, int k) {
        return lane.text(k) + "\n" + Formats.secondsFromStart(s, lane.time(k)) + " · "
                + (lane.stderr(k) ? "stderr" : "stdout") + " · " + Formats.who(p);
    }
}
