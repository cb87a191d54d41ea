package org.processlab.ui.shell.editor;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The window's middle column: the lesson page and the code editor as two tabs, {@code Lesson | Code — example.py}.
 * The Code tab holds the example chosen in the run toolbar; its title gets a dot while the code differs from the
 * lesson's. A person's own program has no page: only its Code tab shows, and it is selected.
 *
 * <p>Keys: Ctrl+E shows the code (again: the page), a click on a tab too.
 *
 * <p>Threading: FX thread only.
 */
public final class CodeTabs extends TabPane {
    private final Tab lesson;
    private final Tab code;
    /** Held here: a binding made for this view (isNotNull()) would otherwise be collected, and stop telling. */
    private final ObservableBooleanValue own;

    /**
     * @param page   the lesson page
     * @param editor the code editor
     * @param vm     the editor's state (its title and mark)
     * @param own    true while a person's own program is shown instead of a lesson
     */
    public CodeTabs(Node page, EditorView editor, EditorViewModel vm, ObservableBooleanValue own) {
        setId("middleColumn");
        getStyleClass().add("code-tabs");
        getStylesheets().add(CodeTabs.class.getResource("editor.css").toExternalForm());
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        // not a Tab stop: Ctrl+E switches between the code and the page (an arrow key here steps the time cursor),
        // and a ring around the whole column would take the page's room
        setFocusTraversable(false);
        lesson = new Tab("Lesson", page);
        lesson.setId("lessonTab");
        code = new Tab();
        code.setId("codeTab");
        code.setContent(editor);
        // a long file name is cut in its middle, so that the Lesson tab stays in sight in a narrow column
        code.textProperty().bind(Bindings.createStringBinding(
                () -> middleCut(vm.titleProperty().get(), TITLE_CHARS) + (vm.differsProperty().get() ? " •" : ""),
                vm.titleProperty(), vm.differsProperty()));
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(vm.titleProperty());
        code.setTooltip(whole);
        getTabs().setAll(lesson, code);
        this.own = own;
        own.addListener((o, was, isOwn) -> showOwn(isOwn));
        showOwn(own.get());
    }

    /** The most characters of the Code tab's title shown; a longer one loses its middle. */
    static final int TITLE_CHARS = 24;

    /** {@code text} if at most {@code max} characters, else its start and end around an ellipsis, {@code max} in all. */
    static String middleCut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int tail = (max - 1) / 2;
        int head = max - 1 - tail;
        return text.substring(0, head) + "…" + text.substring(text.length() - tail);
    }

    private void showOwn(boolean isOwn) {
        if (isOwn) {
            getTabs().remove(lesson);
            getSelectionModel().select(code);
        } else if (!getTabs().contains(lesson)) {
            getTabs().add(0, lesson);
            getSelectionModel().select(lesson);
        }
    }

    /** Shows the Code tab. */
    public void showCode() {
        getSelectionModel().select(code);
    }

    /** Shows the Lesson tab (when there is a lesson). */
    public void showLesson() {
        if (getTabs().contains(lesson)) {
            getSelectionModel().select(lesson);
        }
    }

    /** True while the Code tab is the one shown. */
    public boolean codeShown() {
        return getSelectionModel().getSelectedItem() == code;
    }
}
