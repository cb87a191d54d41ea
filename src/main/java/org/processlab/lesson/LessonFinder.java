package org.processlab.lesson;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a lesson as a person names it, the same way on the command line ({@code processlab run 3}) and for the
 * window ({@code --lesson 3}): by its id ({@code 03-process-ids}), its number ({@code 3} or {@code 03}) or its name
 * ({@code process-ids}); and, for a mistyped one, the nearest ids to suggest. Everything here works on ids, the
 * folders' names, so the command line finds a lesson without reading any ({@link LessonLibrary#ids}), and a broken
 * neighbour costs nothing. Stateless; any thread.
 */
public final class LessonFinder {
    private LessonFinder() {
    }

    /** The lesson {@code target} names (id, number or name), or null when none or more than one does. */
    public static LessonEntry find(List<LessonEntry> lessons, String target) {
        String id = findId(lessons.stream().map(LessonEntry::id).toList(), target);
        return id == null ? null : LessonLibrary.find(lessons, id);
    }

    /**
     * Of the lesson ids {@code ids}, the one {@code target} names: the id itself; {@code 2} or {@code 02} for
     * {@code 02-first-processes}; {@code first-processes} for the same; null unless exactly one matches.
     */
    public static String findId(List<String> ids, String target) {
        if (ids.contains(target)) {
            return target;
        }
        List<String> found;
        if (target.matches("\\d{1,4}")) {
            int n = Integer.parseInt(target);
            found = ids.stream().filter(id -> number(id) == n).toList();
        } else {
            found = ids.stream().filter(id -> id.endsWith("-" + target)).toList();
        }
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The lesson closest to a mistyped name; see {@link #nearestId}. */
    public static String nearest(List<LessonEntry> lessons, String target) {
        return nearestId(lessons.stream().map(LessonEntry::id).toList(), target);
    }

    /**
     * The lesson id closest to a mistyped one (a few edits away, with or without its number); else the lessons (at
     * most three, joined with "or") with a word in their id that the target begins or is the beginning of; or null.
     */
    public static String nearestId(List<String> ids, String target) {
        int limit = Math.max(2, target.length() / 4);
        LevenshteinDistance distance = new LevenshteinDistance(limit);
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String id : ids) {
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
        String word = target.toLowerCase(Locale.ROOT);
        List<String> byWord = ids.stream()
                .filter(id -> Arrays.stream(id.split("-")).anyMatch(w -> w.length() >= 3
                        && (w.startsWith(word) || word.startsWith(w) && word.length() - w.length() <= 2)))
                .toList();
        return byWord.isEmpty() || byWord.size() > 3 ? null : String.join(" or ", byWord);
    }

    /**
     * What to say when no lesson of {@code ids} is named {@code target}, the same on the command line and in the
     * window: {@code no lesson 42 — the lessons are 1–14}, then the nearest ({@code ; nearest: 04-own-memory}) or how
     * to name one.
     */
    public static String noLesson(List<String> ids, String target) {
        StringBuilder s = new StringBuilder("no lesson ").append(target);
        String range = numberRange(ids);
        if (ids.isEmpty()) {
            s.append(" — there are no lessons here");
        } else if (range != null) {
            s.append(" — the lessons are ").append(range);
        } else {
            s.append(" — there are ").append(ids.size()).append(ids.size() == 1 ? " lesson" : " lessons");
        }
        String nearest = target.matches("\\d{1,4}") ? null : nearestId(ids, target);
        if (nearest != null) {
            s.append("; nearest: ").append(nearest);
        } else if (!ids.isEmpty()) {
            s.append("; name one by its number, its name (").append(ids.get(0).replaceFirst("^\\d+-", ""))
                    .append(") or its folder (").append(ids.get(0)).append(')');
        }
        return s.toString();
    }

    /** "1–14" when the ids are numbered, else null. */
    private static String numberRange(List<String> ids) {
        int lo = Integer.MAX_VALUE;
        int hi = -1;
        for (String id : ids) {
            int n = number(id);
            if (n >= 0) {
                lo = Math.min(lo, n);
                hi = Math.max(hi, n);
            }
        }
        return hi < 0 ? null : lo == hi ? String.valueOf(lo) : lo + "–" + hi;
    }

    /** The number an id starts with ({@code 2} for {@code 02-first-processes}), or -1. */
    private static int number(String id) {
        int dash = id.indexOf('-');
        if (dash <= 0 || dash > 9) {
            return -1;
        }
        for (int i = 0; i < dash; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(id.substring(0, dash));
    }
}
