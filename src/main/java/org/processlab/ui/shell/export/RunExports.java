package org.processlab.ui.shell.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;

import org.processlab.export.ChromeTrace;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.timeline.Timeline;

/**
 * Writes what the window shows to files: the run as Chrome Trace Event JSON (Perfetto, chrome://tracing; see
 * {@link ChromeTrace}) and the timeline as a PNG. Each file is written to a temporary file beside the target and
 * moved into place, so a reader never sees half a file.
 *
 * <p>Threading: {@link #timelineImage} on the FX thread (it draws the node); {@link #writeTrace} and
 * {@link #writePng} on any thread (the window calls them in the background). Errors are {@link IOException}s.
 */
public final class RunExports {
    /** The system property naming a folder that exports go to without a file dialog (for tests and scripts). */
    public static final String EXPORT_DIR_PROPERTY = "processlab.exportDir";

    private RunExports() {
    }

    /** Writes {@code model}'s run as it is now as a Chrome trace to {@code file}. Any thread. */
    public static void writeTrace(RunModel model, Path file) throws IOException {
        RunSnapshot s = model.snapshot();
        if (s.startedAt() < 0) {
            throw new IOException("the run has not started: nothing to export");
        }
        Path tmp = temp(file);
        try (OutputStream out = Files.newOutputStream(tmp)) {
            ChromeTrace.write(s, model.output(), out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A picture of the timeline as it is drawn now, {@code scale} times its size on screen (2 for slides and
     * projectors). FX thread.
     */
    public static WritableImage timelineImage(Timeline timeline, double scale) {
        // lay the whole scene out first (the timeline's own size comes from its parents), then draw what is pending
        javafx.scene.Parent root = timeline.getScene() != null ? timeline.getScene().getRoot() : timeline;
        root.applyCss();
        root.layout();
        timeline.redrawNow();
        return snapshot(timeline, scale);
    }

    /** A picture of any node, {@code scale} times its size. FX thread. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        return node.snapshot(p, null);
    }

    /** Writes {@code image} as a PNG to {@code file}. Any thread. */
    public static void writePng(Image image, Path file) throws IOException {
        Path tmp = temp(file);
        try {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path temp(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return Files.createTempFile(dir, "." + file.getFileName(), ".part");
    }
}
