package org.processlab.ui.shell.file;

import javafx.scene.Node;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;

/**
 * A file dragged onto the window opens as the person's own program, or as a saved run for a {@code .json}
 * ({@link FileViewModel#open}): anywhere in the
 * window, the editor and text fields too (the handlers are event filters, so a control that takes dropped text does
 * not swallow a file). Any one file is accepted while it is dragged over, so that dropping one that is not a program
 * says why (in the error banner) rather than showing a "no" cursor without a word; the window shows a dashed frame
 * meanwhile (style class {@code file-drop}). Several files dropped at once: the first opens.
 *
 * <p>Threading: FX thread only.
 */
public final class FileDrop {
    /** The style class the window wears while a file is dragged over it. */
    public static final String DRAGGING = "file-drop";

    private FileDrop() {
    }

    /** Makes {@code window} (the window's root) take files dropped on it, opening them with {@code vm}. */
    public static void install(Node window, FileViewModel vm) {
        window.addEventFilter(DragEvent.DRAG_OVER, e -> {
            if (hasFiles(e.getDragboard())) {
                e.acceptTransferModes(TransferMode.COPY_OR_MOVE);
                if (!window.getStyleClass().contains(DRAGGING)) {
                    window.getStyleClass().add(DRAGGING);
                }
                e.consume();
            }
        });
        window.addEventHandler(DragEvent.DRAG_EXITED, e -> window.getStyleClass().remove(DRAGGING));
        window.addEventFilter(DragEvent.DRAG_DROPPED, e -> {
            if (!hasFiles(e.getDragboard())) {
                return;
            }
            window.getStyleClass().remove(DRAGGING);
            vm.open(e.getDragboard().getFiles().get(0).toPath());
            e.setDropCompleted(true);
            e.consume();
        });
    }

    private static boolean hasFiles(Dragboard board) {
        return board != null && board.hasFiles() && !board.getFiles().isEmpty();
    }
}
