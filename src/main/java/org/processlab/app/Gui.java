package org.processlab.app;

/** Opens the window; kept apart from {@link Main} so the CLI path never loads JavaFX classes. */
final class Gui {
    private Gui() {
    }

    static void open(String[] args) {
        javafx.application.Application.launch(ProcessLabApp.class, args);
    }
}
