package org.processlab.ui.shell.run;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.processlab.export.SavedRun;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.ShownPaths;
import org.processlab.model.Signals;
import org.processlab.model.StartMethod;
import org.processlab.model.StopReason;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;
import org.processlab.run.RunSpec;
import org.processlab.run.SyntaxCheck;
import org.processlab.run.SyntaxProblem;
import org.processlab.store.RunLogs;
import org.processlab.ui.console.ConsoleViewModel;
import org.processlab.ui.console.ProgramInputViewModel;
import org.processlab.ui.fx.FrameSource;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.processes.ProcessTableViewModel;
import org.processlab.ui.shell.views.ReplayViewModel;
import org.processlab.ui.shell.views.RunViewsModel;

/**
 * The current run: starting and stopping it, its status, its errors, and the frames that reach the run views. One
 * {@link RunModel} per run; its frames come from the {@link FrameSource} (in the window a {@code ModelPulse}: at
 * most one per JavaFX pulse) and go to {@link #views()} ({@link RunViewsModel#show}, the one route to the timeline,
 * the process table and the console).
 *
 * <p>Memory stays bounded however much a run prints: the model's output log keeps the text of the latest
 * {@link #KEEP_LINES_PER_PROCESS} lines of each process and writes every line to a run log ({@link RunLogs}). Counts
 * stay exact. The system property {@code processlab.maxProcesses} raises (or lowers) the process limit of window
 * runs.
 *
 * <p>{@link #checkThenStart} checks the program's syntax before anything of the run starts ({@link SyntaxCheck}).
 * Starting a run finds Python off the UI thread ({@link PythonInterpreter#locate} may take ~100 ms), then starts a
 * {@link RunSession}. A missing interpreter or a launch error becomes a failed run with its message
 * ({@link #errorProperty()}); the app keeps working. A run replaced by a newer one, or left when the window closes,
 * is stopped; nothing is left behind.
 *
 * <p>A run kept or opened from a file is shown with {@link #showSaved}: a finished model
 * ({@link RunModel#finished}) watched by the same frame source, so the timeline, the table, the console, the replay,
 * the time cursor and the exports take the path they take for a run that has just ended. When a run started here has
 * ended and its last frame is shown, {@link #setOnRunEnded} hears of it (the window keeps it).
 *
 * <p>Threading: every method and property on the UI thread (the FX thread in the window), except where a method says
 * otherwise. The fields below are written on the UI thread only, but for {@link #model} (volatile: any thread may
 * read it) and the {@code missing} flag of a launch (written by the launch's background task before the model hears
 * of the failure; read on the UI thread with the frame that shows it). Slow work goes through the
 * {@link TaskExecutor}; the UI thread never takes the model's lock (snapshots are made by the frame source, off it).
 */
public final class RunViewModel {
    /** What the status label means, for its colour. */
    public enum StatusKind { IDLE, RUNNING, OK, STOPPED, ERROR }

    /** Lines of each process whose text the window keeps in memory (every line is in the run log). */
    public static final int KEEP_LINES_PER_PROCESS = 10_000;

    private final TaskExecutor tasks;
    private final FrameSource frames;
    private final RunLogs logs;
    private final RunViewsModel views = new RunViewsModel();
    private final ReadOnlyStringWrapper lessonId = new ReadOnlyStringWrapper(this, "lessonId", "run");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind =
            new ReadOnlyObjectWrapper<>(this, "statusKind", StatusKind.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper startMethodsUsed = new ReadOnlyStringWrapper(this, "startMethodsUsed", "");
    private final ReadOnlyObjectWrapper<RunEvent.PriorityLowered> priorityLowered =
            new ReadOnlyObjectWrapper<>(this, "priorityLowered");
    private final ReadOnlyStringWrapper refusedConnections = new ReadOnlyStringWrapper(this, "refusedConnections", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorTitle =
            new ReadOnlyStringWrapper(this, "errorTitle", "The run could not start");
    /** The current run's model, or null; written on the UI thread, read by any (exporters, tests). */
    private volatile RunModel model;
    private RunSession session;
    private FrameSource.Watch watch;
    /** Counts runs, so that what a replaced run's tasks bring back is dropped. */
    private int generation;
    private boolean stopAsked;
    /** How many times the person interrupted the current run (0 to 3; more count as 3). */
    private int interruptsAsked;
    /** Set by the current run's launch (a background task) when Python was not found. */
    private AtomicBoolean noPython = new AtomicBoolean();
    /** What waits for the run's last frame (the reveal of a run that ended before its last frame was shown). */
    private Runnable afterLastFrame;
    /** Said after the status for the whole of this run ({@code your version: nothing is checked}), or null. */
    private String aside;
    /** What the run shown was started with; null for none, or for a saved run shown. */
    private RunRequest request;
    /** True once {@link #onRunEnded} has heard of the run shown (or it is not to hear of it). */
    private boolean endHeard = true;
    /** The saved run shown, or null while a run started here (or none) is. */
    private SavedRun saved;
    private final ReadOnlyObjectWrapper<SavedRun> savedShown = new ReadOnlyObjectWrapper<>(this, "savedShown");
    /** Hears of each run started here once it has ended and its last frame is shown; never null. */
    private Consumer<Ended> onRunEnded = e -> { };

    /**
     * A run started here that has ended (by itself or stopped), as its last frame shows it.
     *
     * @param model   its model (finished: it will not change)
     * @param request what was run
     */
    public record Ended(RunModel model, RunRequest request) {
    }

    /**
     * An idle run: nothing shown yet.
     *
     * @param tasks  where slow work runs (finding Python, starting and stopping runs, pruning run logs)
     * @param frames where each run's frames come from
     * @param logs   where run logs are written
     */
    public RunViewModel(TaskExecutor tasks, FrameSource frames, RunLogs logs) {
        this.tasks = tasks;
        this.frames = frames;
        this.logs = logs;
    }

    /**
     * Starts a run of {@code req}, stopping the current one. When it has ended, {@code afterEnd} runs on a
     * background thread with the run's model (e.g. to check expectations) and {@code show} gets its result on the
     * UI thread, with the frame that shows the run's end — unless a newer run has replaced this one, or the result is
     * null.
     */
    public <T> void start(RunRequest req, Function<RunModel, T> afterEnd, Consumer<T> show) {
        aside = null;
        begin(req, afterEnd, show);
    }

    /**
     * Checks the program's syntax first ({@link SyntaxCheck}, the interpreter's own compile step), then starts it as
     * {@link #start} does; no process of the run starts before the check has passed. {@code prepare} runs on a
     * background thread first and says what to run (it may write the program: a person's version into a scratch
     * folder, their own file). A syntax error starts nothing: the views are emptied, the error banner and the status
     * say where, and {@code onProblem} gets it on the UI thread. While the check runs, the run counts as running
     * (Run is disabled; Stop cancels it).
     *
     * @param aside   said after the status for the whole run ({@code Ended — exit 0 · your version: nothing is
     *                checked}), or null
     * @param started runs on the UI thread once the check has passed, just before the run starts (a lesson counts
     *                as run from here: a syntax error is no run)
     */
    public <T> void checkThenStart(Supplier<RunRequest> prepare, String aside, Consumer<SyntaxProblem> onProblem,
                                   Runnable started, Function<RunModel, T> afterEnd, Consumer<T> show) {
        dropCurrent();
        afterLastFrame = null;
        int gen = ++generation;
        stopAsked = false;
        this.aside = aside;
        error.set(null);
        setStatus("Checking the code…", StatusKind.RUNNING);
        running.set(true);
        tasks.run(() -> {
            RunRequest req = prepare.get();
            return new Checked(req, syntaxOf(req));
        }, c -> {
            if (gen != generation) {
                return;
            }
            running.set(false);
            if (stopAsked) {
                setStatus("Stopped", StatusKind.STOPPED);
            } else if (c.problem() != null) {
                SyntaxProblem p = c.problem();
                model = null;
                saved = null;
                savedShown.set(null);
                request = null;
                views.clear();
                errorTitle.set("Syntax error on line " + p.line() + ": nothing was run");
                error.set(p.text() + ". Fix it in the editor (the line is marked), then Run again.");
                this.aside = null;   // nothing ran: there is no version to speak of
                setStatus("Syntax error on line " + p.line() + ": nothing was run", StatusKind.ERROR);
                onProblem.accept(p);
            } else {
                started.run();
                begin(c.request(), afterEnd, show);
            }
        }, ex -> {
            if (gen == generation) {
                running.set(false);
                errorTitle.set("The run could not start");
                error.set(String.valueOf(ex.getMessage()));
                setStatus("Error: " + firstSentence(String.valueOf(ex.getMessage())), StatusKind.ERROR);
            }
        });
    }

    /** What {@link #checkThenStart} found: what to run, and its syntax problem or null. */
    private record Checked(RunRequest request, SyntaxProblem problem) {
    }

    /**
     * Runs on a background thread: the syntax problem of the request's program, or null when it compiles — or when
     * it cannot be checked (no Python: the run then says so itself).
     */
    private static SyntaxProblem syntaxOf(RunRequest req) {
        try {
            return SyntaxCheck.check(PythonInterpreter.locate(req.python()), req.file()).orElse(null);
        } catch (InterpreterNotFoundException | UncheckedIOException e) {
            return null;
        }
    }

    private <T> void begin(RunRequest req, Function<RunModel, T> afterEnd, Consumer<T> show) {
        dropCurrent();
        afterLastFrame = null;
        int gen = ++generation;
        stopAsked = false;
        interruptsAsked = 0;
        lessonId.set(req.lessonId());
        request = req;
        endHeard = false;
        saved = null;
        savedShown.set(null);
        Path log = logs.fileFor(req.lessonId(), LocalDateTime.now());
        RunModel m = new RunModel(OutputLog.bounded(KEEP_LINES_PER_PROCESS, log));
        model = m;
        views.clear();
        views.console().logFileProperty().set(m.output().logFile());
        views.console().shownPathsProperty().set(ShownPaths.forProgram(req.file()));
        tasks.run(() -> logs.prune(RunLogs.KEEP));
        error.set(null);
        startMethodsUsed.set("");
        priorityLowered.set(null);
        refusedConnections.set("");
        setStatus("Starting…", StatusKind.RUNNING);
        running.set(true);
        watch = frames.watch(m, this::onFrame);
        AtomicBoolean missing = new AtomicBoolean();
        noPython = missing;
        tasks.run(() -> launch(req, m, missing), s -> {
            if (gen != generation) {
                tasks.run(s::close);
                return;
            }
            session = s;
            if (running.get() && !s.ended().isDone()) {
                views.console().input().attach(stdinOf(s), tasks);
            }
            if (stopAsked) {
                tasks.run(s::stop);
            }
            s.ended().whenComplete((snap, ex) -> {
                T result;
                try {
                    result = afterEnd.apply(m);
                } catch (RuntimeException e) {
                    result = null;
                }
                T shown = result;
                tasks.inUiThread(() -> {
                    if (gen == generation && shown != null) {
                        showWithLastFrame(() -> show.accept(shown));
                    }
                });
            });
        }, ex -> {
            if (gen == generation) {
                errorTitle.set("The run could not start");
                error.set(String.valueOf(ex.getMessage()));
                setStatus("Error: " + ex.getMessage(), StatusKind.ERROR);
                running.set(false);
            }
        });
    }

    /**
     * Runs on a background thread: finds Python, starts the session (or a failed one that says why).
     * {@code missing} is set before the model hears of the failure, so the frame that shows it knows why.
     */
    private static RunSession launch(RunRequest req, RunModel m, AtomicBoolean missing) {
        PythonInterpreter py;
        try {
            py = PythonInterpreter.locate(req.python());
        } catch (InterpreterNotFoundException e) {
            missing.set(true);
            return RunSession.failed(req.title(), e.getMessage(), m);
        }
        RunSpec spec;
        try {
            // the engine takes the start method's wire name
            spec = PythonTrack.spec(py, req.file(), req.args(), req.startMethod().orElse(null), req.title());
        } catch (RuntimeException e) {
            return RunSession.failed(req.title(), "Cannot prepare the run: " + e.getMessage(), m);
        }
        if (req.timeLimitSeconds() != null && req.timeLimitSeconds() > 0) {
            spec = spec.withTimeLimit(Duration.ofSeconds(req.timeLimitSeconds()));
        }
        // a program calling input() waits for the person at the console's input line
        spec = spec.withNiceWhenBusy(exampleNice()).withStdinFromApp();
        Integer max = Integer.getInteger("processlab.maxProcesses");
        if (max != null && max > 0) {
            spec = spec.withMaxProcesses(max);
        }
        return RunSession.start(spec, m);
    }

    /** The main process's stdin of {@code s}, for the console's input line. */
    private static ProgramInputViewModel.Stdin stdinOf(RunSession s) {
        return new ProgramInputViewModel.Stdin() {
            @Override
            public void send(byte[] bytes) {
                s.sendInput(bytes, 0, bytes.length);
            }

            @Override
            public void end() {
                s.endInput();
            }
        };
    }

    /**
     * How many steps of niceness a window's run is lowered by once it turns busy ({@link RunSpec#niceWhenBusy}):
     * {@link RunSpec#WINDOW_NICE}, or the system property {@code processlab.nice} (kept within 0 to 19; 0: never).
     * The window's own drawing then comes first, so a run that floods it does not make the picture of it stall.
     */
    public static int exampleNice() {
        return Math.max(0, Math.min(19, Integer.getInteger("processlab.nice", RunSpec.WINDOW_NICE)));
    }

    /** Asks the current run to stop (SIGTERM, then SIGKILL after the grace time). Returns at once. */
    public void stop() {
        stopAsked = true;
        RunSession s = session;
        if (s != null) {
            tasks.run(s::stop);
        }
        if (running.get()) {
            setStatus("Stopping…", StatusKind.RUNNING);
        }
    }

    /**
     * Interrupts the current run as Ctrl+C in a terminal does ({@link RunSession#interrupt}): SIGINT to the program's
     * process group; pressed again, SIGTERM to every process; a third time, SIGKILL. Nothing follows by itself. Returns
     * at once. Does nothing before the program exists (its syntax is being checked, Python is being found) and once
     * Stop was pressed (a stop ends the run by itself).
     */
    public void interrupt() {
        RunSession s = session;
        if (s == null || !running.get() || stopAsked || s.ended().isDone()) {
            return;
        }
        interruptsAsked = Math.min(3, interruptsAsked + 1);
        tasks.run(s::interrupt);
        setStatus(interruptingText(), StatusKind.RUNNING);
    }

    /** The status while an interrupt is under way: which signal was sent last. */
    private String interruptingText() {
        return "Interrupting (" + (interruptsAsked <= 1 ? "SIGINT" : interruptsAsked == 2 ? "SIGTERM" : "SIGKILL")
                + ")…";
    }

    /** Stops the current run (in the background) and forgets it; the views keep what they show. */
    public void dropCurrent() {
        generation++;
        views.console().input().detach();
        if (watch != null) {
            watch.stop();
            watch = null;
        }
        RunSession s = session;
        session = null;
        if (s != null) {
            tasks.run(s::close);
        }
        if (running.get()) {
            running.set(false);
            setStatus("Stopped", StatusKind.STOPPED);
        }
    }

    /** Stops the current run and empties the views (another lesson was chosen). */
    public void reset() {
        dropCurrent();
        aside = null;
        model = null;
        saved = null;
        savedShown.set(null);
        request = null;
        views.clear();
        error.set(null);
        startMethodsUsed.set("");
        priorityLowered.set(null);
        refusedConnections.set("");
        setStatus("Ready", StatusKind.IDLE);
    }

    private void onFrame(RunFrame f) {
        RunSnapshot s = f.snapshot();
        if (f.changed()) {
            startMethodsUsed.set(String.join(", ", s.startMethods()));
        }
        views.show(f);
        priorityLowered.set(s.priorityLowered());   // after the frame: a listener may read its snapshot
        if (f.changed()) {
            refusedConnections.set(s.channelRefusals().sentence());
        }
        if (f.changed()) {
            updateStatus(s);
        }
        if (f.finished() && afterLastFrame != null) {
            Runnable r = afterLastFrame;
            afterLastFrame = null;
            r.run();
        }
        if (f.finished() && !endHeard) {
            endHeard = true;
            if (s.status() == RunStatus.ENDED && request != null) {
                onRunEnded.accept(new Ended(model, request));
            }
        }
    }

    /**
     * Shows {@code saved} (a kept run, or a run file opened) in the timeline, the table and the console as when it
     * ended, in place of what is shown; a live run is stopped first. The status says it is a kept run and when it was
     * made ({@code Ended — exit 0 · kept run of 7 Dec, 04:31:07}). The prediction card is not this room's: it keeps
     * its state.
     */
    public void showSaved(SavedRun saved) {
        showSaved(saved, "kept run of " + SavedRunNames.madeAt(saved.snapshot()));
    }

    /**
     * Shows {@code saved} as {@link #showSaved(SavedRun)} does, with {@code aside} after the status
     * ({@code opened r.json, a run of 7 Dec, 04:31:07}).
     */
    public void showSaved(SavedRun saved, String aside) {
        dropCurrent();
        afterLastFrame = null;
        stopAsked = false;
        this.aside = aside;
        RunModel m = RunModel.finished(saved.snapshot(), saved.output());
        model = m;
        this.saved = saved;
        savedShown.set(saved);
        request = null;
        endHeard = true;
        String id = saved.origin().lessonId();
        lessonId.set(id != null ? id : SavedRunNames.fileStem(saved));
        views.clear();
        views.console().logFileProperty().set(null);
        views.console().shownPathsProperty().set(ShownPaths.forSavedRun(saved.origin().lessonId(), saved.origin().program()));
        error.set(null);
        startMethodsUsed.set("");
        priorityLowered.set(null);
        refusedConnections.set("");
        watch = frames.watch(m, this::onFrame);
    }

    /** The saved run shown ({@link #showSaved}), or null while a run started here (or none) is shown. */
    public SavedRun savedShown() {
        return saved;
    }

    /** The saved run shown, as a property: set by each {@link #showSaved}, null again once another run starts. */
    public ReadOnlyObjectProperty<SavedRun> savedShownProperty() {
        return savedShown.getReadOnlyProperty();
    }

    /** What the run shown was started with, as the window last started it; null for none or a saved run. */
    public RunRequest requestShown() {
        return request;
    }

    /** {@code listener} hears of each run started here once it has ended and its last frame is shown (UI thread). */
    public void setOnRunEnded(Consumer<Ended> listener) {
        onRunEnded = listener == null ? e -> { } : listener;
    }

    /** Runs {@code r} now if the views show the run's end, else with the frame that does. */
    private void showWithLastFrame(Runnable r) {
        RunFrame f = views.frameProperty().get();
        if (f != null && f.finished()) {
            r.run();
        } else {
            afterLastFrame = r;
        }
    }

    private void updateStatus(RunSnapshot s) {
        switch (s.status()) {
            case NOT_STARTED, STARTING -> setStatus("Starting…", StatusKind.RUNNING);
            case RUNNING, STOPPING -> setStatus(stopAsked ? "Stopping…" : interruptsAsked > 0 ? interruptingText()
                    : s.status() == RunStatus.STOPPING ? "Stopping…" : "Running…", StatusKind.RUNNING);
            case ENDED -> {
                running.set(false);
                Integer code = s.rootStatus();
                String exit = code == null ? "" : " — exit " + code + signalNote(code);
                if (s.supervisorLost() != null) {
                    // the program (or someone) killed ProcessLab's supervisor: say so, never a plain "Ended"
                    int lost = s.lostProcesses();
                    setStatus("Ended — its supervisor was killed; " + lost + (lost == 1 ? " process" : " processes")
                            + " lost from view", StatusKind.ERROR);
                } else if (s.stoppedBy() == null) {
                    setStatus("Ended" + exit, code != null && code != 0 ? StatusKind.ERROR : StatusKind.OK);
                } else {
                    // an interrupted program ends by itself, with its own status (0 when it cleaned up and ended well)
                    setStatus(switch (s.stoppedBy()) {
                        case USER -> "Stopped";
                        case TIME_LIMIT -> "Stopped: time limit";
                        // where the kernel counted (a pids controller refused a fork), threads count too
                        case PROCESS_LIMIT -> s.forksRefused() > 0 ? "Stopped: too many tasks (processes and threads)"
                                : "Stopped: too many processes";
                        case INTERRUPT -> "Interrupted (SIGINT)" + exit;
                    }, s.stoppedBy() == StopReason.INTERRUPT && code != null && code == 0 ? StatusKind.OK
                            : StatusKind.STOPPED);
                }
            }
            case FAILED -> {
                running.set(false);
                String msg = s.error() == null ? "the run failed" : s.error();
                errorTitle.set(noPython.get() ? "Python was not found" : "The run could not start");
                error.set(msg);
                setStatus("Error: " + firstSentence(msg), StatusKind.ERROR);
            }
            default -> {
            }
        }
        if (s.status() == RunStatus.FAILED || s.status() == RunStatus.ENDED) {
            session = null;
            views.console().input().detach();
        }
    }

    private static String firstSentence(String s) {
        int dot = s.indexOf(". ");
        String first = dot > 0 ? s.substring(0, dot + 1) : s;
        return first.length() > 90 ? first.substring(0, 87) + "…" : first;
    }

    /** Shows {@code text} as the status while no run is going on (why Run did nothing); nothing during a run. */
    public void hint(String text) {
        if (!running.get()) {
            setStatus(text, StatusKind.IDLE);
        }
    }

    /**
     * Shows {@code text} as the status now, during a run too (a key that does nothing yet says so); the run's next
     * change of state shows its own status again.
     */
    public void note(String text) {
        status.set(text);
    }

    /** {@code " (SIGINT)"} for an exit status that says a signal ended the program (128 + its number), else "". */
    private static String signalNote(int code) {
        return code > 128 && code < 160 ? " (" + Signals.name(code - 128) + ")" : "";
    }

    private void setStatus(String text, StatusKind kind) {
        status.set(aside == null || kind == StatusKind.IDLE ? text : text + " · " + aside);
        statusKind.set(kind);
    }

    /** Shows an error that is not a run's (e.g. no Python found at start-up). */
    public void showError(String title, String message, String statusText) {
        errorTitle.set(title);
        error.set(message);
        if (!running.get()) {
            status.set(statusText);
            statusKind.set(StatusKind.ERROR);
        }
    }

    /** Hides the error banner. */
    public void dismissError() {
        error.set(null);
    }

    // ------------------------------------------------------------------ what the views read

    /** The current run's model, or null (for tests and exporters). Any thread. */
    public RunModel model() {
        return model;
    }

    /** What the run views show: the table's rows, the console's lines, colours, selection, time cursor, replay. */
    public RunViewsModel views() {
        return views;
    }

    /** The time cursor (epoch µs) the timeline, the table and the console share; -1 for none (the end, or now). */
    public LongProperty cursorTimeProperty() {
        return views.cursorTimeProperty();
    }

    /** Removes the time cursor (and ends a replay): the views show the end of the run again. */
    public void backToEndOfRun() {
        views.backToEndOfRun();
    }

    /** The replay of the finished run. */
    public ReplayViewModel replay() {
        return views.replay();
    }

    /** The lesson of the current (or last) run, for naming files ({@code 03-process-ids}). */
    public ReadOnlyStringProperty lessonIdProperty() {
        return lessonId.getReadOnlyProperty();
    }

    /** The process table's rows. */
    public ProcessTableViewModel table() {
        return views.table();
    }

    /** The console's rows. */
    public ConsoleViewModel console() {
        return views.console();
    }

    /** The colours of this run's processes. */
    public ReadOnlyObjectProperty<ProcessPalette> paletteProperty() {
        return views.paletteProperty();
    }

    /** The selected process's PID, shared by the timeline, the table and the console filter; null for none. */
    public ObjectProperty<Long> selectedPidProperty() {
        return views.selectedPidProperty();
    }

    /** The latest frame shown (changes once per pulse while a run is live); null before the run's first. */
    public ReadOnlyObjectProperty<RunFrame> frameProperty() {
        return views.frameProperty();
    }

    /** Running…, Ended — exit 0, Stopped, Error: … */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What kind of status it is. */
    public ReadOnlyObjectProperty<StatusKind> statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    /** True from Run until the run has ended. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The start methods this run's children used ({@code fork}), empty before any. */
    public ReadOnlyStringProperty startMethodsUsedProperty() {
        return startMethodsUsed.getReadOnlyProperty();
    }

    /**
     * When and why the run was lowered below the window's priority because it turned busy
     * ({@link RunSpec#niceWhenBusy}), or null: the window notes it, as the run's later times may be stretched. Set
     * after the frame that brings it is shown.
     */
    public ReadOnlyObjectProperty<RunEvent.PriorityLowered> priorityLoweredProperty() {
        return priorityLowered.getReadOnlyProperty();
    }

    /**
     * The connections to the run's trace channel that were refused, in one sentence ({@code 3 connections to the trace
     * channel were refused (wrong token)}), or "" when none was: something that is not a process of the run tried to
     * report to it.
     */
    public ReadOnlyStringProperty refusedConnectionsProperty() {
        return refusedConnections.getReadOnlyProperty();
    }

    /** A message for the error banner, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The error banner's title. */
    public ReadOnlyStringProperty errorTitleProperty() {
        return errorTitle.getReadOnlyProperty();
    }
}
