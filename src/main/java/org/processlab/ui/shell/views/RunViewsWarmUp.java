package org.processlab.ui.shell.views;

import java.util.function.BooleanSupplier;

import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Readies the window's run views before the first run: {@link #DELAY_MS} after the window first shows (the lesson
 * page is laid out by then), it plays the {@link RunViewsRehearsal} {@link #ROUNDS} times, one step per pulse so that
 * the window keeps drawing, then primes the window's own table and console cells with the last round's rows
 * ({@link RunViews#primeCells}). A run that began first makes all this moot: its own frames ready the views.
 * {@code -Dprocesslab.warmUp=false} skips it.
 *
 * <p>Threading: FX thread only; {@code warmedUp} is written there.
 */
public final class RunViewsWarmUp {
    /** How long after the window first shows the rehearsal starts. */
    public static final long DELAY_MS = 1200;
    /** How many times the rehearsal is played, each in new views (so that the JIT sees the code often enough). */
    static final int ROUNDS = 3;

    private final ReadOnlyBooleanWrapper warmedUp = new ReadOnlyBooleanWrapper(this, "warmedUp");

    /**
     * @param window   the window's root: its stylesheets and inline style (the text size) style the rehearsal too
     *                 (the theme is the application's user-agent stylesheet); its first showing starts the clock
     * @param views    the window's run views, whose cells are primed at the end
     * @param runBegan whether a run has begun (then its own frames ready the views)
     */
    public RunViewsWarmUp(Parent window, RunViews views, BooleanSupplier runBegan) {
        if (!Boolean.parseBoolean(System.getProperty("processlab.warmUp", "true"))) {
            warmedUp.set(true);
            return;
        }
        PauseTransition wait = new PauseTransition(Duration.millis(DELAY_MS));
        wait.setOnFinished(e -> {
            if (runBegan.getAsBoolean()) {
                warmedUp.set(true);
            } else {
                play(window, last -> {
                    if (!runBegan.getAsBoolean()) {
                        views.primeCells(last.viewsModel().table().rows(), last.viewsModel().console().allRows());
                    }
                    warmedUp.set(true);
                });
            }
        });
        ObservableValue<Boolean> showing = window.sceneProperty().flatMap(Scene::windowProperty)
                .flatMap(Window::showingProperty).orElse(false);
        if (showing.getValue()) {
            wait.play();
            return;
        }
        showing.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    wait.play();
                }
            }
        });
    }

    /**
     * True once the run views have been rehearsed, or a run began before that; true from the start with
     * {@code -Dprocesslab.warmUp=false}.
     */
    public ReadOnlyBooleanProperty warmedUpProperty() {
        return warmedUp.getReadOnlyProperty();
    }

    /** Plays the rounds over the next pulses, one step per pulse, each round in new views; gives {@code done} the last. */
    private static void play(Parent window, java.util.function.Consumer<RunViewsRehearsal> done) {
        new AnimationTimer() {
            private int round = 1;
            private RunViewsRehearsal r = new RunViewsRehearsal(window.getStylesheets(), window.getStyle());

            @Override
            public void handle(long now) {
                if (r.step()) {
                    return;
                }
                if (round < ROUNDS) {
                    round++;
                    r = new RunViewsRehearsal(window.getStylesheets(), window.getStyle());
                } else {
                    stop();
                    done.accept(r);
                }
            }
        }.start();
    }
}
