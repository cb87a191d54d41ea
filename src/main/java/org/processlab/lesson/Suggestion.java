package org.processlab.lesson;

import java.util.Locale;

/**
 * What a lesson suggests doing after its runs (front matter {@code suggest:}, lessons/FORMAT.md). A closed set: the
 * window offers each in its own place.
 */
public enum Suggestion {
    /** After the lesson's second run in a window: compare it with the run before (lessons 2 and 14). */
    COMPARE;

    /** The front matter's word for it: {@code compare}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The suggestion a front matter word names.
     *
     * @throws IllegalArgumentException for any other word, saying which there are
     */
    public static Suggestion parse(String word) {
        for (Suggestion s : values()) {
            if (s.id().equals(word)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'suggest' has no '" + word + "' (the suggestions are: compare)");
    }
}
