package org.processlab.ui.shell.compare;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import org.processlab.ui.shell.keys.Shortcut;

/**
 * Where a person starts a comparison: the line under the run toolbar that a lesson's suggestion shows after its
 * second run ({@link #offerLine}), and the header's button that compares the current run with the previous one at
 * any time ({@link #headerButton}; key: {@link Shortcut#COMPARE}).
 *
 * <p>Threading: FX thread only.
 */
public final class CompareOffer {
    private CompareOffer() {
    }

    /**
     * The line "You have run this lesson twice. [Compare with the previous run]", shown while {@code offered} holds;
     * its button does {@code compare}.
     */
    public static HBox offerLine(ObservableBooleanValue offered, Runnable compare) {
        Label text = new Label("You have run this twice: see the two runs one above the other.");
        text.getStyleClass().add("compare-offer-text");
        text.setWrapText(true);
        Button go = new Button("Compare with the previous run", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        go.setId("compareOffer");
        go.setTooltip(new Tooltip(Shortcut.COMPARE.tooltip()));
        go.setOnAction(e -> compare.run());
        go.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox line = new HBox(text, go);
        line.setId("compareOfferLine");
        line.getStyleClass().add("compare-offer");
        line.getStylesheets().add(CompareOffer.class.getResource("compare.css").toExternalForm());
        line.visibleProperty().bind(offered);
        line.managedProperty().bind(offered);
        return line;
    }

    /** The header's "Compare…" button: enabled while {@code possible} holds (there is a previous run). */
    public static Button headerButton(ObservableBooleanValue possible, Runnable compare) {
        Button b = new Button(null, new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        b.setId("compareButton");
        b.setAccessibleText("Compare…");
        b.getStyleClass().addAll("button-icon", "flat");
        b.setTooltip(new Tooltip(Shortcut.COMPARE.tooltip("Compare…: this run and the previous run, one above the"
                + " other")));
        b.disableProperty().bind(javafx.beans.binding.Bindings.not(possible));
        b.setOnAction(e -> compare.run());
        return b;
    }
}
