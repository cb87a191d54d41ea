package org.processlab.ui.shell.editor;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;

import org.processlab.run.SyntaxProblem;
import org.processlab.ui.shell.keys.ShortcutHandler;

/**
 * The code editor: RichTextFX's code area with line numbers and the page's Python colours ({@link PythonStyles}),
 * over a bar with the mark that the code differs from the lesson's, Find, Copy all and Reset; a find bar
 * ({@link FindBar}) below it; the syntax problem the last Run found under the code, its line marked. Undo and redo
 * are the code area's own (Ctrl+Z, Ctrl+Y or Ctrl+Shift+Z). Every size is in em of the window's scale, every colour
 * a theme token ({@code editor.css}). The code area keeps its typing keys and the keys that move through its lines
 * ({@link ShortcutHandler#keepEditingKeys}: Page Up/Down and Ctrl+arrows move the caret, not the lesson).
 *
 * <p>The text goes both ways: what the person types goes to {@link EditorViewModel#typed}; a text the view model
 * sets (another program shown, Reset) replaces the code area's. A new program starts a new undo history; Reset can
 * be undone.
 *
 * <p>Threading: FX thread only.
 */
public final class EditorView extends VBox {
    private final EditorViewModel vm;
    private final CodeArea area = new CodeArea();
    private final FindBar find;
    private final Label problem = new Label();
    /** Colours a long program once typing pauses, rather than at every key. */
    private final javafx.animation.PauseTransition colourLater =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(150));

    /** Programs up to this many characters are coloured again at every key; longer ones when typing pauses. */
    private static final int COLOUR_AT_ONCE = 50_000;

    /** Builds the editor over {@code vm}. */
    public EditorView(EditorViewModel vm) {
        this.vm = vm;
        setId("editor");
        getStyleClass().add("editor");
        getStylesheets().add(EditorView.class.getResource("editor.css").toExternalForm());

        area.setId("codeArea");
        area.getStyleClass().add("code-editor");
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.setWrapText(false);
        ShortcutHandler.keepTypingKeys(area);
        // and Page Up/Down, Ctrl+arrows: in the code they move the caret, not the lesson
        ShortcutHandler.keepEditingKeys(area);
        area.replaceText(vm.textProperty().get());
        area.getUndoManager().forgetHistory();
        area.textProperty().addListener((o, was, now) -> {
            vm.typed(now);
            if (now.length() <= COLOUR_AT_ONCE) {
                colour();
            } else {
                colourLater.playFromStart();
            }
        });
        colourLater.setOnFinished(e -> colour());
        colour();
        vm.textProperty().addListener((o, was, now) -> {
            if (!now.equals(area.getText())) {
                area.replaceText(now);
            }
        });
        vm.keyProperty().addListener((o, was, now) -> {
            area.getUndoManager().forgetHistory();
            area.moveTo(0);
            area.requestFollowCaret();
        });
        find = new FindBar(area);
        area.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.F3 && find.next(!e.isShiftDown())) {
                e.consume();
            }
        });

        Label mark = new Label();
        mark.setId("editorMark");
        mark.getStyleClass().add("editor-mark");
        mark.textProperty().bind(vm.markProperty());
        mark.visibleProperty().bind(vm.differsProperty());
        mark.managedProperty().bind(mark.visibleProperty());
        // in a narrow column the mark shortens (…) rather than widen the column past its place
        mark.setMinWidth(0);
        mark.setTooltip(new Tooltip());
        mark.getTooltip().textProperty().bind(vm.markProperty());
        Button findButton = button("editorFindButton", "Find", "Find text in the code (Ctrl+F)", this::find);
        Button copy = button("editorCopy", "Copy all", "Copy the whole program", this::copyAll);
        Button reset = button("editorReset", "Reset", "", vm::reset);
        reset.disableProperty().bind(vm.differsProperty().not());
        reset.setTooltip(new Tooltip());
        reset.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.keyProperty().get() instanceof org.processlab.store.EditKey.OwnFile
                        ? "Back to the file as it is on disk" : "Back to the lesson's code (Ctrl+Z undoes it)",
                vm.keyProperty()));
        // in a narrow column (or with large text) the buttons go under the mark rather than out of sight
        HBox buttons = new HBox(findButton, copy, reset);
        buttons.getStyleClass().add("editor-buttons");
        FlowPane bar = new FlowPane(mark, buttons);
        bar.getStyleClass().add("editor-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setMinWidth(0);
        mark.maxWidthProperty().bind(bar.widthProperty().subtract(
                javafx.beans.binding.Bindings.createDoubleBinding(() -> bar.getInsets().getLeft()
                        + bar.getInsets().getRight(), bar.insetsProperty())));

        problem.setId("editorProblem");
        problem.getStyleClass().add("editor-problem");
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        problem.setMinHeight(Region.USE_PREF_SIZE);
        vm.problemProperty().addListener((o, was, now) -> showProblem(now));
        showProblem(vm.problemProperty().get());

        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        scroll.getStyleClass().add("editor-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().setAll(bar, find, scroll, problem);
    }

    private void colour() {
        area.setStyleSpans(0, PythonStyles.of(area.getText()));
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (!tip.isEmpty()) {
            b.setTooltip(new Tooltip(tip));
        }
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Marks the problem's line, shows its message under the code, and puts the caret there; null clears. */
    private void showProblem(SyntaxProblem p) {
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            if (!area.getParagraph(i).getParagraphStyle().isEmpty()) {
                area.setParagraphStyle(i, List.of());
            }
        }
        problem.setVisible(p != null);
        problem.setManaged(p != null);
        if (p == null) {
            problem.setText("");
            return;
        }
        problem.setText("Line " + p.line() + (p.column() > 0 ? ", column " + p.column() : "") + ": " + p.message()
                + " (" + p.kind() + ") — nothing was run");
        int line = Math.min(p.line(), area.getParagraphs().size()) - 1;
        area.setParagraphStyle(line, List.of("syntax-problem"));
        int col = Math.max(0, Math.min(p.column() - 1, area.getParagraph(line).length()));
        area.moveTo(line, col);
        area.requestFocus();
        // once laid out with the message under it: the marked line in the middle of the view, its start and the line
        // numbers in sight (a narrow column may leave the caret's column to the right; typing scrolls to it)
        javafx.application.Platform.runLater(() -> {
            area.showParagraphAtCenter(line);
            area.scrollXToPixel(0);
        });
    }

    /** Shows the find bar (Ctrl+F); false while the editor is not on screen. */
    public boolean find() {
        if (!onScreen() || vm.keyProperty().get() == null) {
            return false;
        }
        find.show();
        return true;
    }

    /** True when the editor and every node above it are visible (its tab is the one shown, the column unfolded). */
    private boolean onScreen() {
        if (getScene() == null) {
            return false;
        }
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Closes the find bar (Esc); false when it was not shown. */
    public boolean closeFind() {
        return find.hide();
    }

    private void copyAll() {
        ClipboardContent c = new ClipboardContent();
        c.putString(area.getText());
        Clipboard.getSystemClipboard().setContent(c);
    }

    /** The code area (for tests). */
    public CodeArea codeArea() {
        return area;
    }
}
