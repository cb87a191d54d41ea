package org.processlab.ui.processes;

import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import org.processlab.ui.fx.Formats;

/**
 * The process table's column widths: each column as wide as its title and the values it has shown in this run, so
 * that neither is cut to "…" (a student tester at 1440x900 saw "child (fo…" in the Role column). PIDs, roles, states
 * and exit codes are measured as they come ({@link ColumnTexts}), at the cells' font; the times by their usual shape
 * ({@code 0.000 s}). What is left of the table's width goes to the process's name; where the table is too narrow for
 * every column, the least important are left out whole ({@link ColumnFit}). A column grows during a run and goes back
 * to its title and usual values when the table is emptied (a new run), never shrinking in between, so that the columns
 * do not move under a student's eyes.
 *
 * <p>Threading: FX thread only; every field is written there.
 */
final class ColumnWidths {
    /** Indexes of the columns (as given) whose widths are worked out here. */
    private static final int NAME = 0;
    private static final int PID = 1;
    private static final int PPID = 2;
    private static final int ROLE = 3;
    private static final int STATE = 5;
    private static final int EXIT = 6;
    /** The process's name column's least width, em (names are not measured: it gets what is left). */
    private static final double NAME_LEAST_EM = 7.6;
    /** The widest a measured column is made, em: a longer value ends in "…" (what start() raised: whole on hover). */
    private static final double MOST_EM = 14;
    /** The table's vertical scroll bar and borders, px, left out of the columns' room. */
    private static final double SCROLL_BAR_PX = 20;
    /** A cell's and a title's padding on each side, em of its font (processes.css). */
    private static final double PADDING_EM = 0.4;
    /** A column's border and a margin against rounding, px. */
    private static final double EDGE_PX = 6;
    /** What each column shows before a run, as wide as its usual values (null: nothing measured). */
    private static final String[] USUAL = {null, "00000", "00000", "main", "● yes", "running", "0", "0.000 s",
        "0.000 s"};
    /** A PID's digits as zeros, by their number: every digit is as wide as a zero in the table's font. */
    private static final String[] ZEROS = new String[20];

    static {
        for (int i = 0; i < ZEROS.length; i++) {
            ZEROS[i] = "0".repeat(i);
        }
    }

    private final TableView<ProcessRow> table;
    private final TableColumn<?, ?>[] columns;
    private final Text measuring = new Text();
    private final ColumnTexts texts = new ColumnTexts(USUAL.length, this::cellWidth);
    /** Each column's title and usual values, px, at the current text size. */
    private final double[] least;
    private Font regular = Font.getDefault();
    private Font bold = Font.getDefault();
    private double em = 14;
    private final ChangeListener<Long> ppidSeen = (o, was, now) -> refitIf(seeDigits(PPID, now));
    private final ChangeListener<String> roleSeen = (o, was, now) -> refitIf(texts.saw(ROLE, now));
    private final ChangeListener<String> stateSeen = (o, was, now) -> refitIf(seeState(now));
    private final ChangeListener<Integer> exitSeen = (o, was, now) -> refitIf(seeExit(now));

    /**
     * @param table   the table, whose width the columns share
     * @param columns its columns, in the order Process, PID, PPID, Role, Alive, State, Exit code, Start, Duration
     */
    ColumnWidths(TableView<ProcessRow> table, TableColumn<?, ?>... columns) {
        this.table = table;
        this.columns = columns;
        least = new double[columns.length];
        table.getItems().addListener((ListChangeListener<ProcessRow>) this::rowsChanged);
        table.widthProperty().addListener(o -> fit());
    }

    /** Sizes the columns for text of {@code px} pixels per em (the window's text size). */
    void setEm(double px) {
        em = px;
        String family = Font.getDefault().getFamily();
        regular = Font.font(family, FontWeight.NORMAL, 0.95 * px);
        bold = Font.font(family, FontWeight.BOLD, 0.95 * px);
        Font title = Font.font(family, FontWeight.BOLD, px);
        for (int i = 0; i < columns.length; i++) {
            double t = width(columns[i].getText(), title) + 2 * PADDING_EM * px + EDGE_PX;
            least[i] = Math.max(t, USUAL[i] == null ? NAME_LEAST_EM * px : cellWidth(USUAL[i]));
        }
        texts.measureWith(this::cellWidth);
        fit();
    }

    /** A cell's width for {@code text}: the text at the cells' font (bold where the table's CSS makes it so). */
    private double cellWidth(String text) {
        return width(text, isBold(text) ? bold : regular) + 2 * PADDING_EM * 0.95 * em + EDGE_PX;
    }

    /** Bold in processes.css: running, a zombie, alive, and an exit code other than 0 (not a PID, not a time). */
    private static boolean isBold(String text) {
        return text.equals("running") || text.equals("◐ zombie") || text.equals("● yes")
                || (text.startsWith("-") || Character.isDigit(text.charAt(0))) && !text.endsWith(" s")
                && !text.chars().allMatch(c -> c == '0');
    }

    private double width(String text, Font font) {
        measuring.setFont(font);
        measuring.setText(text);
        return Math.ceil(measuring.getLayoutBounds().getWidth());
    }

    /** Rows came (or the table was emptied): their values are measured, and followed. */
    private void rowsChanged(ListChangeListener.Change<? extends ProcessRow> c) {
        boolean wider = false;
        if (c.getList().isEmpty()) {
            texts.clear();
            wider = true;
        }
        while (c.next()) {
            for (ProcessRow r : c.getAddedSubList()) {
                // a row comes back after a new order (rows.setAll): one listener of each, ever
                r.ppidProperty().removeListener(ppidSeen);
                r.ppidProperty().addListener(ppidSeen);
                r.roleProperty().removeListener(roleSeen);
                r.roleProperty().addListener(roleSeen);
                r.stateProperty().removeListener(stateSeen);
                r.stateProperty().addListener(stateSeen);
                r.exitCodeProperty().removeListener(exitSeen);
                r.exitCodeProperty().addListener(exitSeen);
                wider |= seeDigits(PID, r.getPid()) | seeDigits(PPID, r.ppidProperty().get())
                        | texts.saw(ROLE, r.roleProperty().get()) | seeState(r.stateProperty().get())
                        | seeExit(r.exitCodeProperty().get());
            }
        }
        refitIf(wider);
    }

    private boolean seeDigits(int column, Long n) {
        if (n == null || n < 0) {
            return false;
        }
        int digits = 1;
        for (long rest = n / 10; rest > 0; rest /= 10) {
            digits++;
        }
        return texts.saw(column, ZEROS[digits]);
    }

    /** What start() raised is long: the column does not grow for it (the cell shows it whole on hover). */
    private boolean seeState(String state) {
        return state != null && !state.startsWith(ProcessRow.START_RAISED)
                && texts.saw(STATE, ProcessTableView.stateShown(state));
    }

    private boolean seeExit(Integer code) {
        return code != null && texts.saw(EXIT, Formats.exitCode(code));
    }

    private void refitIf(boolean wider) {
        if (wider) {
            fit();
        }
    }

    /** Each column as wide as it needs, those that fit shown ({@link ColumnFit}), the rest of the room to the name. */
    private void fit() {
        double[] widths = new double[columns.length];
        for (int i = 0; i < columns.length; i++) {
            widths[i] = Math.max(least[i], Math.min(MOST_EM * em, texts.widest(i)));
        }
        double w = table.getWidth();
        double room = w > 0 ? w - SCROLL_BAR_PX : 0;
        boolean[] shown = ColumnFit.shown(widths, room);
        double left = room;
        for (int i = 0; i < columns.length; i++) {
            left -= shown[i] ? widths[i] : 0;
        }
        widths[NAME] += Math.max(0, left);
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].isVisible() != shown[i]) {
                columns[i].setVisible(shown[i]);
            }
            columns[i].setMinWidth(widths[i]);
            columns[i].setPrefWidth(widths[i]);
        }
    }
}
