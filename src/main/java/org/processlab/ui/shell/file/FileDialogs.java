package org.processlab.ui.shell.file;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the File menu and the program bar ask a person for a file or a folder (the system's dialogs,
 * {@link FileChooser}, {@link DirectoryChooser}, by default), where to save a run ({@link #askToSave}), and a yes-or-no
 * question ({@link #confirm}: Clear kept runs…; a JavaFX {@code Alert} by default). The dialogs are native and
 * cannot be driven by a headless test, so this is the seam: a test calls {@link #use} with a {@link Chooser} that
 * answers at once (a path, or null for Cancel), and {@link #useConfirm} with a {@link Confirmer}, and everything after
 * the answer runs as it does for a person.
 *
 * <p>Threading: FX thread only.
 */
public final class FileDialogs {
    /** What is asked for. */
    public enum Ask {
        /** A program or a run file to open: File ▸ Open. */
        PROGRAM("Open a Python program or a saved run"),
        /** Where to save the run shown: File ▸ Save run. */
        SAVE_RUN("Save the run"),
        /** A folder of lessons: File ▸ Open lessons folder. */
        LESSONS_FOLDER("Open a folder of lessons"),
        /** An interpreter for the program shown: the program bar's Browse…. */
        INTERPRETER("Choose the Python interpreter for this program");

        private final String title;

        Ask(String title) {
            this.title = title;
        }

        /** The dialog's title. */
        public String title() {
            return title;
        }
    }

    /** Answers one question: the path chosen, or null when the person cancelled. */
    @FunctionalInterface
    public interface Chooser {
        /**
         * @param ask   what is asked for
         * @param owner the window the dialog belongs to (null before it shows)
         * @param near  a folder to start in (the last one used), or null
         */
        Path choose(Ask ask, Window owner, Path near);
    }

    /** Answers a yes-or-no question: true for yes. */
    @FunctionalInterface
    public interface Confirmer {
        /**
         * @param question the question, short ({@code Delete every kept run?})
         * @param detail   what follows from yes, in a sentence or two
         * @param yes      the words of the button that says yes ({@code Delete})
         * @param owner    the window the question belongs to (null before it shows)
         */
        boolean confirm(String question, String detail, String yes, Window owner);
    }

    private Chooser chooser = this::system;
    private Confirmer confirmer = FileDialogs::systemConfirm;
    private Path lastFolder;
    /** The file name a save dialog suggests next; null for none. */
    private String suggested;

    /** Asks with {@code c} from now on (tests: an answer without a dialog). */
    public void use(Chooser c) {
        chooser = Objects.requireNonNull(c, "c");
    }

    /** Answers yes-or-no questions with {@code c} from now on (tests: an answer without a dialog). */
    public void useConfirm(Confirmer c) {
        confirmer = Objects.requireNonNull(c, "c");
    }

    /** Asks {@code question} over {@code owner}; true when the person said yes. */
    public boolean confirm(String question, String detail, String yes, Window owner) {
        return confirmer.confirm(question, detail, yes, owner);
    }

    /**
     * Asks where to save, suggesting {@code name} ({@code 02-first-processes-run-3.json}); the path chosen, or null
     * when cancelled.
     */
    public Path askToSave(Ask ask, Window owner, String name) {
        suggested = name;
        try {
            return ask(ask, owner);
        } finally {
            suggested = null;
        }
    }

    /** Asks {@code ask} over {@code owner}; the path chosen, or null when cancelled. */
    public Path ask(Ask ask, Window owner) {
        Path p = chooser.choose(ask, owner, lastFolder);
        if (p != null) {
            Path folder = Files.isDirectory(p) ? p : p.toAbsolutePath().getParent();
            lastFolder = folder != null && Files.isDirectory(folder) ? folder : lastFolder;
        }
        return p;
    }

    private Path system(Ask ask, Window owner, Path near) {
        File start = near != null ? near.toFile() : new File(System.getProperty("user.home"));
        File chosen;
        if (ask == Ask.LESSONS_FOLDER) {
            DirectoryChooser d = new DirectoryChooser();
            d.setTitle(ask.title());
            d.setInitialDirectory(start.isDirectory() ? start : null);
            chosen = d.showDialog(owner);
        } else {
            FileChooser f = new FileChooser();
            f.setTitle(ask.title());
            f.setInitialDirectory(start.isDirectory() ? start : null);
            if (ask == Ask.PROGRAM) {
                f.getExtensionFilters().addAll(
                        new FileChooser.ExtensionFilter("Python programs and saved runs", "*.py", "*.pyw", "*.json"),
                        new FileChooser.ExtensionFilter("Python programs", "*.py", "*.pyw"),
                        new FileChooser.ExtensionFilter("Saved runs", "*.json"),
                        new FileChooser.ExtensionFilter("Every file", "*"));
            }
            if (ask == Ask.SAVE_RUN) {
                f.getExtensionFilters().add(new FileChooser.ExtensionFilter("Saved runs", "*.json"));
                f.setInitialFileName(suggested);
                chosen = f.showSaveDialog(owner);
            } else {
                chosen = f.showOpenDialog(owner);
            }
        }
        return chosen == null ? null : chosen.toPath();
    }

    private static boolean systemConfirm(String question, String detail, String yes, Window owner) {
        javafx.scene.control.ButtonType ok = new javafx.scene.control.ButtonType(yes,
                javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                detail, ok, javafx.scene.control.ButtonType.CANCEL);
        a.setHeaderText(question);
        a.setTitle(question);
        if (owner != null) {
            a.initOwner(owner);
        }
        return a.showAndWait().filter(ok::equals).isPresent();
    }
}
