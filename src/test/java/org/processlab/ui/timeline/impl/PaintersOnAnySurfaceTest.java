package org.processlab.ui.timeline.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.ui.timeline.TimelineFixture.T0;
import static org.processlab.ui.timeline.TimelineFixture.fx;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.processlab.ui.timeline.DrawingSurface;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineFixture;

/**
 * The painters know only {@link DrawingSurface}: painted onto a surface that records what it is asked to draw (as
 * a vector export would write it), a finished run gives its lane titles, exit labels, axis labels and cursor badge,
 * every colour from the style, and no clip.
 */
class PaintersOnAnySurfaceTest {

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    @Test
    void aFinishedRunPaintsItsLanesAndOverlayOnAnySurface() throws Exception {
        Recording lanes = new Recording(1000, 400);
        Recording overlay = new Recording(1000, 400);
        fx(() -> {
            Timeline t = TimelineFixture.timeline(TimelineFixture.finishedRun());
            t.setCursorTime(T0 + 1_000_000);
            StackPane root = new StackPane(t);
            new Scene(root, 1000, 520);
            root.applyCss();
            root.layout();
            t.redrawNow();
            PaintFrame f = ((TimelineSkin) t.getSkin()).frame();
            new LanesPainter().paint(lanes, f);
            new OverlayPainter().paint(overlay, f);
            return null;
        });
        assertThat(lanes.texts).contains("MainProcess", "exit 0").anyMatch(s -> s.startsWith("PID 4001"));
        assertThat(overlay.texts).contains("Process", "seconds since Run", "1.000 s").contains("0.5 s", "1.5 s");
        assertThat(lanes.rects).as("bars, lanes, ticks").isGreaterThan(10);
        assertThat(lanes.lines).as("arrows, outlines").isPositive();
        assertThat(lanes.nullPaints + overlay.nullPaints).as("paints with no colour").isZero();
        assertThat(lanes.clips + overlay.clips).as("clips").isZero();
        assertThat(lanes.depth).isZero();
    }

    @Test
    void aProcessLostFromViewIsABandOfQuestionMarksAndSaysSoInItsLane() throws Exception {
        Recording lanes = new Recording(1000, 400);
        Recording whole = new Recording(1000, 600);
        fx(() -> {
            Timeline t = TimelineFixture.timeline(TimelineFixture.lostRun());
            StackPane root = new StackPane(t);
            new Scene(root, 1000, 520);
            root.applyCss();
            root.layout();
            t.redrawNow();
            PaintFrame f = ((TimelineSkin) t.getSkin()).frame();
            new LanesPainter().paint(lanes, f);
            ((TimelineSkin) t.getSkin()).paintWhole(whole);
            return null;
        });
        // two lanes lost from 0.8 s to the run's end at 2 s: a row of marks each, far more than one
        assertThat(lanes.texts.stream().filter("?"::equals).count()).as("the \"?\" marks").isGreaterThan(6);
        assertThat(lanes.texts).anyMatch(s -> s.equals("PID 4000 · lost from view"))
                .anyMatch(s -> s.startsWith("PID 4001 · lost"));
        assertThat(lanes.dashedRects).as("the bands' dashed outlines").isEqualTo(2);
        assertThat(lanes.texts).as("no exit label: no end was seen").noneMatch(s -> s.startsWith("exit"));
        assertThat(whole.texts).as("the legend's entry").contains("lost from view");
        assertThat(lanes.nullPaints + whole.nullPaints).as("paints with no colour").isZero();
        assertThat(lanes.clips).as("clips").isZero();
    }

    /** Records what it is asked to draw. */
    private static final class Recording implements DrawingSurface {
        final List<String> texts = new ArrayList<>();
        final double w;
        final double h;
        int rects;
        int lines;
        int clips;
        int depth;
        int nullPaints;
        /** Rectangles stroked with a dashed pen. */
        int dashedRects;
        private boolean dashed;
        private Color fill;
        private Color stroke;
        private double alpha = 1;

        Recording(double w, double h) {
            this.w = w;
            this.h = h;
        }

        private void filled() {
            nullPaints += fill == null ? 1 : 0;
        }

        private void stroked() {
            nullPaints += stroke == null ? 1 : 0;
        }

        @Override
        public double width() {
            return w;
        }

        @Override
        public double height() {
            return h;
        }

        @Override
        public void setFill(Color color) {
            fill = color;
        }

        @Override
        public void setStroke(Color color) {
            stroke = color;
        }

        @Override
        public void setLineWidth(double px) {
        }

        @Override
        public void setLineDashes(double on, double off) {
            dashed = true;
        }

        @Override
        public void setSolidLines() {
            dashed = false;
        }

        @Override
        public void setAlpha(double a) {
            alpha = a;
        }

        @Override
        public double alpha() {
            return alpha;
        }

        @Override
        public void setFont(Font font) {
        }

        @Override
        public void setTextAlign(TextAlignment align) {
        }

        @Override
        public void fillRect(double x, double y, double rw, double rh) {
            filled();
            rects++;
        }

        @Override
        public void strokeRect(double x, double y, double rw, double rh) {
            stroked();
            dashedRects += dashed ? 1 : 0;
            lines++;
        }

        @Override
        public void fillRoundRect(double x, double y, double rw, double rh, double arc) {
            filled();
        }

        @Override
        public void strokeRoundRect(double x, double y, double rw, double rh, double arc) {
            stroked();
        }

        @Override
        public void strokeLine(double x0, double y0, double x1, double y1) {
            stroked();
            lines++;
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, int n) {
            filled();
        }

        @Override
        public void fillText(String text, double x, double y) {
            filled();
            texts.add(text);
        }

        @Override
        public double textWidth(String text, Font font) {
            return text.length() * font.getSize() * 0.6;
        }

        @Override
        public void save() {
            depth++;
        }

        @Override
        public void restore() {
            depth--;
        }

        @Override
        public void clipRect(double x, double y, double cw, double ch) {
            clips++;
        }
    }
}
