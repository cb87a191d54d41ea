package org.processlab.ui.shell.lessons;

import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.ui.lesson.WideCodeEvent;
import org.processlab.ui.lesson.WideCodeView;

/**
 * The window's content with a code block shown over it, wide and large: a code block's "whole code" button (a
 * {@link WideCodeEvent}) opens it over both sides; choosing another lesson, or {@link #hide()} (Esc), closes it.
 *
 * <p>Threading: FX thread only.
 */
public final class WideCodeOverlay extends StackPane {
    private final WideCodeView wideCode = new WideCodeView();

    /**
     * @param content  what the code is shown over (the window's body)
     * @param selected the lesson shown, for the code's heading
     */
    public WideCodeOverlay(Node content, ObservableObjectValue<LessonEntry> selected) {
        getChildren().setAll(content, wideCode);
        addEventHandler(WideCodeEvent.SHOW, e -> {
            wideCode.show(heading(e.title(), selected.get()), e.code(), e.language(),
                    e.getTarget() instanceof Node n ? n : null);
            e.consume();
        });
        selected.addListener((o, a, b) -> wideCode.hide());
    }

    /** The code block's own title, else the lesson's ({@code Lesson 3: Process IDs}), else {@code Code}. */
    static String heading(String blockTitle, LessonEntry lesson) {
        if (blockTitle != null) {
            return blockTitle;
        }
        return lesson instanceof Lesson l ? "Lesson " + l.order() + ": " + l.title() : "Code";
    }

    /** Closes the code if it is shown; true if it was. */
    public boolean hide() {
        if (!wideCode.showingProperty().get()) {
            return false;
        }
        wideCode.hide();
        return true;
    }

    /** The view that shows the code. */
    public WideCodeView wideCode() {
        return wideCode;
    }
}
