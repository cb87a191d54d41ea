package org.processlab.ui.timeline;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A surface that writes down every call made to it, with its arguments (to a hundredth of a pixel), then passes it on
 * to another surface: two paintings that made the same calls have equal {@link #calls()}.
 */
public final class RecordingSurface implements DrawingSurface {
    private final DrawingSurface to;
    private final List<String> calls = new ArrayList<>();

    public RecordingSurface(DrawingSurface to) {
        this.to = to;
    }

    /** Every call so far, in order: {@code fillRect 0 0 100 20}, {@code setFill 0xff0000ff}... */
    public List<String> calls() {
        return calls;
    }

    /** The texts filled so far, in order. */
    public List<String> texts() {
        return calls.stream().filter(c -> c.startsWith("fillText ")).map(c -> c.substring(9, c.lastIndexOf(" @ ")))
                .toList();
    }

    private void note(String name, double... args) {
        StringBuilder b = new StringBuilder(name);
        for (double a : args) {
            b.append(' ').append(Math.round(a * 100) / 100.0);
        }
        calls.add(b.toString());
    }

    @Override
    public double width() {
        return to.width();
    }

    @Override
    public double height() {
        return to.height();
    }

    @Override
    public void setFill(Color color) {
        calls.add("setFill " + color);
        to.setFill(color);
    }

    @Override
    public void setStroke(Color color) {
        calls.add("setStroke " + color);
        to.setStroke(color);
    }

    @Override
    public void setLineWidth(double px) {
        note("setLineWidth", px);
        to.setLineWidth(px);
    }

    @Override
    public void setLineDashes(double on, double off) {
        note("setLineDashes", on, off);
        to.setLineDashes(on, off);
    }

    @Override
    public void setSolidLines() {
        note("setSolidLines");
        to.setSolidLines();
    }

    @Override
    public void setAlpha(double alpha) {
        note("setAlpha", alpha);
        to.setAlpha(alpha);
    }

    @Override
    public double alpha() {
        return to.alpha();
    }

    @Override
    public void setFont(Font font) {
        calls.add("setFont " + font);
        to.setFont(font);
    }

    @Override
    public void setTextAlign(TextAlignment align) {
        calls.add("setTextAlign " + align);
        to.setTextAlign(align);
    }

    @Override
    public void fillRect(double x, double y, double w, double h) {
        note("fillRect", x, y, w, h);
        to.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h) {
        note("strokeRect", x, y, w, h);
        to.strokeRect(x, y, w, h);
    }

    @Override
    public void fillRoundRect(double x, double y, double w, double h, double arc) {
        note("fillRoundRect", x, y, w, h, arc);
        to.fillRoundRect(x, y, w, h, arc);
    }

    @Override
    public void strokeRoundRect(double x, double y, double w, double h, double arc) {
        note("strokeRoundRect", x, y, w, h, arc);
        to.strokeRoundRect(x, y, w, h, arc);
    }

    @Override
    public void strokeLine(double x0, double y0, double x1, double y1) {
        note("strokeLine", x0, y0, x1, y1);
        to.strokeLine(x0, y0, x1, y1);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, int n) {
        double[] all = new double[2 * n];
        for (int i = 0; i < n; i++) {
            all[2 * i] = xs[i];
            all[2 * i + 1] = ys[i];
        }
        note("fillPolygon", all);
        to.fillPolygon(xs, ys, n);
    }

    @Override
    public void fillText(String text, double x, double y) {
        note("fillText " + text + " @", x, y);
        to.fillText(text, x, y);
    }

    @Override
    public double textWidth(String text, Font font) {
        return to.textWidth(text, font);
    }

    @Override
    public void save() {
        note("save");
        to.save();
    }

    @Override
    public void restore() {
        note("restore");
        to.restore();
    }

    @Override
    public void clipRect(double x, double y, double w, double h) {
        note("clipRect", x, y, w, h);
        to.clipRect(x, y, w, h);
    }
}
