package org.processlab.ui.fx;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * A vertical scroll pane as tall as its content (for the width it gets), but never taller than
 * {@link #capProperty() cap} pixels: beyond that it scrolls. For a card that is usually short but may hold a
 * long text, above views that must keep their room.
 *
 * <p>Threading: FX thread only.
 */
public final class CappedScrollPane extends ScrollPane {
    private final DoubleProperty cap = new SimpleDoubleProperty(this, "cap", Double.MAX_VALUE);

    /** A pane around {@code content}. */
    public CappedScrollPane(Node content) {
        super(content);
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        setVbarPolicy(ScrollBarPolicy.AS_NEEDED);
        cap.addListener(o -> requestLayout());
    }

    /** The most height it takes, in pixels. */
    public DoubleProperty capProperty() {
        return cap;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefHeight(double width) {
        Node c = getContent();
        if (c == null || !c.isManaged() && !c.isVisible()) {
            return 0;
        }
        double insets = snappedTopInset() + snappedBottomInset();
        double w = width > 0 ? width - snappedLeftInset() - snappedRightInset() : c.prefWidth(-1);
        return Math.min(cap.get(), c.prefHeight(w) + insets);
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }
}
