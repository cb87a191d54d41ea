package org.processlab.store;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A person's progress through the lessons, kept as JSON in {@code progress.json} under ProcessLab's home folder
 * ({@link ProcessLabHome}): which lessons were opened, what was predicted, how many runs were made, and the lesson
 * open last.
 *
 * <p>A missing or unreadable file starts fresh (an unreadable one is kept aside as {@code progress.json.bad}).
 * Every change is written at once, atomically (a temporary file moved into place); a write that fails is
 * reported on stderr and the app goes on.
 *
 * <p>Threading: all methods are synchronized; any thread. No JavaFX here.
 */
public final class ProgressStore {
    /** The file's name inside the home folder. */
    public static final String FILE = "progress.json";

    private final JsonFile<ProgressFile> file;
    private final Map<String, LessonProgress> lessons = new LinkedHashMap<>();
    private String lastLesson;

    /**
     * What one person did in one lesson.
     *
     * @param opened     true once the lesson was shown
     * @param prediction the chosen answer's index, -1 when the question was skipped, null when not answered
     * @param runs       how many runs were started
     * @param checked    true once a run was started after the prediction was given (its answer has been shown);
     *                   false in files written before it was kept
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LessonProgress(boolean opened, Integer prediction, int runs, boolean checked) {
        /** Nothing done yet. */
        public static final LessonProgress NONE = new LessonProgress(false, null, 0, false);

        /** True once at least one run was made. */
        public boolean ran() {
            return runs > 0;
        }
    }

    /** The file as written. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgressFile(int version, String lastLesson, Map<String, LessonProgress> lessons) {
    }

    private ProgressStore(Path file) {
        this.file = new JsonFile<>(file, ProgressFile.class);
    }

    /** Reads the progress kept in {@code home} (nothing yet when there is no file). */
    public static ProgressStore open(Path home) {
        ProgressStore s = new ProgressStore(home.resolve(FILE));
        ProgressFile f = s.file.read();
        if (f != null) {
            if (f.lessons() != null) {
                f.lessons().forEach((k, v) -> {
                    if (k != null && v != null) {
                        s.lessons.put(k, v);
                    }
                });
            }
            s.lastLesson = f.lastLesson();
        }
        return s;
    }

    /** The file progress is written to. */
    public Path file() {
        return file.path();
    }

    /** Progress in lesson {@code id} (never null). */
    public synchronized LessonProgress of(String id) {
        return lessons.getOrDefault(id, LessonProgress.NONE);
    }

    /** The lesson open last, or null. */
    public synchronized String lastLesson() {
        return lastLesson;
    }

    /** Lesson {@code id} was shown. */
    public synchronized void opened(String id) {
        LessonProgress p = of(id);
        lessons.put(id, new LessonProgress(true, p.prediction(), p.runs(), p.checked()));
        lastLesson = id;
        save();
    }

    /** The prediction of lesson {@code id} was answered with {@code choice} (-1: skipped). */
    public synchronized void predicted(String id, int choice) {
        LessonProgress p = of(id);
        lessons.put(id, new LessonProgress(true, choice, p.runs(), false));
        save();
    }

    /** A run of lesson {@code id} was started. */
    public synchronized void ran(String id) {
        LessonProgress p = of(id);
        lessons.put(id, new LessonProgress(true, p.prediction(), p.runs() + 1, p.prediction() != null));
        save();
    }

    private void save() {
        file.write(new ProgressFile(1, lastLesson, new LinkedHashMap<>(lessons)), "progress");
    }
}
