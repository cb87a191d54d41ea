package org.processlab.ui.shell.presenter;

import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's stage in presenter mode: full screen while the mode is on ({@link Stage#setFullScreen}; Esc leaves
 * full screen as JavaFX has it, the exit hint says so and names F11 for the mode). The stage is also moved and sized
 * to its screen's bounds, because a desktop with no window manager (a bare X server, a kiosk) leaves a full-screen
 * request unanswered; its bounds before are given back when the mode ends.
 *
 * <p>Threading: FX thread only; {@code before} is written there.
 */
public final class PresenterStage {
    /** What JavaFX shows over the full-screen window for a few seconds. */
    public static final String EXIT_HINT = "Esc leaves full screen · F11 leaves presenter mode";

    private final Stage stage;
    /** The stage's bounds before presenter mode, or null. */
    private Rectangle2D before;

    private PresenterStage(Stage stage) {
        this.stage = stage;
    }

    /** Makes {@code stage} follow {@code presenter} from now on, starting with its value now. */
    public static void follow(Stage stage, ObservableBooleanValue presenter) {
        PresenterStage p = new PresenterStage(stage);
        stage.setFullScreenExitHint(EXIT_HINT);
        presenter.addListener((o, was, on) -> p.present(on));
        if (presenter.get()) {
            p.present(true);
        }
    }

    private void present(boolean on) {
        if (on) {
            before = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            Rectangle2D screen = Screen.getScreensForRectangle(before).stream().findFirst()
                    .orElse(Screen.getPrimary()).getBounds();
            place(screen);
            stage.setFullScreen(true);
        } else {
            stage.setFullScreen(false);
            if (before != null) {
                place(before);
                before = null;
            }
        }
    }

    private void place(Rectangle2D r) {
        stage.setX(r.getMinX());
        stage.setY(r.getMinY());
        stage.setWidth(r.getWidth());
        stage.setHeight(r.getHeight());
    }
}
