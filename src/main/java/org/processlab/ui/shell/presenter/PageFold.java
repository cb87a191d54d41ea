package org.processlab.ui.shell.presenter;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Region;

/**
 * Folds the lesson page to the left edge of the window's split and unfolds it where it was: folded, the page is
 * hidden and the divider before the run side goes to the divider before the page (or the window's edge), so the
 * run side has the room; the divider stays, so the page can also be dragged back with the mouse. While folded, the
 * page stays folded when the window is resized or the lesson list comes and goes (a split keeps its dividers' shares,
 * and the list's return places them again).
 *
 * <p>Threading: FX thread only; {@code folded} and {@code unfoldedAt} are written there.
 */
public final class PageFold {
    private final SplitPane split;
    private final Region page;
    /** Where the divider before the run side was before the page was folded (a fraction of the split's width). */
    private double unfoldedAt = -1;
    private boolean folded;

    /**
     * @param split the window's split: (the lesson list,) the page, the run side
     * @param page  the lesson page, one of the split's items
     * @param shown true while the page is to be shown
     */
    public PageFold(SplitPane split, Region page, ObservableBooleanValue shown) {
        this.split = split;
        this.page = page;
        shown.addListener((o, was, show) -> fold(!show));
        split.widthProperty().addListener(o -> keepFolded());
        split.getItems().addListener((javafx.collections.ListChangeListener<Object>) c -> keepFolded());
        if (!shown.get()) {
            fold(true);
        }
    }

    private void keepFolded() {
        int i = split.getItems().indexOf(page);
        if (folded && i >= 0 && i < split.getDividers().size()) {
            double[] d = split.getDividerPositions();
            split.setDividerPosition(i, i > 0 ? d[i - 1] : 0);
        }
    }

    private void fold(boolean fold) {
        int i = split.getItems().indexOf(page);
        if (i < 0 || i >= split.getDividers().size() || fold == folded) {
            return;
        }
        folded = fold;
        double[] d = split.getDividerPositions();
        if (fold) {
            unfoldedAt = d[i];
            page.setMinWidth(0);
            page.setVisible(false);
            split.setDividerPosition(i, i > 0 ? d[i - 1] : 0);
        } else {
            page.setMinWidth(Region.USE_COMPUTED_SIZE);
            page.setVisible(true);
            double left = i > 0 ? d[i - 1] : 0;
            split.setDividerPosition(i, unfoldedAt > left ? unfoldedAt : left + (1 - left) / 3);
        }
    }
}
