package org.processlab.ui.timeline.impl;

import java.util.ArrayDeque;
import java.util.Deque;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.shape.StrokeLineJoin;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.processlab.ui.timeline.DrawingSurface;

/**
 * A {@link DrawingSurface} over a JavaFX {@link Canvas}: each call is the {@link GraphicsContext} call of the same
 * name. A null fill or stroke is kept here (a graphics context would ignore it and keep its last colour) and makes
 * the shapes it would paint be left out. The dash pattern is kept here too and passed on only when it changes: a
 * painter sets it with every pen, and each setting would be a command for the render thread. FX thread only.
 */
final class CanvasSurface implements DrawingSurface {
    private final Canvas canvas;
    private final GraphicsContext g;
    private final TextMeasure measure;
    private Color fill;
    private Color stroke;
    /** The dash pattern set, px; {@code dashOn} 0 for solid lines. */
    private double dashOn;
    private double dashOff;
    /** How many canvas pixels a px of the picture is (1 on the screen; more for a sharper snapshot). */
    private double scale = 1;
    /** What each {@link #save()} not yet restored kept of the state held here. */
    private final Deque<Kept> saved = new ArrayDeque<>();

    private record Kept(Color fill, Color stroke, double dashOn, double dashOff) {
    }

    CanvasSurface(Canvas canvas, TextMeasure measure) {
        this.canvas = canvas;
        this.g = canvas.getGraphicsContext2D();
        this.measure = measure;
        g.setTextBaseline(VPos.BASELINE);
        g.setTextAlign(TextAlignment.LEFT);
        g.setLineCap(StrokeLineCap.BUTT);
        g.setLineJoin(StrokeLineJoin.MITER);
        g.setLineWidth(1);
        g.setLineDashes();
        g.setGlobalAlpha(1);
    }

    /** Makes the whole canvas transparent (an overlay starts each painting so). */
    void clear() {
        g.clearRect(0, 0, width(), height());
    }

    /**
     * Draws {@code scale} canvas pixels for each px of the picture from now on (the canvas is that much larger than
     * the picture); 1, the default, on the screen.
     */
    void setScale(double scale) {
        this.scale = scale;
        g.setTransform(scale, 0, 0, scale, 0, 0);
    }

    @Override
    public double width() {
        return canvas.getWidth() / scale;
    }

    @Override
    public double height() {
        return canvas.getHeight() / scale;
    }

    @Override
    public void setFill(Color color) {
        fill = color;
        if (color != null) {
            g.setFill(color);
        }
    }

    @Override
    public void setStroke(Color color) {
        stroke = color;
        if (color != null) {
            g.setStroke(color);
        }
    }

    @Override
    public void setLineWidth(double px) {
        g.setLineWidth(px);
    }

    @Override
    public void setLineDashes(double on, double off) {
        if (on != dashOn || off != dashOff) {
            dashOn = on;
            dashOff = off;
            g.setLineDashes(on, off);
        }
    }

    @Override
    public void setSolidLines() {
        if (dashOn != 0) {
            dashOn = 0;
            dashOff = 0;
            g.setLineDashes();
        }
    }

    @Override
    public void setAlpha(double alpha) {
        g.setGlobalAlpha(alpha);
    }

    @Override
    public double alpha() {
        return g.getGlobalAlpha();
    }

    @Override
    public void setFont(Font font) {
        g.setFont(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        g.setTextAlign(align);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        if (fill != null) {
            g.fillRect(x, y, w, h);
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        if (stroke != null) {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        if (fill != null) {
            g.fillRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        if (stroke != null) {
            g.strokeRoundRect(x, y, w, h, arc, arc);
        }
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        if (stroke != null) {
            g.strokeLine(x0, y0, x1, y1);
        }
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        if (fill != null) {
            g.fillPolygon(xs, ys, n);
        }
    }

    @Override
    public void fillText(String text, double x, double y) {
        if (fill != null) {
            g.fillText(text, x, y);
        }
    }

    @Override
    public double textWidth(String text, Font font) {
        return measure.width(text, font);
    }

    @Override
    public void save() {
        saved.push(new Kept(fill, stroke, dashOn, dashOff));
        g.save();
    }

    @Override
    public void restore() {
        Kept k = saved.pop();
        fill = k.fill();
        stroke = k.stroke();
        dashOn = k.dashOn();
        dashOff = k.dashOff();
        g.restore();
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
    }
}
