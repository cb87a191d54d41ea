package org.processlab.ui.shell.runs;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.export.RunOrigin;
import org.processlab.export.SavedRun;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.store.KeptRun;
import org.processlab.store.RunKey;
import org.processlab.store.RunStore;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.shell.run.RunRequest;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.shell.run.SavedRunNames;

/**
 * The runs of the lesson or program shown, kept on disk ({@link RunStore}), and a run as a file: each run started in
 * the window is kept once it has ended (written in the background); coming back to a lesson or a program shows its
 * last kept run, read back from disk; {@link #runs()} lists its kept runs, newest first, and {@link #show} shows one
 * of them; {@link #save} writes the run shown to a file and {@link #openRun} shows a run file (one that names a
 * lesson of this course is kept and listed with that lesson). The "Kept runs" settings: {@link #usageProperty()},
 * {@link #clear()}.
 *
 * <p>What is shown goes through {@link RunViewModel#showSaved}: a read that comes back after something else was
 * shown meanwhile (a Run, another lesson, another run picked) is dropped. A run file that cannot be read (broken, of
 * a newer version, too large) is said in the error banner and changes nothing.
 *
 * <p>Threading: UI thread only (the FX thread in the window); every field is written there. Documents are read and
 * written through the {@link TaskExecutor}; the store keeps its writes one at a time. No toolkit needed.
 */
public final class RunsViewModel {
    private final RunStore store;
    private final RunViewModel run;
    private final TaskExecutor tasks;
    private final Predicate<String> showLesson;
    private Runnable noLesson = () -> { };
    private final ZoneId zone;
    private final ObservableList<KeptRun> runs = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RunKey> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ReadOnlyObjectWrapper<KeptRun> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper(this, "usage", "");
    /** Counts what is asked to be shown, so that a read overtaken by a newer ask is dropped. */
    private int asked;

    /**
     * @param store      where runs are kept
     * @param run        the run shown (its views, status and error banner)
     * @param tasks      where documents are read and written
     * @param showLesson shows the lesson of this course with the id given, without showing its last run, and says
     *                   whether there is one ({@code ShellViewModel}'s)
     */
    public RunsViewModel(RunStore store, RunViewModel run, TaskExecutor tasks, Predicate<String> showLesson) {
        this(store, run, tasks, showLesson, ZoneId.systemDefault());
    }

    /** As above, naming times in {@code zone} (tests). */
    public RunsViewModel(RunStore store, RunViewModel run, TaskExecutor tasks, Predicate<String> showLesson,
                         ZoneId zone) {
        this.store = Objects.requireNonNull(store, "store");
        this.run = run;
        this.tasks = tasks;
        this.showLesson = showLesson;
        this.zone = zone;
        run.setOnRunEnded(this::keep);
    }

    // ------------------------------------------------------------------ whose runs

    /**
     * Lists the kept runs of {@code k} (a lesson or a program just shown; null: none) and shows its last one, read
     * back from disk, unless a run is shown or started meanwhile.
     */
    public void showKey(RunKey k) {
        asked++;
        key.set(k);
        shown.set(null);
        refresh();
        KeptRun last = k == null ? null : store.last(k);
        if (last != null) {
            show(last);
        }
    }

    /** Shows kept run {@code k}, read back from disk, in place of what is shown; not during a run (it says so). */
    public void show(KeptRun k) {
        if (refuseDuringRun("pick an earlier run")) {
            return;
        }
        int ask = ++asked;
        RunModel before = run.model();
        tasks.run(() -> RunFiles.read(k.file()), saved -> {
            if (ask != asked || run.model() != before || run.runningProperty().get()) {
                return;   // something else is shown now
            }
            run.showSaved(saved, "run " + k.number() + ", kept from " + SavedRunNames.day(k.startedAt(), zone));
            shown.set(k);
        }, ex -> {
            if (ask == asked) {
                run.showError("Cannot show run " + k.number(), "Kept run " + k.number() + " cannot be read: "
                        + RunFiles.messageOf(ex), "Error: kept run " + k.number() + " cannot be read");
            }
        });
    }

    private void refresh() {
        RunKey k = key.get();
        List<KeptRun> mine = k == null ? List.of() : store.runs(k);
        List<KeptRun> newestFirst = new java.util.ArrayList<>(mine);
        java.util.Collections.reverse(newestFirst);
        runs.setAll(newestFirst);
    }

    // ------------------------------------------------------------------ keeping each run

    /** A run started in the window has ended: kept in the background under the key shown, if it is that key's. */
    private void keep(RunViewModel.Ended ended) {
        RunKey k = key.get();
        if (k == null || !belongsTo(ended.request(), k)) {
            return;
        }
        RunOrigin origin = originOf(ended.request(), k);
        RunModel m = ended.model();
        keepInBackground(k, () -> SavedRun.of(m, origin), () -> run.model() == m, "the run");
    }

    /**
     * Keeps the run {@code saved} makes (in the background) under {@code k}; the list is then read again, and the run
     * marked as the one shown if {@code stillShown} says it is.
     */
    private void keepInBackground(RunKey k, Supplier<SavedRun> saved, BooleanSupplier stillShown, String what) {
        tasks.run(RunFiles.io(() -> {
            SavedRun s = saved.get();
            return store.keep(k, s.snapshot(), s::write);
        }), kept -> {
            if (k.equals(key.get())) {
                refresh();
                if (stillShown.getAsBoolean()) {
                    shown.set(kept);
                }
            }
            showUsage();
        }, ex -> {
            // said where the person looks: a run not kept will not come back, and the reason may be theirs to fix
            String why = RunFiles.whyNotWritten(ex);
            System.err.println("ProcessLab: " + what + " could not be kept: " + why);
            run.showError("This run was not kept", "ProcessLab could not keep " + what + " in " + store.folder()
                    + " (" + why + "). It is shown now, but it will not come back after a restart or in the run"
                    + " list; File ▸ Save run… (Ctrl+S) can write it somewhere else.", "Not kept: " + why);
        });
    }

    private static boolean belongsTo(RunRequest req, RunKey k) {
        return k.kind() == RunKey.Kind.LESSON ? k.name().equals(req.lessonId())
                : RunKey.file(req.file()).equals(k);
    }

    private static RunOrigin originOf(RunRequest req, RunKey k) {
        return new RunOrigin(k.kind() == RunKey.Kind.LESSON ? k.name() : null,
                req.file() == null ? null : req.file().toAbsolutePath().normalize().toString(), req.args());
    }

    // ------------------------------------------------------------------ a run is a file

    /**
     * Writes the run shown to {@code file} (the run document, current version) in the background; the status says
     * where, or the error banner why not. Nothing shown, or a run still going: the status says so.
     */
    public void save(Path file) {
        SavedRun s = shownRun();
        if (s == null) {
            run.note(run.model() == null ? "No run to save yet: Run one first (F5)"
                    : "The run is still going: save it once it has ended (Shift+F5 stops it)");
            return;
        }
        tasks.run(RunFiles.io(() -> {
            s.write(file);
            return file;
        }), f -> run.note("Saved the run to " + f.getFileName() + " (File ▸ Open… shows it again)"),
                ex -> run.showError("Cannot save the run", "The run could not be saved to " + file + ": "
                        + RunFiles.messageOf(ex), "Error: the run was not saved"));
    }

    /**
     * The run shown as a saved run: the kept run or run file shown, or the run started here that has ended (with what
     * was run); null while a run is going or none is shown. Its output is shared with the views, never copied.
     */
    public SavedRun shownRun() {
        SavedRun saved = run.savedShown();
        if (saved != null) {
            return saved;
        }
        RunModel m = run.model();
        if (m == null || run.runningProperty().get() || !m.snapshot().status().finished()) {
            return null;
        }
        RunRequest req = run.requestShown();
        RunKey k = key.get();
        return SavedRun.of(m, req == null || k == null ? RunOrigin.NONE : originOf(req, k));
    }

    /** The name Save run… suggests: {@code 02-first-processes-run-3.json}, or {@code square-run.json}. */
    public String suggestedName() {
        KeptRun k = shown.get();
        String stem = run.lessonIdProperty().get();
        return (stem == null || stem.isBlank() ? "run" : stem) + "-run" + (k != null ? "-" + k.number() : "") + ".json";
    }

    /**
     * Reads the run file {@code file} in the background and shows it; one that names a lesson of this course shows
     * that lesson and is kept with its runs. A file that is not a readable run document (broken, from a newer
     * ProcessLab, too large) is said in the error banner and changes nothing. Not during a run (it says so).
     */
    public void openRun(Path file) {
        openRun(file, () -> { });
    }

    /**
     * Opens the run file {@code file} as {@link #openRun(Path)} does; {@code settle} runs on the UI thread once the
     * file is read (or cannot be), after its lesson is shown (the window's start: show a lesson if none is).
     */
    public void openRun(Path file, Runnable settle) {
        if (refuseDuringRun("open the run file")) {
            settle.run();
            return;
        }
        int ask = ++asked;
        String name = String.valueOf(file.getFileName());
        tasks.run(() -> RunFiles.read(file), saved -> {
            if (ask != asked || run.runningProperty().get()) {
                settle.run();
                return;
            }
            String lesson = saved.origin().lessonId();
            boolean listed = lesson != null && showLesson.test(lesson);
            if (listed) {
                settle.run();
            } else {
                noLesson.run();     // not shown beside another lesson's question and example: Run would run those
            }
            ask(); // the lesson shown (maybe just now) must not show its last run over this one
            // a run of no lesson shown here says what it is, so it is not taken for a run of the lesson on screen
            String what = listed ? "" : " (\"" + saved.snapshot().title() + "\""
                    + (lesson != null ? ", of lesson " + lesson + ", which this course does not have" : "") + ")";
            run.showSaved(saved, "opened " + name + what + ", a run of "
                    + SavedRunNames.day(saved.snapshot().startedAt(), zone));
            if (listed) {
                keepOpened(RunKey.lesson(lesson), saved);
            }
        }, ex -> {
            settle.run();
            run.showError("Cannot open " + name, RunFiles.whyNot(name, ex), "Error: cannot open " + name);
        });
    }

    /**
     * What shows a run file of no lesson of this course (a program of one's own, another course's lesson): no lesson,
     * no example, no question beside it. Called on the UI thread before the run is shown; by default nothing.
     */
    public void onRunOfNoLesson(Runnable showNoLesson) {
        this.noLesson = Objects.requireNonNull(showNoLesson, "showNoLesson");
    }

    private void ask() {
        asked++;
    }

    /**
     * An opened run file of a lesson of this course is kept with its runs, unless it is one of them already (saved
     * from here and opened again: the same start, to the microsecond, and the same title).
     */
    private void keepOpened(RunKey k, SavedRun saved) {
        RunSnapshot s = saved.snapshot();
        for (KeptRun kept : store.runs(k)) {
            if (kept.startedAt() == s.startedAt() && Objects.equals(kept.title(), s.title())) {
                shown.set(kept);
                return;
            }
        }
        keepInBackground(k, () -> saved, () -> run.savedShown() == saved, "the opened run");
    }

    private boolean refuseDuringRun(String then) {
        if (run.runningProperty().get()) {
            run.note("A run is going: Shift+F5 stops it, then " + then);
            return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ the kept runs' settings

    /** Counts the kept runs and the bytes of their folder in the background; {@link #usageProperty()} then says. */
    public void showUsage() {
        tasks.run(store::usage, u -> usage.set(KeptRunLabel.usage(u)), ex -> { });
    }

    /**
     * Deletes every kept run (and run log) in the background, after the person has confirmed it; the run shown stays
     * on screen. Not during a run (its log is being written): the status says so.
     */
    public void clear() {
        if (refuseDuringRun("clear the kept runs")) {
            return;
        }
        tasks.run(() -> {
            store.clear();
            return store.usage();
        }, u -> {
            usage.set(KeptRunLabel.usage(u));
            shown.set(null);
            refresh();
            run.note("Cleared the kept runs");
        }, ex -> run.showError("Cannot clear the kept runs", String.valueOf(ex.getMessage()),
                "Error: the kept runs were not cleared"));
    }

    /** Where the runs are kept ({@code ~/.processlab/runs}). */
    public Path folder() {
        return store.folder();
    }

    /** The kept runs' store. */
    public RunStore store() {
        return store;
    }

    // ------------------------------------------------------------------ what the views read

    /** The kept runs of the lesson or program shown, newest first. */
    public ObservableList<KeptRun> runs() {
        return runs;
    }

    /** The kept run shown, or null (a run started here and not kept yet, a run file, none). */
    public ReadOnlyObjectProperty<KeptRun> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Whose runs are listed: the lesson or program shown, or null. */
    public ReadOnlyObjectProperty<RunKey> keyProperty() {
        return key.getReadOnlyProperty();
    }

    /** {@code 12 runs · 3.4 MB} after {@link #showUsage()}; empty before. */
    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** {@code 3 · 04:31:07 · exit 0 · fork}: how the run list names kept run {@code k}. */
    public String label(KeptRun k) {
        return KeptRunLabel.of(k, zone);
    }

    /**
     * Reads kept run {@code k} back from disk in the background and hands it to {@code then} on the UI thread (for
     * another room, e.g. a comparison); a run that cannot be read goes to the error banner.
     */
    public void read(KeptRun k, Consumer<SavedRun> then) {
        tasks.run(() -> RunFiles.read(k.file()), then, ex -> run.showError("Cannot read run " + k.number(),
                "Kept run " + k.number() + " cannot be read: " + RunFiles.messageOf(ex), "Error: kept run cannot be read"));
    }

    /**
     * Reads the two newest kept runs of the lesson or program shown back from disk in the background and hands them to
     * {@code then} on the UI thread, the earlier first (for "compare with the previous run"); nothing happens when it
     * has fewer than two, or when the lesson shown changes meanwhile. A run that cannot be read goes to the error
     * banner.
     */
    public void readLastTwo(BiConsumer<SavedRun, SavedRun> then) {
        if (runs.size() < 2) {
            return;
        }
        KeptRun latest = runs.get(0);
        KeptRun previous = runs.get(1);
        RunKey k = key.get();
        tasks.run(() -> List.of(RunFiles.read(previous.file()), RunFiles.read(latest.file())), two -> {
            if (Objects.equals(k, key.get())) {
                then.accept(two.get(0), two.get(1));
            }
        }, ex -> run.showError("Cannot read the kept runs", "A kept run cannot be read: " + RunFiles.messageOf(ex),
                "Error: a kept run cannot be read"));
    }
}
