package org.processlab.ui.processes;

/**
 * Which of the process table's columns show in a given width: each column at its full width, and where they do not
 * all fit, the least important go first ({@link #DROP_ORDER}) rather than every value being cut to "…". Numbers in,
 * numbers out; no JavaFX.
 */
final class ColumnFit {
    /**
     * The columns, least important first, by their index in the table (Process 0, PID 1, PPID 2, Role 3, Alive 4,
     * State 5, Exit code 6, Start 7, Duration 8): the times go first (the timeline shows them), then the role and
     * Alive (the state says both), then the exit code and the state, then PPID; PID goes last, and the process's
     * name never.
     */
    static final int[] DROP_ORDER = {7, 8, 3, 4, 6, 5, 2, 1};

    private ColumnFit() {
    }

    /**
     * Which columns show: {@code shown[i]} for column {@code i}.
     *
     * @param widths each column's full width, px
     * @param room   the width the columns have, px (0 or less: unknown, all show)
     */
    static boolean[] shown(double[] widths, double room) {
        boolean[] shown = new boolean[widths.length];
        java.util.Arrays.fill(shown, true);
        if (room <= 0) {
            return shown;
        }
        double total = 0;
        for (double w : widths) {
            total += w;
        }
        for (int i = 0; i < DROP_ORDER.length && total > room; i++) {
            int c = DROP_ORDER[i];
            if (c < widths.length) {
                shown[c] = false;
                total -= widths[c];
            }
        }
        return shown;
    }
}
