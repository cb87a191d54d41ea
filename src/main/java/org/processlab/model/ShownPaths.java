package org.processlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How paths in a run's output are shown to a person: a lesson's example runs from a copy (the lessons extracted from
 * ProcessLab's jar into the user's cache folder, or the window's scratch copy of an edited example), so a traceback
 * says {@code File "/root/.cache/processlab/lessons-…/02-first-processes/x.py", line 9}. A student knows the file as
 * {@code lessons/02-first-processes/x.py}, as the lesson names it and the CLI takes it. The mapping is for display
 * only: the program sees its real paths ({@code __file__}, {@code sys.argv}), and the run document and the run log
 * keep the text as written. A program of one's own, outside any lesson's folder, keeps its real path.
 *
 * <p>Threading: immutable; {@link #forProgram} reads the file system.
 */
public final class ShownPaths {
    /** Shows every path as written. */
    public static final ShownPaths AS_WRITTEN = new ShownPaths(Map.of());

    /** How far above a program its lesson's folder may be (an example in a subfolder of its lesson). */
    private static final int LEVELS = 3;

    /** Each real folder, ending in "/", and how it is shown, ending in "/"; the longest first. */
    private final Map<String, String> folders;

    private ShownPaths(Map<String, String> folders) {
        this.folders = folders;
    }

    /**
     * The paths of a run of {@code program}: when it lies in a lesson's folder (one holding {@code lesson.md}, the
     * program's own or up to two above), that folder is shown as {@code lessons/<its name>/}, as written and with
     * links resolved; else {@link #AS_WRITTEN}.
     */
    public static ShownPaths forProgram(Path program) {
        if (program == null) {
            return AS_WRITTEN;
        }
        Path dir = program.toAbsolutePath().normalize().getParent();
        for (int i = 0; i < LEVELS && dir != null && dir.getFileName() != null; i++, dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("lesson.md"))) {
                return ofLesson(dir);
            }
        }
        return AS_WRITTEN;
    }

    /**
     * The paths of a saved run of {@code program} (as written in its run document; null: unknown): as
     * {@link #forProgram} while the program is there; once the copy it ran from is gone, the folder named after the
     * run's lesson {@code lessonId} (null: none) that holds it.
     */
    public static ShownPaths forSavedRun(String lessonId, String program) {
        if (program == null || program.isEmpty()) {
            return AS_WRITTEN;
        }
        Path file = Path.of(program);
        ShownPaths now = forProgram(file);
        if (now != AS_WRITTEN || lessonId == null) {
            return now;
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        for (int i = 0; i < LEVELS && dir != null && dir.getFileName() != null; i++, dir = dir.getParent()) {
            if (dir.getFileName().toString().equals(lessonId)) {
                return ofLesson(dir);
            }
        }
        return AS_WRITTEN;
    }

    /** The paths of a run of lesson folder {@code lessonDir}'s example: the folder shown as {@code lessons/<its name>/}. */
    public static ShownPaths ofLesson(Path lessonDir) {
        Path dir = lessonDir.toAbsolutePath().normalize();
        String shown = "lessons/" + dir.getFileName() + "/";
        Map<String, String> folders = new LinkedHashMap<>();
        String written = dir + "/";
        String real = written;
        try {
            real = dir.toRealPath() + "/";
        } catch (IOException e) {
            // gone meanwhile: the path as written is all a traceback can say
        }
        boolean realFirst = real.length() > written.length();   // the longer first: one may hold the other
        folders.put(realFirst ? real : written, shown);
        folders.putIfAbsent(realFirst ? written : real, shown);
        return new ShownPaths(java.util.Collections.unmodifiableMap(folders));
    }

    /** {@code text} with each known folder's path shown as a student knows it; {@code text} itself when none is in it. */
    public String shown(String text) {
        if (folders.isEmpty()) {
            return text;
        }
        String out = text;
        for (Map.Entry<String, String> f : folders.entrySet()) {
            if (out.contains(f.getKey())) {
                out = out.replace(f.getKey(), f.getValue());
            }
        }
        return out;
    }
}
