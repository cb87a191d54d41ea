package org.processlab.ui.shell.lessons;

/**
 * Where the main split's dividers go when the lesson list leaves it and comes back, as fractions of its width.
 * Numbers in, numbers out; no JavaFX. With the list, the split has two dividers (list | page | run side); without
 * it, one (page | run side).
 */
public final class ListShare {
    /** The run side keeps at least this share of the window when the list comes back (or its least width). */
    static final double RUN_SIDE_SHARE = 0.45;

    private ListShare() {
    }

    /** The one divider once the list has left: the page keeps its share of what the list and page had. */
    public static double pageShareWithoutList(double[] withList) {
        return (withList[1] - withList[0]) / (1 - withList[0]);
    }

    /**
     * The two dividers once the list comes back at its old share: the page keeps its width (it is what the person
     * reads) as far as the run side can give the list its room and keep {@link #RUN_SIDE_SHARE} of the window (or its
     * least width); where it cannot, the page and the run side give the list its room in proportion to their widths.
     *
     * @param listShare    the list's share before it left
     * @param withoutList  the dividers without the list (one; none: the page had a third)
     * @param width        the split's width, px (0 or less: unknown)
     * @param runSideLeast the run side's least width, px
     */
    public static double[] withList(double listShare, double[] withoutList, double width, double runSideLeast) {
        double pageShare = withoutList.length > 0 ? withoutList[0] : 0.33;
        double second = listShare + (1 - listShare) * pageShare;
        if (width > 0) {
            double runLeast = Math.max(RUN_SIDE_SHARE * width, runSideLeast + 8);
            second = Math.max(second, Math.min(listShare + pageShare, 1 - runLeast / width));
        }
        return new double[] {listShare, second};
    }
}
