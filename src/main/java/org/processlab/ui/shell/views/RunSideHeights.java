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
     * What the three views need, px: the timeline box (its bar, axis and lanes) at best (every lane and the legend),
     * with three lanes (good) and at least (two lanes); the table's title and header with its rows (up to 8) at best,
     * four rows (good) and two at least; the console's title with five lines (good) and two at least.
     */
    public record Needs(double timelineBest, double timelineGood, double timelineLeast,
                        double tableBest, double tableGood, double tableLeast, double consoleGood,
                        double consoleLeast) {
        /** Table rows a run's views give room for when they can: a student reads the processes as a list. */
        static final int GOOD_ROWS = 4;
        /** Console lines a run's views give room for when they can: what a program just printed, in order. */
        static final int GOOD_LINES = 5;

        /**
         * @param em           the text size, px
         * @param barHeight    the timeline bar's height
         * @param timelinePref the timeline's preferred height (its lanes and its legend)
         * @param axisHeight   the timeline's axis band, px
         * @param laneHeight   one lane's height, px
         * @param tableRows    the rows the table has now
         */
        public static Needs of(double em, double barHeight, double timelinePref, double axisHeight, double laneHeight,
                               int tableRows) {
            double box = 4 + barHeight + axisHeight + 8;
            double best = 4 + barHeight + timelinePref;
            double tableHead = em * 2.2 + em * 2.4 + 8;
            double consoleHead = em * 2.4 + 8;
            return new Needs(best, Math.min(best, box + 3 * laneHeight), Math.min(best, box + 2 * laneHeight),
                    tableHead + Math.max(GOOD_ROWS, Math.min(8, tableRows)) * em * 2.2,
                    tableHead + GOOD_ROWS * em * 2.2, tableHead + 2 * em * 2.2,
                    consoleHead + GOOD_LINES * em * 1.9, consoleHead + 2 * em * 1.9);
        }

        /** The least height of the three views with the split's dividers: two lanes, two rows, two lines. */
        public double least() {
            return timelineLeast + tableLeast + consoleLeast + 12;
        }

        /** The height that gives each view its room, with the split's dividers: three lanes, four rows, five lines. */
        public double good() {
            return timelineGood + tableGood + consoleGood + 12;
        }
    }

    /**
     * Where the split's dividers go (as fractions of {@code height}). Each view first gets its least height (on a
     * short side the timeline keeps its own and the table and the console give way); then, in turn, the timeline
     * three lanes, the table four rows and the console five lines; then the timeline every lane and its legend
     * (between a quarter and 60 % of the views), the table its rows (up to 80 % with the timeline); the console gets
     * the rest. A laptop's run side (1440x900, the reveal above the views) had room for all of the second step, but
     * gave the timeline its legend and a quarter first, and showed two rows and two lines.
     *
     * @return the two divider positions, or null when {@code height} is under {@link #LEAST_FITTED}
     */
    public static double[] dividers(Needs v, double height) {
        double h = height;
        if (h < LEAST_FITTED) {
            return null;
        }
        double tl = v.timelineLeast();
        double tb = Math.max(0, Math.min(v.tableLeast(), h - tl));
        double spare = h - tl - tb - Math.min(v.consoleLeast(), h - tl - tb);
        double grow = upTo(Math.min(v.timelineGood(), 0.6 * h) - tl, spare);
        tl += grow;
        spare -= grow;
        grow = upTo(v.tableGood() - tb, spare);
        tb += grow;
        spare -= grow;
        spare -= upTo(v.consoleGood() - v.consoleLeast(), spare);
        grow = upTo(Math.max(0.25 * h, Math.min(v.timelineBest(), 0.6 * h)) - tl, spare);
        tl += grow;
        spare -= grow;
        tb += upTo(Math.min(v.tableBest(), 0.8 * h - tl) - tb, spare);
        return new double[] {tl / h, (tl + tb) / h};
    }

    /** What a view that wants {@code more} px gets of {@code spare}: between nothing and both. */
    private static double upTo(double more, double spare) {
        return Math.max(0, Math.min(more, spare));
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
     * The most the prediction card may take of the run side. The reveal may be long: it scrolls rather than squeezing
     * the table and the console away. It takes at most 27 % of the side, and no more than the views leave above their
     * good height ({@link Needs#good()}: three lanes, four rows, five lines), down to its verdict and the question
     * ({@link #REVEAL_LEAST_EM}); on a short run side (1024x768, large text) no more than the views leave above their
     * least height, down to its first line. The question comes before any run, while the views are empty: it may take
     * up to 60 %, so every choice shows.
     *
     * @param sideHeight  the run side's height
     * @param em          the text size
     * @param above       the height of what sits between the card and the views (toolbar, error banner)
     * @param revealShown true after a run (the reveal), false before (the question)
     * @param viewsLeast  the views' least height ({@link Needs#least()}); not used before a run
     * @param viewsGood   the views' good height ({@link Needs#good()}); not used before a run
     */
    public static double cardCap(double sideHeight, double em, double above, boolean revealShown, double viewsLeast,
                                 double viewsGood) {
        double h = sideHeight;
        if (!revealShown) {
            // before a run the views are empty: they may shrink to little more than their titles
            return Math.max(2.6 * em, Math.min(0.6 * h, h - above - 8 * em));
        }
        double leftAboveGood = Math.max(REVEAL_LEAST_EM * em, h - above - viewsGood);
        return Math.max(2.6 * em, Math.min(Math.min(0.27 * h, h - above - viewsLeast), leftAboveGood));
    }

    /** The reveal's least height where the views take their good height: its verdict and the question, in em. */
    static final double REVEAL_LEAST_EM = 7;

    /**
     * In presenter mode, the most the prediction card may take of the run side. Before a run (the question, the views
     * empty): up to 60 %, leaving the views their titles and a lane ({@code 8 em}). After a run the room reads the
     * reveal and the timeline together: the card takes at most 40 %, and leaves the views the timeline's title, axis
     * and three lanes and the console's title ({@link #PRESENTER_VIEWS_AFTER_RUN_EM}), but keeps its verdict and the
     * question ({@link #PRESENTER_REVEAL_LEAST_EM}); the explanation scrolls inside it. Taking 60 % after a run, it left a
     * projected 1920x1080 window no lane at all.
     *
     * @param sideHeight  the run side's height, px
     * @param em          the text size, px
     * @param above       the height of what sits between the card and the views (toolbar, error banner), px
     * @param revealShown true after a run (the reveal), false before (the question)
     */
    public static double presenterCardCap(double sideHeight, double em, double above, boolean revealShown) {
        if (!revealShown) {
            return Math.max(2.6 * em, Math.min(0.6 * sideHeight, sideHeight - above - 8 * em));
        }
        return Math.max(PRESENTER_REVEAL_LEAST_EM * em,
                Math.min(0.4 * sideHeight, sideHeight - above - PRESENTER_VIEWS_AFTER_RUN_EM * em));
    }

    /** What presenter mode's views keep under the reveal, in em: the timeline's title, axis and three lanes, the console's title and three lines. */
    static final double PRESENTER_VIEWS_AFTER_RUN_EM = 25;

    /** The reveal's least height in presenter mode, in em: its verdict, the question and "You said" (larger text, fewer lines). */
    static final double PRESENTER_REVEAL_LEAST_EM = 6;
}
