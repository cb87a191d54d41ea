package org.processlab.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.model.RunSnapshot;

/**
 * Runs every example of every lesson in the window and saves screenshots of each (gallery-NN-...png, live and at
 * the end), for a person to look at. Opt-in, as it takes a while:
 * {@code mvn test -Dtest=LessonGalleryTest -Dprocesslab.gallery=true} (add {@code -Dprocesslab.gallery.only=13}
 * for the lessons whose id starts with 13).
 */
@EnabledIfSystemProperty(named = "processlab.gallery", matches = "true")
class LessonGalleryTest extends WindowTest {

    @Test
    void everyLessonRunsInTheWindow() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        List<LessonEntry> all = app.fx(() -> List.copyOf(app.vm().lessons()));
        String only = System.getProperty("processlab.gallery.only", "");
        for (LessonEntry e : all) {
            if (!(e instanceof Lesson l) || l.example() == null || !e.id().startsWith(only)) {
                continue;
            }
            app.clickLesson(e.id());
            if (l.predict() != null) {
                app.click("#skipPrediction");
            }
            for (Example ex : l.examples()) {
                String name = "gallery-" + e.id() + (ex == l.example() ? "" : "-" + ex.file().getFileName());
                app.fx(() -> app.vm().exampleProperty().set(ex));
                app.click("#runButton");
                app.waitFor("the run of " + name + " to begin", Duration.ofSeconds(20),
                        () -> app.vm().run().model() != null && !app.vm().run().model().snapshot().processes().isEmpty());
                // the live picture: this run's timeline with a second process, its first output, or its end
                app.waitFor("the views to show the run of " + name + " going", Duration.ofSeconds(20), () -> {
                    RunSnapshot shown = app.shell().timeline().getSnapshot();
                    return shown != null && shown.startedAt() == app.vm().run().model().snapshot().startedAt()
                            && (shown.processes().stream().filter(p -> !p.notStarted()).count() > 1
                                    || shown.outputLines() > 0 || shown.status().finished());
                });
                app.screenshot(name + "-live");
                try {
                    app.waitFor("the run of " + name + " to end", Duration.ofSeconds(30),
                            () -> !app.vm().run().runningProperty().get());
                } catch (AssertionError stillRunning) {
                    app.click("#stopButton");
                    app.waitFor("the stopped run of " + name + " to end", Duration.ofSeconds(30),
                            () -> !app.vm().run().runningProperty().get());
                }
                app.screenshot(name);
            }
        }
    }
}
