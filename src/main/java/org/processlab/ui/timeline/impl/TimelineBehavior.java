package org.processlab.ui.timeline.impl;

import java.util.function.Supplier;

import javafx.event.EventHandler;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

import org.processlab.model.RunSnapshot;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * Turns the mouse and keys into the timeline's selection, time cursor and range; it changes only the control's
 * properties (and the mouse pointer's shape), never what is drawn.
 *
 * <ul>
 *   <li>A lane's header: a click selects its process (again: clears).</li>
 *   <li>The plot, once the run has ended: pressing or dragging moves the time cursor. While it is live: a click
 *       selects, a drag pans.</li>
 *   <li>Shift+drag, or a middle- or secondary-button drag: pans. Ctrl+wheel zooms around the mouse, Shift+wheel
 *       pans, the wheel scrolls the lanes.</li>
 *   <li>Keys: {@code +} / {@code -} zoom, {@code 0} fits the run, Left / Right pan (with Shift: further), Esc clears
 *       the selection.</li>
 * </ul>
 * Hit tests use the geometry and time axis of the last painting. FX thread only.
 */
final class TimelineBehavior {
    /** How near the cursor's line the mouse shows it can be dragged, px. */
    private static final double CURSOR_GRIP = 6;
    /** A press that moves further than this is a drag, px. */
    private static final double DRAG_SLOP = 3;

    private enum Gesture { NONE, HEADER, CURSOR, PAN, PLOT_PRESS }

    private final Timeline control;
    private final Canvas target;
    private final ScrollBar scroll;
    private final Supplier<PaintFrame> frame;
    private final TickTooltip tooltip = new TickTooltip();
    private final EventHandler<KeyEvent> keys = this::key;
    private Gesture gesture = Gesture.NONE;
    private double pressX;
    private TimeRange pressRange;
    private boolean moved;

    /**
     * Listens to the mouse on {@code target} (the lanes' canvas) and to the keys on {@code control}; {@code frame}
     * gives the last painting (null before the first).
     */
    TimelineBehavior(Timeline control, Canvas target, ScrollBar scroll, Supplier<PaintFrame> frame) {
        this.control = control;
        this.target = target;
        this.scroll = scroll;
        this.frame = frame;
        target.setOnMouseMoved(this::hover);
        target.setOnMouseExited(e -> {
            tooltip.hide();
            target.setCursor(Cursor.DEFAULT);
        });
        target.setOnMousePressed(this::pressed);
        target.setOnMouseDragged(this::dragged);
        target.setOnMouseReleased(this::released);
        target.setOnScroll(this::wheel);
        control.addEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    /** Stops listening. */
    void dispose() {
        tooltip.hide();
        target.setOnMouseMoved(null);
        target.setOnMouseExited(null);
        target.setOnMousePressed(null);
        target.setOnMouseDragged(null);
        target.setOnMouseReleased(null);
        target.setOnScroll(null);
        control.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
    }

    /** The last painting, when it showed a run (null: nothing to hit). */
    private PaintFrame shown() {
        PaintFrame f = frame.get();
        return f == null || f.scale() == null ? null : f;
    }

    private boolean finished() {
        RunSnapshot s = control.getSnapshot();
        return s != null && s.status().finished() && s.startedAt() >= 0;
    }

    private void pressed(MouseEvent e) {
        control.requestFocus();
        tooltip.hide();
        pressX = e.getX();
        moved = false;
        gesture = Gesture.NONE;
        PaintFrame f = shown();
        if (f == null) {
            return;
        }
        if (!f.geometry().inPlot(e.getX())) {
            gesture = e.getButton() == MouseButton.PRIMARY ? Gesture.HEADER : Gesture.NONE;
            return;
        }
        pressRange = f.scale().range();
        if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.SECONDARY
                || e.getButton() == MouseButton.PRIMARY && e.isShiftDown()) {
            gesture = Gesture.PAN;
            target.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY && finished()) {
            gesture = Gesture.CURSOR;
            moveCursorTo(e.getX());
        } else if (e.getButton() == MouseButton.PRIMARY) {
            gesture = Gesture.PLOT_PRESS;
        }
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) > DRAG_SLOP) {
            moved = true;
        }
        switch (gesture) {
            case CURSOR -> moveCursorTo(e.getX());
            case PLOT_PRESS -> {
                if (moved) {
                    gesture = Gesture.PAN;
                    target.setCursor(Cursor.CLOSED_HAND);
                    panFromPress(e.getX());
                }
            }
            case PAN -> panFromPress(e.getX());
            default -> {
            }
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Gesture was = gesture;
        gesture = Gesture.NONE;
        target.setCursor(Cursor.DEFAULT);
        if (was == Gesture.HEADER || was == Gesture.PLOT_PRESS && !moved) {
            select(e.getY());
        }
    }

    private void panFromPress(double x) {
        PaintFrame f = shown();
        if (f == null || pressRange == null) {
            return;
        }
        double dx = x - pressX;
        long dt = Math.round(-dx / f.geometry().plotWidth() * pressRange.span());
        control.showRange(pressRange.shift(dt));
    }

    private void moveCursorTo(double x) {
        PaintFrame f = shown();
        RunSnapshot s = control.getSnapshot();
        if (f == null || s == null) {
            return;
        }
        long time = f.scale().timeAt(x);
        control.setCursorTime(Math.max(s.startedAt(), Math.min(s.horizon(), time)));
    }

    private void select(double y) {
        PaintFrame f = shown();
        int i = f == null ? -1 : f.geometry().laneAt(y);
        if (i < 0) {
            return;
        }
        long pid = f.snapshot().processes().get(i).pid();
        Long sel = control.getSelectedPid();
        control.setSelectedPid(sel != null && sel == pid ? null : pid);
    }

    private void hover(MouseEvent e) {
        PaintFrame f = shown();
        long cursor = control.getCursorTime();
        boolean onCursor = f != null && finished() && f.geometry().inPlot(e.getX()) && cursor >= 0
                && Math.abs(f.scale().x(cursor) - e.getX()) < CURSOR_GRIP;
        target.setCursor(onCursor ? Cursor.H_RESIZE : Cursor.DEFAULT);
        tooltip.hover(target, f, e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
    }

    private void wheel(ScrollEvent e) {
        PaintFrame f = shown();
        if (f != null && (e.isShortcutDown() || e.isControlDown())) {
            double d = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
            if (d != 0) {
                double x = Math.max(f.geometry().plotLeft(), e.getX());
                control.zoom(Math.pow(1.25, Math.max(-4, Math.min(4, d / 40.0))), f.scale().timeAt(x));
            }
            e.consume();
            return;
        }
        if (f != null && e.isShiftDown()) {
            double d = e.getDeltaX() != 0 ? e.getDeltaX() : e.getDeltaY();
            control.pan(-d / f.geometry().plotWidth());
            e.consume();
            return;
        }
        if (!scroll.isVisible()) {
            return;
        }
        double v = scroll.getValue() - e.getDeltaY();
        scroll.setValue(Math.max(0, Math.min(scroll.getMax(), v)));
        e.consume();
    }

    private void key(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c == KeyCode.ESCAPE && control.getSelectedPid() != null) {
            control.setSelectedPid(null);
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown() || e.isControlDown() || e.isMetaDown()) {
            return;
        }
        switch (c) {
            case PLUS, EQUALS, ADD -> control.zoomIn();
            case MINUS, SUBTRACT -> control.zoomOut();
            case DIGIT0, NUMPAD0 -> control.fitAll();
            case LEFT, KP_LEFT -> control.pan(e.isShiftDown() ? -0.5 : -0.1);
            case RIGHT, KP_RIGHT -> control.pan(e.isShiftDown() ? 0.5 : 0.1);
            default -> {
                return;
            }
        }
        e.consume();
    }
}
