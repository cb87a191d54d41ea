package org.processlab.ui.processes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The texts some of the process table's columns have shown since the table was last emptied (a run's roles, states
 * and exit codes: a handful each), and the widest of each column, px, so that the column can be made wide enough for
 * every one of them. Each text is measured once per text size ({@link #measureWith}); a text seen again costs a hash
 * look-up. No JavaFX: the measuring is given.
 *
 * <p>Threading: one thread (the FX thread) for every method.
 */
final class ColumnTexts {
    private final List<Set<String>> seen = new ArrayList<>();
    private final Map<String, Double> widths = new HashMap<>();
    private final double[] widest;
    private ToDoubleFunction<String> measure;

    /**
     * @param columns the number of columns (texts are seen by column index)
     * @param measure a text's width, px, at the table's text size
     */
    ColumnTexts(int columns, ToDoubleFunction<String> measure) {
        this.measure = measure;
        widest = new double[columns];
        for (int i = 0; i < columns; i++) {
            seen.add(new HashSet<>());
        }
    }

    /**
     * Notes that column {@code column} shows {@code text} (null or empty: nothing).
     *
     * @return true when that made the column's widest text wider
     */
    boolean saw(int column, String text) {
        if (text == null || text.isEmpty() || !seen.get(column).add(text)) {
            return false;
        }
        double w = widths.computeIfAbsent(text, measure::applyAsDouble);
        if (w <= widest[column]) {
            return false;
        }
        widest[column] = w;
        return true;
    }

    /** The widest text column {@code column} has shown, px; 0 when none. */
    double widest(int column) {
        return widest[column];
    }

    /** Measures every text again with {@code m} (a new text size). */
    void measureWith(ToDoubleFunction<String> m) {
        measure = m;
        widths.clear();
        for (int c = 0; c < widest.length; c++) {
            widest[c] = 0;
            for (String t : seen.get(c)) {
                widest[c] = Math.max(widest[c], widths.computeIfAbsent(t, measure::applyAsDouble));
            }
        }
    }

    /** Forgets every text (the table was emptied: a new run). */
    void clear() {
        for (Set<String> s : seen) {
            s.clear();
        }
        java.util.Arrays.fill(widest, 0);
    }
}
