package org.processlab.ui.shell;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonFinder;
import org.processlab.lesson.LessonLibrary;
import org.processlab.lesson.OwnProgram;
import org.processlab.lesson.Prediction;
import org.processlab.lesson.Reveal;
import org.processlab.lesson.Suggestion;
import org.processlab.export.SavedRun;
import org.processlab.model.StartMethod;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.store.EditKey;
import org.processlab.store.EditsStore;
import org.processlab.store.ProgramStore;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunKey;
import org.processlab.store.RunStore;
import org.processlab.store.ScratchFolder;
import org.processlab.store.SettingsStore;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.shell.compare.CompareViewModel;
import org.processlab.ui.shell.editor.EditorViewModel;
import org.processlab.ui.shell.export.ExportViewModel;
import org.processlab.ui.shell.file.FileViewModel;
import org.processlab.ui.shell.lessons.LessonsViewModel;
import org.processlab.ui.shell.presenter.PresenterViewModel;
import org.processlab.ui.shell.run.RunRequest;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.shell.runs.RunsViewModel;
import org.processlab.ui.shell.toolbar.RunToolbarViewModel;

/**
 * The main window's state, made of its rooms' view models: the lessons ({@link LessonsViewModel}), the prediction
 * ({@link PredictionViewModel}), the run toolbar's choices ({@link RunToolbarViewModel}), the current run
 * ({@link RunViewModel}), its kept runs and run files ({@link RunsViewModel}) and its exports ({@link ExportViewModel}), presenter mode and the window's one scale
 * ({@link PresenterViewModel}, kept in the person's {@link SettingsStore}), the File menu ({@link FileViewModel}: own
 * programs, kept in a {@link ProgramStore} beside the settings), the code editor ({@link EditorViewModel}), plus the
 * interpreter. It holds the rules that join them: choosing a lesson resets the run, offers its examples, shows the
 * chosen one in the editor and loads its question; Run checks the program's syntax, then runs the lesson's code
 * (asking the question first, counting the run, revealing the answer after it) or the person's version of it (from
 * this window's {@link ScratchFolder}, checking nothing). Each run that ends is kept on disk with its lesson or
 * program ({@link RunsViewModel}), so that it can be compared with the one before ({@link #compare},
 * {@link #compareWithPrevious}); a new run or another lesson closes the comparison. Views bind to it; it holds no
 * control.
 *
 * <p>Lessons and example sources are read off the UI thread ({@link #loadLessons()}); Python is looked for off the
 * UI thread too ({@link #checkPython()}), through the {@link TaskExecutor} it is given.
 *
 * <p>Threading: UI thread only (the FX thread in the window); every field is written there. No toolkit needed: its
 * tests give it a same-thread executor and a frame source of their own.
 */
public final class ShellViewModel {
    private final TaskExecutor tasks;
    private final StringProperty python = new SimpleStringProperty(this, "python");
    private final ReadOnlyObjectWrapper<String> pythonProblem = new ReadOnlyObjectWrapper<>(this, "pythonProblem");
    private final LessonsViewModel lessons;
    private final RunViewModel run;
    private final RunToolbarViewModel toolbar;
    private final PredictionViewModel prediction = new PredictionViewModel();
    private final ExportViewModel export;
    private final PresenterViewModel presenter;
    private final FileViewModel files;
    private final BooleanBinding canRun;
    /** The person's own program shown instead of a lesson, or null. */
    private final ReadOnlyObjectWrapper<OwnProgram> ownProgram = new ReadOnlyObjectWrapper<>(this, "ownProgram");
    /** The lesson to open once the lessons are read ({@code --lesson}), or null. */
    private String openAtStart;
    private final EditorViewModel editor;
    /** Where a person's version of an example is run from (this window's; made on first use, removed at close). */
    private final ScratchFolder scratch;
    /** Two runs one above the other ({@link #compare}), and the runs of this window it compares. */
    private final CompareViewModel comparison;
    private final BooleanBinding canCompare;
    private final BooleanBinding compareOffered;
    /** The kept runs of the lesson or program shown; a run file saved and opened. */
    private final RunsViewModel runs;

    /**
     * @param lessonsRoot the lessons folder
     * @param python      the interpreter asked for ({@code --python}), or null
     * @param progress    where progress is kept
     * @param settings    where the window's settings are kept (presenter mode, scale, theme)
     * Edits and the scratch folder are kept beside the progress file (its folder is ProcessLab's home).
     *
     * @param run         the run (its executor, frame source and run logs)
     * @param tasks       where slow work runs (reading lessons, finding Python)
     */
    public ShellViewModel(Path lessonsRoot, String python, ProgressStore progress, SettingsStore settings,
                          RunViewModel run, TaskExecutor tasks) {
        this(lessonsRoot, python, progress, settings, EditsStore.open(progress.file().getParent()),
                new ScratchFolder(progress.file().getParent()), run, tasks);
    }

    /**
     * @param lessonsRoot the lessons folder
     * @param python      the interpreter asked for ({@code --python}), or null
     * @param progress    where progress is kept
     * @param settings    where the window's settings are kept (presenter mode, scale, theme)
     * @param edits       where the person's edits of the examples and of their own programs are kept
     * @param scratch     this window's scratch folder, where a person's version of an example runs from
     * @param run         the run (its executor, frame source and run logs)
     * @param tasks       where slow work runs (reading lessons, finding Python, keeping edits)
     */
    public ShellViewModel(Path lessonsRoot, String python, ProgressStore progress, SettingsStore settings,
                          EditsStore edits, ScratchFolder scratch, RunViewModel run, TaskExecutor tasks) {
        this.tasks = tasks;
        this.scratch = scratch;
        this.editor = new EditorViewModel(edits, tasks);
        this.presenter = new PresenterViewModel(settings);
        this.python.set(python);
        this.run = run;
        this.lessons = new LessonsViewModel(lessonsRoot, progress, tasks);
        this.toolbar = new RunToolbarViewModel(run);
        this.export = new ExportViewModel(tasks, run::model, run.lessonIdProperty(), LocalDateTime::now);
        // a person's programs are kept beside their settings, in the same home folder
        this.files = new FileViewModel(ProgramStore.open(settings.file().getParent()), lessons,
                LessonLibrary.defaultRoot(), run, tasks, this::openProgram, ownProgram.getReadOnlyProperty());
        // the question is about the lesson's own code: a person's version runs without it
        canRun = Bindings.createBooleanBinding(() -> toolbar.exampleProperty().get() != null
                        && !run.runningProperty().get()
                        && (prediction.runAllowedProperty().get() || editor.differs()),
                toolbar.exampleProperty(), run.runningProperty(), prediction.runAllowedProperty(),
                editor.differsProperty());
        prediction.asideProperty().bind(editor.differsProperty());
        // while nothing has run, the status says what Run waits for whenever the question stands open (it read
        // "Ready" until Run was pressed once, and the hint after)
        javafx.beans.InvalidationListener waitsFor = o -> sayWhatRunWaitsFor();
        prediction.runAllowedProperty().addListener(waitsFor);
        toolbar.exampleProperty().addListener(waitsFor);
        editor.differsProperty().addListener(waitsFor);
        run.statusProperty().addListener(waitsFor);
        // runs are kept in the same home folder, under runs/
        this.runs = new RunsViewModel(RunStore.open(progress.file().getParent()), run, tasks, this::showLessonOf);
        files.setRunOpener(runs::openRun);
        lessons.selectedProperty().addListener((o, a, b) -> onSelected(b));
        runs.onRunOfNoLesson(this::showNoLesson);
        toolbar.exampleProperty().addListener((o, a, b) -> showInEditor());
        run.savedShownProperty().addListener((o, a, saved) -> chooseExampleOf(saved));
        comparison = new CompareViewModel(tasks);
        // a new run, or another lesson, is what the person turned to: the comparison gives way
        run.runningProperty().addListener((o, was, on) -> {
            if (on) {
                comparison.close();
            }
        });
        lessons.selectedProperty().addListener((o, a, b) -> comparison.close());
        // the kept runs of the lesson or program shown: after its second run, there is a previous one
        canCompare = Bindings.size(runs.runs()).greaterThanOrEqualTo(2);
        compareOffered = Bindings.createBooleanBinding(() -> canCompare.get() && !comparison.openProperty().get()
                        && !run.runningProperty().get() && lessons.selectedProperty().get() instanceof Lesson l
                        && l.suggests(Suggestion.COMPARE),
                canCompare, comparison.openProperty(), run.runningProperty(), lessons.selectedProperty());
        prediction.choiceProperty().addListener((o, a, b) -> {
            LessonEntry e = lessons.selectedProperty().get();
            int c = b.intValue();
            if (e != null && c != PredictionViewModel.UNANSWERED) {
                lessons.markPredicted(e.id(), c);
            }
        });
    }

    /** Reads the lessons (and their example sources) in the background, then selects the last one opened. */
    public void loadLessons() {
        lessons.load(why -> run.showError("No lessons", why, "Error: no lessons"));
        // documents a crash left unlisted go; the kept runs' size for the File menu
        tasks.run(runs.store()::tidy);
        runs.showUsage();
        // at start: remove the scratch folders no live window holds, and make this window's
        tasks.run(() -> {
            try {
                scratch.dir();
            } catch (RuntimeException e) {
                System.err.println("ProcessLab: " + e.getMessage());
            }
        });
    }

    /**
     * Opens lesson {@code id} (its folder's name, {@code 02-first-processes}) once the lessons are read, instead of
     * the last one opened; call before {@link #loadLessons()}. An id no lesson has opens the first lesson, and the
     * error banner says so in one line.
     */
    public void openAtStart(String id) {
        openAtStart = id;
        // no other lesson is shown (and marked opened) before it
        lessons.holdSelection();
        lessons.loadedProperty().addListener((o, was, loaded) -> {
            if (loaded && openAtStart != null) {
                openAsked();
            }
        });
    }

    private void openAsked() {
        String id = openAtStart;
        openAtStart = null;
        lessons.releaseHold();
        LessonEntry e = LessonFinder.find(lessons.lessons(), id);
        if (e != null) {
            lessons.selectedProperty().set(e);
            return;
        }
        lessons.lessons().stream().filter(l -> l instanceof Lesson).findFirst().ifPresent(
                first -> lessons.selectedProperty().set(first));
        // the command line's words (LessonFinder.noLesson), so both say the same
        String why = LessonFinder.noLesson(lessons.lessons().stream().map(LessonEntry::id).sorted().toList(), id);
        run.showError("No lesson " + id, Character.toUpperCase(why.charAt(0)) + why.substring(1)
                + ". The first lesson is open instead.", "Error: no lesson " + id);
    }

    /** Looks for Python in the background; when it is missing, the window says so at once. */
    public void checkPython() {
        String asked = python.get();
        tasks.run(() -> {
            try {
                PythonInterpreter.locate(asked);
                return null;
            } catch (InterpreterNotFoundException e) {
                return e.getMessage();
            }
        }, problem -> {
            if (!Objects.equals(asked, python.get())) {
                return;
            }
            boolean wasMissing = pythonProblem.get() != null;
            pythonProblem.set(problem);
            if (problem != null) {
                run.showError("Python was not found", problem, "Error: Python interpreter not found");
            } else if (wasMissing) {
                run.reset();
            }
        }, ex -> { });
    }

    /** Uses another interpreter (the window's Python field): a path or a command name; blank for the default. */
    public void usePython(String pathOrName) {
        python.set(pathOrName == null || pathOrName.isBlank() ? null : pathOrName.strip());
        checkPython();
    }

    /**
     * Shows the person's own program in place of a lesson: no lesson is selected, Run runs the program (with its
     * arguments and interpreter) and checks nothing. Choosing a lesson again leaves it.
     */
    public void openProgram(OwnProgram p) {
        Objects.requireNonNull(p, "p");
        comparison.close();
        lessons.selectedProperty().set(null);
        run.reset();
        ownProgram.set(p);
        toolbar.offer(List.of(p.asExample()));
        prediction.load(null, null);
        showInEditor();
        runs.showKey(RunKey.file(p.file()));
    }

    /** Shows the chosen example (or the person's own program) in the editor, with the person's kept edit of it. */
    private void showInEditor() {
        OwnProgram own = ownProgram.get();
        Example ex = toolbar.exampleProperty().get();
        if (own != null) {
            editor.show(new EditKey.OwnFile(own.file()), own.file(), own.text());
        } else if (lessons.selectedProperty().get() instanceof Lesson l && ex != null) {
            editor.show(exampleKey(l, ex), ex.file(), source(ex.file()));
        } else {
            editor.clear();
        }
    }

    private static EditKey exampleKey(Lesson l, Example ex) {
        Path dir = l.dir().toAbsolutePath().normalize();
        Path file = ex.file().toAbsolutePath().normalize();
        return new EditKey.LessonExample(l.id(),
                (file.startsWith(dir) ? dir.relativize(file) : file.getFileName()).toString());
    }

    private void onSelected(LessonEntry e) {
        run.reset();
        if (e != null) {
            ownProgram.set(null);
        }
        if (e instanceof Lesson l) {
            toolbar.offer(l.examples());
            ProgressStore.LessonProgress p = lessons.progress().of(l.id());
            prediction.load(l.predict(), p.prediction(), p.checked());
            lessons.markOpened(l.id());
        } else {
            toolbar.offer(List.of());
            prediction.load(null, null);
        }
        if (pythonProblem.get() != null) {
            run.showError("Python was not found", pythonProblem.get(), "Error: Python interpreter not found");
        }
        if (e != null || ownProgram.get() == null) {
            runs.showKey(e instanceof Lesson l ? RunKey.lesson(l.id()) : null);
        }
    }

    /**
     * Chooses, among the lesson's examples, the one a kept or opened run ran (by its file's name: a person's version
     * ran from a copy of that file), so that Run runs the program whose run is shown and the Code tab shows it.
     */
    private void chooseExampleOf(SavedRun saved) {
        String program = saved == null ? null : saved.origin().program();
        if (program == null || ownProgram.get() != null) {
            return;
        }
        Path ran = Path.of(program).getFileName();
        for (Example ex : toolbar.examples()) {
            if (ex.file().getFileName().equals(ran)) {
                if (toolbar.exampleProperty().get() != ex) {
                    toolbar.exampleProperty().set(ex);
                }
                return;
            }
        }
    }

    /**
     * A run file of no lesson of this course is opened: neither a lesson nor one's own program is shown beside it (the
     * question, the example and Run would belong to something else). Picking a lesson or a program goes on as ever.
     */
    private void showNoLesson() {
        comparison.close();
        lessons.releaseHold();      // at start no lesson was shown before the file was read: none is now either
        ownProgram.set(null);
        if (lessons.selectedProperty().get() != null) {
            lessons.selectedProperty().set(null);   // onSelected(null) empties the rest
        } else {
            onSelected(null);
        }
    }

    /**
     * Shows the lesson of this course with id {@code id} (a run file opened names it) and says whether there is one;
     * the run file is then shown in place of the lesson's last run.
     */
    private boolean showLessonOf(String id) {
        for (LessonEntry e : lessons.lessons()) {
            if (e instanceof Lesson l && l.id().equals(id)) {
                if (lessons.selectedProperty().get() != l) {
                    lessons.selectedProperty().set(l);
                }
                return true;
            }
        }
        return false;
    }

    /**
     * Opens the run file {@code file} ({@code processlab run --format json} writes one; so does File ▸ Save run…)
     * and shows it in the timeline, the table and the console; one that names a lesson of this course shows that
     * lesson and is listed with its runs. A file that cannot be read says why in the error banner and changes nothing.
     */
    public void openRun(Path file) {
        if (lessons.loadedProperty().get()) {
            runs.openRun(file);
        } else {
            // at start (the command line's RUN.json): no lesson is shown (and run by a key) before the file is read
            lessons.whenLoaded(() -> runs.openRun(file, lessons::showDefault));
        }
    }

    /** Selects the next lesson, if any. */
    public void nextLesson() {
        lessons.next();
    }

    /** Selects the previous lesson, if any. */
    public void previousLesson() {
        lessons.previous();
    }

    /** What the status says while the lesson's question stands open and nothing has run. */
    public static final String ANSWER_FIRST = "Answer the question first (or skip it), then Run";

    /** While no run is shown: the status asks for the answer while the question is open, else reads "Ready". */
    private void sayWhatRunWaitsFor() {
        if (run.statusKindProperty().get() != RunViewModel.StatusKind.IDLE || run.runningProperty().get()) {
            return;
        }
        boolean waits = toolbar.exampleProperty().get() != null && !prediction.runAllowedProperty().get()
                && !editor.differs();
        String status = run.statusProperty().get();
        if (waits && !ANSWER_FIRST.equals(status) && "Ready".equals(status)) {
            run.hint(ANSWER_FIRST);
        } else if (!waits && ANSWER_FIRST.equals(status)) {
            run.hint("Ready");
        }
    }

    /** Runs the chosen example with the chosen start method and time limit; says why when it cannot. */
    public void runExample() {
        OwnProgram own = ownProgram.get();
        if (own != null) {
            runOwn(own);
            return;
        }
        LessonEntry e = lessons.selectedProperty().get();
        Example ex = toolbar.exampleProperty().get();
        if (!(e instanceof Lesson lesson) || ex == null || !canRun.get()) {
            if (ex != null && !prediction.runAllowedProperty().get() && !editor.differs()) {
                run.hint(ANSWER_FIRST);
            }
            return;
        }
        if (editor.differs() && exampleKey(lesson, ex).equals(editor.keyProperty().get())) {
            runYourVersion(lesson, ex);
            return;
        }
        prediction.clearReveal();
        editor.showProblem(null);
        Prediction asked = lesson.example() == ex ? lesson.predict() : null;
        int choice = prediction.choiceProperty().get();
        RunRequest req = new RunRequest(lesson.title(), ex.file(), ex.args(), toolbar.startMethodProperty().get(),
                python.get(), lesson.id(), toolbar.timeLimitProperty().get());
        // the reveal is made on a background thread once the run has ended, and shown with its last frame
        run.checkThenStart(() -> req, null, editor::showProblem, () -> lessons.markRan(lesson.id()),
                m -> Reveal.after(m.snapshot(), m.output(), ex, asked, choice).orElse(null), r -> {
                    if (r != null) {
                        prediction.reveal(r);
                    }
                });
    }

    /**
     * Runs the person's version of the lesson's example: written into this window's scratch folder beside a copy of
     * the lesson's other files (so imports and data files resolve as for the lesson), never into the lesson. The
     * lesson's question and expectations are about its own code: nothing is checked, nothing revealed, no run counted.
     */
    private void runYourVersion(Lesson lesson, Example ex) {
        prediction.clearReveal();
        editor.showProblem(null);
        String text = editor.textProperty().get();
        Optional<StartMethod> method = toolbar.startMethodProperty().get();
        String py = python.get();
        Integer limit = toolbar.timeLimitProperty().get();
        run.checkThenStart(() -> new RunRequest(lesson.title() + " (your version)",
                        scratch.mirror(lesson.dir(), lesson.id(), ex.file(), text), ex.args(), method, py, lesson.id(),
                        limit),
                YOUR_VERSION, editor::showProblem, () -> { }, m -> null, r -> { });
    }

    /** What the status says after the status of a person's version's run. */
    public static final String YOUR_VERSION = "Your version: nothing is checked";

    private void runOwn(OwnProgram own) {
        if (!canRun.get() || !files.readyToRun()) {
            return;
        }
        prediction.clearReveal();
        editor.showProblem(null);
        // the arguments and interpreter as the fields show them now (kept per file), not as they were at opening
        String chosen = files.runPython();
        String py = chosen != null ? chosen : python.get();
        List<String> args = files.runArguments();
        Optional<StartMethod> method = toolbar.startMethodProperty().get();
        Integer limit = toolbar.timeLimitProperty().get();
        // it is the person's own file: Run saves what the editor holds into it first
        boolean shown = new EditKey.OwnFile(own.file()).equals(editor.keyProperty().get());
        boolean save = editor.differs() && shown;
        String text = editor.textProperty().get();
        String opened = editor.originalProperty().get();
        run.checkThenStart(() -> {
            if (shown) {
                requireUnchangedOnDisk(own, opened);
            }
            if (save) {
                writeOwn(own.file(), text);
                tasks.inUiThread(() -> editor.saved(text));
            }
            return new RunRequest(own.name(), own.file(), args, method, py, null, limit);
        }, save ? "Saved " + own.name() : null, editor::showProblem, () -> { }, m -> null, r -> { });
    }

    /**
     * Run runs what the editor shows; if the file on disk is no longer what the editor started from (changed by
     * another editor, or by a Reload that was refused), neither running the file nor saving over it would be what
     * the person sees, so nothing is run and the message says what to do.
     */
    private static void requireUnchangedOnDisk(OwnProgram own, String opened) {
        String now;
        try {
            now = java.nio.file.Files.readString(own.file(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {   // also not UTF-8 any more
            now = null;
        }
        if (!opened.equals(now)) {
            throw new IllegalStateException(own.name() + " has changed on disk since it was opened here, so what runs"
                    + " would not be what the editor shows: File ▸ Reload (Ctrl+R) reads it again (Copy all first"
                    + " to keep what the editor shows).");
        }
    }

    private static void writeOwn(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot save " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops the current run. */
    public void stop() {
        run.stop();
    }

    /** Interrupts the current run, as Ctrl+C in a terminal ({@link RunViewModel#interrupt}). */
    public void interrupt() {
        run.interrupt();
    }

    /**
     * Stops every run (in the background), writes the edits not written yet and removes this window's scratch
     * folder; for closing the window.
     */
    public void close() {
        run.dropCurrent();
        editor.flush();
        scratch.close();
    }

    // ------------------------------------------------------------------ comparing two runs

    /** Shows run {@code a} (on top) and run {@code b} one above the other, over the lesson and the run views. */
    public void compare(SavedRun a, SavedRun b) {
        comparison.show(a, b);
    }

    /** Closes the comparison: the lesson and the run views again. False when none was open. */
    public boolean closeComparison() {
        return comparison.close();
    }

    /**
     * Compares the current run with the previous run of the same lesson or program in this window; when there is
     * none yet, says what to do.
     */
    public void compareWithPrevious() {
        if (runs.runs().size() >= 2) {
            runs.readLastTwo(this::compare);
        } else {
            // a hint, not a success: the status's plain colour, and short, so the toolbar keeps its layout
            run.hint("Compare needs two runs: run this " + (ownProgram.get() != null ? "program" : "lesson")
                    + " again first");
        }
    }

    /** The comparison room: open or not, the two runs, what differs. */
    public CompareViewModel comparison() {
        return comparison;
    }

    /** True when the current lesson or program has a previous run in this window to compare with. */
    public BooleanBinding canCompareProperty() {
        return canCompare;
    }

    /** True when the lesson suggests comparing and there are two runs to compare (and no run is going). */
    public BooleanBinding compareOfferedProperty() {
        return compareOffered;
    }

    // ------------------------------------------------------------------ the rooms

    /** The lessons, the one shown, and progress. */
    public LessonsViewModel lessonsPane() {
        return lessons;
    }

    /** The run toolbar's choices and notes. */
    public RunToolbarViewModel toolbar() {
        return toolbar;
    }

    /** The File menu: own programs (opened, recent, their arguments and interpreter), a course of one's own, Reload. */
    public FileViewModel files() {
        return files;
    }

    /** Exports of the current run: names, writing, the note after. */
    public ExportViewModel export() {
        return export;
    }

    /** The current run. */
    public RunViewModel run() {
        return run;
    }

    /** The kept runs of the lesson or program shown: the run list, a run saved to a file and opened again. */
    public RunsViewModel runs() {
        return runs;
    }

    /** The code editor's state: the example (or own program) shown, its text, whether it differs, its problem. */
    public EditorViewModel editor() {
        return editor;
    }

    /** This window's scratch folder (made on first use). */
    public ScratchFolder scratch() {
        return scratch;
    }

    /** The prediction card's state. */
    public PredictionViewModel prediction() {
        return prediction;
    }

    /** Presenter mode and the window's one scale, kept in the person's settings. */
    public PresenterViewModel presenter() {
        return presenter;
    }

    /** Where the window's settings are kept (presenter mode, scale, theme): one store for every room. */
    public SettingsStore settings() {
        return presenter.settings();
    }

    // ------------------------------------------------------------------ what the views and tests read

    /** Every lesson folder, in order (error cards included). */
    public ObservableList<LessonEntry> lessons() {
        return lessons.lessons();
    }

    /** The person's own program shown instead of a lesson ({@link #openProgram}), or null. */
    public ReadOnlyObjectProperty<OwnProgram> ownProgramProperty() {
        return ownProgram.getReadOnlyProperty();
    }

    /** The lesson shown. */
    public ObjectProperty<LessonEntry> selectedProperty() {
        return lessons.selectedProperty();
    }

    /** The chosen lesson's examples (main first). */
    public ObservableList<Example> examples() {
        return toolbar.examples();
    }

    /** The example Run starts. */
    public ObjectProperty<Example> exampleProperty() {
        return toolbar.exampleProperty();
    }

    /** The start method Run asks for; empty for the interpreter's default. */
    public ObjectProperty<Optional<StartMethod>> startMethodProperty() {
        return toolbar.startMethodProperty();
    }

    /** Seconds after which Run ends the whole run (SIGTERM, then SIGKILL); null for no limit. */
    public ObjectProperty<Integer> timeLimitProperty() {
        return toolbar.timeLimitProperty();
    }

    /** True once the lessons have been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return lessons.loadedProperty();
    }

    /** Grows when progress changes (the list redraws its marks). */
    public ReadOnlyIntegerProperty progressRevisionProperty() {
        return lessons.progressRevisionProperty();
    }

    /** The interpreter asked for ({@code --python} or the Python field), or null for python3 on the PATH. */
    public ReadOnlyStringProperty pythonProperty() {
        return python;
    }

    /** Why Python cannot be used, or null when it was found (or not checked yet). */
    public ReadOnlyObjectProperty<String> pythonProblemProperty() {
        return pythonProblem.getReadOnlyProperty();
    }

    /** The text of an example file, or null; any thread. */
    public String source(Path file) {
        return lessons.source(file);
    }

    /** The lessons folder. */
    public Path lessonsRoot() {
        return lessons.root();
    }

    /** The person's progress. */
    public ProgressStore progress() {
        return lessons.progress();
    }

    /** True when Run can be pressed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** True when there is a lesson after the one shown. */
    public BooleanBinding hasNextProperty() {
        return lessons.hasNextProperty();
    }

    /** True when there is a lesson before the one shown. */
    public BooleanBinding hasPreviousProperty() {
        return lessons.hasPreviousProperty();
    }
}
