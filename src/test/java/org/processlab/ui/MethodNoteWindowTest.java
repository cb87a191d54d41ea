package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;

import org.processlab.model.StartMethod;

/** Choosing a start method the lesson's example is not meant for shows a note beside the run controls. */
class MethodNoteWindowTest extends WindowTest {

    @Test
    void aStartMethodTheExampleIsNotMeantForShowsANote() throws Exception {
        app.launch(home);
        app.clickLesson("13-");
        app.waitFor("lesson 13's example", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null);
        Label note = (Label) app.shell().lookup("#methodNote");
        assertThat(app.fx(note::isVisible)).as("the default method: no note").isFalse();

        chooseMethod(StartMethod.FORKSERVER);
        app.waitFor("the note", Duration.ofSeconds(10), note::isVisible);
        assertThat(app.fx(note::getText))
                .isEqualTo("This example is meant for fork, spawn: under forkserver it may not show what the lesson says");
        app.screenshot("start-method-note");

        chooseMethod(StartMethod.SPAWN);
        app.waitFor("the note to go", Duration.ofSeconds(10), () -> !note.isVisible());
    }

    @SuppressWarnings("unchecked")
    private void chooseMethod(StartMethod method) {
        app.fx(() -> ((ComboBox<Optional<StartMethod>>) app.shell().lookup("#startMethod")).setValue(Optional.of(method)));
    }
}
