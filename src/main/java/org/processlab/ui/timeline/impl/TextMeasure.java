package org.processlab.ui.timeline.impl;

import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Measures text as JavaFX lays it out (a {@link Text} node kept for it), so every surface fits labels alike.
 * FX thread only.
 */
final class TextMeasure {
    private final Text text = new Text();

    /** How wide {@code s} is in {@code font}, px. */
    double width(String s, Font font) {
        text.setFont(font);
        text.setText(s);
        return text.getLayoutBounds().getWidth();
    }
}
