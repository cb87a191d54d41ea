package org.processlab.app;

import java.util.logging.Logger;

/** Opens the window; kept apart from {@link Main} so the CLI path never loads JavaFX classes. */
final class Gui {
    /**
     * JavaFX's own logger. At every start it warns that its classes come from the class path ("Unsupported JavaFX
     * configuration"), which is how the single jar ships them: the warning tells a person nothing they can act on,
     * so that one message is filtered out and every other is kept. Held here because java.util.logging keeps
     * loggers weakly, and a collected one would forget its filter.
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private Gui() {
    }

    /**
     * Opens the window and returns when it has closed. A display that cannot be opened (say {@code DISPLAY} names a
     * server that is gone) ends the JVM with exit code 69 and one line on stderr, not a stack trace.
     */
    static void open(String[] args) {
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            javafx.application.Application.launch(ProcessLabApp.class, args);
        } catch (UnsupportedOperationException e) {
            String display = System.getenv("DISPLAY");
            System.err.println("processlab: could not open the display" + (display == null ? "" : " " + display)
                    + " (" + e.getMessage() + "). Use 'processlab run TARGET' for the headless report.");
            System.exit(69);
        }
    }
}
