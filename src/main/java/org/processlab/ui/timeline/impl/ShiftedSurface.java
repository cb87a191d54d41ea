package org.processlab.ui.timeline.impl;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.processlab.ui.timeline.DrawingSurface;

/**
 * A box of another surface, seen as a surface of its own: its (0, 0) is at ({@code x}, {@code y}) of the other, and
 * it is {@code width} × {@code height} px. What is drawn goes to the other surface, moved by ({@code x}, {@code y});
 * nothing is clipped to the box (the caller clips where it must). So a legend swatch, drawn on a canvas of its own
 * on the screen, is drawn by the same code into its place in a picture of the whole timeline. Mutable only through
 * the state of the surface it draws on; FX thread only.
 */
final class ShiftedSurface implements DrawingSurface {
    private final DrawingSurface to;
    private final double x;
    private final double y;
    private final double width;
    private final double height;
    private final double[] xs = new double[8];
    private final double[] ys = new double[8];

    ShiftedSurface(DrawingSurface to, double x, double y, double width, double height) {
        this.to = to;
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void setFill(Color color) {
        to.setFill(color);
    }

    @Override
    public void setStroke(Color color) {
        to.setStroke(color);
    }

    @Override
    public void setLineWidth(double px) {
        to.setLineWidth(px);
    }

    @Override
    public void setLineDashes(double on, double off) {
        to.setLineDashes(on, off);
    }

    @Override
    public void setSolidLines() {
        to.setSolidLines();
    }

    @Override
    public void setAlpha(double alpha) {
        to.setAlpha(alpha);
    }

    @Override
    public double alpha() {
        return to.alpha();
    }

    @Override
    public void setFont(Font font) {
        to.setFont(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        to.setTextAlign(align);
    }

    @Override
    public void fillRect(double rx, double ry, double w, double h) {
        to.fillRect(x + rx, y + ry, w, h);
    }

    @Override
    public void strokeRect(double rx, double ry, double w, double h) {
        to.strokeRect(x + rx, y + ry, w, h);
    }

    @Override
    public void fillRoundRect(double rx, double ry, double w, double h, double arc) {
        to.fillRoundRect(x + rx, y + ry, w, h, arc);
    }

    @Override
    public void strokeRoundRect(double rx, double ry, double w, double h, double arc) {
        to.strokeRoundRect(x + rx, y + ry, w, h, arc);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        to.strokeLine(x + x0, y + y0, x + x1, y + y1);
    }

    @Override
    public void fillPolygon(double[] px, double[] py, int n) {
        double[] sx = n <= xs.length ? xs : new double[n];
        double[] sy = n <= ys.length ? ys : new double[n];
        for (int i = 0; i < n; i++) {
            sx[i] = x + px[i];
            sy[i] = y + py[i];
        }
        to.fillPolygon(sx, sy, n);
    }

    @Override
    public void fillText(String text, double tx, double ty) {
        to.fillText(text, x + tx, y + ty);
    }

    @Override
    public double textWidth(String text, Font font) {
        return to.textWidth(text, font);
    }

    @Override
    public void save() {
        to.save();
    }

    @Override
    public void restore() {
        to.restore();
    }

    @Override
    public void clipRect(double cx, double cy, double w, double h) {
        to.clipRect(x + cx, y + cy, w, h);
    }
}
