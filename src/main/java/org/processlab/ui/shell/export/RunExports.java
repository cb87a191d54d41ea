package org.processlab.ui.shell.export;

import java.io.ByteArrayOutputStream;
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
 * {@link ChromeTrace}), the timeline as a PNG or as an SVG (a vector picture for slides), and the whole window as a
 * PNG. Each file is written to a temporary file beside the target and moved into place, so a reader never sees half
 * a file.
 *
 * <p>Threading: {@link #timelineImage}, {@link #timelineSvg} and {@link #windowImage} on the FX thread (they draw the
 * nodes); {@link #writeTrace}, {@link #writePng} and {@link #writeBytes} on any thread (the window calls them in the
 * background). Errors are {@link IOException}s.
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
        try (OutputStream out = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW)) {
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

    /**
     * The timeline as an SVG document (UTF-8), as {@link Timeline#writeSvg} draws it: what it shows now, every lane.
     * FX thread.
     *
     * @throws IOException when the picture cannot be written
     */
    public static byte[] timelineSvg(Timeline timeline) throws IOException {
        layOut(timeline);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        timeline.writeSvg(out);
        return out.toByteArray();
    }

    /**
     * A picture of the whole window (its scene's root, without the desktop's frame), {@code scale} times its size:
     * every control is drawn again at that scale (text and icons are vectors), and the timeline's lanes are drawn
     * with {@code scale} times as many pixels for it ({@link Timeline#drawnAt}), so the picture is sharp all over.
     * The window on the screen does not change: all of it happens before the next frame is shown. FX thread.
     */
    public static WritableImage windowImage(Node root, Timeline timeline, double scale) {
        layOut(root);
        timeline.redrawNow();
        return timeline.drawnAt(scale, () -> snapshot(root, scale));
    }

    /** Lays the whole scene of {@code node} out, so that what is pending is drawn. */
    private static void layOut(Node node) {
        javafx.scene.Parent root = node.getScene() != null ? node.getScene().getRoot()
                : node instanceof javafx.scene.Parent p ? p : null;
        if (root != null) {
            root.applyCss();
            root.layout();
        }
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

    /** Writes {@code bytes} (a document made on the FX thread) to {@code file}. Any thread. */
    public static void writeBytes(byte[] bytes, Path file) throws IOException {
        Path tmp = temp(file);
        try {
            Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * A name beside {@code file} that no file has yet. Not made here: a file made by {@code createTempFile} is the
     * owner's only, and an export (a slide, a trace to share) should get the permissions any new file gets.
     */
    private static Path temp(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return dir.resolve("." + file.getFileName() + "."
                + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()) + ".part");
    }
}
