package org.processlab.ui.shell.lessons;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableDoubleValue;

/**
 * Whether the lesson list is shown. It follows the window's width until the person shows or hides it by hand (the
 * header's toggle, Ctrl+L): a window narrower than {@link #NARROW_WINDOW_EM} em of the text size hides it, to leave
 * the page room.
 *
 * <p>Threading: UI thread only; {@code shown} and {@code byHand} are written there. No toolkit needed.
 */
public final class LessonListVisibility {
    /** Below this width (in em of the current text size) the lesson list starts hidden. */
    public static final double NARROW_WINDOW_EM = 84;

    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", true);
    private final ObservableDoubleValue windowWidth;
    private final ObservableDoubleValue em;
    private boolean byHand;

    /**
     * @param windowWidth the window's width, px (0 until laid out)
     * @param em          the text size, px
     */
    public LessonListVisibility(ObservableDoubleValue windowWidth, ObservableDoubleValue em) {
        this.windowWidth = windowWidth;
        this.em = em;
        windowWidth.addListener(o -> fit());
        em.addListener(o -> fit());
    }

    private void fit() {
        double w = windowWidth.get();
        if (!byHand && w > 0) {
            shown.set(w >= NARROW_WINDOW_EM * em.get());
        }
    }

    /** The person chose by hand (the toggle was pressed): from now on the width does not decide. */
    public void choseByHand() {
        byHand = true;
    }

    /** Shows the list if hidden, hides it if shown, by hand (Ctrl+L). */
    public void toggleByHand() {
        byHand = true;
        shown.set(!shown.get());
    }

    /** True while the list is shown (the toggle is bound to it). */
    public BooleanProperty shownProperty() {
        return shown;
    }
}
