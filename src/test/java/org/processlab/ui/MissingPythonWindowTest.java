package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javafx.scene.control.Label;

import org.processlab.lesson.Lesson;
import org.processlab.model.RunStatus;
import org.processlab.run.PythonInterpreter;

/** With a Python that does not exist, the window says so clearly and keeps working. */
class MissingPythonWindowTest extends WindowTest {

    @TempDir
    Path lessons;

    @Test
    void aMissingInterpreterIsShownAndTheAppKeepsWorking() throws Exception {
        // three real lessons and one that cannot be loaded
        for (String prefix : new String[] {"02-", "03-", "04-"}) {
            try (var dirs = Files.list(AppDriver.repo().resolve("lessons"))) {
                Path src = dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
                copyFolder(src, lessons.resolve(src.getFileName()));
            }
        }
        Files.createDirectories(lessons.resolve("05-broken"));
        Files.writeString(lessons.resolve("05-broken/lesson.md"), "---\ntitle: [unclosed\n---\n# Broken\n");
        app.launch(home, "--lessons", lessons.toString(), "--python", "/definitely/not/python");

        app.waitFor("the error banner", Duration.ofSeconds(30),
                () -> app.robot.lookup("#errorBanner").query().isVisible());
        javafx.scene.Node banner = app.robot.lookup("#errorBanner").query();
        Label title = app.robot.lookup("#errorTitle").query();
        Label message = app.robot.lookup("#errorMessage").query();
        assertThat(app.fx(message::getText)).contains("/definitely/not/python").contains(PythonInterpreter.HOW_TO_GET);
        assertThat(app.fx(title::getText)).isEqualTo("Python was not found");

        // Run anyway: the run fails with the same message, in the status and the banner.
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitFor("the failed run", Duration.ofSeconds(30), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().status() == RunStatus.FAILED
                && !app.vm().run().runningProperty().get());
        String status = app.fx(() -> app.vm().run().statusProperty().get());
        assertThat(status).startsWith("Error:").contains("Python interpreter not found");
        assertThat(app.fx(() -> banner.isVisible())).isTrue();
        assertThat(app.fx(message::getText)).contains("Install Python");
        assertThat(app.fx(title::getText)).isEqualTo("Python was not found");
        app.screenshot("missing-python");

        // The app still works: another lesson can be chosen, and its page shows.
        app.clickLesson("03-");
        Lesson shown = (Lesson) app.fx(() -> app.vm().selectedProperty().get());
        assertThat(shown.id()).startsWith("03-");
        assertThat(app.texts(app.robot.lookup("#lessonPage").query())).contains("Lesson " + shown.order());
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled()))
                .as("Run stays usable (after the prediction)").isEqualTo(shown.predict() != null);
        app.fx(() -> app.vm().nextLesson());
        app.waitFor("the next lesson", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get().id().startsWith("04-"));

        // The broken lesson is a red card with its message; choosing it shows the error, not a crash.
        assertThat(app.robot.lookup(".error-card").tryQuery()).isPresent();
        app.clickLesson("05-");
        assertThat(app.texts(app.robot.lookup("#lessonPage").query()))
                .anySatisfy(t -> assertThat(t).contains("05-broken").contains("cannot be loaded"));
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled())).isTrue();
        app.screenshot("error-card");

        // The window's Python field: give a working interpreter, the error goes, and runs work again.
        app.robot.clickOn("#pythonField").write("python3");
        app.click("#usePython");
        app.waitFor("the banner to go", Duration.ofSeconds(30),
                () -> !app.robot.lookup("#errorBanner").query().isVisible());
        app.clickLesson("02-");
        app.click("#runButton");
        app.waitFor("a real run", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().status() == RunStatus.ENDED && !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo("Ended — exit 0");
    }

    private static void copyFolder(Path from, Path to) throws java.io.IOException {
        try (var files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
