package org.processlab.ui.timeline.impl;

import javafx.scene.paint.Color;

import org.processlab.ui.timeline.DrawingSurface;

/**
 * How a line is drawn: its colour, width (px) and dashes ({@code dashOn} px drawn, {@code dashOff} px left out; 0
 * and 0 for a solid line). Made once per style change ({@link TimelineStyle}); a mark's pen is the same in the lanes
 * and in the legend. Immutable; any thread.
 */
record Pen(Color color, double width, double dashOn, double dashOff) {

    /** A solid pen. */
    static Pen solid(Color color, double width) {
        return new Pen(color, width, 0, 0);
    }

    /** A dashed pen. */
    static Pen dashed(Color color, double width, double on, double off) {
        return new Pen(color, width, on, off);
    }

    /** Strokes with this pen from now on (and fills with its colour, for an arrow's head). */
    void use(DrawingSurface s) {
        s.setStroke(color);
        s.setFill(color);
        s.setLineWidth(width);
        if (dashOn > 0) {
            s.setLineDashes(dashOn, dashOff);
        } else {
            s.setSolidLines();
        }
    }
}
