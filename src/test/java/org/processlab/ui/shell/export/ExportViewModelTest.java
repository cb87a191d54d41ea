package org.processlab.ui.shell.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import javafx.beans.property.SimpleStringProperty;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.shell.presenter.ScaleLimits;
import org.processlab.ui.shell.presenter.ScaleViewModel;

/** Export names, writing a trace in the background, and the note that says where it went. No toolkit. */
class ExportViewModelTest {
    @TempDir
    Path dir;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private final AtomicReference<RunModel> run = new AtomicReference<>();
    private final SimpleStringProperty lessonId = new SimpleStringProperty("03-process ids");
    private final ExportViewModel vm = new ExportViewModel(ui, run::get, lessonId,
            () -> LocalDateTime.of(2026, 11, 30, 7, 29, 53));

    @Test
    void filesAreNamedAfterTheLessonAndTheMoment() {
        assertThat(vm.traceFileName()).isEqualTo("03-process_ids-20261130-072953.trace.json");
        assertThat(vm.pngFileName()).isEqualTo("03-process_ids-20261130-072953-timeline.png");
        assertThat(vm.svgFileName()).isEqualTo("03-process_ids-20261130-072953-timeline.svg");
        assertThat(vm.windowPngFileName()).isEqualTo("03-process_ids-20261130-072953-window.png");
        lessonId.set(null);
        assertThat(vm.traceFileName()).isEqualTo("run-20261130-072953.trace.json");
    }

    @Test
    void aPictureOfTheWindowIsAtTheTextSizePresenterModeWouldDrawOnTheScreen() {
        double presenterPx = ScaleLimits.largestPx(1920, 1080, true);
        assertThat(presenterPx).as("a projector's screen holds larger text").isGreaterThan(ScaleViewModel.DEFAULT_PX);
        assertThat(ExportViewModel.presenterScale(1920, 1080, 15)).isEqualTo(presenterPx / 15);
        assertThat(ExportViewModel.presenterScale(1920, 1080, 15)).as("big enough for a slide").isGreaterThan(1.3);
        assertThat(ExportViewModel.presenterScale(1920, 1080, presenterPx)).as("already at that size").isEqualTo(1);
        assertThat(ExportViewModel.presenterScale(1920, 1080, presenterPx * 2)).as("never smaller").isEqualTo(1);
        assertThat(ExportViewModel.presenterScale(800, 600, 15)).as("a small screen: the desk's size at least")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void anSvgIsWrittenWholeAndTheNoteSaysWhere() throws Exception {
        Path target = dir.resolve(vm.svgFileName());
        vm.exportSvg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                target);
        assertThat(Files.readString(target)).startsWith("<svg");
        assertThat(vm.noteProperty().get().text()).isEqualTo("Timeline saved: " + target.getFileName());
        vm.failed(new java.io.IOException("no room"));
        assertThat(vm.noteProperty().get().text()).isEqualTo("Export failed: no room");
        assertThat(vm.noteProperty().get().failed()).isTrue();
    }

    @Test
    void aTraceIsWrittenWholeAndTheNoteSaysWhere() throws Exception {
        assertThat(vm.hasRun()).isFalse();
        vm.exportTrace(dir.resolve("none.json"));
        assertThat(dir.resolve("none.json")).as("no run, no file").doesNotExist();

        RunModel m = new RunModel();
        m.append(new RunEvent.RunStarted(1_000, "t", List.of("python3", "t.py"), null));
        m.append(new RunEvent.RootSpawned(1_001, 4242, 1));
        m.append(new RunEvent.RunEnded(2_000, 0));
        run.set(m);
        Path target = dir.resolve(vm.traceFileName());
        vm.exportTrace(target);

        assertThat(Files.readString(target)).contains("traceEvents");
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half-written file left")
                    .containsExactly(target.getFileName().toString());
        }
        ExportViewModel.Note note = vm.noteProperty().get();
        assertThat(note.failed()).isFalse();
        assertThat(note.text()).isEqualTo("Trace saved: " + target.getFileName());
        assertThat(note.detail()).isEqualTo(target.toAbsolutePath().toString());
    }

    @Test
    void aRunThatHasNotStartedCannotBeExportedAndTheNoteSaysWhy() {
        run.set(new RunModel());
        vm.exportTrace(dir.resolve("t.json"));
        ExportViewModel.Note note = vm.noteProperty().get();
        assertThat(note.failed()).isTrue();
        assertThat(note.text()).isEqualTo("Export failed: the run has not started: nothing to export");
        assertThat(dir.resolve("t.json")).doesNotExist();
    }

    @Test
    void theExportFolderComesFromItsSystemProperty() {
        System.setProperty(RunExports.EXPORT_DIR_PROPERTY, dir.toString());
        try {
            assertThat(ExportViewModel.exportDir()).isEqualTo(dir);
        } finally {
            System.clearProperty(RunExports.EXPORT_DIR_PROPERTY);
        }
        assertThat(ExportViewModel.exportDir()).isNull();
    }
}
