package org.processlab.ui.shell.header;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The window's text size, stepped by the header's buttons and Ctrl+Plus / Ctrl+Minus through {@link #SIZES}: every
 * size in the window is in em of it. It grows only while the window is wide enough for the larger size
 * ({@link #LEAST_WIDTH_EM}).
 *
 * <p>Threading: UI thread only; {@code index} and {@code windowWidth} are written there. No toolkit needed.
 */
public final class TextSize {
    /** Base font sizes (px) the steps go through; the first larger than AtlantaFX's 14 px. */
    public static final double[] SIZES = {13, 15, 17, 19, 22, 25, 28};
    /** The size the window opens with (15 px). */
    static final int DEFAULT = 1;
    /**
     * The least width of the window, in ems of its text size, that the text may be made larger for: at 1024 px, 19 px
     * text is the largest at which the question, its choices, the reveal, the table's headers and the views still
     * fit (at 28 px the question was cut at the right edge and the timeline had no height; at 22 px, after a run,
     * the reveal had two lines and the table's headers read "Exi…"). 25 px at 1440.
     */
    public static final double LEAST_WIDTH_EM = 52;

    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", DEFAULT);
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(this, "windowWidth");
    private final DoubleBinding px = Bindings.createDoubleBinding(() -> SIZES[index.get()], index);
    private final BooleanBinding canGrow = Bindings.createBooleanBinding(
            () -> index.get() < SIZES.length - 1 && fits(index.get() + 1), index, windowWidth);

    /** One step larger ({@code +1}) or smaller ({@code -1}); larger only if the window is wide enough for it. */
    public void step(int d) {
        int to = Math.max(0, Math.min(SIZES.length - 1, index.get() + d));
        if (d > 0 && !fits(to)) {
            return;
        }
        index.set(to);
    }

    /** Whether a window {@link #windowWidthProperty() this wide} has room for text size {@code i} (unknown: yes). */
    private boolean fits(int i) {
        double w = windowWidth.get();
        return w <= 0 || w >= LEAST_WIDTH_EM * SIZES[i];
    }

    /** The window's width in px (0 until it is laid out); the window binds it to its own. */
    public DoubleProperty windowWidthProperty() {
        return windowWidth;
    }

    /** Which of {@link #SIZES}. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** The text size in px (1 em). */
    public DoubleBinding pxProperty() {
        return px;
    }

    /** True when {@link #step step(+1)} would make the text larger. */
    public BooleanBinding canGrowProperty() {
        return canGrow;
    }

    /** The window root's inline style for this size: {@code -fx-font-size: 15.0px;}. */
    public String style() {
        return "-fx-font-size: " + SIZES[index.get()] + "px;";
    }
}
