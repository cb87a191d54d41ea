package org.processlab.ui.shell.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.image.Image;

import org.processlab.model.RunModel;
import org.processlab.store.FileNames;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.shell.presenter.ScaleLimits;
import org.processlab.ui.shell.presenter.ScaleViewModel;

/**
 * The export room's state and rules: what an export's file is called ({@code 03-process-ids-20261130-072953
 * .trace.json}), where it goes without a file dialog ({@value RunExports#EXPORT_DIR_PROPERTY}), the scale of a
 * picture of the window for slides ({@link #presenterScale}), writing it in the background ({@link RunExports}), and
 * the note that says where it went or why it failed.
 *
 * <p>Threading: UI thread only; {@code note} is written there (by the executor's hand-back). The files are written
 * by the {@link TaskExecutor}'s background work.
 */
public final class ExportViewModel {
    /**
     * What the note over the timeline says after an export.
     *
     * @param text   {@code Trace saved: NAME} or {@code Export failed: WHY}
     * @param detail the file's whole path, or the error, for the note's tooltip
     * @param failed true when the export failed
     */
    public record Note(String text, String detail, boolean failed) {
    }

    private final TaskExecutor tasks;
    private final Supplier<RunModel> run;
    private final ObservableStringValue lessonId;
    private final Supplier<LocalDateTime> clock;
    private final ReadOnlyObjectWrapper<Note> note = new ReadOnlyObjectWrapper<>(this, "note");

    /**
     * @param tasks    where the files are written
     * @param run      the current run's model, or null when there is none
     * @param lessonId the lesson of the current (or last) run, for file names
     * @param clock    the local time, for file names
     */
    public ExportViewModel(TaskExecutor tasks, Supplier<RunModel> run, ObservableStringValue lessonId,
                           Supplier<LocalDateTime> clock) {
        this.tasks = tasks;
        this.run = run;
        this.lessonId = lessonId;
        this.clock = clock;
    }

    /** The folder of {@value RunExports#EXPORT_DIR_PROPERTY}, or null when exports ask where to save. */
    public static Path exportDir() {
        String d = System.getProperty(RunExports.EXPORT_DIR_PROPERTY);
        return d == null || d.isBlank() ? null : Path.of(d);
    }

    /** {@code 03-process-ids-20261130-072953}: the name (without extension) of an export of the run now. */
    String baseName() {
        return FileNames.safe(lessonId.get(), "run") + "-" + FileNames.stampSeconds(clock.get());
    }

    /** The trace file's name: {@code 03-process-ids-20261130-072953.trace.json}. */
    public String traceFileName() {
        return baseName() + ".trace.json";
    }

    /** The picture's name: {@code 03-process-ids-20261130-072953-timeline.png}. */
    public String pngFileName() {
        return baseName() + "-timeline.png";
    }

    /** The timeline's vector picture's name: {@code 03-process-ids-20261130-072953-timeline.svg}. */
    public String svgFileName() {
        return baseName() + "-timeline.svg";
    }

    /** The window's picture's name: {@code 03-process-ids-20261130-072953-window.png}. */
    public String windowPngFileName() {
        return baseName() + "-window.png";
    }

    /**
     * How many times its size on the screen a picture of the window is made for a slide: the text size presenter
     * mode would draw at on a {@code screenWidth} × {@code screenHeight} px screen (with no size chosen: the largest
     * its layout holds there, {@link ScaleLimits#largestPx}) over the window's text size now, {@code textPx}; never
     * below 1 (a window already at that size, in presenter mode, is pictured as it is).
     */
    public static double presenterScale(double screenWidth, double screenHeight, double textPx) {
        double presenterPx = Math.max(ScaleViewModel.DEFAULT_PX, ScaleLimits.largestPx(screenWidth, screenHeight, true));
        return textPx > 0 ? Math.max(1, presenterPx / textPx) : 1;
    }

    /** True when there is a run to export. */
    public boolean hasRun() {
        return run.get() != null;
    }

    /** Writes the run as it is now as a Chrome trace to {@code target}, in the background; nothing without a run. */
    public void exportTrace(Path target) {
        RunModel m = run.get();
        if (m == null) {
            return;
        }
        write("Trace saved: ", target, () -> RunExports.writeTrace(m, target));
    }

    /** Writes {@code image} (the timeline, drawn on the FX thread) as a PNG to {@code target}, in the background. */
    public void exportPng(Image image, Path target) {
        write("Timeline saved: ", target, () -> RunExports.writePng(image, target));
    }

    /** Writes {@code svg} (the timeline's picture, made on the FX thread) to {@code target}, in the background. */
    public void exportSvg(byte[] svg, Path target) {
        write("Timeline saved: ", target, () -> RunExports.writeBytes(svg, target));
    }

    /** Writes {@code image} (the window, drawn on the FX thread) as a PNG to {@code target}, in the background. */
    public void exportWindowPng(Image image, Path target) {
        write("Window saved: ", target, () -> RunExports.writePng(image, target));
    }

    /** Says that an export failed before anything was written ({@code why}: the error). */
    public void failed(Exception why) {
        note.set(new Note("Export failed: " + why.getMessage(), String.valueOf(why), true));
    }

    /** Something that writes a file. */
    @FunctionalInterface
    private interface FileWrite {
        void write() throws IOException;
    }

    private void write(String saved, Path target, FileWrite w) {
        tasks.run(() -> {
            try {
                w.write();
                return target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, p -> note.set(new Note(saved + p.getFileName(), p.toAbsolutePath().toString(), false)), e -> {
            Throwable c = e instanceof UncheckedIOException u ? u.getCause() : e;
            note.set(new Note("Export failed: " + c.getMessage(), String.valueOf(c), true));
        });
    }

    /**
     * The note after the latest export, or null before any. Each export sets a new note object, also when its text
     * is the same as the last one's (the view shows it again).
     */
    public ReadOnlyObjectProperty<Note> noteProperty() {
        return note.getReadOnlyProperty();
    }
}
