package org.processlab.lesson;

import java.util.List;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Finds a lesson as a person names it, the same way on the command line ({@code processlab run 3}) and for the
 * window ({@code --lesson 3}): by its id ({@code 03-process-ids}), its number ({@code 3} or {@code 03}) or its name
 * ({@code process-ids}); and, for a mistyped one, the nearest ids to suggest. Stateless; any thread.
 */
public final class LessonFinder {
    private LessonFinder() {
    }

    /** The lesson {@code target} names (id, number or name), or null when none or more than one does. */
    public static LessonEntry find(List<LessonEntry> lessons, String target) {
        LessonEntry e = LessonLibrary.find(lessons, target);
        return e != null ? e : byNumberOrName(lessons, target);
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
    public static String nearest(List<LessonEntry> lessons, String target) {
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

}
