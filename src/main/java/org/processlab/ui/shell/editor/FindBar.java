package org.processlab.ui.shell.editor;

import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import org.fxmisc.richtext.CodeArea;

/**
 * The editor's find bar: what to find, Next (Enter or F3; Shift+Enter or Shift+F3 finds backwards), the count of
 * matches, and Close (Esc). Case is ignored; a search wraps around the end of the code. The match found is
 * selected in the code area and scrolled into view.
 *
 * <p>Threading: FX thread only.
 */
final class FindBar extends HBox {
    private final CodeArea area;
    private final TextField query = new TextField();
    private final Label count = new Label();

    FindBar(CodeArea area) {
        this.area = area;
        getStyleClass().add("editor-find-bar");
        setId("editorFindBar");
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        query.setMinWidth(0);
        Label what = new Label("Find");
        query.setId("editorFind");
        query.setPromptText("text in the code");
        HBox.setHgrow(query, Priority.ALWAYS);
        Button next = new Button("Next");
        next.setTooltip(new Tooltip("Find the next match (Enter or F3)"));
        next.setOnAction(e -> next(true));
        Button close = new Button("Close");
        close.setTooltip(new Tooltip("Close the find bar (Esc)"));
        close.setOnAction(e -> hide());
        count.getStyleClass().add("editor-find-count");
        getChildren().setAll(what, query, count, next, close);
        query.textProperty().addListener(o -> {
            area.selectRange(area.getSelection().getStart(), area.getSelection().getStart());
            next(true);
        });
        query.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F3) {
                next(!e.isShiftDown());
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                hide();
                e.consume();
            }
        });
        setVisible(false);
        setManaged(false);
    }

    /** Shows the bar with the selected text (if one line) as the query, and puts the focus in it. */
    void show() {
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            query.setText(selected);
        }
        setVisible(true);
        setManaged(true);
        query.requestFocus();
        query.selectAll();
    }

    /** Hides the bar and gives the focus back to the code; false when it was not shown. */
    boolean hide() {
        if (!isVisible()) {
            return false;
        }
        setVisible(false);
        setManaged(false);
        area.requestFocus();
        return true;
    }

    /** Selects the next (or previous) match after the selection, wrapping around; false when there is none. */
    boolean next(boolean forward) {
        String q = query.getText().toLowerCase(Locale.ROOT);
        String text = area.getText().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            count.setText("");
            return false;
        }
        int matches = 0;
        for (int i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
            matches++;
        }
        if (matches == 0) {
            count.setText("no match");
            return false;
        }
        int from = forward ? area.getSelection().getEnd() : area.getSelection().getStart() - 1;
        int at = forward ? text.indexOf(q, from) : from < 0 ? -1 : text.lastIndexOf(q, from);
        if (at < 0) {
            at = forward ? text.indexOf(q) : text.lastIndexOf(q);
        }
        area.selectRange(at, at + q.length());
        area.requestFollowCaret();
        int index = 0;
        for (int i = text.indexOf(q); i >= 0 && i <= at; i = text.indexOf(q, i + 1)) {
            index++;
        }
        count.setText(index + " of " + matches);
        return true;
    }

    /** True while the bar is shown. */
    boolean shown() {
        return isVisible();
    }
}
