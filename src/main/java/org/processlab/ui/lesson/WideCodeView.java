package org.processlab.ui.lesson;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * A lesson's code shown over the window, as wide as it needs and in larger type than on the page: the page is a
 * column of about 400 px at 1440x900, where the examples' longest lines (up to 92 characters) scroll sideways. For a
 * student reading a whole program and for an instructor projecting it.
 *
 * <p>It lies over the window's lesson and run sides (a dimmed scrim under a card). It closes with Escape, its close
 * button, or a click on the scrim, and gives the focus back to the node that opened it. Lay it in a
 * {@link StackPane} above the content; it is invisible and lets clicks through while closed.
 *
 * <p>Threading: FX thread only.
 */
public final class WideCodeView extends StackPane {
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final Label title = new Label();
    private final ScrollPane body = new ScrollPane();
    private final VBox card;
    private Node openedFrom;

    public WideCodeView() {
        setId("wideCode");
        getStyleClass().add("wide-code-scrim");
        title.getStyleClass().add("wide-code-title");
        title.setGraphic(new FontIcon(MaterialDesignL.LANGUAGE_PYTHON));
        title.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(title, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("flat", "wide-code-close");
        close.setTooltip(new Tooltip("Close (Esc)"));
        close.setOnAction(e -> hide());
        HBox head = new HBox(title, close);
        head.setAlignment(Pos.CENTER_LEFT);
        head.getStyleClass().add("wide-code-head");
        body.getStyleClass().add("wide-code-body");
        body.setFitToWidth(false);
        VBox.setVgrow(body, Priority.ALWAYS);
        card = new VBox(head, body);
        card.getStyleClass().add("wide-code-card");
        // as wide and tall as the code (plus the card's frame), never more than the scrim leaves
        card.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        card.setOnMouseClicked(e -> e.consume());
        getChildren().add(card);
        setOnMouseClicked(e -> hide());
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        setVisible(false);
        // a new window width or text size (A+ while the code is shown) fits the type again
        widthProperty().addListener((o, a, b) -> refitLater());
        title.fontProperty().addListener((o, a, b) -> refitLater());
    }

    private boolean refitQueued;

    private void refitLater() {
        if (showing.get() && !refitQueued) {
            refitQueued = true;
            javafx.application.Platform.runLater(() -> {
                refitQueued = false;
                fitType();
            });
        }
    }

    /**
     * Shows {@code code} ({@code language} as a fence's: {@code python} is highlighted, anything else plain), under
     * {@code heading}, and takes the focus; {@code from} gets it back on close (may be null).
     */
    public void show(String heading, String code, String language, Node from) {
        openedFrom = from;
        title.setText(heading);
        TextFlow flow = MarkdownRenderer.codeFlow(code, language);
        flow.getStyleClass().add("wide-code-flow");
        body.setContent(flow);
        // the pane is as wide as the code and a vertical bar (ScrollPaneSkin's preferred width leaves the bar out):
        // a long program scrolls down, and its widest line still shows whole beside the bar; it follows the type
        // size (Ctrl+plus while the code is shown)
        body.prefViewportWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> flow.prefWidth(-1) + verticalBarWidth(), flow.layoutBoundsProperty()));
        body.setHvalue(0);
        body.setVvalue(0);
        setVisible(true);
        showing.set(true);
        fitType();
        body.requestFocus();
    }

    /**
     * The type's share of its full size (1.15 em) at least: 0.86 em, the page's own code size. Between the two, the
     * type is as large as lets the widest line show whole (a small window, or large text); below, lines scroll
     * sideways.
     */
    static final double LEAST_SCALE = 0.86 / 1.15;

    private void fitType() {
        TextFlow flow = flow();
        if (flow == null || getWidth() <= 0) {
            return;
        }
        // the size goes on each run of text: an em size on a container does not reach Text nodes that have their own
        for (Node n : flow.getChildren()) {
            n.setStyle("");
        }
        applyCss();
        double natural = flow.prefWidth(-1);
        double room = getWidth() - getInsets().getLeft() - getInsets().getRight() - card.getInsets().getLeft()
                - card.getInsets().getRight() - body.getInsets().getLeft() - body.getInsets().getRight()
                - verticalBarWidth();
        double scale = natural <= room ? 1 : Math.max(LEAST_SCALE, room / natural);
        if (scale < 1 && !flow.getChildren().isEmpty()) {
            // a touch under, so rounding never leaves a line a pixel too wide
            double px = ((javafx.scene.text.Text) flow.getChildren().get(0)).getFont().getSize() * scale * 0.995;
            String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", px);
            for (Node n : flow.getChildren()) {
                n.setStyle(size);
            }
        }
    }

    private double verticalBarWidth() {
        for (Node n : body.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar b
                    && b.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                return b.prefWidth(-1);
            }
        }
        return 0;
    }

    /** Closes the view (nothing when it is closed) and gives the focus back to where it was opened from. */
    public void hide() {
        if (!showing.get()) {
            return;
        }
        setVisible(false);
        showing.set(false);
        body.prefViewportWidthProperty().unbind();
        body.setContent(null);
        if (openedFrom != null && openedFrom.getScene() != null) {
            openedFrom.requestFocus();
        }
        openedFrom = null;
    }

    /** True while the code is shown. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** The shown code's text lines' container (for tests), or null while closed. */
    public TextFlow flow() {
        return (TextFlow) body.getContent();
    }

    /** The scroll pane holding the code (for tests). */
    public ScrollPane body() {
        return body;
    }
}
