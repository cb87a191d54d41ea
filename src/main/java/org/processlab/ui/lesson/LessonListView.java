package org.processlab.ui.lesson;

import java.util.function.Function;

import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;
import org.processlab.store.ProgressStore;

/**
 * The list of lessons, in order: number, title and a progress mark (a check once a run was made, a dot once
 * opened). A lesson that could not be loaded is a red error card with its message; the others work as usual. Only the
 * primary mouse button chooses a lesson.
 *
 * <p>Threading: FX thread only. Call {@link #refreshMarks()} after progress changes.
 */
public final class LessonListView extends ListView<LessonEntry> {
    private final Function<String, ProgressStore.LessonProgress> progress;

    /**
     * @param lessons  the entries, in order
     * @param progress the progress of a lesson id (never null)
     */
    public LessonListView(ObservableList<LessonEntry> lessons, Function<String, ProgressStore.LessonProgress> progress) {
        super(lessons);
        this.progress = progress;
        setId("lessonList");
        getStyleClass().add("lesson-list");
        setPlaceholder(new Label("Loading lessons…"));
        setCellFactory(l -> new EntryCell());
        // only the primary button chooses a lesson: a right click (which a list selects with, for a context menu)
        // or a middle click must not navigate away and so discard the run on show
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                e.consume();
            }
        });
    }

    /** Redraws the progress marks. */
    public void refreshMarks() {
        refresh();
    }

    private final class EntryCell extends ListCell<LessonEntry> {
        private final Label number = new Label();
        private final Label title = new Label();
        private final Label message = new Label();
        private final Label mark = new Label();
        private final VBox texts = new VBox(2, title, message);
        private final HBox box = new HBox(10, number, texts, mark);

        EntryCell() {
            number.getStyleClass().add("lesson-number");
            number.setMinWidth(Region.USE_PREF_SIZE);
            title.getStyleClass().add("lesson-title");
            title.setWrapText(true);
            message.getStyleClass().add("lesson-error-message");
            message.setWrapText(true);
            mark.getStyleClass().add("lesson-mark");
            mark.setMinWidth(Region.USE_PREF_SIZE);
            texts.setMinWidth(0);
            HBox.setHgrow(texts, Priority.ALWAYS);
            box.setAlignment(Pos.CENTER_LEFT);
            getStyleClass().add("lesson-cell");
            title.setMaxWidth(Double.MAX_VALUE);
            message.setMaxWidth(Double.MAX_VALUE);
            // as wide as the list, never wider: long titles wrap instead of widening the list
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(LessonEntry e, boolean empty) {
            super.updateItem(e, empty);
            getStyleClass().remove("error-card");
            setText(null);
            if (empty || e == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            number.setText(e.order() == Integer.MAX_VALUE ? "–" : String.format("%02d", e.order()));
            if (e instanceof LessonError err) {
                getStyleClass().add("error-card");
                title.setText(err.id());
                message.setText(shortMessage(err.message()));
                message.setVisible(true);
                message.setManaged(true);
                FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE);
                icon.getStyleClass().add("lesson-error-icon");
                mark.setGraphic(icon);
                setTooltip(new Tooltip(err.message()));
            } else {
                Lesson l = (Lesson) e;
                title.setText(l.title());
                message.setText("");
                message.setVisible(false);
                message.setManaged(false);
                ProgressStore.LessonProgress p = progress.apply(l.id());
                if (p.ran()) {
                    FontIcon icon = new FontIcon(MaterialDesignC.CHECK_CIRCLE);
                    icon.getStyleClass().add("lesson-done-icon");
                    mark.setGraphic(icon);
                    mark.setAccessibleText("done");
                } else if (p.opened()) {
                    FontIcon icon = new FontIcon(MaterialDesignC.CIRCLE_MEDIUM);
                    icon.getStyleClass().add("lesson-opened-icon");
                    mark.setGraphic(icon);
                    mark.setAccessibleText("opened");
                } else {
                    mark.setGraphic(null);
                    mark.setAccessibleText("new");
                }
                setTooltip(null);
            }
            setGraphic(box);
        }
    }

    private static String shortMessage(String m) {
        int slash = m.indexOf("lesson.md");
        String s = slash >= 0 ? m.substring(slash) : m;
        return s.length() > 220 ? s.substring(0, 217) + "…" : s;
    }
}
