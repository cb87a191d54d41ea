package org.processlab.ui.shell.presenter;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The window's one scale: the text size (px per em) every size in the window is drawn in, text, code, the
 * timeline's lanes and marks, icons and the table alike. A−/A+ and Ctrl+Minus / Ctrl+Plus step it through
 * {@link #STEPS}; Ctrl+0 gives it back to the default ({@link #reset()}).
 *
 * <p>The chosen size is kept as a factor of {@link #DEFAULT_PX} ({@link #chosenProperty()}: 0 while none was
 * chosen). With none chosen the window is drawn at the default of its mode: {@link #DEFAULT_PX} at a desk, and in
 * presenter mode the largest size the window holds. Above the default the size is never more than the window holds
 * ({@link ScaleLimits#largestPx}, from its size and mode); larger steps are refused, and a chosen size the window
 * cannot hold (a smaller screen, another mode) is drawn at the largest it can, and comes back when there is room.
 *
 * <p>Threading: UI thread only; {@code chosen}, {@code windowWidth}, {@code windowHeight} are written there. No toolkit
 * needed.
 */
public final class ScaleViewModel {
    /** The text size at a desk, px: the scale's unit (a factor of 1). */
    public static final double DEFAULT_PX = 15;
    /** The sizes A+ and A− step through, px (each about a tenth larger), up to what the window holds. */
    static final double[] STEPS = {13, 14, 15, 16.5, 18, 20, 22, 24, 26, 28.5, 31, 34, 37, 40, 44, 48, 53, 58, 64, 70,
        77, 85, 93, 102, 112, 123, 135, 150, 165, 180, 200};

    private final DoubleProperty chosen = new SimpleDoubleProperty(this, "chosen", 0);
    private final DoubleProperty windowWidth = new SimpleDoubleProperty(this, "windowWidth");
    private final DoubleProperty windowHeight = new SimpleDoubleProperty(this, "windowHeight");
    private final ObservableBooleanValue presenter;
    private final DoubleBinding largest;
    private final ReadOnlyDoubleWrapper px = new ReadOnlyDoubleWrapper(this, "px", DEFAULT_PX);
    private final BooleanBinding canGrow;
    private final BooleanBinding canShrink;

    /** A scale for a window in presenter mode while {@code presenter} holds. */
    public ScaleViewModel(ObservableBooleanValue presenter) {
        this.presenter = presenter;
        largest = Bindings.createDoubleBinding(
                () -> ScaleLimits.largestPx(windowWidth.get(), windowHeight.get(), presenter.get()),
                windowWidth, windowHeight, presenter);
        px.bind(Bindings.createDoubleBinding(this::drawn, chosen, largest, presenter));
        canGrow = Bindings.createBooleanBinding(() -> px.get() < largest.get() - 0.25, px, largest);
        canShrink = Bindings.createBooleanBinding(() -> px.get() > STEPS[0], px);
    }

    /** A scale that is never in presenter mode (tests of the desk layout). */
    public ScaleViewModel() {
        this(new SimpleBooleanProperty(false));
    }

    private double drawn() {
        double c = chosen.get();
        double most = largest.get();
        if (c <= 0) {
            return presenter.get() ? Math.max(DEFAULT_PX, most) : DEFAULT_PX;
        }
        double want = Math.max(STEPS[0], c * DEFAULT_PX);
        return want <= DEFAULT_PX ? want : Math.min(want, Math.max(DEFAULT_PX, most));
    }

    /**
     * One step larger ({@code +1}) or smaller ({@code -1}) than drawn now. A step larger goes to the next of
     * {@link #STEPS}, or to the largest size the window holds when that comes first; none when the window holds no
     * more.
     */
    public void step(int d) {
        double now = px.get();
        if (d > 0) {
            if (!canGrow.get()) {
                return;
            }
            double next = largest.get();
            for (double s : STEPS) {
                if (s > now + 0.25) {
                    next = Math.min(s, next);
                    break;
                }
            }
            choose(next);
        } else if (d < 0) {
            double next = STEPS[0];
            for (double s : STEPS) {
                if (s < now - 0.25) {
                    next = s;
                }
            }
            choose(next);
        }
    }

    /** One step larger (A+, Ctrl+Plus). */
    public void larger() {
        step(+1);
    }

    /** One step smaller (A−, Ctrl+Minus). */
    public void smaller() {
        step(-1);
    }

    /** Back to the default of the window's mode (Ctrl+0): none chosen. */
    public void reset() {
        chosen.set(0);
    }

    private void choose(double sizePx) {
        chosen.set(sizePx / DEFAULT_PX);
    }

    /**
     * The chosen scale, a factor of {@link #DEFAULT_PX}; 0 (or less) while none was chosen. Kept in the person's
     * settings; set from them at start.
     */
    public DoubleProperty chosenProperty() {
        return chosen;
    }

    /** The window's width in px (0 until it is laid out); the window binds it to its own. */
    public DoubleProperty windowWidthProperty() {
        return windowWidth;
    }

    /** The window's height in px (0 until it is laid out); the window binds it to its own. */
    public DoubleProperty windowHeightProperty() {
        return windowHeight;
    }

    /** The text size the window is drawn at, px (1 em). */
    public ReadOnlyDoubleProperty pxProperty() {
        return px.getReadOnlyProperty();
    }

    /** The drawn size as a factor of {@link #DEFAULT_PX}. */
    public double factor() {
        return px.get() / DEFAULT_PX;
    }

    /** The largest text size the window holds now, px ({@link ScaleLimits#largestPx}). */
    public DoubleBinding largestProperty() {
        return largest;
    }

    /** True when {@link #larger()} would make the text larger. */
    public BooleanBinding canGrowProperty() {
        return canGrow;
    }

    /** True when {@link #smaller()} would make the text smaller. */
    public BooleanBinding canShrinkProperty() {
        return canShrink;
    }

    /** The window root's inline style for the drawn size: {@code -fx-font-size: 15.0px;}. */
    public String style() {
        return "-fx-font-size: " + px.get() + "px;";
    }
}
