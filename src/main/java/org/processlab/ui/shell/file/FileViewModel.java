package org.processlab.ui.shell.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.lesson.ArgumentLine;
import org.processlab.lesson.OwnProgram;
import org.processlab.lesson.ProgramFile;
import org.processlab.lesson.ProgramFileException;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.store.ProgramStore;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.shell.lessons.LessonsViewModel;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * The File menu's state and what it does: a person's own program opened (File ▸ Open, Open recent, a file dropped on
 * the window, the command line) or a run file ({@code .json}: handed to the run opener, {@link #setRunOpener}), the
 * recent files, the arguments and the interpreter of the program shown (kept per
 * file in {@link ProgramStore}), a course of one's own (Open lessons folder, Built-in lessons) and Reload.
 *
 * <p>Every file is read and checked by {@link ProgramFile#read} in the background; a file that is not a program is
 * said in the error banner ({@link RunViewModel#showError}) and loads nothing: the lesson or program shown and the
 * run stay as they were. An interpreter chosen for a file is tried in the background ({@link PythonInterpreter#locate})
 * and one that does not work says why and how to pick another.
 *
 * <p>Threading: UI thread only; every property is written there. No toolkit needed.
 */
public final class FileViewModel {
    /** What the error banner's title says when a file cannot be opened. */
    static final String CANNOT_OPEN = "Cannot open ";

    private final ProgramStore store;
    private final LessonsViewModel lessons;
    private final RunViewModel run;
    private final TaskExecutor tasks;
    private final Path builtIn;
    private final Consumer<OwnProgram> show;
    private final ReadOnlyObjectProperty<OwnProgram> shown;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final StringProperty arguments = new SimpleStringProperty(this, "arguments", "");
    private final ReadOnlyObjectWrapper<String> argumentsProblem = new ReadOnlyObjectWrapper<>(this, "argumentsProblem");
    private final StringProperty python = new SimpleStringProperty(this, "python", "");
    private final ReadOnlyObjectWrapper<String> pythonProblem = new ReadOnlyObjectWrapper<>(this, "pythonProblem");
    private final StringBinding course;
    /** The program whose arguments and interpreter the fields show (set before the fields, so edits go to it). */
    private Path fieldsFor;
    /** Opens a run file ({@code .json}); until one is given, a run file is said not to be a program. */
    private Consumer<Path> runOpener;

    /**
     * @param store   where recent files and each file's arguments and interpreter are kept
     * @param lessons the lessons shown (a course of one's own replaces them; Reload reads them again)
     * @param builtIn the built-in lessons' folder
     * @param run     the run: its error banner, status and whether it is going
     * @param tasks   where files are read and interpreters tried
     * @param show    shows a program in the window in place of the lesson ({@code ShellViewModel.openProgram})
     * @param shown   the program shown, or null while a lesson is
     */
    public FileViewModel(ProgramStore store, LessonsViewModel lessons, Path builtIn, RunViewModel run,
                         TaskExecutor tasks, Consumer<OwnProgram> show, ReadOnlyObjectProperty<OwnProgram> shown) {
        this.store = store;
        this.lessons = lessons;
        this.builtIn = builtIn.toAbsolutePath().normalize();
        this.run = run;
        this.tasks = tasks;
        this.show = show;
        this.shown = shown;
        recent.setAll(store.recent());
        course = Bindings.createStringBinding(() -> {
            Path root = lessons.rootProperty().get();
            return root == null || root.toAbsolutePath().normalize().equals(this.builtIn) ? ""
                    : String.valueOf(root.getFileName());
        }, lessons.rootProperty());
        shown.addListener((o, was, p) -> showFieldsOf(p));
        arguments.addListener((o, was, text) -> argumentsTyped(text));
        showFieldsOf(shown.get());
    }

    // ------------------------------------------------------------------ opening a program

    /**
     * Reads {@code file} in the background and, if it is a program, shows it with the arguments and interpreter kept
     * for it, and puts it first in the recent files; else the error banner says why and nothing changes.
     */
    public void open(Path file) {
        if (runOpener != null && isRunFile(file)) {
            runOpener.accept(file);
            return;
        }
        open(file, () -> { }, () -> { });
    }

    /** True for a run file: its name ends with {@code .json} (the document {@code processlab run --format json} prints). */
    public static boolean isRunFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /** Where File ▸ Open…, a dropped file and Open recent send a run file ({@code .json}) rather than read a program. */
    public void setRunOpener(Consumer<Path> opener) {
        runOpener = opener;
    }

    /** Opens {@code file} and runs {@code then}; when it cannot be, says why and runs {@code otherwise}. */
    private void open(Path file, Runnable then, Runnable otherwise) {
        Path abs = file.toAbsolutePath().normalize();
        tasks.run(() -> read(abs), r -> {
            if (r.problem() != null) {
                otherwise.run();
                cannotOpen(abs, r.problem());
                return;
            }
            then.run();
            ProgramStore.FileSettings kept = store.of(abs);
            OwnProgram p = new OwnProgram(abs, r.program().text(), kept.args(), kept.python());
            store.opened(abs);
            recent.setAll(store.recent());
            show.accept(p);
        }, ex -> {
            otherwise.run();
            cannotOpen(abs, abs.getFileName() + " cannot be read: " + ex.getMessage() + ".");
        });
    }

    /**
     * Opens a recent file; one that has gone is said so and dropped from the list (what was chosen for it is kept,
     * should it come back).
     */
    public void openRecent(Path file) {
        if (!Files.exists(file)) {
            store.forget(file);
            recent.setAll(store.recent());
            run.showError(CANNOT_OPEN + file.getFileName(), file.getFileName() + " has gone (it was " + file
                    + "): it is no longer in File ▸ Open recent.", "Error: " + file.getFileName() + " has gone");
            return;
        }
        open(file);
    }

    /**
     * Opens a file given on the command line once the lessons are read (the lesson list would otherwise select its
     * first lesson over it).
     */
    public void openAtStart(Path file) {
        if (lessons.loadedProperty().get()) {
            open(file);
        } else {
            // no lesson is shown until the program is (else F5 pressed meanwhile would run that lesson)
            lessons.whenLoaded(() -> open(file, lessons::releaseHold, lessons::showDefault));
        }
    }

    private void cannotOpen(Path file, String why) {
        run.showError(CANNOT_OPEN + file.getFileName(), why, "Error: cannot open " + file.getFileName());
    }

    private static Read read(Path file) {
        try {
            return new Read(ProgramFile.read(file), null);
        } catch (ProgramFileException e) {
            return new Read(null, e.getMessage());
        }
    }

    /** A file read: its program, or why it is not one. */
    private record Read(OwnProgram program, String problem) {
    }

    // ------------------------------------------------------------------ a course of one's own, and Reload

    /**
     * Shows the lessons of {@code folder} in place of these; a folder without lessons says why and changes
     * nothing. Refused while a run is going (it would end it): the status says so.
     */
    public void openLessonsFolder(Path folder) {
        if (refuseDuringRun("open the lessons folder")) {
            return;
        }
        lessons.open(folder, () -> { }, why -> run.showError("Cannot open " + folder.getFileName(), why,
                "Error: no lessons in " + folder.getFileName()));
    }

    /** The built-in lessons again, in place of a course of one's own. */
    public void builtInLessons() {
        openLessonsFolder(builtIn);
    }

    /**
     * Reads again what is shown, without a restart: the lessons folder (the lesson shown stays, by id), or the
     * program shown from its file (with its arguments and interpreter). Refused while a run is going.
     */
    public void reload() {
        if (refuseDuringRun("Ctrl+R reloads")) {
            return;
        }
        OwnProgram p = shown.get();
        if (p != null) {
            open(p.file());
            return;
        }
        lessons.reload(() -> run.note("Reloaded the lessons from " + lessons.root()),
                why -> run.showError("Cannot reload the lessons", why, "Error: cannot reload the lessons"));
    }

    private boolean refuseDuringRun(String then) {
        if (run.runningProperty().get()) {
            run.note("A run is going: Shift+F5 stops it, then " + then);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ the program's arguments and interpreter

    private void showFieldsOf(OwnProgram p) {
        fieldsFor = null;
        arguments.set(p == null ? "" : ArgumentLine.join(p.args()));
        argumentsProblem.set(null);
        python.set(p == null || p.python() == null ? "" : p.python());
        pythonProblem.set(null);
        fieldsFor = p == null ? null : p.file();
        if (p != null && p.python() != null) {
            check(p.file(), p.python());
        }
    }

    private void argumentsTyped(String text) {
        if (fieldsFor == null) {
            return;
        }
        try {
            store.setArgs(fieldsFor, ArgumentLine.split(text));
            argumentsProblem.set(null);
        } catch (IllegalArgumentException e) {
            argumentsProblem.set(e.getMessage());
        }
    }

    /**
     * Runs the program shown with {@code pathOrName} (a virtual environment's {@code bin/python}, any Python's path,
     * or a command name; blank: the window's), kept for its file; tried in the background, and one that does not
     * work says why in the error banner.
     */
    public void usePython(String pathOrName) {
        String value = pathOrName == null ? "" : pathOrName.strip();
        python.set(value);
        if (fieldsFor == null) {
            return;
        }
        store.setPython(fieldsFor, value);
        pythonProblem.set(null);
        if (!value.isEmpty()) {
            check(fieldsFor, value);
        }
    }

    /**
     * The interpreter field as it is being typed: taken (and kept for the file) at once, so that Run uses what the
     * field shows, but not tried until {@link #usePython} (each try starts it). A value not tried yet that does not
     * work is said when Run starts it.
     */
    public void typePython(String text) {
        String value = text == null ? "" : text.strip();
        if (value.equals(python.get())) {
            return;
        }
        python.set(value);
        pythonProblem.set(null);
        if (fieldsFor != null) {
            store.setPython(fieldsFor, value);
        }
    }

    private void check(Path file, String value) {
        tasks.run(() -> {
            try {
                PythonInterpreter.locate(value);
                return null;
            } catch (InterpreterNotFoundException e) {
                return e.reason() + ". " + HOW_TO_PICK;
            }
        }, problem -> {
            if (!file.equals(fieldsFor) || !value.equals(python.get())) {
                return;   // another file or interpreter meanwhile
            }
            pythonProblem.set(problem);
            if (problem != null) {
                run.showError("This interpreter does not work", problem, "Error: the interpreter does not work");
            }
        }, ex -> { });
    }

    /** How to pick another interpreter for a file, after why this one does not work. */
    static final String HOW_TO_PICK = "Pick another with Browse… beside Interpreter, or clear the field to use"
            + " python3 from the PATH (python3 -m venv FOLDER makes a virtual environment: its FOLDER/bin/python).";

    /**
     * True when the program shown can be run as its fields say; else false, and the error banner says why (the
     * arguments typed cannot be read, or the interpreter chosen does not work).
     */
    public boolean readyToRun() {
        if (argumentsProblem.get() != null) {
            run.showError("The arguments cannot be read", argumentsProblem.get(), "Error: the arguments cannot be read");
            return false;
        }
        if (pythonProblem.get() != null) {
            run.showError("This interpreter does not work", pythonProblem.get(), "Error: the interpreter does not work");
            return false;
        }
        return true;
    }

    /** The arguments Run gives the program shown ({@code sys.argv[1:]}); empty when they cannot be read. */
    public List<String> runArguments() {
        try {
            return ArgumentLine.split(arguments.get());
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The interpreter chosen for the program shown, or null for the window's. */
    public String runPython() {
        String p = python.get();
        return p == null || p.isBlank() ? null : p.strip();
    }

    // ------------------------------------------------------------------ what the views read

    /** The files opened lately, newest first. */
    public ObservableList<Path> recent() {
        return recent;
    }

    /** The arguments of the program shown, as typed ({@code "a b" 7}); kept per file as they change. */
    public StringProperty argumentsProperty() {
        return arguments;
    }

    /** Why the arguments typed cannot be read (a quote not closed), or null. */
    public ReadOnlyObjectProperty<String> argumentsProblemProperty() {
        return argumentsProblem.getReadOnlyProperty();
    }

    /** The interpreter chosen for the program shown; empty for the window's. Changed by {@link #usePython}. */
    public StringProperty pythonProperty() {
        return python;
    }

    /** Why the interpreter chosen does not work, or null. */
    public ReadOnlyObjectProperty<String> pythonProblemProperty() {
        return pythonProblem.getReadOnlyProperty();
    }

    /** The program shown, or null. */
    public ReadOnlyObjectProperty<OwnProgram> shownProperty() {
        return shown;
    }

    /** The name of the course shown when it is not the built-in lessons ({@code my-course}); empty when it is. */
    public StringBinding courseProperty() {
        return course;
    }

    /** The folder of the lessons shown. */
    public ReadOnlyObjectProperty<Path> lessonsFolderProperty() {
        return lessons.rootProperty();
    }

    /** True while a run is going (Open lessons folder and Reload wait for it to end). */
    public javafx.beans.value.ObservableBooleanValue runningProperty() {
        return run.runningProperty();
    }

}
