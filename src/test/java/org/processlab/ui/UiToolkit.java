package org.processlab.ui;

import java.util.concurrent.TimeoutException;

import javafx.stage.Stage;

import org.testfx.api.FxToolkit;

/** Starts the (headless) JavaFX toolkit once for every UI test, on a 1440×900 screen. */
public final class UiToolkit {
    private UiToolkit() {
    }

    /** Starts the toolkit if needed; returns the primary stage. */
    public static Stage start() throws TimeoutException {
        // Monocle's headless screen size; read once, when the toolkit starts.
        System.setProperty("headless.geometry", "1440x900-32");
        return FxToolkit.registerPrimaryStage();
    }
}
