package org.processlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Orientation;
import javafx.scene.layout.Region;

/**
 * A Markdown table laid out whole: every row as tall as its cells' wrapped text at the width their column gets, so
 * no row is ever cut (a grid asked for its height at one width and laid out at a narrower one cut all but the first
 * rows). Every size comes from the cells, so the table follows the window's text size. Two layouts, by the width the
 * page gives:
 * <ul>
 *   <li><b>Grid</b>, when every column can be as wide as its longest word ({@link TableCellBox}): each column gets its
 *       widest line when they all fit (the table is no wider than it needs), else its longest word plus a share of
 *       the rest in proportion to what it would still take.</li>
 *   <li><b>Stacked</b>, on a page too narrow for that (a four-column table beside the run views broke words in
 *       two): each row becomes a block of lines "column heading | cell", the headings in a column of their own, so
 *       words stay whole and the table still ends inside the page.</li>
 * </ul>
 *
 * <p>Threading: FX thread only.
 */
final class MarkdownTable extends Region {
    /** The most the headings' column takes of a stacked table, as a share of its width. */
    static final double MOST_CAPTION_SHARE = 0.4;

    /**
     * One row: its cells, and (body rows) a copy of the heading of each cell's column and a rule above the row's
     * block, both shown only when stacked (shown and hidden, never restyled, so a layout never waits for CSS).
     */
    private record Row(List<TableCellBox> cells, List<TableCellBox> captions, Region rule) {
    }

    private final List<Row> rows = new ArrayList<>();
    private int columns;
    /** Whether the last layout was stacked; written in layout, FX thread. */
    private boolean stacked;

    MarkdownTable() {
        getStyleClass().add("md-table");
    }

    /**
     * Adds {@code cell} at the end of row {@code row} (rows are added in order, from 0: the header), with
     * {@code caption}, its column's heading as a stacked table shows it (null in the header).
     */
    void add(int row, TableCellBox cell, TableCellBox caption) {
        while (rows.size() <= row) {
            Region rule = new Region();
            rule.getStyleClass().add("md-table-rule");
            rule.setVisible(false);
            rule.setManaged(false);
            rows.add(new Row(new ArrayList<>(), new ArrayList<>(), rule));
        }
        Row r = rows.get(row);
        r.cells().add(cell);
        columns = Math.max(columns, r.cells().size());
        getChildren().add(cell);
        if (caption != null) {
            r.captions().add(caption);
            caption.getStyleClass().add("md-table-caption");
            caption.setVisible(false);
            getChildren().add(caption);
            if (!getChildren().contains(r.rule())) {
                getChildren().add(r.rule());
            }
        }
        r.rule().toFront();
    }

    /** The number of cells row {@code row} has so far. */
    int columnsOf(int row) {
        return row < rows.size() ? rows.get(row).cells().size() : 0;
    }

    /** The number of rows, the header's included. */
    int rowCount() {
        return rows.size();
    }

    /** True when the table is laid out stacked (a narrow page). */
    boolean isStacked() {
        return stacked;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + sum(widest()) + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double height) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double room = room(width < 0 ? computePrefWidth(-1) : width);
        return snappedTopInset() + layOut(room, false) + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        layOut(room(getWidth()), true);
    }

    private double room(double width) {
        return Math.max(0, width - snappedLeftInset() - snappedRightInset());
    }

    /** Lays the cells out in {@code room} px (or only measures, {@code place} false); returns the height. */
    private double layOut(double room, boolean place) {
        double[] least = least();
        boolean stack = columns > 1 && sum(least) > room;
        if (place) {
            stacked = stack;
        }
        return stack ? stackedLayout(room, place) : gridLayout(columnWidths(room, least), place);
    }

    private double gridLayout(double[] w, boolean place) {
        double y = snappedTopInset();
        for (Row row : rows) {
            double h = 0;
            for (int c = 0; c < row.cells().size(); c++) {
                h = Math.max(h, snap(row.cells().get(c).prefHeight(w[c])));
            }
            if (place) {
                double x = snappedLeftInset();
                for (int c = 0; c < row.cells().size(); c++) {
                    TableCellBox cell = row.cells().get(c);
                    cell.setVisible(true);
                    cell.resizeRelocate(x, y, w[c], h);
                    x += w[c];
                }
                row.captions().forEach(caption -> caption.setVisible(false));
                row.rule().setVisible(false);
            }
            y += h;
        }
        return y - snappedTopInset();
    }

    private double stackedLayout(double room, boolean place) {
        double captionWidth = 0;
        for (Row row : rows) {
            for (TableCellBox caption : row.captions()) {
                captionWidth = Math.max(captionWidth, snap(caption.prefWidth(-1)));
            }
        }
        captionWidth = Math.floor(Math.min(captionWidth, MOST_CAPTION_SHARE * room));
        double valueWidth = Math.max(0, room - captionWidth);
        double y = snappedTopInset();
        for (Row row : rows) {
            if (row.captions().isEmpty()) {
                if (place) {
                    row.cells().forEach(cell -> cell.setVisible(false));      // the headings come with each row
                }
                continue;
            }
            if (place) {
                row.rule().setVisible(true);
                row.rule().resizeRelocate(snappedLeftInset(), y, room, Math.max(1, snap(row.rule().prefHeight(-1))));
            }
            for (int c = 0; c < row.cells().size(); c++) {
                TableCellBox cell = row.cells().get(c);
                TableCellBox caption = c < row.captions().size() ? row.captions().get(c) : null;
                double h = snap(cell.prefHeight(valueWidth));
                if (caption != null) {
                    h = Math.max(h, snap(caption.prefHeight(captionWidth)));
                }
                if (place) {
                    double x = snappedLeftInset();
                    if (caption != null) {
                        caption.setVisible(true);
                        caption.resizeRelocate(x, y, captionWidth, h);
                    }
                    cell.setVisible(true);
                    cell.resizeRelocate(x + captionWidth, y, valueWidth, h);
                }
                y += h;
            }
        }
        return y - snappedTopInset();
    }

    /** The grid's column widths for {@code room} px, when {@code least} fits in it (see the class comment). */
    private double[] columnWidths(double room, double[] least) {
        double[] widest = widest();
        double widestSum = sum(widest);
        double leastSum = sum(least);
        double[] out = new double[columns];
        for (int c = 0; c < columns; c++) {
            if (widestSum <= room) {
                out[c] = widest[c];
            } else {
                double wanting = widestSum - leastSum;
                out[c] = least[c] + (wanting <= 0 ? 0 : (room - leastSum) * (widest[c] - least[c]) / wanting);
            }
            out[c] = Math.floor(out[c]);
        }
        return out;
    }

    /** Each column's longest word (its cells' least widths), never more than its widest line. */
    private double[] least() {
        double[] widest = widest();
        double[] out = new double[columns];
        for (Row row : rows) {
            for (int c = 0; c < row.cells().size(); c++) {
                out[c] = Math.max(out[c], snap(row.cells().get(c).minWidth(-1)));
            }
        }
        for (int c = 0; c < columns; c++) {
            out[c] = Math.min(out[c], widest[c]);
        }
        return out;
    }

    /** Each column's widest line (its cells' preferred widths). */
    private double[] widest() {
        double[] out = new double[columns];
        for (Row row : rows) {
            for (int c = 0; c < row.cells().size(); c++) {
                out[c] = Math.max(out[c], snap(row.cells().get(c).prefWidth(-1)));
            }
        }
        return out;
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    private static double snap(double v) {
        return Math.ceil(v);
    }
}
