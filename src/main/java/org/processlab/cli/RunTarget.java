package org.processlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;
import org.processlab.lesson.LessonFinder;
import org.processlab.lesson.LessonLibrary;
import org.processlab.lesson.OwnProgram;
import org.processlab.lesson.ProgramFile;
import org.processlab.lesson.ProgramFileException;

/**
 * What {@code run TARGET} names: a lesson folder, a lesson id (a folder name under the lessons root), or
 * a program file, checked as the window checks one ({@link ProgramFile#read}), so both say the same about a file
 * that is not a program.
 *
 * @param title   what to call the run
 * @param program the file to run
 * @param args    the lesson's arguments (the command line's own ARGS replace them)
 * @param example the lesson example, when the target was a lesson
 * @param lessonId the lesson's id, when the target was a lesson, else null
 */
record RunTarget(String title, Path program, List<String> args, Example example, String lessonId) {

    /**
     * Thrown when the target names nothing runnable; the message says why, the exit code is the sysexits.h code to
     * answer with ({@link Cli#exitCodeFor}).
     */
    static final class BadTarget extends Exception {
        private static final long serialVersionUID = 1L;
        private final int exitCode;

        BadTarget(String message) {
            this(message, RunCommand.EX_NOINPUT);
        }

        BadTarget(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static RunTarget resolve(String target, Path lessonsRoot) throws BadTarget {
        Path asPath = Path.of(target);
        if (Files.isDirectory(asPath) && Files.exists(asPath.resolve("lesson.md"), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return fromLesson(LessonLibrary.loadOne(asPath.toAbsolutePath().normalize()));
        }
        if (meantAsFile(target, asPath)) {
            try {
                OwnProgram own = ProgramFile.read(asPath);
                return new RunTarget(own.file().getFileName().toString(), own.file(), List.of(), null, null);
            } catch (ProgramFileException e) {
                throw new BadTarget(e.getMessage(), Cli.exitCodeFor(e));
            }
        }
        if (target.contains("/") || target.contains("\\")) {
            throw new BadTarget("no lesson folder or file " + target + " (give a lesson folder, a lesson's number, name "
                    + "or id, or a .py file)");
        }
        // by the folders' names only: the one lesson asked for is the only one read, so a broken or huge neighbour
        // costs nothing
        LessonEntry named = LessonLibrary.named(lessonsRoot, target);
        if (named != null) {
            return fromLesson(named);
        }
        List<String> ids = LessonLibrary.ids(lessonsRoot);
        throw new BadTarget(ids.isEmpty() ? "no lesson " + target + " — there are no lessons in " + lessonsRoot
                : LessonFinder.noLesson(ids, target));
    }

    /**
     * True when {@code target} means a program file, as the window's {@code FILE.py} does: it is there (and is not a
     * lesson folder), or its name ends in {@code .py} or {@code .pyw}. Else it is looked up as a lesson.
     */
    private static boolean meantAsFile(String target, Path asPath) {
        String t = target.toLowerCase(Locale.ROOT);
        return Files.exists(asPath) || t.endsWith(".py") || t.endsWith(".pyw");
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
        return new RunTarget(lesson.title(), ex.file(), ex.args(), ex, lesson.id());
    }
}
