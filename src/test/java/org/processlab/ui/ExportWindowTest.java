package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.shell.export.RunExports;

/**
 * Export from the window, through its Export menu: the run as Chrome Trace Event JSON (it parses, and every process
 * has its {@code process_name}) and the timeline as a PNG (it exists, is not empty, and is an image). The property
 * {@code processlab.exportDir} makes the actions write to a folder instead of asking with a file dialog.
 */
class ExportWindowTest {
    private final AppDriver app = new AppDriver();

    @TempDir
    Path home;

    @TempDir
    Path exports;

    @AfterEach
    void close() throws Exception {
        System.clearProperty(RunExports.EXPORT_DIR_PROPERTY);
        app.close();
    }

    @Test
    void theExportMenuSavesATraceWithEveryProcessAndAPngOfTheTimeline() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> app.shell().timeline().getSnapshot() != null
                && app.shell().timeline().getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
        RunSnapshot snap = app.fx(() -> app.vm().run().model().snapshot());
        System.setProperty(RunExports.EXPORT_DIR_PROPERTY, exports.toString());

        app.click("#exportMenu");
        app.robot.clickOn("Save trace (Perfetto)…");
        Path trace = waitForFile(".trace.json");
        JsonNode root = new ObjectMapper().readTree(trace.toFile());
        JsonNode events = root.path("traceEvents");
        assertThat(events.isArray()).isTrue();
        Set<Long> named = new HashSet<>();
        for (JsonNode e : events) {
            if ("process_name".equals(e.path("name").asText()) && "M".equals(e.path("ph").asText())) {
                named.add(e.path("pid").asLong());
                assertThat(e.path("args").path("name").asText()).contains("PID " + e.path("pid").asLong());
            }
        }
        List<Long> pids = snap.processes().stream().map(ProcessView::pid).toList();
        assertThat(named).as("a process_name per process").containsExactlyInAnyOrderElementsOf(pids);
        assertThat(events.findValuesAsText("name")).contains("running");

        app.click("#exportMenu");
        app.robot.clickOn("Save timeline PNG…");
        Path png = waitForFile("-timeline.png");
        assertThat(Files.size(png)).isPositive();
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img).isNotNull();
        double width = app.fx(() -> app.shell().timeline().getWidth());
        assertThat((double) img.getWidth()).as("twice the size on screen").isCloseTo(width * 2,
                org.assertj.core.data.Offset.offset(2.0));
        app.waitFor("the bar to say where it went", Duration.ofSeconds(10), () -> {
            javafx.scene.control.Label l = (javafx.scene.control.Label) app.robot.lookup("#exportMessage").query();
            return l.isVisible() && l.getText().contains(png.getFileName().toString());
        });
        app.screenshot("export-02");
        try (Stream<Path> left = Files.list(exports)) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half-written files left")
                    .noneMatch(n -> n.endsWith(".part"));
        }
    }

    private Path waitForFile(String suffix) {
        Path[] found = new Path[1];
        app.waitFor("a file *" + suffix + " in " + exports, Duration.ofSeconds(30), () -> {
            try (Stream<Path> files = Files.list(exports)) {
                found[0] = files.filter(p -> p.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
                return found[0] != null;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        return found[0];
    }
}
