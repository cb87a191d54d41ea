package org.processlab.ui;

import java.io.File;
import java.util.List;
import java.util.Set;

import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.util.Pair;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;

/**
 * A drag's clipboard holding files, for a synthetic {@link javafx.scene.input.DragEvent}: Monocle cannot make a real
 * drag from another application, so a test fires the events a drop brings with a {@link Dragboard} over this.
 */
final class FileClipboard implements TKClipboard {
    private final List<File> files;

    private FileClipboard(List<File> files) {
        this.files = files;
    }

    /** A dragboard holding {@code files}, as one dragged from a file manager. */
    static Dragboard of(File... files) {
        return DragboardHelper.createDragboard(new FileClipboard(List.of(files)));
    }

    @Override
    @SuppressWarnings("removal")
    public void setSecurityContext(java.security.AccessControlContext ctx) {
    }

    @Override
    public Set<DataFormat> getContentTypes() {
        return Set.of(DataFormat.FILES);
    }

    @Override
    @SafeVarargs
    public final boolean putContent(Pair<DataFormat, Object>... content) {
        return false;
    }

    @Override
    public Object getContent(DataFormat format) {
        return DataFormat.FILES.equals(format) ? files : null;
    }

    @Override
    public boolean hasContent(DataFormat format) {
        return DataFormat.FILES.equals(format);
    }

    @Override
    public Set<TransferMode> getTransferModes() {
        return Set.of(TransferMode.COPY, TransferMode.MOVE, TransferMode.LINK);
    }

    @Override
    public void setDragView(Image image) {
    }

    @Override
    public void setDragViewOffsetX(double x) {
    }

    @Override
    public void setDragViewOffsetY(double y) {
    }

    @Override
    public Image getDragView() {
        return null;
    }

    @Override
    public double getDragViewOffsetX() {
        return 0;
    }

    @Override
    public double getDragViewOffsetY() {
        return 0;
    }
}
