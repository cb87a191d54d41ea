package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunSnapshot;

/**
 * Three lessons run in the window, each checked for the thing its timeline must make visible, and saved
 * as a PNG (target/screenshots/lesson-NN-*.png) for a person to look at: the Manager's own lane, the
 * pool workers reused across tasks, and the zombie span between a child's end and its join.
 */
class LessonPointScreenshotsTest extends WindowTest {

    private RunSnapshot run(String lessonId) throws Exception {
        app.clickLesson(lessonId);
        if (app.fx(() -> app.vm().selectedProperty().get() instanceof org.processlab.lesson.Lesson l && l.predict() != null)) {
            app.click("#skipPrediction");
        }
        app.click("#runButton");
        app.waitFor("the run of " + lessonId + " to begin", Duration.ofSeconds(30),
                () -> app.vm().run().model() != null && !app.vm().run().model().snapshot().processes().isEmpty());
        app.waitFor("the run of " + lessonId + " to end", Duration.ofSeconds(60), () -> !app.vm().run().runningProperty().get());
        app.waitForRunShown();
        return app.vm().run().model().snapshot();
    }

    @Test
    void managerPoolAndZombieLessonsShowTheirPoint() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());

        RunSnapshot manager = run("06-manager-server");
        assertThat(manager.processes()).anyMatch(p -> p.role() == Role.HELPER && "manager".equals(p.helperKind()));
        Path m = app.screenshot("lesson-06-manager");

        RunSnapshot pool = run("10-pool-map");
        assertThat(pool.processes()).filteredOn(p -> p.role() == Role.CHILD).isNotEmpty()
                .allSatisfy(p -> assertThat(p.exitCode()).isNotNull());
        Path p = app.screenshot("lesson-10-pool");

        RunSnapshot zombie = run("13-zombies-orphans");
        ProcessView child = zombie.processes().stream().filter(x -> x.role() == Role.CHILD).findFirst().orElseThrow();
        assertThat(child.states()).anyMatch(s -> s.state() == LifeState.ZOMBIE && s.to() - s.from() > 500_000);
        Path z = app.screenshot("lesson-13-zombie");

        for (Path png : new Path[] {m, p, z}) {
            assertThat(Files.size(png)).isGreaterThan(10_000);
        }
    }
}
