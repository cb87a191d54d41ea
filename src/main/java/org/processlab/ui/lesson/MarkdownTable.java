package org.processlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * A Markdown table laid out whole: every row as tall as its cells' wrapped text at the width their column gets, so
 * no row is ever cut (a grid asked for its height at one width and laid out at a narrower one cut all but the first
 * rows). Column widths, for the width the page gives:
 * <ol>
 *   <li>every column its widest line, when they all fit (the table is no wider than it needs);</li>
 *   <li>else every column its longest word ({@link TableCellBox}), and the rest of the width shared in proportion to
 *       what each column would still take;</li>
 *   <li>else (a page narrower than the longest words) the columns with the longest words give way, down to one
 *       width for all of them: their words break, the others' stay whole, and the table still ends inside the
 *       page.</li>
 * </ol>
 * Every size comes from the cells, so the table follows the window's text size.
 *
 * <p>Threading: FX thread only.
 */
final class MarkdownTable extends Region {
    private final List<List<TableCellBox>> rows = new ArrayList<>();
    private int columns;

    MarkdownTable() {
        getStyleClass().add("md-table");
    }

    /** Adds {@code cell} at the end of row {@code row} (rows are added in order, from 0). */
    void add(int row, TableCellBox cell) {
        while (rows.size() <= row) {
            rows.add(new ArrayList<>());
        }
        rows.get(row).add(cell);
        columns = Math.max(columns, rows.get(row).size());
        getChildren().add(cell);
    }

    /** The number of rows, the header's included. */
    int rowCount() {
        return rows.size();
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        double sum = 0;
        for (double w : widest()) {
            sum += w;
        }
        return snappedLeftInset() + sum + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double[] w = columnWidths(width < 0 ? computePrefWidth(-1) : width);
        double sum = 0;
        for (List<TableCellBox> row : rows) {
            sum += rowHeight(row, w);
        }
        return snappedTopInset() + sum + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        double[] w = columnWidths(getWidth());
        double y = snappedTopInset();
        for (List<TableCellBox> row : rows) {
            double h = rowHeight(row, w);
            double x = snappedLeftInset();
            for (int c = 0; c < row.size(); c++) {
                row.get(c).resizeRelocate(x, y, w[c], h);
                x += w[c];
            }
            y += h;
        }
    }

    private static double rowHeight(List<TableCellBox> row, double[] widths) {
        double h = 0;
        for (int c = 0; c < row.size(); c++) {
            h = Math.max(h, snap(row.get(c).prefHeight(widths[c])));
        }
        return h;
    }

    /** The columns' widths for a table {@code width} wide (its insets included), by the rules above. */
    private double[] columnWidths(double width) {
        double room = Math.max(0, width - snappedLeftInset() - snappedRightInset());
        double[] widest = widest();
        double[] least = new double[columns];
        double widestSum = 0;
        double leastSum = 0;
        for (int c = 0; c < columns; c++) {
            for (List<TableCellBox> row : rows) {
                if (c < row.size()) {
                    least[c] = Math.max(least[c], row.get(c).minWidth(-1));
                }
            }
            least[c] = Math.min(snap(least[c]), widest[c]);
            widestSum += widest[c];
            leastSum += least[c];
        }
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            if (widestSum <= room) {
                out[c] = widest[c];
            } else if (leastSum <= room) {
                double wanting = widestSum - leastSum;
                out[c] = least[c] + (wanting <= 0 ? 0 : (room - leastSum) * (widest[c] - least[c]) / wanting);
            } else {
                out[c] = Math.min(least[c], cap(least, room));
            }
            out[c] = Math.floor(out[c]);
        }
        return out;
    }

    /**
     * The width {@code t} at which the columns, each at {@code min(least, t)}, fill {@code room}: the columns with
     * the longest words give way, the others keep their words whole.
     */
    private static double cap(double[] least, double room) {
        double[] sorted = least.clone();
        java.util.Arrays.sort(sorted);
        double used = 0;
        for (int i = 0; i < sorted.length; i++) {
            int rest = sorted.length - i;
            if (used + sorted[i] * rest >= room) {
                return Math.max(0, (room - used) / rest);
            }
            used += sorted[i];
        }
        return sorted.length == 0 ? room : sorted[sorted.length - 1];
    }

    /** Each column's widest line (its cells' preferred widths). */
    private double[] widest() {
        double[] out = new double[columns];
        for (List<TableCellBox> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                out[c] = Math.max(out[c], snap(row.get(c).prefWidth(-1)));
            }
        }
        return out;
    }

    private static double snap(double v) {
        return Math.ceil(v);
    }
}
