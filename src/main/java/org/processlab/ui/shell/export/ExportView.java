package org.processlab.ui.shell.export;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.Window;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

import org.processlab.ui.timeline.Timeline;

/**
 * The export room's two controls: the Export menu (the run as a Chrome trace for Perfetto, the timeline as a PNG at
 * twice its size or as an SVG for slides, the whole window as a PNG at the scale of presenter mode) and the note that floats over the timeline for {@link #NOTE_SECONDS} seconds to say where a file
 * went. Exports ask where to save with a file dialog, unless {@value RunExports#EXPORT_DIR_PROPERTY} names a folder.
 * Names, writing and the note's text are the {@link ExportViewModel}'s.
 *
 * <p>Threading: FX thread only.
 */
public final class ExportView {
    /** How long the note stays. */
    static final double NOTE_SECONDS = 8;

    private final ExportViewModel vm;
    private final Timeline timeline;
    private final ObservableDoubleValue textPx;
    private final MenuButton menu = new MenuButton("Export");
    private final Label note = new Label();
    private final PauseTransition noteTimeout = new PauseTransition(Duration.seconds(NOTE_SECONDS));

    /**
     * The export controls over {@code vm}; the timeline's pictures are of {@code timeline}, and the window's picture
     * is scaled from its text size now, {@code textPx} (px per em).
     */
    public ExportView(ExportViewModel vm, Timeline timeline, ObservableDoubleValue textPx) {
        this.vm = vm;
        this.timeline = timeline;
        this.textPx = textPx;
        menu.setId("exportMenu");
        menu.setGraphic(new FontIcon(MaterialDesignE.EXPORT));
        menu.getStyleClass().add("small");
        menu.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem trace = new MenuItem("Save trace (Perfetto)…", new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
        trace.setId("exportTrace");
        trace.setOnAction(e -> exportTrace());
        MenuItem png = new MenuItem("Save timeline PNG…", new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
        png.setId("exportPng");
        png.setOnAction(e -> exportTimelinePng());
        MenuItem svg = new MenuItem("Timeline as SVG…", new FontIcon(MaterialDesignV.VECTOR_SQUARE));
        svg.setId("exportSvg");
        svg.setOnAction(e -> exportTimelineSvg());
        MenuItem window = new MenuItem("Window as PNG (presenter scale)…", new FontIcon(MaterialDesignM.MONITOR_SCREENSHOT));
        window.setId("exportWindowPng");
        window.setOnAction(e -> exportWindowPng());
        menu.getItems().setAll(trace, png, svg, window);
        menu.disableProperty().bind(timeline.snapshotProperty().isNull());
        menu.setTooltip(new Tooltip("Save the run as a Chrome trace (open it at ui.perfetto.dev), the timeline as a "
                + "picture or as a vector picture for slides (SVG), or the whole window as a picture"));

        note.setId("exportMessage");
        note.getStyleClass().add("export-message");
        note.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        note.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE));
        note.setVisible(false);
        noteTimeout.setOnFinished(e -> note.setVisible(false));
        // every export brings a new note object, also one with the same text: each is shown for its full time
        vm.noteProperty().addListener((Observable o) -> show(vm.noteProperty().get()));
    }

    /** Saves the run as Chrome Trace Event JSON, where the user says (or to the export folder). */
    public void exportTrace() {
        if (!vm.hasRun()) {
            return;
        }
        Path target = target(vm.traceFileName(), "Save the run as a trace (open it at ui.perfetto.dev)",
                "Chrome trace JSON", "*.json");
        if (target != null) {
            vm.exportTrace(target);
        }
    }

    /** Saves the timeline as a PNG, twice its size on screen (sharp on a projector or a slide). */
    public void exportTimelinePng() {
        if (timeline.getSnapshot() == null) {
            return;
        }
        WritableImage img = RunExports.timelineImage(timeline, 2);
        Path target = target(vm.pngFileName(), "Save the timeline as a picture", "PNG image", "*.png");
        if (target != null) {
            vm.exportPng(img, target);
        }
    }

    /**
     * Saves the timeline as an SVG: what it shows now (its width, zoom, cursor and colours), with every lane, each
     * text an SVG text a slide tool can edit.
     */
    public void exportTimelineSvg() {
        if (timeline.getSnapshot() == null) {
            return;
        }
        byte[] svg;
        try {
            svg = RunExports.timelineSvg(timeline);
        } catch (IOException | RuntimeException e) {
            vm.failed(e);
            return;
        }
        Path target = target(vm.svgFileName(), "Save the timeline as a vector picture (for slides)", "SVG image",
                "*.svg");
        if (target != null) {
            vm.exportSvg(svg, target);
        }
    }

    /**
     * Saves the whole window as a PNG at the scale presenter mode would draw it at on this screen
     * ({@link ExportViewModel#presenterScale}): the window as it is, every part drawn again larger, so it is sharp on
     * a slide. The window itself does not change.
     */
    public void exportWindowPng() {
        Scene scene = menu.getScene();
        if (scene == null) {
            return;
        }
        Window w = scene.getWindow();
        Rectangle2D screen = Screen.getScreensForRectangle(w.getX(), w.getY(), w.getWidth(), w.getHeight()).stream()
                .findFirst().orElse(Screen.getPrimary()).getBounds();
        double scale = ExportViewModel.presenterScale(screen.getWidth(), screen.getHeight(), textPx.get());
        // the note of an earlier export floats over the timeline: it is no part of a slide
        boolean noteShown = note.isVisible();
        note.setVisible(false);
        WritableImage img;
        try {
            img = RunExports.windowImage(scene.getRoot(), timeline, scale);
        } finally {
            note.setVisible(noteShown);
        }
        Path target = target(vm.windowPngFileName(), "Save the window as a picture (for slides)", "PNG image",
                "*.png");
        if (target != null) {
            vm.exportWindowPng(img, target);
        }
    }

    /** Where to write {@code name}: in the export folder if one is set, else where a file dialog says (or null). */
    private Path target(String name, String title, String kind, String pattern) {
        Path dir = ExportViewModel.exportDir();
        if (dir != null) {
            return dir.resolve(name);
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        Path home = Path.of(System.getProperty("user.home"));
        if (Files.isDirectory(home)) {
            chooser.setInitialDirectory(home.toFile());
        }
        File f = chooser.showSaveDialog(menu.getScene() == null ? null : menu.getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private void show(ExportViewModel.Note n) {
        if (n == null) {
            return;
        }
        if (n.failed()) {
            if (!note.getStyleClass().contains("error")) {
                note.getStyleClass().add("error");
            }
        } else {
            note.getStyleClass().remove("error");
        }
        note.setGraphic(new FontIcon(n.failed() ? MaterialDesignA.ALERT_CIRCLE : MaterialDesignC.CHECK_CIRCLE));
        note.setText(n.text());
        note.setTooltip(new Tooltip(n.detail()));
        note.setVisible(true);
        noteTimeout.playFromStart();
    }

    /** The Export menu (for the timeline's bar). */
    public MenuButton menu() {
        return menu;
    }

    /** The note (for the corner over the timeline). */
    public Label note() {
        return note;
    }
}
