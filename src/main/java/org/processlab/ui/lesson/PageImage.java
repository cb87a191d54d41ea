package org.processlab.ui.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

import org.processlab.lesson.LessonFiles;

/**
 * An image of a lesson page: drawn from a file in the lesson's folder ({@link LessonFiles}' rule), as wide as it is
 * or as the page, whichever is less (never scaled up); anything else (a URL, a path out of the folder, a missing or
 * unreadable file, a file that is no image) is its alt text in a frame, with the reason below. The file is read from
 * disk as bytes: no URL is handed to JavaFX, so nothing is ever fetched.
 *
 * <p>Threading: FX thread only.
 */
final class PageImage extends Region {
    /** The largest image file a page draws, bytes. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final ImageView view;
    private final double width;
    private final double height;

    private PageImage(Image image) {
        view = new ImageView(image);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        width = image.getWidth();
        height = image.getHeight();
        getChildren().add(view);
        getStyleClass().add("md-image");
    }

    /**
     * The image {@code destination} names in {@code folder} (null: the page has no folder, so nothing is drawn), or
     * its alt text in a frame.
     */
    static Node of(String destination, String alt, Path folder) {
        String shownAlt = alt == null || alt.isBlank() ? "(an image with no description)" : alt.strip();
        if (folder == null) {
            return altFrame(shownAlt, "Not shown: this page has no lesson folder to take '" + destination + "' from.");
        }
        LessonFiles.Lookup found = LessonFiles.find(folder, destination);
        if (found instanceof LessonFiles.Refused r) {
            return altFrame(shownAlt, "Not shown: " + r.message() + ".");
        }
        Path file = ((LessonFiles.Found) found).file();
        try {
            if (Files.size(file) > MAX_BYTES) {
                return altFrame(shownAlt, "Not shown: '" + destination + "' is larger than " + MAX_BYTES / (1024 * 1024)
                        + " MiB.");
            }
            Image image;
            try (InputStream in = Files.newInputStream(file)) {
                image = new Image(in);
            }
            if (image.isError() || image.getWidth() <= 0 || image.getHeight() <= 0) {
                return altFrame(shownAlt, "Not shown: '" + destination
                        + "' is not an image ProcessLab can draw (PNG, JPEG, GIF or BMP).");
            }
            PageImage p = new PageImage(image);
            p.setAccessibleText(shownAlt);
            return p;
        } catch (IOException e) {
            return altFrame(shownAlt, "Not shown: '" + destination + "' cannot be read (" + e.getMessage() + ").");
        }
    }

    private static Node altFrame(String alt, String why) {
        Label text = new Label(alt, new FontIcon(MaterialDesignI.IMAGE_BROKEN_VARIANT));
        text.getStyleClass().add("md-image-alt-text");
        text.setWrapText(true);
        Label reason = new Label(why);
        reason.getStyleClass().add("md-image-alt-why");
        reason.setWrapText(true);
        VBox frame = new VBox(text, reason);
        frame.getStyleClass().add("md-image-alt");
        frame.setMinWidth(0);
        frame.setMaxWidth(Double.MAX_VALUE);
        return frame;
    }

    /** The view that draws the image. */
    ImageView view() {
        return view;
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double h) {
        return snappedLeftInset() + width + snappedRightInset();
    }

    @Override
    protected double computeMinWidth(double h) {
        return snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double w) {
        return snappedTopInset() + drawnWidth(w) * height / width + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double w) {
        return computePrefHeight(w);
    }

    private double drawnWidth(double outer) {
        return outer < 0 ? width : Math.max(0, Math.min(width, outer - snappedLeftInset() - snappedRightInset()));
    }

    @Override
    protected void layoutChildren() {
        double w = drawnWidth(getWidth());
        view.setFitWidth(w);
        view.setFitHeight(w * height / width);
        view.relocate(snappedLeftInset(), snappedTopInset());
    }
}
