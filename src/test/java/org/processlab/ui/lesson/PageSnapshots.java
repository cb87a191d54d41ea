package org.processlab.ui.lesson;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

import org.testfx.util.WaitForAsyncUtils;

import atlantafx.base.theme.PrimerLight;

/**
 * Lays out a part of a lesson page alone, styled as in the window (Primer Light, lesson.css, a root text size), and
 * saves a PNG of it under target/screenshots.
 */
final class PageSnapshots {
    private PageSnapshots() {
    }

    /** A scene {@code width} x {@code height} px around {@code content}, laid out with the window's styles. */
    static Scene scene(Parent content, double width, double height, double em) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        StackPane root = new StackPane(content);
        root.setStyle("-fx-font-size: " + em + "px; -fx-background-color: -color-bg-default; -fx-padding: 12;");
        root.getStylesheets().add(PageSnapshots.class.getResource("/org/processlab/ui/lesson/lesson.css")
                .toExternalForm());
        javafx.scene.layout.StackPane.setAlignment(content, javafx.geometry.Pos.TOP_LEFT);
        Scene scene = new Scene(root, width, height);
        root.applyCss();
        root.layout();
        return scene;
    }

    /** Saves a PNG of {@code scene} as target/screenshots/{@code name}.png; call on the FX thread. */
    static Path save(Scene scene, String name) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return write(scene.snapshot(null), name);
    }

    private static Path write(WritableImage img, String name) {
        BufferedImage buf = SwingFXUtils.fromFXImage(img, null);
        Path dir = Path.of(System.getProperty("processlab.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(buf, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Saves a PNG of {@code node} (laid out in its scene) as target/screenshots/{@code name}.png; FX thread. */
    static Path save(javafx.scene.Node node, String name) {
        node.getScene().getRoot().applyCss();
        node.getScene().getRoot().layout();
        javafx.scene.SnapshotParameters white = new javafx.scene.SnapshotParameters();
        white.setFill(javafx.scene.paint.Color.WHITE);
        return write(node.snapshot(white, null), name);
    }

    /** Runs {@code c} on the FX thread and returns what it gives. */
    static <T> T fx(java.util.concurrent.Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(60, TimeUnit.SECONDS);
    }
}
