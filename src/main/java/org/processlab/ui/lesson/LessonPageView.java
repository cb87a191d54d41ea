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
 * already show, then a "Next lesson" button. A lesson that could not be loaded, or whose page cannot be drawn, shows
 * an error card.
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

    /**
     * Shows {@code entry} (null: a welcome text); {@code hasNext} enables the Next button. A lesson whose page cannot
     * be drawn (its renderer throws, or the first layout of what it made does) shows an error card naming the lesson
     * and the cause instead, and the Next button: one broken page never takes the window or the other lessons down.
     */
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
            content.getChildren().addAll(errorCard(err.id() + " cannot be loaded", err.message(),
                    "Fix lesson.md in " + err.dir() + " (see lessons/FORMAT.md); the other lessons work as usual."));
            content.getChildren().add(footer(hasNext));
            return;
        }
        Lesson lesson = (Lesson) entry;
        try {
            content.getChildren().addAll(page(lesson));
            content.getChildren().add(footer(hasNext));
            if (getScene() != null) {
                applyCss();
                layout();
            }
        } catch (MarkdownRenderer.OutOfBounds e) {
            content.getChildren().clear();
            content.getChildren().addAll(errorCard(lesson.id() + " cannot be shown",
                    lesson.dir().resolve("lesson.md") + ": " + e.getMessage(),
                    "Fix lesson.md in " + lesson.dir() + " (see lessons/FORMAT.md); the other lessons work as usual."));
            content.getChildren().add(footer(hasNext));
        } catch (RuntimeException | Error e) {
            // a StackOverflowError from a renderer too: the FX thread's stack has unwound to here, so it is usable
            System.err.println("ProcessLab: lesson " + lesson.id() + " could not be shown: " + cause(e));
            content.getChildren().clear();
            content.getChildren().addAll(errorCard(lesson.id() + " cannot be shown",
                    "The page of \"" + lesson.title() + "\" could not be drawn: " + cause(e),
                    "Its lesson.md in " + lesson.dir() + " has something the page cannot draw (see lessons/FORMAT.md); "
                            + "the other lessons work as usual."));
            content.getChildren().add(footer(hasNext));
        }
    }

    /** The cause of a failure in a few words: its kind, its message, and where in ProcessLab it came from. */
    static String cause(Throwable e) {
        String what = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        for (StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.processlab.")) {
                String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
                return what + " (in " + cls + "." + f.getMethodName() + ")";
            }
        }
        return what;
    }

    private static java.util.List<javafx.scene.Node> errorCard(String heading, String message, String hint) {
        Label title = new Label(heading);
        title.getStyleClass().addAll("lesson-page-title", "error");
        title.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
        title.setWrapText(true);
        Label msg = new Label(message);
        msg.setWrapText(true);
        msg.getStyleClass().add("lesson-page-error");
        msg.setId("lessonPageError");
        Label tip = new Label(hint);
        tip.setWrapText(true);
        tip.getStyleClass().add("lesson-page-hint");
        return java.util.List.of(title, msg, tip);
    }

    /** The lesson's page: caption, title, the Markdown (its after-run part folded), the examples it does not show. */
    private java.util.List<javafx.scene.Node> page(Lesson lesson) {
        java.util.List<javafx.scene.Node> out = new java.util.ArrayList<>();
        Label caption = new Label("Lesson " + lesson.order());
        caption.getStyleClass().add("lesson-caption");
        out.add(caption);
        String md = lesson.markdown() == null ? "" : lesson.markdown();
        if (!md.stripLeading().startsWith("#")) {
            Label title = new Label(lesson.title());
            title.getStyleClass().add("lesson-page-title");
            title.setWrapText(true);
            out.add(title);
        }
        java.util.regex.Matcher marker = Lesson.AFTER_RUN.matcher(md);
        if (marker.find()) {
            out.add(MarkdownRenderer.render(md.substring(0, marker.start()), lesson.dir()));
            javafx.scene.Node after = MarkdownRenderer.render(md.substring(marker.end()), lesson.dir());
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
            out.add(folded);
            out.add(after);
        } else {
            out.add(MarkdownRenderer.render(md, lesson.dir()));
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
            out.add(h);
            out.add(MarkdownRenderer.codeBlock(code, "python", ex.file().getFileName().toString()));
        }
        return out;
    }

    private HBox footer(boolean hasNext) {
        Button next = new Button("Next lesson", new FontIcon(MaterialDesignA.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().addAll("accent", "next-lesson");
        next.setDisable(!hasNext);
        next.setOnAction(e -> onNext.run());
        HBox bar = new HBox(next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("lesson-page-footer");
        return bar;
    }
}
