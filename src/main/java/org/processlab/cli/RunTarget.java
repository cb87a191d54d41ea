package org.processlab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.LessonError;
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
            LessonEntry e = LessonLibrary.find(lessons, target);
            if (e == null) {
                e = byNumberOrName(lessons, target);
            }
            if (e != null) {
                return fromLesson(e);
            }
            nearest = nearest(lessons, target);
        }
        throw new BadTarget("no such lesson or file: " + target + (nearest != null ? " (did you mean " + nearest + "?)"
                : " (give a lesson folder, a lesson id from " + lessonsRoot + ", its number, or a .py file)"));
    }

    /** {@code 2} or {@code 02} for {@code 02-first-processes}; {@code first-processes} for the same; null unless one matches. */
    private static LessonEntry byNumberOrName(List<LessonEntry> lessons, String target) {
        List<LessonEntry> found;
        if (target.matches("\\d{1,4}")) {
            int n = Integer.parseInt(target);
            found = lessons.stream().filter(l -> l.id().matches("\\d+-.*")
                    && Integer.parseInt(l.id().substring(0, l.id().indexOf('-'))) == n).toList();
        } else {
            found = lessons.stream().filter(l -> l.id().endsWith("-" + target)).toList();
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /**
     * The lesson id closest to a mistyped one (a few edits away, with or without its number); else the lessons (at
     * most three, joined with "or") with a word in their id that the target begins or is the beginning of; or null.
     */
    private static String nearest(List<LessonEntry> lessons, String target) {
        int limit = Math.max(2, target.length() / 4);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (LessonEntry l : lessons) {
            String id = l.id();
            String name = id.replaceFirst("^\\d+-", "");
            for (String candidate : new String[] {id, name}) {
                int d = distance.apply(candidate, target);
                if (d >= 0 && d < bestD) {
                    bestD = d;
                    best = id;
                }
            }
        }
        if (best != null || target.length() < 4) {
            return best;
        }
        // a word of the title: "zombie" for 13-zombies-orphans, "pool" for 10-pool-map
        String word = target.toLowerCase(java.util.Locale.ROOT);
        List<String> byWord = lessons.stream().map(LessonEntry::id)
                .filter(id -> java.util.Arrays.stream(id.split("-")).anyMatch(w -> w.length() >= 3
                        && (w.startsWith(word) || word.startsWith(w) && word.length() - w.length() <= 2)))
                .toList();
        return byWord.isEmpty() || byWord.size() > 3 ? null : String.join(" or ", byWord);
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
