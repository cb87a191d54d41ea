package org.processlab.app;

import javafx.application.Application;
import javafx.stage.Stage;

/** Placeholder; the window is built in org.processlab.ui. */
public final class ProcessLabApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.show();
    }
}
