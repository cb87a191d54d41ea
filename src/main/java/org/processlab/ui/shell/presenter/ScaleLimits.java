package org.processlab.ui.shell.presenter;

/**
 * How large the window's text may be made at a given window size: the largest text size (px per em) at which the
 * run side still shows, without scrolling, its toolbar, the timeline's bar, axis and {@link #lanes lanes}, and under
 * them in presenter mode the console's last three lines or (a key away) the table's title, header and three rows,
 * otherwise the table's title, header and two rows and the console's last two lines; with the process table's
 * important columns at their full width ({@link #IMPORTANT_COLUMNS_EM}). Numbers in, numbers out; no JavaFX;
 * no layout is tried: the heights are the rooms' sizes in em ({@code shell.css}, {@code RunSideHeights}), which the
 * presenter window tests hold against the laid-out window.
 *
 * <p>The two layouts: in presenter mode the lesson list is hidden and the page folded, so the run side has the whole
 * width, and the views are the timeline over the console (or the table); otherwise the run side has two thirds of
 * the width (the lesson list hides itself when the window is narrow) and shows all three views.
 */
public final class ScaleLimits {
    /** The smallest text size the window is ever drawn at, px. */
    public static final double SMALLEST_PX = 13;
    /** The largest text size looked at, px: beyond any screen made today. */
    static final double LARGEST_PX = 200;

    /** The process table's important columns (Process, PID, PPID, State, Exit code) at their full width, em. */
    public static final double IMPORTANT_COLUMNS_EM = 7.6 + 4.8 + 4.8 + 7.6 + 6.1;
    /** The header: its buttons and title on one row, em. */
    static final double HEADER_EM = 3.3;
    /** The least height of the prediction card after a run: the verdict's line, em ({@code RunSideHeights}). */
    static final double CARD_EM = 2.6;
    /** The run toolbar: its padding, em, and one row of its groups, em. */
    static final double TOOLBAR_PAD_EM = 0.9;
    static final double TOOLBAR_ROW_EM = 2.5;
    /** The toolbar's groups side by side (Run, Stop, start method, limit, notes, status), em. */
    static final double TOOLBAR_WIDTH_EM = 52;
    /** One row of the timeline's bar, em, and its groups side by side (replay, zoom, export), em. */
    static final double BAR_ROW_EM = 2.8;
    static final double BAR_WIDTH_EM = 40;
    /** The timeline's axis band ({@code 0.85 em} labels, 2.3 times their size) and one lane, em. */
    static final double AXIS_EM = 2.0;
    static final double LANE_EM = 2.9;
    /** A pane's title row, a table row, a console line, a split's divider, em. */
    static final double TITLE_EM = 2.4;
    static final double TABLE_ROW_EM = 2.2;
    static final double CONSOLE_LINE_EM = 1.9;
    static final double DIVIDER_EM = 0.4;
    /** Borders, room under the last lane and the lists' insets, px. */
    static final double FIXED_PX = 30;
    /** The timeline's lane titles column and the least plot beside it, em. */
    static final double TIMELINE_WIDTH_EM = 15 + 8;
    /** The header's buttons, brand and the least of the title, em. */
    static final double HEADER_WIDTH_EM = 30;
    /** A vertical scroll bar and the table's borders, px. */
    static final double SCROLL_BAR_PX = 20;
    /** Below this width (em) the lesson list hides itself ({@code LessonListVisibility.NARROW_WINDOW_EM}). */
    static final double LIST_SHOWN_EM = 84;
    /** The run side's share of the window with the list (list, page, run side) and without it (page, run side). */
    static final double RUN_SIDE_WITH_LIST = 0.57;
    static final double RUN_SIDE_WITHOUT_LIST = 0.66;

    /** The lanes the timeline must show whole: lesson 2's three in presenter mode, two otherwise. */
    public static int lanes(boolean presenter) {
        return presenter ? 3 : 2;
    }

    /** The console's last lines and the table's rows that must show: three in presenter mode, two otherwise. */
    public static int rows(boolean presenter) {
        return presenter ? 3 : 2;
    }

    private ScaleLimits() {
    }

    /**
     * The largest text size, px (to half a px), at which a {@code width} × {@code height} px window holds its layout;
     * {@link #SMALLEST_PX} when not even that fits. An unknown size (0 or less) holds any.
     */
    public static double largestPx(double width, double height, boolean presenter) {
        if (width <= 0 || height <= 0) {
            return LARGEST_PX;
        }
        for (double px = LARGEST_PX; px > SMALLEST_PX; px -= 0.5) {
            if (fits(width, height, px, presenter)) {
                return px;
            }
        }
        return SMALLEST_PX;
    }

    /** True when a {@code width} × {@code height} px window holds its layout with text of {@code px} px. */
    public static boolean fits(double width, double height, double px, boolean presenter) {
        double side = runSideWidth(width, px, presenter);
        if (side < IMPORTANT_COLUMNS_EM * px + SCROLL_BAR_PX || side < TIMELINE_WIDTH_EM * px
                || width < HEADER_WIDTH_EM * px) {
            return false;
        }
        return height >= neededHeight(side, px, presenter);
    }

    /** The run side's width, px: the whole window in presenter mode (the page folded to its divider). */
    static double runSideWidth(double width, double px, boolean presenter) {
        if (presenter) {
            return width - 2 * DIVIDER_EM * px;
        }
        return width * (width >= LIST_SHOWN_EM * px ? RUN_SIDE_WITH_LIST : RUN_SIDE_WITHOUT_LIST);
    }

    /** The window's height the layout needs on a run side {@code side} px wide, px. */
    static double neededHeight(double side, double px, boolean presenter) {
        double toolbarRows = rows(TOOLBAR_WIDTH_EM * px, side);
        double barRows = rows(BAR_WIDTH_EM * px, side);
        int rows = rows(presenter);
        double table = DIVIDER_EM + TITLE_EM + TABLE_ROW_EM + rows * TABLE_ROW_EM;   // its title, header and rows
        double console = DIVIDER_EM + TITLE_EM + rows * CONSOLE_LINE_EM;
        double em = HEADER_EM + CARD_EM + TOOLBAR_PAD_EM + toolbarRows * TOOLBAR_ROW_EM + barRows * BAR_ROW_EM
                + AXIS_EM + lanes(presenter) * LANE_EM
                // presenter mode shows the console or the table (the taller), the desk both
                + (presenter ? Math.max(table, console) : table + console);
        return em * px + FIXED_PX;
    }

    /** How many rows groups {@code need} px wide side by side take in {@code room} px (they wrap). */
    private static double rows(double need, double room) {
        return Math.max(1, Math.ceil(need / Math.max(1, room)));
    }
}
