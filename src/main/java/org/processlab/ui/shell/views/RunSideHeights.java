package org.processlab.ui.shell.views;

/**
 * The run side's height arithmetic, in px: what the three run views need, where the split's two dividers go, and how
 * tall the prediction card above them may be. Numbers in, numbers out; no JavaFX. Sizes follow the text size
 * ({@code em}, px): the table's rows are 2.2 em, the console's lines 1.9 em, a pane's title 2.4 em.
 */
public final class RunSideHeights {
    /** Below this height the views are too short to be fitted: the split keeps its dividers. */
    static final double LEAST_FITTED = 150;

    private RunSideHeights() {
    }

    /**
     * What the three views need, in px: the timeline box (its bar, axis and lanes, with the legend when it fits) at
     * best and at least (bar, axis, two lanes); the table with its rows (3 to 8) and at least two; the console's
     * title and two lines.
     */
    public record Needs(double timelineBest, double timelineLeast, double tableBest, double tableLeast,
                        double consoleLeast) {
        /**
         * @param em           the text size, px
         * @param barHeight    the timeline bar's height
         * @param timelinePref the timeline's preferred height (its lanes)
         * @param timelineMin  the timeline's least height
         * @param tableRows    the rows the table has now
         */
        public static Needs of(double em, double barHeight, double timelinePref, double timelineMin, int tableRows) {
            double timelineBest = 4 + barHeight + timelinePref;
            double timelineLeast = Math.min(timelineBest, 4 + barHeight + timelineMin);
            int rows = Math.max(3, Math.min(8, tableRows));
            double tableHead = em * 2.2 + em * 2.4 + 8;
            return new Needs(timelineBest, timelineLeast, tableHead + rows * em * 2.2, tableHead + 2 * em * 2.2,
                    em * 2.4 + 2 * em * 1.9 + 8);
        }

        /** The least height of the three views with the split's dividers: two lanes, two rows, two lines. */
        public double least() {
            return timelineLeast + tableLeast + consoleLeast + 12;
        }
    }

    /**
     * Where the split's dividers go (as fractions of {@code height}) so that the timeline gets the height its lanes
     * need (between a quarter and 60 % of the views), the table room for its rows (at most up to 80 %), and the
     * console the rest. When the views are short (a small screen, large text), the table's title, header and two rows
     * and the console's title and two lines come before the timeline's room beyond its own least height.
     *
     * @return the two divider positions, or null when {@code height} is under {@link #LEAST_FITTED}
     */
    public static double[] dividers(Needs v, double height) {
        double h = height;
        if (h < LEAST_FITTED) {
            return null;
        }
        double tl = Math.max(Math.max(v.timelineLeast(), 0.25 * h), Math.min(0.6 * h, v.timelineBest()));
        tl = Math.max(v.timelineLeast(), Math.min(tl, h - v.tableLeast() - v.consoleLeast()));
        double tb = Math.max(0.12 * h, Math.min(v.tableBest(), 0.8 * h - tl));
        tb = Math.max(Math.min(tb, h - tl - v.consoleLeast()), Math.min(v.tableLeast(), h - tl));
        return new double[] {tl / h, (tl + tb) / h};
    }

    /**
     * Presenter mode's views: the timeline box over one view (the console, or the table). The timeline box gets
     * the larger part of the height (at least 60 %) and more when its lanes need it; the view under it keeps at
     * least {@code belowLeast} (the console's title and last three lines, or the table's title, header and three
     * rows) while the timeline keeps 60 %; on a shorter side (the reveal above it) that view gives way first.
     *
     * @param timelineAll the timeline box with all its lanes (bar, axis, lanes; no legend), px
     * @param belowLeast  the least height of the view under it, px
     * @param height      the views' height, px
     * @return the one divider's position, as a fraction of {@code height}; null when {@code height} is under
     *         {@link #LEAST_FITTED}
     */
    public static double[] presenterDivider(double timelineAll, double belowLeast, double height) {
        if (height < LEAST_FITTED) {
            return null;
        }
        // on a short side (the reveal above it) the timeline keeps 60 % and the view under it gives way first
        double tl = Math.min(Math.max(timelineAll, 0.6 * height), Math.max(height - belowLeast, 0.6 * height));
        return new double[] {Math.max(0, tl) / height};
    }

    /** In presenter mode, the least height of the console under the timeline: its title and three lines, px. */
    public static double presenterConsoleLeast(double em) {
        return em * 2.4 + 3 * em * 1.9 + 12;
    }

    /** In presenter mode, the least height of the table under the timeline: its title, header and three rows, px. */
    public static double presenterTableLeast(double em) {
        return em * 2.4 + em * 2.2 + 3 * em * 2.2 + 12;
    }

    /**
     * The most the prediction card may take of the run side. The reveal may be long: it scrolls (at most 27 % of the
     * side) rather than squeezing the table and the console away (after a run at 1440x900 they showed 1 row and 1
     * line at 38 %). On a short run side (1024x768, large text) it gets what the views leave above their least
     * height, down to its first line (the verdict; the rest scrolls). The question comes before any run, while the
     * views are empty: it may take up to 60 %, so every choice shows.
     *
     * @param sideHeight  the run side's height
     * @param em          the text size
     * @param above       the height of what sits between the card and the views (toolbar, error banner)
     * @param revealShown true after a run (the reveal), false before (the question)
     * @param viewsLeast  the views' least height ({@link Needs#least()}); not used before a run
     */
    public static double cardCap(double sideHeight, double em, double above, boolean revealShown, double viewsLeast) {
        double h = sideHeight;
        if (!revealShown) {
            // before a run the views are empty: they may shrink to little more than their titles
            return Math.max(2.6 * em, Math.min(0.6 * h, h - above - 8 * em));
        }
        return Math.max(2.6 * em, Math.min(0.27 * h, h - above - viewsLeast));
    }

    /**
     * In presenter mode, the most the prediction card may take of the run side, before and after a run: up to 60 %,
     * leaving the views at least their titles and a lane ({@code 8 em}). After a run the reveal is what the room reads
     * (the verdict, the explanation, what really happened): the views give way to it until it is hidden. With the
     * views' least height counted (every lane and three console lines at presenter size) it was cut to its verdict
     * and the top of the next line at 1920x1080.
     *
     * @param sideHeight the run side's height, px
     * @param em         the text size, px
     * @param above      the height of what sits between the card and the views (toolbar, error banner), px
     */
    public static double presenterCardCap(double sideHeight, double em, double above) {
        return Math.max(2.6 * em, Math.min(0.6 * sideHeight, sideHeight - above - 8 * em));
    }
}
