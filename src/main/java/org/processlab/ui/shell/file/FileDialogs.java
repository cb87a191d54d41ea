package org.processlab.ui.shell.file;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where the File menu and the program bar ask a person for a file or a folder: the system's dialogs
 * ({@link FileChooser}, {@link DirectoryChooser}) by default. The dialogs are native and cannot be driven by a
 * headless test, so this is the seam: a test calls {@link #use} with a {@link Chooser} that answers at once (a path,
 * or null for Cancel), and everything after the answer runs as it does for a person.
 *
 * <p>Threading: FX thread only.
 */
public final class FileDialogs {
    /** What is asked for. */
    public enum Ask {
        /** A program to open: File ▸ Open. */
        PROGRAM("Open a Python program"),
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

    private Chooser chooser = FileDialogs::system;
    private Path lastFolder;

    /** Asks with {@code c} from now on (tests: an answer without a dialog). */
    public void use(Chooser c) {
        chooser = Objects.requireNonNull(c, "c");
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

    private static Path system(Ask ask, Window owner, Path near) {
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
                f.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Python programs", "*.py", "*.pyw"),
                        new FileChooser.ExtensionFilter("Every file", "*"));
            }
            chosen = f.showOpenDialog(owner);
        }
        return chosen == null ? null : chosen.toPath();
    }
}
