package org.processlab.ui.timeline;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * What a {@link Timeline} is painted on: a flat picture of {@link #width()} × {@link #height()} pixels, filled and
 * stroked with plain colours. The timeline's painter knows only this interface, so the same drawing code fills the
 * window's canvas and can write a vector picture (an SVG for slides) through another implementation.
 *
 * <h2>Coordinates and units</h2>
 * Every length is in pixels (px) of the picture, as doubles; the origin is the top-left corner, x grows to the right
 * and y downwards. A 1-px line centred on a whole coordinate covers two half pixels; the painter adds 0.5 where it
 * wants a crisp line. Text is drawn with its <em>baseline</em> at the given y, and x is its left edge, centre or
 * right edge as {@link #setTextAlign} says.
 *
 * <h2>State</h2>
 * Like a pen: the fill (for shapes and text), the stroke (for outlines and lines), the line width, the dash
 * pattern, the opacity, the font and the text alignment stay as set until set again. Lines end exactly at their end
 * points (no caps) and outlines have mitred corners. A fresh surface fills and strokes with nothing
 * ({@code null} colour: the shape is not drawn), has 1-px solid lines, opacity 1, left-aligned text and the default
 * font. {@link #save()} and {@link #restore()} keep and bring back all of that state together with the clip; they
 * nest.
 *
 * <h2>Threading</h2>
 * A surface is used by one thread at a time. The timeline paints on the JavaFX application thread; a surface over a
 * JavaFX canvas may be used only there.
 */
public interface DrawingSurface {

    /** The picture's width, px. */
    double width();

    /** The picture's height, px. */
    double height();

    /** The colour of the shapes and text filled from now on; null: fill nothing. */
    void setFill(Color color);

    /** The colour of the outlines and lines stroked from now on; null: stroke nothing. */
    void setStroke(Color color);

    /** The width of the outlines and lines stroked from now on, px. */
    void setLineWidth(double px);

    /**
     * Dashed lines from now on: {@code on} px drawn, {@code off} px left out (both above 0), from each
     * line's start.
     */
    void setLineDashes(double on, double off);

    /** Solid lines from now on (the default). */
    void setSolidLines();

    /** The opacity of everything drawn from now on, 0 (nothing shows) to 1 (the default); times the colours' own. */
    void setAlpha(double alpha);

    /** The opacity set by {@link #setAlpha}. */
    double alpha();

    /** The font of the text filled from now on. */
    void setFont(Font font);

    /** Where a text's x is: its left edge ({@code LEFT}, the default), its centre or its right edge. */
    void setTextAlign(TextAlignment align);

    /** Fills the rectangle whose top-left corner is (x, y), px. */
    void fillRect(double x, double y, double w, double h);

    /** Strokes the outline of the rectangle whose top-left corner is (x, y), px (the line is centred on it). */
    void strokeRect(double x, double y, double w, double h);

    /** Fills a rectangle with rounded corners; {@code arc} is the corners' diameter, px. */
    void fillRoundRect(double x, double y, double w, double h, double arc);

    /** Strokes the outline of a rectangle with rounded corners; {@code arc} is the corners' diameter, px. */
    void strokeRoundRect(double x, double y, double w, double h, double arc);

    /** Strokes a straight line from (x0, y0) to (x1, y1), px. */
    void strokeLine(double x0, double y0, double x1, double y1);

    /** Fills the polygon of the first {@code n} points of {@code xs} and {@code ys}, px; the arrays are not kept. */
    void fillPolygon(double[] xs, double[] ys, int n);

    /** Fills {@code text} in the current font and fill, its baseline at y (see {@link #setTextAlign}). */
    void fillText(String text, double x, double y);

    /** How wide {@code text} is in {@code font}, px; the same measure for every surface, so labels fit alike. */
    double textWidth(String text, Font font);

    /** Keeps the current state (colours, line, opacity, font, alignment, clip) for {@link #restore()}. */
    void save();

    /** Brings back the state kept by the matching {@link #save()}. */
    void restore();

    /**
     * Draws only inside the rectangle whose top-left corner is (x, y), px, intersected with any clip already set,
     * until the matching {@link #restore()}. A clip may cost a surface much more than painting over: the timeline's
     * painter avoids it on the window's canvas.
     */
    void clipRect(double x, double y, double w, double h);
}
