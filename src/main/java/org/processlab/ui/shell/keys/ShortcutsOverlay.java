package org.processlab.ui.shell.keys;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/**
 * The keys, shown over the window ({@code ?} or F1): every row of {@link Shortcut}, grouped, in type large enough to
 * read from the back of a classroom; a coming key is marked so. It closes with Esc, {@code ?}, its close button or a
 * click beside the card, and gives the focus back to where it was. Lay it in a {@link StackPane} above the content;
 * it is invisible and lets clicks through while closed. Its looks are in {@code keys.css}.
 *
 * <p>Threading: FX thread only.
 */
public final class ShortcutsOverlay extends StackPane {
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
    /** Dims the window under the card with the theme's modal-pane colour (a style class AtlantaFX gives it to). */
    private final Region shade = new Region();
    private Node openedFrom;

    public ShortcutsOverlay() {
        setId("shortcutsHelp");
        getStyleClass().add("keys-help-scrim");
        Label title = new Label("Keys", new FontIcon(MaterialDesignK.KEYBOARD));
        title.getStyleClass().add("keys-help-title");
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        close.getStyleClass().addAll("flat", "keys-help-close");
        close.setTooltip(new Tooltip(Shortcut.HELP.tooltip("Close")));
        close.setOnAction(e -> hide());
        HBox head = new HBox(title, close);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("keys-help-head");

        // two columns of about equal height, so every key fits on one screen: each group goes, in order, to the
        // column with fewer rows so far
        VBox left = new VBox();
        VBox right = new VBox();
        int leftRows = 0;
        int rightRows = 0;
        for (Shortcut.Group g : Shortcut.Group.values()) {
            int rows = (int) java.util.Arrays.stream(Shortcut.values()).filter(s -> s.group() == g).count();
            if (leftRows <= rightRows) {
                left.getChildren().add(group(g));
                leftRows += rows;
            } else {
                right.getChildren().add(group(g));
                rightRows += rows;
            }
        }
        left.getStyleClass().add("keys-help-column");
        right.getStyleClass().add("keys-help-column");
        HBox groups = new HBox(left, right);
        groups.getStyleClass().add("keys-help-groups");
        for (VBox column : new VBox[] {left, right}) {
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setMinWidth(0);
        }
        // as wide as the window allows, the words wrapping; a long list (very large text) scrolls down, never sideways
        ScrollPane body = new ScrollPane(groups);
        body.setFitToWidth(true);
        body.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        body.getStyleClass().add("keys-help-body");
        VBox.setVgrow(body, Priority.ALWAYS);
        VBox card = new VBox(head, body);
        card.getStyleClass().add("keys-help-card");
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        shade.getStyleClass().addAll("keys-help-shade", "modal-pane");
        shade.setManaged(false);
        getChildren().addAll(shade, card);
        setOnMouseClicked(e -> hide());
        setVisible(false);
        // while closed it takes no part in the window's layout (its sizes would count in the window's least size)
        managedProperty().bind(visibleProperty());
    }

    /** The least width of a keys cell, in ems of its font: "Shift+F5" whole. */
    private static final double KEYS_LEAST_EM = 6;
    /** The least width of a words cell, in ems of its font: "previous lesson" on a line. */
    private static final double WORDS_LEAST_EM = 8;

    private static javafx.beans.binding.DoubleBinding emsOf(Label l, double ems) {
        return javafx.beans.binding.Bindings.createDoubleBinding(() -> l.getFont().getSize() * ems, l.fontProperty());
    }

    private static VBox group(Shortcut.Group g) {
        GridPane rows = new GridPane();
        rows.getStyleClass().add("keys-help-rows");
        ColumnConstraints keys = new ColumnConstraints();
        ColumnConstraints words = new ColumnConstraints();
        words.setHgrow(Priority.ALWAYS);
        rows.getColumnConstraints().setAll(keys, words);
        int r = 0;
        for (Shortcut s : Shortcut.values()) {
            if (s.group() != g) {
                continue;
            }
            Label k = new Label(s.keysText());
            k.getStyleClass().add("keys-help-keys");
            // when the card is narrow (very large text), a long list of keys wraps at its spaces and the words keep
            // room for a word or two a line: neither column is cut mid-word
            k.setWrapText(true);
            k.minWidthProperty().bind(emsOf(k, KEYS_LEAST_EM));
            Label w = new Label(s.coming() ? s.words() + " — coming soon" : s.words());
            w.getStyleClass().add("keys-help-words");
            if (s.coming()) {
                w.getStyleClass().add("coming");
            }
            w.setWrapText(true);
            w.minWidthProperty().bind(emsOf(w, WORDS_LEAST_EM));
            k.setId("keys-" + s.name());
            rows.addRow(r++, k, w);
        }
        Label heading = new Label(g.title());
        heading.getStyleClass().add("keys-help-group-title");
        VBox box = new VBox(heading, rows);
        box.getStyleClass().add("keys-help-group");
        return box;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        shade.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    /** Shows the keys and takes the focus (it goes back to where it was on close). */
    public void show() {
        if (showing.get()) {
            return;
        }
        openedFrom = getScene() == null ? null : getScene().getFocusOwner();
        setVisible(true);
        showing.set(true);
        close.requestFocus();
    }

    /** Closes the keys if they are shown; true if they were. */
    public boolean hide() {
        if (!showing.get()) {
            return false;
        }
        setVisible(false);
        showing.set(false);
        if (openedFrom != null && openedFrom.getScene() != null) {
            openedFrom.requestFocus();
        }
        openedFrom = null;
        return true;
    }

    /** Shows the keys, or closes them. */
    public void toggle() {
        if (!hide()) {
            show();
        }
    }

    /** True while the keys are shown. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }
}
