package org.processlab.ui.lesson;

import java.nio.file.Path;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;

/**
 * The lesson page: the lesson's Markdown rendered to nodes, then the code of each example the page does not
 * already show, then a "Next lesson" button. A lesson that could not be loaded shows its error.
 *
 * <p>Threading: FX thread only. Example sources come from a function the caller filled off the FX thread.
 */
public final class LessonPageView extends ScrollPane {
    private final VBox content = new VBox();
    private final Function<Path, String> sources;
    private final Runnable onNext;
    private final javafx.beans.value.ObservableBooleanValue afterRunOpen;

    /**
     * @param sources the text of an example file (null when it could not be read)
     * @param onNext  what "Next lesson" does
     */
    public LessonPageView(Function<Path, String> sources, Runnable onNext) {
        this(sources, onNext, new javafx.beans.property.SimpleBooleanProperty(true));
    }

    /**
     * @param sources      the text of an example file (null when it could not be read)
     * @param onNext       what "Next lesson" does
     * @param afterRunOpen whether the part of a lesson after its {@link Lesson#AFTER_RUN} line is shown (else a note
     *                     stands in for it); followed while the page is shown
     */
    public LessonPageView(Function<Path, String> sources, Runnable onNext,
            javafx.beans.value.ObservableBooleanValue afterRunOpen) {
        this.sources = sources;
        this.onNext = onNext;
        this.afterRunOpen = afterRunOpen;
        setId("lessonPage");
        getStyleClass().add("lesson-page");
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.NEVER);
        content.getStyleClass().add("lesson-page-content");
        setContent(content);
        show(null, false);
    }

    /** Shows {@code entry} (null: a welcome text); {@code hasNext} enables the Next button. */
    public void show(LessonEntry entry, boolean hasNext) {
        content.getChildren().clear();
        setVvalue(0);
        if (entry == null) {
            Label l = new Label("Pick a lesson on the left.");
            l.getStyleClass().add("lesson-page-hint");
            content.getChildren().add(l);
            return;
        }
        if (entry instanceof LessonError err) {
            Label title = new Label(err.id() + " cannot be loaded");
            title.getStyleClass().addAll("lesson-page-title", "error");
            title.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
            title.setWrapText(true);
            Label msg = new Label(err.message());
            msg.setWrapText(true);
            msg.getStyleClass().add("lesson-page-error");
            Label hint = new Label("Fix lesson.md in " + err.dir() + " (see lessons/FORMAT.md); the other lessons work as usual.");
            hint.setWrapText(true);
            hint.getStyleClass().add("lesson-page-hint");
            content.getChildren().addAll(title, msg, hint);
            return;
        }
        Lesson lesson = (Lesson) entry;
        Label caption = new Label("Lesson " + lesson.order());
        caption.getStyleClass().add("lesson-caption");
        content.getChildren().add(caption);
        String md = lesson.markdown() == null ? "" : lesson.markdown();
        if (!md.stripLeading().startsWith("#")) {
            Label title = new Label(lesson.title());
            title.getStyleClass().add("lesson-page-title");
            title.setWrapText(true);
            content.getChildren().add(title);
        }
        java.util.regex.Matcher marker = Lesson.AFTER_RUN.matcher(md);
        if (marker.find()) {
            content.getChildren().add(MarkdownRenderer.render(md.substring(0, marker.start())));
            javafx.scene.Node after = MarkdownRenderer.render(md.substring(marker.end()));
            after.setId("afterRun");
            Label folded = new Label("The rest of this page tells what the run shows. It opens once you have answered "
                    + "the question and pressed Run (or skipped the question).", new FontIcon(MaterialDesignE.EYE_OFF_OUTLINE));
            folded.setId("afterRunFolded");
            folded.getStyleClass().add("lesson-after-run-folded");
            folded.setWrapText(true);
            folded.setMaxWidth(Double.MAX_VALUE);
            after.visibleProperty().bind(afterRunOpen);
            after.managedProperty().bind(afterRunOpen);
            folded.visibleProperty().bind(Bindings.not(afterRunOpen));
            folded.managedProperty().bind(Bindings.not(afterRunOpen));
            content.getChildren().addAll(folded, after);
        } else {
            content.getChildren().add(MarkdownRenderer.render(md));
        }
        for (Example ex : lesson.examples()) {
            String code = sources.apply(ex.file());
            if (code == null || MarkdownRenderer.holdsCode(md, code)) {
                continue;
            }
            Label h = new Label((lesson.more().contains(ex) ? "More: " : "The example: ") + ex.file().getFileName());
            h.setGraphic(new FontIcon(MaterialDesignL.LANGUAGE_PYTHON));
            h.getStyleClass().add("lesson-example-title");
            h.setWrapText(true);
            content.getChildren().addAll(h, MarkdownRenderer.codeBlock(code, "python", ex.file().getFileName().toString()));
        }
        Button next = new Button("Next lesson", new FontIcon(MaterialDesignA.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().addAll("accent", "next-lesson");
        next.setDisable(!hasNext);
        next.setOnAction(e -> onNext.run());
        HBox bar = new HBox(next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("lesson-page-footer");
        content.getChildren().add(bar);
    }
}
