package org.processlab.ui.fx;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.scene.paint.Color;

import org.processlab.model.ProcessView;

/**
 * One colour per process of a run, shared by the timeline, the process table and the console, so a student
 * can match a lane, a row and a line by colour. Colours are given in the order processes first appear and
 * never change during a run. The colours are dark enough to read as text on white, also on a projector;
 * red is left out (it means stderr and errors).
 *
 * <p>Threading: FX thread only.
 */
public final class ProcessPalette {
    private static final List<Color> COLORS = List.of(
            Color.web("#0969da"), Color.web("#bc4c00"), Color.web("#1a7f37"), Color.web("#8250df"),
            Color.web("#bf3989"), Color.web("#0b7285"), Color.web("#7d4e00"), Color.web("#3b4ba8"),
            Color.web("#4d7c0f"), Color.web("#9333ea"));

    private final Map<Long, Integer> index = new HashMap<>();

    /** Gives colours to processes not seen before, in snapshot order. */
    public void assign(List<ProcessView> processes) {
        for (ProcessView p : processes) {
            index.computeIfAbsent(p.pid(), k -> index.size());
        }
    }

    /** The colour of process {@code pid}; grey for a PID never assigned. */
    public Color colorOf(long pid) {
        Integer i = index.get(pid);
        return i == null ? Color.web("#57606a") : COLORS.get(i % COLORS.size());
    }

    /** Forgets every process (a new run). */
    public void clear() {
        index.clear();
    }

    /** The colour as a CSS literal ({@code #rrggbb}). */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }
}
