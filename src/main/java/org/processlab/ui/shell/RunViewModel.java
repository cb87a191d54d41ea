package org.processlab.ui.shell;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;

import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Signals;
import org.processlab.run.InterpreterNotFoundException;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.PythonTrack;
import org.processlab.run.RunSession;
import org.processlab.run.RunSpec;
import org.processlab.ui.console.ConsoleViewModel;
import org.processlab.ui.fx.Background;
import org.processlab.ui.fx.ModelPulse;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.lesson.ProgressStore;
import org.processlab.ui.processes.ProcessTableViewModel;

/**
 * The current run and what its three views show. One {@link RunModel} per run feeds the timeline, the process
 * table and the console through one {@link ModelPulse}: at most one update per JavaFX pulse.
 *
 * <p>Memory stays bounded however much a run prints: the model's output log keeps the text of the latest
 * {@link #KEEP_LINES_PER_PROCESS} lines of each process and writes every line to a run log under ProcessLab's home
 * ({@code processlab.home}, default {@code ~/.processlab}): {@code runs/<timestamp>-<lesson-id>.log}. Counts stay
 * exact. The system property {@code processlab.maxProcesses} raises (or lowers) the process limit of window runs.
 *
 * <p>The {@link #cursorTimeProperty() time cursor} (epoch µs, -1 for none) is shared by the timeline, the table (rows
 * as of that moment) and the console (lines up to it); {@link #replay()} moves it to replay a finished run.
 *
 * <p>Starting a run finds Python off the FX thread ({@link PythonInterpreter#locate} may take ~100 ms), then
 * starts a {@link RunSession}. A missing interpreter or a launch error becomes a failed run with its message
 * ({@link #errorProperty()}); the app keeps working. A run replaced by a newer one, or left when the window closes,
 * is stopped; nothing is left behind.
 *
 * <p>Threading: FX thread only, except where a method says otherwise.
 */
public final class RunViewModel {
    /** What the status label means, for its colour. */
    public enum StatusKind { IDLE, RUNNING, OK, STOPPED, ERROR }

    /** Lines of each process whose text the window keeps in memory (every line is in the run log). */
    public static final int KEEP_LINES_PER_PROCESS = 10_000;
    /** Run logs kept under {@code runs/}; older ones are deleted when a run starts. */
    static final int KEEP_RUN_LOGS = 100;

    private final ProcessTableViewModel table = new ProcessTableViewModel();
    private final ConsoleViewModel console = new ConsoleViewModel();
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final ReadOnlyObjectWrapper<RunFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final javafx.beans.property.LongProperty cursorTime =
            new javafx.beans.property.SimpleLongProperty(this, "cursorTime", -1);
    private final ReplayViewModel replay = new ReplayViewModel(cursorTime, frame.getReadOnlyProperty());
    private final ReadOnlyStringWrapper lessonId = new ReadOnlyStringWrapper(this, "lessonId", "run");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Ready");
    private final ReadOnlyObjectWrapper<StatusKind> statusKind = new ReadOnlyObjectWrapper<>(this, "statusKind", StatusKind.IDLE);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper startMethodsUsed = new ReadOnlyStringWrapper(this, "startMethodsUsed", "");
    private final ReadOnlyObjectWrapper<RunEvent.PriorityLowered> priorityLowered =
            new ReadOnlyObjectWrapper<>(this, "priorityLowered");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorTitle = new ReadOnlyStringWrapper(this, "errorTitle", "The run could not start");
    private final List<Runnable> resetListeners = new ArrayList<>();
    /** Set on the FX thread; volatile so that {@link #model()} may be read from any thread. */
    private volatile RunModel model;
    private RunSession session;
    private ModelPulse pulse;
    private int generation;
    private boolean stopAsked;
    private java.util.concurrent.atomic.AtomicBoolean noPython = new java.util.concurrent.atomic.AtomicBoolean();

    /** An idle run: nothing shown yet. */
    public RunViewModel() {
        table.atTimeProperty().bindBidirectional(cursorTime);
        console.untilTimeProperty().bind(cursorTime);
    }

    /** Views that keep their own run data (the timeline's ticks) clear it here when a new run starts. */
    public void addResetListener(Runnable r) {
        resetListeners.add(r);
    }

    /**
     * Starts a run of {@code req}, stopping the current one. When it has ended, {@code afterEnd} runs on a
     * background thread with the run's model (e.g. to check expectations) and {@code show} gets its result on the
     * FX thread — unless a newer run has replaced this one.
     */
    public <T> void start(RunRequest req, Function<RunModel, T> afterEnd, Consumer<T> show) {
        dropCurrent();
        afterLastFrame = null;
        int gen = ++generation;
        stopAsked = false;
        replay.stop();
        cursorTime.set(-1);
        lessonId.set(req.lessonId());
        Path log = runLogFile(req.lessonId());
        RunModel m = new RunModel(OutputLog.bounded(KEEP_LINES_PER_PROCESS, log));
        model = m;
        table.clear();
        console.clear();
        console.logFileProperty().set(m.output().logFile());
        Background.run(() -> pruneRunLogs(log.getParent()));
        palette.get().clear();
        selectedPid.set(null);
        resetListeners.forEach(Runnable::run);
        error.set(null);
        startMethodsUsed.set("");
        priorityLowered.set(null);
        setStatus("Starting…", StatusKind.RUNNING);
        running.set(true);
        pulse = new ModelPulse(m, ModelPulse.DEFAULT_MAX_LINES_PER_PULSE, 50, this::onFrame);
        pulse.start();
        java.util.concurrent.atomic.AtomicBoolean missing = new java.util.concurrent.atomic.AtomicBoolean();
        noPython = missing;
        Background.run(() -> launch(req, m, missing), launched -> {
            RunSession s = launched.session();
            if (gen != generation) {
                Background.run(s::close);
                return;
            }
            session = s;
            if (stopAsked) {
                s.stop();
            }
            s.ended().whenComplete((snap, ex) -> {
                T result;
                try {
                    result = afterEnd.apply(m);
                } catch (RuntimeException e) {
                    result = null;
                }
                T shown = result;
                Platform.runLater(() -> {
                    if (gen == generation && shown != null) {
                        // with the frame that shows the end (status, table, timeline), not a frame before it
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

    /** A started session. */
    private record Launched(RunSession session) {
    }

    /**
     * Runs on a background thread: finds Python, starts the session (or a failed one that says why).
     * {@code missing} is set before the model hears of the failure, so the frame that shows it knows why.
     */
    private static Launched launch(RunRequest req, RunModel m, java.util.concurrent.atomic.AtomicBoolean missing) {
        PythonInterpreter py;
        try {
            py = PythonInterpreter.locate(req.python());
        } catch (InterpreterNotFoundException e) {
            missing.set(true);
            return new Launched(RunSession.failed(req.title(), e.getMessage(), m));
        }
        RunSpec spec;
        try {
            spec = PythonTrack.spec(py, req.file(), req.args(), req.startMethod(), req.title());
        } catch (RuntimeException e) {
            return new Launched(RunSession.failed(req.title(), "Cannot prepare the run: " + e.getMessage(), m));
        }
        if (req.timeLimitSeconds() != null && req.timeLimitSeconds() > 0) {
            spec = spec.withTimeLimit(java.time.Duration.ofSeconds(req.timeLimitSeconds()));
        }
        spec = spec.withNiceWhenBusy(exampleNice());
        Integer max = Integer.getInteger("processlab.maxProcesses");
        if (max != null && max > 0) {
            spec = spec.withMaxProcesses(max);
        }
        return new Launched(RunSession.start(spec, m));
    }

    /**
     * How many steps of niceness a window's run is lowered by once it turns busy ({@link RunSpec#niceWhenBusy}):
     * {@link RunSpec#WINDOW_NICE}, or the system property {@code processlab.nice} (kept within 0 to 19; 0: never).
     * The window's own drawing then comes first, so a run that floods it does not make the picture of it stall.
     */
    public static int exampleNice() {
        return Math.max(0, Math.min(19, Integer.getInteger("processlab.nice", RunSpec.WINDOW_NICE)));
    }

    /** {@code <home>/runs/20261130-072953-123-03-process-ids.log}. */
    static Path runLogFile(String lessonId) {
        String stamp = java.time.LocalDateTime.now().format(
                java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", java.util.Locale.ROOT));
        String safe = lessonId == null ? "run" : lessonId.replaceAll("[^A-Za-z0-9._-]", "_");
        return ProgressStore.defaultHome().resolve("runs").resolve(stamp + "-" + safe + ".log");
    }

    /** Deletes all but the newest {@link #KEEP_RUN_LOGS} run logs; runs in the background. */
    private static void pruneRunLogs(Path dir) {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            List<Path> logs = new ArrayList<>(files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList());
            for (int i = 0; i < logs.size() - KEEP_RUN_LOGS; i++) {
                java.nio.file.Files.deleteIfExists(logs.get(i));
            }
        } catch (java.io.IOException | RuntimeException ignored) {
            // old logs stay; nothing else depends on it
        }
    }

    /** Asks the current run to stop (SIGTERM, then SIGKILL after the grace time). Returns at once. */
    public void stop() {
        stopAsked = true;
        RunSession s = session;
        if (s != null) {
            Background.run(s::stop);
        }
        if (running.get()) {
            setStatus("Stopping…", StatusKind.RUNNING);
        }
    }

    /** Stops the current run (in the background) and forgets it; the views keep what they show. */
    public void dropCurrent() {
        generation++;
        if (pulse != null) {
            pulse.stop();
            pulse = null;
        }
        RunSession s = session;
        session = null;
        if (s != null) {
            Background.run(s::close);
        }
        if (running.get()) {
            running.set(false);
            setStatus("Stopped", StatusKind.STOPPED);
        }
    }

    /** Stops the current run and empties the views (another lesson was chosen). */
    public void reset() {
        dropCurrent();
        replay.stop();
        cursorTime.set(-1);
        model = null;
        table.clear();
        console.clear();
        palette.get().clear();
        selectedPid.set(null);
        resetListeners.forEach(Runnable::run);
        frame.set(null);
        error.set(null);
        startMethodsUsed.set("");
        priorityLowered.set(null);
        setStatus("Ready", StatusKind.IDLE);
    }

    private void onFrame(RunFrame f) {
        RunSnapshot s = f.snapshot();
        if (f.changed()) {
            palette.get().assign(s.processes());
            startMethodsUsed.set(String.join(", ", s.startMethods()));
        }
        table.update(s, f.nowMicros());
        console.add(f);
        frame.set(f);
        priorityLowered.set(s.priorityLowered());   // after the frame: a listener may read its snapshot
        if (f.changed()) {
            updateStatus(s);
        }
        if (f.finished() && afterLastFrame != null) {
            Runnable r = afterLastFrame;
            afterLastFrame = null;
            r.run();
        }
    }

    /** What waits for the run's last frame (the reveal of a run that ended before its last frame was shown). */
    private Runnable afterLastFrame;

    /** Runs {@code r} now if the views show the run's end, else with the frame that does. FX thread. */
    private void showWithLastFrame(Runnable r) {
        RunFrame f = frame.get();
        if (f != null && f.finished()) {
            r.run();
        } else {
            afterLastFrame = r;
        }
    }

    private void updateStatus(RunSnapshot s) {
        switch (s.status()) {
            case NOT_STARTED, STARTING -> setStatus("Starting…", StatusKind.RUNNING);
            case RUNNING -> setStatus(stopAsked ? "Stopping…" : "Running…", StatusKind.RUNNING);
            case STOPPING -> setStatus("Stopping…", StatusKind.RUNNING);
            case ENDED -> {
                running.set(false);
                if (s.stoppedBy() != null) {
                    setStatus(switch (s.stoppedBy()) {
                        case USER -> "Stopped";
                        case TIME_LIMIT -> "Stopped: time limit";
                        case PROCESS_LIMIT -> "Stopped: too many processes";
                    }, StatusKind.STOPPED);
                } else {
                    Integer code = s.rootStatus();
                    String text = code == null ? "Ended" : "Ended — exit " + code
                            + (code > 128 && code < 160 ? " (" + Signals.name(code - 128) + ")" : "");
                    setStatus(text, code != null && code != 0 ? StatusKind.ERROR : StatusKind.OK);
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

    private void setStatus(String text, StatusKind kind) {
        status.set(text);
        statusKind.set(kind);
    }

    /** Shows an error that is not a run's (e.g. no Python found at start-up). */
    public void showError(String title, String message, String statusText) {
        errorTitle.set(title);
        error.set(message);
        if (!running.get()) {
            setStatus(statusText, StatusKind.ERROR);
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

    /** The time cursor (epoch µs) the timeline, the table and the console share; -1 for none (the end, or now). */
    public javafx.beans.property.LongProperty cursorTimeProperty() {
        return cursorTime;
    }

    /** Removes the time cursor (and ends a replay): the views show the end of the run again. */
    public void backToEndOfRun() {
        replay.stop();
        cursorTime.set(-1);
    }

    /** The replay of the finished run. */
    public ReplayViewModel replay() {
        return replay;
    }

    /** The lesson of the current (or last) run, for naming files ({@code 03-process-ids}). */
    public javafx.beans.property.ReadOnlyStringProperty lessonIdProperty() {
        return lessonId.getReadOnlyProperty();
    }

    /** The process table's rows. */
    public ProcessTableViewModel table() {
        return table;
    }

    /** The console's rows. */
    public ConsoleViewModel console() {
        return console;
    }

    /** The colours of this run's processes. */
    public ReadOnlyObjectProperty<ProcessPalette> paletteProperty() {
        return palette;
    }

    /** The selected process's PID, shared by the timeline, the table and the console filter; null for none. */
    public ObjectProperty<Long> selectedPidProperty() {
        return selectedPid;
    }

    /** The latest frame (changes once per pulse while a run is live). */
    public ReadOnlyObjectProperty<RunFrame> frameProperty() {
        return frame.getReadOnlyProperty();
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
     * ({@link org.processlab.run.RunSpec#niceWhenBusy}), or null: the window notes it, as the run's later times may
     * be stretched.
     */
    public ReadOnlyObjectProperty<RunEvent.PriorityLowered> priorityLoweredProperty() {
        return priorityLowered.getReadOnlyProperty();
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
