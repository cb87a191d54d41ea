/**
 * Presenter mode and the window's one scale: {@link org.processlab.ui.shell.presenter.PresenterViewModel} (the
 * mode, the folded page, table or console, kept in the person's settings), {@link
 * org.processlab.ui.shell.presenter.ScaleViewModel} (the text size every size in the window follows), {@link
 * org.processlab.ui.shell.presenter.ScaleLimits} (how large the window can hold it, pure arithmetic), {@link
 * org.processlab.ui.shell.presenter.IconSizes} (the icons at a scale) and {@link
 * org.processlab.ui.shell.presenter.PageFold} (the lesson page folded to the edge) and {@link
 * org.processlab.ui.shell.presenter.PresenterStage} (the stage full screen).
 */
package org.processlab.ui.shell.presenter;
