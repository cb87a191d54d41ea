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
 * second run ({@link #offerLine}), and the timeline bar's button that compares the current run with the previous one
 * at any time ({@link #besideExport}; key: {@link Shortcut#COMPARE}).
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

    /**
     * The "Compare…" button of the timeline's bar, beside the run's other actions ({@code beside}: the Export menu):
     * there while {@code possible} holds (the lesson or program shown has a previous run in this window). The bar
     * wraps its groups, so the button never widens the window (the header, which does not wrap, has no room left on a
     * 1024-pixel projector). Returns the two as one group.
     */
    public static HBox besideExport(javafx.scene.Node beside, ObservableBooleanValue possible, Runnable compare) {
        Button b = new Button("Compare…", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        b.setId("compareButton");
        b.setTooltip(new Tooltip(Shortcut.COMPARE.tooltip("Compare this run with the previous run, one above the"
                + " other")));
        // there only when it can do something: on a small projector every line the bar wraps onto is a lane less
        b.visibleProperty().bind(possible);
        b.managedProperty().bind(possible);
        b.setOnAction(e -> compare.run());
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox group = new HBox(8, b, beside);
        group.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return group;
    }
}
