package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.ui.shell.export.ExportViewModel;
import org.processlab.ui.shell.export.RunExports;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineLane;

/**
 * Export from the window, through its Export menu: the run as Chrome Trace Event JSON (it parses, and every process
 * has its {@code process_name}), the timeline as a PNG (it exists, is not empty, and is an image) and as an SVG (XML,
 * one text per lane name and PID), and the whole window as a PNG at presenter scale (its size is the window's times
 * that scale, and the window's own timeline is drawn as before). The property
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
        runLessonTwo();
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

    @Test
    void theTimelineAsSvgHasATextPerLaneNameAndPidAndTheWindowIsPicturedAtPresenterScale() throws Exception {
        runLessonTwo();
        Timeline timeline = app.shell().timeline();
        app.fx(() -> {
            timeline.setCursorTime(timeline.getSnapshot().startedAt() + (timeline.getSnapshot().endedAt()
                    - timeline.getSnapshot().startedAt()) / 2);
            return null;
        });
        List<TimelineLane> lanes = app.fx(() -> List.copyOf(timeline.getLanes()));
        System.setProperty(RunExports.EXPORT_DIR_PROPERTY, exports.toString());

        app.click("#exportMenu");
        app.robot.clickOn("Timeline as SVG…");
        Path svg = waitForFile("-timeline.svg");
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(svg.toFile());
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        NodeList nodes = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        assertThat(lanes).as("lesson 2: main and its children").hasSizeGreaterThanOrEqualTo(3);
        for (TimelineLane l : lanes) {
            assertThat(texts).as("one text for the lane " + l.title()).containsOnlyOnce(l.title());
            assertThat(texts.stream().filter(t -> t.startsWith("PID " + l.pid() + " "))).as("one for PID " + l.pid())
                    .hasSize(1);
        }
        assertThat(texts).as("the axis and the cursor's badge").contains("seconds since Run")
                .anyMatch(t -> t.endsWith(" s") && Character.isDigit(t.charAt(0)));
        double width = app.fx(() -> timeline.getWidth());
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width"))).as("the lanes' width")
                .isCloseTo(width, org.assertj.core.data.Offset.offset(30.0));
        app.waitFor("the bar to say where the SVG went", Duration.ofSeconds(10), () -> noteSays(svg));
        // a file for slides gets the permissions any new file there gets, not a temporary file's (the owner's only)
        Path plain = Files.createFile(svg.resolveSibling("any-new-file"));
        try {
            assertThat(Files.getPosixFilePermissions(svg)).isEqualTo(Files.getPosixFilePermissions(plain));
        } finally {
            Files.delete(plain);
        }
        Files.copy(svg, screenshots().resolve("export-02-timeline.svg"), StandardCopyOption.REPLACE_EXISTING);

        double[] expected = app.fx(() -> {
            javafx.scene.Scene scene = timeline.getScene();
            javafx.stage.Window w = scene.getWindow();
            javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getScreensForRectangle(w.getX(), w.getY(),
                    w.getWidth(), w.getHeight()).stream().findFirst().orElse(javafx.stage.Screen.getPrimary())
                    .getBounds();
            double scale = ExportViewModel.presenterScale(screen.getWidth(), screen.getHeight(),
                    app.vm().presenter().scale().pxProperty().get());
            return new double[] {scene.getWidth(), scene.getHeight(), scale, timeline.xOfTime(
                    timeline.getSnapshot().startedAt())};
        });
        assertThat(expected[2]).as("presenter mode draws larger than the desk").isGreaterThan(1);
        app.click("#exportMenu");
        app.robot.clickOn("Window as PNG (presenter scale)…");
        Path png = waitForFile("-window.png");
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat((double) img.getWidth()).as("the window's width times the presenter scale")
                .isCloseTo(expected[0] * expected[2], org.assertj.core.data.Offset.offset(2.0));
        assertThat((double) img.getHeight()).as("the window's height times the presenter scale")
                .isCloseTo(expected[1] * expected[2], org.assertj.core.data.Offset.offset(2.0));
        app.waitFor("the bar to say where the picture went", Duration.ofSeconds(10), () -> noteSays(png));
        double after = app.fx(() -> timeline.xOfTime(timeline.getSnapshot().startedAt()));
        assertThat(after).as("the window's own timeline is drawn as before").isEqualTo(expected[3]);
        Files.copy(png, screenshots().resolve("export-02-window.png"), StandardCopyOption.REPLACE_EXISTING);
        app.screenshot("export-02-after-window-png");
    }

    /** Opens the window, runs lesson 2 and waits for its end. */
    private void runLessonTwo() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitFor("the run to end", Duration.ofSeconds(60), () -> app.shell().timeline().getSnapshot() != null
                && app.shell().timeline().getSnapshot().status().finished() && !app.vm().run().runningProperty().get());
    }

    private boolean noteSays(Path file) {
        javafx.scene.control.Label l = (javafx.scene.control.Label) app.robot.lookup("#exportMessage").query();
        return l.isVisible() && l.getText().contains(file.getFileName().toString());
    }

    private static Path screenshots() throws java.io.IOException {
        Path dir = Path.of(System.getProperty("processlab.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
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
