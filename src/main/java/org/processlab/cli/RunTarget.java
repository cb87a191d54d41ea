package org.processlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;
import org.processlab.lesson.LessonFinder;
import org.processlab.lesson.LessonLibrary;

/**
 * What {@code run TARGET} names: a lesson folder, a lesson id (a folder name under the lessons root), or
 * a program file.
 *
 * @param title   what to call the run
 * @param program the file to run
 * @param args    the lesson's arguments (the command line's own ARGS replace them)
 * @param example the lesson example, when the target was a lesson
 */
record RunTarget(String title, Path program, List<String> args, Example example) {

    /** Thrown when the target names nothing runnable; the message says why. */
    static final class BadTarget extends Exception {
        private static final long serialVersionUID = 1L;

        BadTarget(String message) {
            super(message);
        }
    }

    static RunTarget resolve(String target, Path lessonsRoot) throws BadTarget {
        Path asPath = Path.of(target);
        if (Files.isDirectory(asPath) && Files.isRegularFile(asPath.resolve("lesson.md"))) {
            return fromLesson(LessonLibrary.loadOne(asPath.toAbsolutePath().normalize()));
        }
        if (Files.isRegularFile(asPath)) {
            return new RunTarget(asPath.getFileName().toString(), asPath.toAbsolutePath().normalize(), List.of(), null);
        }
        String nearest = null;
        if (!target.contains("/") && !target.contains("\\")) {
            List<LessonEntry> lessons = LessonLibrary.load(lessonsRoot);
            LessonEntry e = LessonFinder.find(lessons, target);
            if (e != null) {
                return fromLesson(e);
            }
            nearest = LessonFinder.nearest(lessons, target);
        }
        throw new BadTarget("no such lesson or file: " + target + (nearest != null ? " (did you mean " + nearest + "?)"
                : " (give a lesson folder, a lesson id from " + lessonsRoot + ", its number, or a .py file)"));
    }

    private static RunTarget fromLesson(LessonEntry entry) throws BadTarget {
        if (entry instanceof LessonError err) {
            throw new BadTarget("lesson " + err.id() + " cannot be loaded: " + err.message());
        }
        Lesson lesson = (Lesson) entry;
        if (lesson.example() == null) {
            throw new BadTarget("lesson " + lesson.id() + " has no example to run");
        }
        Example ex = lesson.example();
        return new RunTarget(lesson.title(), ex.file(), ex.args(), ex);
    }
}
