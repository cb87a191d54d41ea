package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.Prediction;
import org.processlab.lesson.Reveal;
import org.processlab.store.ProgressStore;
import org.processlab.ui.lesson.PredictionViewModel;

/** Predict, then reveal (issue 5), and progress that survives a restart. */
class PredictionWindowTest extends WindowTest {

    @Test
    void answeringThenRunningRevealsTheAnswerAndWhatHappened() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        Prediction p = ((Lesson) app.lesson("02-")).predict();
        assertThat(p).isNotNull();
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled()))
                .as("Run waits for an answer").isTrue();
        app.robot.type(KeyCode.F5);
        app.waitFor("F5 to say why nothing ran", Duration.ofSeconds(10),
                () -> app.vm().run().statusProperty().get().startsWith("Answer the question first"));
        assertThat(app.fx(() -> app.vm().run().model())).as("F5 before an answer starts nothing").isNull();
        assertThat(app.texts(app.robot.lookup("#prediction").query())).contains(p.question());
        assertThat(app.fx(() -> app.robot.lookup("#afterRun").query().isVisible()))
                .as("the page's part on what the run shows is folded until the answer is checked").isFalse();
        assertThat(app.fx(() -> app.robot.lookup("#afterRunFolded").query().isVisible())).isTrue();
        app.nodeScreenshot(app.robot.lookup("#afterRunFolded").query(), "after-run-folded");
        app.screenshot("predict-question");

        app.click("#choice" + p.answer());
        app.waitFor("Run to be allowed", Duration.ofSeconds(10),
                () -> !app.robot.lookup("#runButton").query().isDisabled());
        // what the status says at the moment the reveal appears: the run's end, never "Running…"
        java.util.concurrent.atomic.AtomicReference<String> statusAtReveal = new java.util.concurrent.atomic.AtomicReference<>();
        app.fx(() -> app.vm().prediction().revealProperty().addListener((o, a, b) -> {
            if (b != null) {
                statusAtReveal.set(app.vm().run().statusProperty().get());
            }
        }));
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null);

        assertThat(statusAtReveal.get()).as("the status when the reveal appeared").startsWith("Ended");
        Reveal r = app.fx(() -> app.vm().prediction().revealProperty().get());
        assertThat(r.right()).isTrue();
        assertThat(r.answer()).isEqualTo(p.answerText());
        assertThat(r.checked()).isTrue();
        assertThat(r.problems()).as("the lesson's expectations held").isEmpty();
        Label verdict = app.robot.lookup("#verdict").query();
        assertThat(app.fx(verdict::getText)).isEqualTo("Right!");
        assertThat(app.fx(() -> verdict.getStyleClass().contains("right"))).isTrue();
        assertThat(app.texts(app.robot.lookup("#prediction").query()))
                .contains(p.explain().strip())
                .contains("What really happened")
                .anySatisfy(t -> assertThat(t).contains("2 children").contains("Done!"));
        assertThat(app.robot.lookup("#expectationResult").tryQuery()).isPresent();
        app.screenshot("predict-reveal");

        assertThat(app.fx(() -> app.robot.lookup("#afterRun").query().isVisible())).as("unfolded by the reveal").isTrue();
        assertThat(app.fx(() -> app.robot.lookup("#afterRunFolded").query().isVisible())).isFalse();

        ProgressStore.LessonProgress saved = ProgressStore.open(home).of(app.lesson("02-").id());
        assertThat(saved.prediction()).isEqualTo(p.answer());
        assertThat(saved.runs()).isEqualTo(1);
        assertThat(saved.checked()).isTrue();

        // closed, the card keeps the verdict (it said "press Run to check it" again)
        app.dismissReveal();
        app.waitFor("the reminder", Duration.ofSeconds(10), () -> app.robot.lookup("#predictionReminder").tryQuery().isPresent());
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#predictionReminder").query()).getText()))
                .isEqualTo("Your prediction: " + p.answerText() + " — right.");
        assertThat(app.fx(() -> app.robot.lookup("#afterRun").query().isVisible())).isTrue();
    }

    @Test
    void progressSurvivesARestart() throws Exception {
        String lessons = AppDriver.repo().resolve("lessons").toString();
        app.launch(home, "--lessons", lessons);
        app.clickLesson("02-");
        Prediction p = ((Lesson) app.lesson("02-")).predict();
        int wrong = p.answer() == 0 ? 1 : 0;
        app.click("#choice" + wrong);
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null);
        assertThat(app.fx(() -> app.vm().prediction().revealProperty().get().right())).isFalse();
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#verdict").query()).getText())).isEqualTo("Not quite");
        app.screenshot("predict-wrong");
        app.clickLesson("03-");
        app.close();
        assertThat(Files.exists(home.resolve(ProgressStore.FILE))).isTrue();

        app.launch(home, "--lessons", lessons);
        String id2 = app.lesson("02-").id();
        String id3 = app.lesson("03-").id();
        app.waitFor("the last lesson to be shown again", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get() != null && app.vm().selectedProperty().get().id().equals(id3));
        ProgressStore.LessonProgress p2 = app.fx(() -> app.vm().progress().of(id2));
        assertThat(p2.runs()).isEqualTo(1);
        assertThat(p2.prediction()).isEqualTo(wrong);
        assertThat(app.fx(() -> app.vm().progress().of(id3).opened())).isTrue();
        app.waitFor("a check mark in the list", Duration.ofSeconds(10),
                () -> app.robot.lookup(".lesson-done-icon").tryQuery().isPresent());
        app.screenshot("progress-after-restart");

        // The answer given before the restart still counts: Run is allowed in lesson 2 at once.
        app.clickLesson("02-");
        assertThat(app.fx(() -> app.vm().prediction().choiceProperty().get())).isEqualTo(wrong);
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled())).isFalse();
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#predictionReminder").query()).getText()))
                .as("checked before the restart: the answer is known")
                .isEqualTo("Your prediction: " + p.choices().get(wrong) + " — the answer: " + p.answerText() + ".");
        assertThat(app.fx(() -> app.robot.lookup("#afterRun").query().isVisible())).isTrue();
        assertThat(wrong).isNotEqualTo(PredictionViewModel.UNANSWERED);

        // a new answer is not checked yet: the page folds its last part again until the next run
        app.fx(() -> app.vm().prediction().answer(p.answer()));
        app.waitFor("the page to fold again", Duration.ofSeconds(10),
                () -> !app.robot.lookup("#afterRun").query().isVisible());
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#predictionReminder").query()).getText()))
                .endsWith("press Run to check it.");

        // Next lesson by keyboard: Ctrl+Right, then Alt+N.
        app.robot.clickOn("#lessonPage");
        app.robot.press(KeyCode.CONTROL, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.CONTROL);
        app.waitFor("Ctrl+Right to open lesson 3", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get().id().equals(id3));
        app.robot.press(KeyCode.ALT, KeyCode.N).release(KeyCode.N, KeyCode.ALT);
        app.waitFor("Alt+N to open lesson 4", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get().id().startsWith("04-"));

        // skipped, run, the reveal closed: the card gives the answer (it said "press Run and watch" again)
        Prediction p4 = ((Lesson) app.lesson("04-")).predict();
        app.click("#skipPrediction");
        app.click("#runButton");
        app.dismissReveal();
        app.waitFor("the reminder", Duration.ofSeconds(10), () -> app.robot.lookup("#predictionReminder").tryQuery().isPresent());
        assertThat(app.fx(() -> ((Label) app.robot.lookup("#predictionReminder").query()).getText()))
                .isEqualTo("You skipped the question; the answer: " + p4.answerText() + ".");
    }
}
