package org.processlab.ui.shell.compare;

/**
 * What the comparison says beside one lane of one run, in the column right of its timeline (and, for the first two
 * kinds, on the lane itself: an outline or a band).
 *
 * @param row  the lane's row (the same in both runs)
 * @param kind what it says
 * @param text the words shown: {@code only in B}, {@code no resource tracker in A — only in B}, {@code exit 1 (A: 0)},
 *             {@code 1.5× as long}
 * @param detail what a pointer's tooltip adds ({@code p1: 0.42 s in A, 0.61 s in B, each from the start of its process
 *               to its end}), or null
 */
public record LaneNote(int row, Kind kind, String text, String detail) {
    /** A note with no more to say than its text. */
    public LaneNote(int row, Kind kind, String text) {
        this(row, kind, text, null);
    }

    /** What a note says; each kind has its own look (and its words: never colour alone). */
    public enum Kind {
        /** The process is in this run only: its lane is outlined. */
        ONLY_HERE,
        /** The process is in the other run only: this run's row is an empty band saying so. */
        MISSING,
        /** Its exit code differs from the other run's. */
        EXIT_DIFFERS,
        /** How many times as long it ran as in A (on B's side). */
        RATIO
    }
}
