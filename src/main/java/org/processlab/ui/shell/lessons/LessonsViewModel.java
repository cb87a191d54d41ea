package org.processlab.ui.shell.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

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
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonLibrary;
import org.processlab.store.ProgressStore;
import org.processlab.ui.fx.TaskExecutor;

/**
 * The lesson pane's state: every lesson of the lessons folder in order (error cards included), the one shown, the
 * text of their example programs, and the person's progress (opened, predicted, ran), which the list marks.
 *
 * <p>Lessons and example sources are read in the background ({@link #load}); the folder can change
 * ({@link #open}: a course of one's own) and be read again ({@link #reload}: pages edited since).
 *
 * <p>Threading: UI thread only, except {@link #source} (any thread). Every property is written on the UI thread;
 * {@code sources} is filled by the loading task (a concurrent map) before its result comes back.
 */
public final class LessonsViewModel {
    private final ReadOnlyObjectWrapper<Path> root = new ReadOnlyObjectWrapper<>(this, "root");
    private final ProgressStore progress;
    /** True while {@link #load} must leave the selection alone ({@link #holdSelection}). */
    private boolean holdSelection;
    private final TaskExecutor tasks;
    private final ObservableList<LessonEntry> lessons = FXCollections.observableArrayList();
    private final ObjectProperty<LessonEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
    private final ReadOnlyIntegerWrapper progressRevision = new ReadOnlyIntegerWrapper(this, "progressRevision");
    private final Map<Path, String> sources = new ConcurrentHashMap<>();
    private final BooleanBinding hasNext;
    private final BooleanBinding hasPrevious;

    /**
     * @param root     the lessons folder
     * @param progress where progress is kept
     * @param tasks    where the lessons are read
     */
    public LessonsViewModel(Path root, ProgressStore progress, TaskExecutor tasks) {
        this.root.set(root);
        this.progress = progress;
        this.tasks = tasks;
        hasNext = Bindings.createBooleanBinding(() -> nextOf(selected.get()) != null, selected, lessons);
        hasPrevious = Bindings.createBooleanBinding(() -> previousOf(selected.get()) != null, selected, lessons);
    }

    /**
     * Reads the lessons (and their example sources) in the background, then selects the one opened last (else the
     * first lesson). A folder that cannot be read goes to {@code onFailure} with why.
     */
    public void load(Consumer<String> onFailure) {
        Path from = root.get();
        tasks.run(() -> read(from), all -> {
            lessons.setAll(all);
            if (selected.get() == null && !holdSelection) {
                selected.set(firstToShow(all));
            }
            loaded.set(true);
        }, ex -> {
            loaded.set(true);
            onFailure.accept("Cannot read the lessons in " + from + ": " + ex.getMessage());
        });
    }

    /**
     * Reads the lessons of another folder in the background and shows them in place of these: the lesson opened
     * last if the folder has it, else its first. A folder without a lesson changes nothing and goes to
     * {@code onFailure} with why, as does one that cannot be read; {@code onOpened} runs once it is shown.
     */
    public void open(Path folder, Runnable onOpened, Consumer<String> onFailure) {
        Path abs = folder.toAbsolutePath().normalize();
        tasks.run(() -> read(abs), all -> {
            if (all.isEmpty()) {
                onFailure.accept(abs + " holds no lesson: a lesson is a folder with a lesson.md in it"
                        + " (as in the built-in lessons); the lessons shown are kept.");
                return;
            }
            root.set(abs);
            selected.set(null);
            lessons.setAll(all);
            selected.set(firstToShow(all));
            onOpened.run();
        }, ex -> onFailure.accept("Cannot read the lessons in " + abs + ": " + ex.getMessage()));
    }

    /**
     * Reads the lessons folder again in the background (pages, examples, front matter, edited since) and keeps the
     * lesson shown: the one with the same id, else the first. Progress is the store's and is not touched.
     */
    public void reload(Runnable onReloaded, Consumer<String> onFailure) {
        Path from = root.get();
        String shown = selected.get() == null ? null : selected.get().id();
        tasks.run(() -> read(from), all -> {
            if (!from.equals(root.get())) {
                return;   // another folder was opened meanwhile
            }
            lessons.setAll(all);
            LessonEntry same = shown == null ? null
                    : all.stream().filter(e -> e.id().equals(shown)).findFirst().orElse(null);
            selected.set(same != null ? same : shown == null ? null : firstToShow(all));
            onReloaded.run();
        }, ex -> onFailure.accept("Cannot read the lessons in " + from + ": " + ex.getMessage()));
    }

    /** Every lesson under {@code from}, with the text of their examples put in {@code sources}; a background task. */
    private List<LessonEntry> read(Path from) {
        List<LessonEntry> all = LessonLibrary.load(from);
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
    }

    /**
     * Keeps {@link #load} from choosing a lesson: something else (a program named on the command line) is to be
     * shown first, and a lesson chosen meanwhile could be run by a key pressed before it comes. {@link #showDefault}
     * ends the hold.
     */
    public void holdSelection() {
        holdSelection = true;
    }

    /**
     * Runs {@code then} once the lessons are read: at once when they are, else when {@link #load} has read them, with
     * the selection held ({@link #holdSelection}) until then, so that no lesson is shown (and run by a key) before
     * what {@code then} opens. {@code then} ends the hold ({@link #releaseHold} or {@link #showDefault}).
     */
    public void whenLoaded(Runnable then) {
        if (loaded.get()) {
            then.run();
            return;
        }
        holdSelection();
        loaded.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    then.run();
                }
            }
        });
    }

    /** Ends {@link #holdSelection}, leaving the selection as it is. */
    public void releaseHold() {
        holdSelection = false;
    }

    /** Ends {@link #holdSelection}; with no lesson shown, shows the one {@link #load} would have. */
    public void showDefault() {
        holdSelection = false;
        if (selected.get() == null && !lessons.isEmpty()) {
            selected.set(firstToShow(lessons));
        }
    }

    /** The lesson opened last if {@code all} has it, else the first lesson (else the first entry, else null). */
    private LessonEntry firstToShow(List<LessonEntry> all) {
        LessonEntry first = LessonLibrary.find(all, String.valueOf(progress.lastLesson()));
        if (first == null && !all.isEmpty()) {
            first = all.stream().filter(e -> e instanceof Lesson).findFirst().orElse(all.get(0));
        }
        return first;
    }

    /** Selects the next lesson, if any. */
    public void next() {
        LessonEntry n = nextOf(selected.get());
        if (n != null) {
            selected.set(n);
        }
    }

    /** Selects the previous lesson, if any. */
    public void previous() {
        LessonEntry p = previousOf(selected.get());
        if (p != null) {
            selected.set(p);
        }
    }

    private LessonEntry previousOf(LessonEntry e) {
        int i = e == null ? -1 : lessons.indexOf(e);
        return i > 0 ? lessons.get(i - 1) : null;
    }

    private LessonEntry nextOf(LessonEntry e) {
        int i = e == null ? -1 : lessons.indexOf(e);
        return i >= 0 && i + 1 < lessons.size() ? lessons.get(i + 1) : null;
    }

    /** Lesson {@code id} was shown. */
    public void markOpened(String id) {
        progress.opened(id);
        bumpProgress();
    }

    /** Lesson {@code id}'s question was answered with {@code choice} (-1: skipped); nothing if it already was. */
    public void markPredicted(String id, int choice) {
        if (!Integer.valueOf(choice).equals(progress.of(id).prediction())) {
            progress.predicted(id, choice);
            bumpProgress();
        }
    }

    /** A run of lesson {@code id} was started. */
    public void markRan(String id) {
        progress.ran(id);
        bumpProgress();
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

    /** True once the lessons have been read (or could not be). */
    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    /** Grows when progress changes (the list redraws its marks). */
    public ReadOnlyIntegerProperty progressRevisionProperty() {
        return progressRevision.getReadOnlyProperty();
    }

    /** True when there is a lesson after the one shown. */
    public BooleanBinding hasNextProperty() {
        return hasNext;
    }

    /** True when there is a lesson before the one shown. */
    public BooleanBinding hasPreviousProperty() {
        return hasPrevious;
    }

    /** The text of an example file, or null; any thread. */
    public String source(Path file) {
        return sources.get(file);
    }

    /** The lessons folder shown. */
    public Path root() {
        return root.get();
    }

    /** The lessons folder shown: the one given at start, until another is opened ({@link #open}). */
    public ReadOnlyObjectProperty<Path> rootProperty() {
        return root.getReadOnlyProperty();
    }

    /** The person's progress. */
    public ProgressStore progress() {
        return progress;
    }
}
