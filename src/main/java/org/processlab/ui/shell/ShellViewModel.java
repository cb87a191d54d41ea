package org.processlab.ui.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.lesson.Example;
import org.processlab.lesson.ExpectationCheck;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonLibrary;
import org.processlab.lesson.Prediction;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.ui.fx.Background;
import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.lesson.ProgressStore;
import org.processlab.ui.lesson.Reveal;

/**
 * The main window's state: the lessons, the chosen lesson and example, the start method, the prediction, the
 * current run and the person's progress. Views bind to it; it holds no control.
 *
 * <p>Lessons and example sources are read off the FX thread ({@link #loadLessons()}); Python is looked for off
 * the FX thread too ({@link #checkPython()}).
 *
 * <p>Threading: FX thread only, except where a method says otherwise.
 */
public final class ShellViewModel {
    /** The start-method choices: "Default" (the interpreter's own) and the three of multiprocessing. */
    public static final List<String> START_METHODS = List.of("Default", "fork", "spawn", "forkserver");
    /** The time limits the window offers, in seconds (null: none, the default). */
    public static final List<Integer> TIME_LIMITS = java.util.Arrays.asList(null, 5, 10, 30, 60, 300);

    private final Path lessonsRoot;
    private final javafx.beans.property.StringProperty python = new javafx.beans.property.SimpleStringProperty(this, "python");
    private final ProgressStore progress;
    private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<LessonEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<Example> examples = FXCollections.observableArrayList();
    private final ObjectProperty<Example> example = new SimpleObjectProperty<>(this, "example");
    private final ObjectProperty<String> startMethod = new SimpleObjectProperty<>(this, "startMethod", "Default");
    private final ObjectProperty<Integer> timeLimit = new SimpleObjectProperty<>(this, "timeLimit", null);
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper progressRevision = new ReadOnlyIntegerWrapper(this, "progressRevision");
    private final ReadOnlyObjectWrapper<String> pythonProblem = new ReadOnlyObjectWrapper<>(this, "pythonProblem");
    private final Map<Path, String> sources = new ConcurrentHashMap<>();
    private final RunViewModel run;
    private final PredictionViewModel prediction = new PredictionViewModel();
    private final BooleanBinding canRun;
    private final BooleanBinding hasNext;

    /**
     * @param lessonsRoot the lessons folder
     * @param python      the interpreter asked for ({@code --python}), or null
     * @param progress    where progress is kept
     */
    public ShellViewModel(Path lessonsRoot, String python, ProgressStore progress) {
        this.lessonsRoot = lessonsRoot;
        this.python.set(python);
        this.progress = progress;
        this.run = new RunViewModel();
        canRun = Bindings.createBooleanBinding(() -> example.get() != null && !run.runningProperty().get()
                        && prediction.runAllowedProperty().get(),
                example, run.runningProperty(), prediction.runAllowedProperty());
        hasNext = Bindings.createBooleanBinding(() -> nextOf(selected.get()) != null, selected, lessons);
        selected.addListener((o, a, b) -> onSelected(b));
        prediction.choiceProperty().addListener((o, a, b) -> {
            LessonEntry e = selected.get();
            int c = b.intValue();
            if (e != null && c != PredictionViewModel.UNANSWERED && !Integer.valueOf(c).equals(progress.of(e.id()).prediction())) {
                progress.predicted(e.id(), c);
                bumpProgress();
            }
        });
    }

    /** Reads the lessons (and their example sources) in the background, then selects the last one opened. */
    public void loadLessons() {
        Background.run(() -> {
            List<LessonEntry> all = LessonLibrary.load(lessonsRoot);
            for (LessonEntry e : all) {
                if (e instanceof Lesson l) {
                    for (Example ex : l.examples()) {
                        try {
                            sources.put(ex.file(), Files.readString(ex.file(), StandardCharsets.UTF_8));
                        } catch (IOException ignored) {
                            // the page simply does not show it
                        }
                    }
                }
            }
            return all;
        }, all -> {
            lessons.setAll(all);
            loaded.set(true);
            LessonEntry first = LessonLibrary.find(all, String.valueOf(progress.lastLesson()));
            if (first == null && !all.isEmpty()) {
                first = all.stream().filter(e -> e instanceof Lesson).findFirst().orElse(all.get(0));
            }
            if (first != null && selected.get() == null) {
                selected.set(first);
            }
        }, ex -> {
            loaded.set(true);
            run.showError("No lessons", "Cannot read the lessons in " + lessonsRoot + ": " + ex.getMessage(), "Error: no lessons");
        });
    }

    /** Looks for Python in the background; when it is missing, the window says so at once. */
    public void checkPython() {
        String asked = python.get();
        Background.run(() -> {
            try {
                PythonInterpreter.locate(asked);
                return null;
            } catch (InterpreterNotFoundException e) {
                return e.getMessage();
            }
        }, problem -> {
            if (!java.util.Objects.equals(asked, python.get())) {
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

    private void onSelected(LessonEntry e) {
        run.reset();
        examples.clear();
        example.set(null);
        if (e instanceof Lesson l) {
            examples.setAll(l.examples());
            example.set(examples.isEmpty() ? null : examples.get(0));
            prediction.load(l.predict(), progress.of(l.id()).prediction(), progress.of(l.id()).checked());
            progress.opened(l.id());
            bumpProgress();
        } else {
            prediction.load(null, null);
        }
        if (pythonProblem.get() != null) {
            run.showError("Python was not found", pythonProblem.get(), "Error: Python interpreter not found");
        }
    }

    /** Selects the next lesson, if any. */
    public void nextLesson() {
        LessonEntry n = nextOf(selected.get());
        if (n != null) {
            selected.set(n);
        }
    }

    private LessonEntry nextOf(LessonEntry e) {
        int i = e == null ? -1 : lessons.indexOf(e);
        return i >= 0 && i + 1 < lessons.size() ? lessons.get(i + 1) : null;
    }

    /** Runs the chosen example with the chosen start method. */
    public void runExample() {
        LessonEntry e = selected.get();
        Example ex = example.get();
        if (!(e instanceof Lesson lesson) || ex == null || !canRun.get()) {
            if (ex != null && !prediction.runAllowedProperty().get()) {
                run.hint("Answer the question first (or skip it), then Run");
            }
            return;
        }
        prediction.clearReveal();
        String method = "Default".equals(startMethod.get()) ? null : startMethod.get();
        progress.ran(lesson.id());
        bumpProgress();
        Prediction p = lesson.example() == ex ? lesson.predict() : null;
        int choice = prediction.choiceProperty().get();
        RunRequest req = new RunRequest(lesson.title(), ex.file(), ex.args(), method, python.get(), lesson.id(),
                timeLimit.get());
        run.start(req, m -> reveal(m, ex, p, choice), r -> {
            if (r != null) {
                prediction.reveal(r);
            }
        });
    }

    /** Runs on a background thread once the run has ended: the prediction against what happened. */
    private static Reveal reveal(RunModel m, Example ex, Prediction p, int choice) {
        RunSnapshot s = m.snapshot();
        if (s.status() == RunStatus.FAILED || (p == null && ex.expect() == null)) {
            return null;
        }
        List<String> problems = ex.expect() == null ? List.of() : ExpectationCheck.check(ex.expect(), s, m.output());
        String chosen = p != null && choice >= 0 ? p.choices().get(choice) : null;
        return new Reveal(p == null ? null : p.question(), chosen, p == null ? null : p.answerText(),
                p != null && choice == p.answer(), p == null ? null : p.explain(), summary(s, m),
                ex.expect() != null && s.stoppedBy() == null, problems);
    }

    static String summary(RunSnapshot s, RunModel m) {
        Map<Role, Integer> roles = new HashMap<>();
        for (ProcessView p : s.processes()) {
            roles.merge(p.role(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        parts.add(roles.getOrDefault(Role.MAIN, 0) == 1 ? "main" : roles.getOrDefault(Role.MAIN, 0) + " main");
        int kids = roles.getOrDefault(Role.CHILD, 0);
        if (kids > 0) {
            parts.add(kids + (kids == 1 ? " child" : " children"));
        }
        int helpers = roles.getOrDefault(Role.HELPER, 0);
        if (helpers > 0) {
            parts.add(helpers + (helpers == 1 ? " helper" : " helpers"));
        }
        StringBuilder b = new StringBuilder(String.join(" + ", parts)).append(" ran");
        if (!s.startMethods().isEmpty()) {
            b.append(" (start method: ").append(String.join(", ", s.startMethods())).append(')');
        }
        if (s.stoppedBy() != null) {
            b.append("; you stopped the run");
        } else if (s.rootStatus() != null) {
            b.append("; the program's exit status was ").append(s.rootStatus());
        }
        int n = m.output().size();
        b.append(String.format("; %,d line%s of output", n, n == 1 ? "" : "s"));
        if (n > 0) {
            // the line written last (by time): lines of different processes may arrive in another order
            OutputLine last = null;
            for (OutputLine l : m.output().range(Math.max(0, n - 2_000), n)) {
                if (last == null || l.t() >= last.t()) {
                    last = l;
                }
            }
            String who = s.byPid(last.pid()).map(ProcessView::displayName).orElse("PID " + last.pid());
            b.append(", the last one \"").append(last.text()).append("\" from ").append(who);
        }
        return b.append('.').toString();
    }

    /** Stops the current run. */
    public void stop() {
        run.stop();
    }

    private void bumpProgress() {
        progressRevision.set(progressRevision.get() + 1);
    }

    // ------------------------------------------------------------------ what the views read

    /** Every lesson folder, in order (error cards included). */
    public ObservableList<LessonEntry> lessons() {
        return lessons;
    }

    /** The lesson shown. */
    public ObjectProperty<LessonEntry> selectedProperty() {
        return selected;
    }

    /** The chosen lesson's examples (main first). */
    public ObservableList<Example> examples() {
        return examples;
    }

    /** The example Run starts. */
    public ObjectProperty<Example> exampleProperty() {
        return example;
    }

    /** One of {@link #START_METHODS}. */
    /** Seconds after which Run ends the whole run (SIGTERM, then SIGKILL); null for no limit. */
    public ObjectProperty<Integer> timeLimitProperty() {
        return timeLimit;
    }

    public ObjectProperty<String> startMethodProperty() {
        return startMethod;
    }

    /** True once the lessons have been read. */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Grows when progress changes (the list redraws its marks). */
    public ReadOnlyIntegerProperty progressRevisionProperty() {
        return progressRevision.getReadOnlyProperty();
    }

    /** The interpreter asked for ({@code --python} or the Python field), or null for python3 on the PATH. */
    public javafx.beans.property.ReadOnlyStringProperty pythonProperty() {
        return python;
    }

    /** Why Python cannot be used, or null when it was found (or not checked yet). */
    public ReadOnlyObjectProperty<String> pythonProblemProperty() {
        return pythonProblem.getReadOnlyProperty();
    }

    /** The text of an example file, or null; any thread. */
    public String source(Path file) {
        return sources.get(file);
    }

    /** The lessons folder. */
    public Path lessonsRoot() {
        return lessonsRoot;
    }

    /** The person's progress. */
    public ProgressStore progress() {
        return progress;
    }

    /** The current run. */
    public RunViewModel run() {
        return run;
    }

    /** The prediction card's state. */
    public PredictionViewModel prediction() {
        return prediction;
    }

    /** True when Run can be pressed. */
    public BooleanBinding canRunProperty() {
        return canRun;
    }

    /** True when there is a lesson after the one shown. */
    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    /** Stops every run (in the background); for closing the window. */
    public void close() {
        run.dropCurrent();
    }
}
