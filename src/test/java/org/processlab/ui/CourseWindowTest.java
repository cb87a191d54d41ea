package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.LessonEntry;

/**
 * A course of one's own and Reload, through the window: File ▸ Open lessons folder… (the dialog's answer given
 * through the seam) shows its lessons and names the course in the header; File ▸ Built-in lessons goes back in one
 * click; Ctrl+R after editing a lesson.md shows the new text on the page, the lesson kept; Ctrl+O asks for a program.
 */
class CourseWindowTest extends WindowTest {
    @TempDir
    Path course;

    private final java.util.LinkedList<Path> answers = new java.util.LinkedList<>();

    private void useAnswers() {
        app.fx(() -> app.shell().fileDialogs().use((ask, owner, near) -> answers.poll()));
    }

    private String courseName() {
        Label l = (Label) app.robot.lookup("#courseName").query();
        return app.fx(() -> {
            return l.isVisible() ? l.getText() : "";
        });
    }

    private LessonEntry shown() {
        return app.fx(() -> {
            return app.vm().selectedProperty().get();
        });
    }

    @Test
    void aLessonsFolderOfOnesOwnAndBackToTheBuiltInLessons() throws Exception {
        AppDriver.writeLesson(course.resolve("my-course"), "01-mine", "My own lesson", "mine.py", "print('mine')\n");
        app.launch(home);
        useAnswers();
        assertThat(courseName()).as("the built-in lessons name no course").isEmpty();
        answers.add(course.resolve("my-course"));
        app.click("#fileMenu");
        app.click("#openLessonsFolder");
        app.waitFor("my course's lesson", Duration.ofSeconds(15), () -> shown() != null && shown().id().equals("01-mine"));
        assertThat(app.fx(() -> {
            return app.vm().lessons().stream().map(LessonEntry::id).toList();
        })).containsExactly("01-mine");
        assertThat(courseName()).isEqualTo("Course: my-course");
        app.screenshot("course-of-ones-own");

        app.click("#fileMenu");
        app.click("#builtInLessons");
        app.waitFor("the built-in lessons", Duration.ofSeconds(15), () -> app.vm().lessons().size() > 5);
        assertThat(courseName()).isEmpty();
    }

    @Test
    void reloadShowsTheEditedPageAndKeepsTheLesson() throws Exception {
        Path lessons = course.resolve("lessons");
        copy(AppDriver.repo().resolve("lessons/02-first-processes"), lessons.resolve("02-first-processes"));
        copy(AppDriver.repo().resolve("lessons/03-process-ids"), lessons.resolve("03-process-ids"));
        app.launch(home, "--lessons", lessons.toString(), "--lesson", "03-process-ids");
        app.waitFor("lesson 3", Duration.ofSeconds(15), () -> shown() != null && shown().id().equals("03-process-ids"));
        assertThat(pageHas("A sentence added while the window was open.")).isFalse();
        Path md = lessons.resolve("03-process-ids/lesson.md");
        String text = Files.readString(md);
        int body = text.indexOf("\n---", 3) + 4;
        Files.writeString(md, text.substring(0, body) + "\nA sentence added while the window was open.\n"
                + text.substring(body));
        app.robot.clickOn("#status");
        app.robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        app.waitFor("the new sentence on the page", Duration.ofSeconds(15),
                () -> pageHas("A sentence added while the window was open."));
        assertThat(shown().id()).isEqualTo("03-process-ids");
        assertThat(app.fx(() -> {
            return app.vm().progress().of("02-first-processes").opened()
                    || app.vm().progress().of("03-process-ids").opened();
        })).as("progress kept").isTrue();
        app.screenshot("reloaded-lesson");

        // Ctrl+O asks for a program (here: Cancel)
        answers.add(null);
        useAnswers();
        app.robot.press(KeyCode.CONTROL).press(KeyCode.O).release(KeyCode.O).release(KeyCode.CONTROL);
        app.waitFor("the dialog asked", Duration.ofSeconds(10), answers::isEmpty);
        assertThat(shown().id()).isEqualTo("03-process-ids");
    }

    private boolean pageHas(String sentence) {
        Node page = app.robot.lookup("#lessonPage").query();
        List<String> texts = new ArrayList<>();
        collect(page, texts);
        return String.join("", texts).contains(sentence);
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        }
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        }
    }
}
