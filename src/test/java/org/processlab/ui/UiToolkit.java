package org.processlab.ui;

import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.testfx.api.FxToolkit;

/** Starts the (headless) JavaFX toolkit once for every UI test, on a 1920×1080 screen (the largest window a test opens: Monocle cannot draw a window larger than its screen). */
public final class UiToolkit {
    private UiToolkit() {
    }

    /** Starts the toolkit if needed; returns the primary stage. */
    public static Stage start() throws TimeoutException {
        // Monocle's headless screen size; read once, when the toolkit starts.
        System.setProperty("headless.geometry", "1920x1080-32");
        return FxToolkit.registerPrimaryStage();
    }
}
