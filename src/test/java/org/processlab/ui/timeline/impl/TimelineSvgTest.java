package org.processlab.ui.timeline.impl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.processlab.ui.timeline.TimelineFixture.T0;
import static org.processlab.ui.timeline.TimelineFixture.fx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.StackPane;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import org.processlab.ui.timeline.DrawingSurface;
import org.processlab.ui.timeline.RecordingSurface;
import org.processlab.ui.timeline.SvgSurface;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineFixture;
import org.processlab.ui.timeline.TimelineLane;

/**
 * The timeline's SVG is painted by the painters of the screen: with every lane in view, the calls that reach the
 * window's canvas and those that reach the SVG are the same, one for one; the legend follows, its swatches by the
 * legend's own marks. The file is XML the JDK's parser reads, with one {@code <text>} per text drawn: each lane's
 * name and each PID once.
 */
class TimelineSvgTest {
    private static final double WIDTH = 1000;

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    /** A timeline of the fixture's finished run, cursor at 1 s, as tall as all its lanes and its legend. */
    private static Timeline shown() {
        Timeline t = TimelineFixture.timeline(TimelineFixture.finishedRun());
        t.setCursorTime(T0 + 1_000_000);
        t.setSelectedPid(TimelineFixture.CHILD);
        StackPane root = new StackPane(t);
        new Scene(root, WIDTH, 600);
        root.applyCss();
        root.layout();
        // the control at its preferred height: every lane in view, the legend under them
        t.resize(WIDTH, t.prefHeight(WIDTH));
        t.layout();
        t.redrawNow();
        return t;
    }

    @Test
    void theSameCallsReachTheCanvasAndTheSvg() throws Exception {
        List<List<String>> calls = fx(() -> {
            Timeline t = shown();
            TimelineSkin skin = (TimelineSkin) t.getSkin();
            PaintFrame screen = skin.frame();
            PaintFrame whole = skin.wholeFrame(WIDTH);
            // the frame the screen was painted with, on a canvas as tall as the lanes (the screen's is snapped to
            // whole pixels of the control's height, so a little taller)
            Canvas c = new Canvas(screen.geometry().width(), whole.geometry().height());
            RecordingSurface canvas = new RecordingSurface(new CanvasSurface(c, new TextMeasure()));
            new LanesPainter().paint(canvas, screen);
            new OverlayPainter().paint(canvas, screen);

            RecordingSurface svg = new RecordingSurface(
                    new SvgSurface(new ByteArrayOutputStream(), screen.geometry().width(), 2000, null));
            skin.paintWhole(svg);
            return List.of(canvas.calls(), svg.calls(),
                    List.of(String.valueOf(screen.geometry().lastVisibleLane()),
                            String.valueOf(whole.geometry().lastVisibleLane())));
        });
        List<String> onCanvas = calls.get(0);
        List<String> inSvg = calls.get(1);
        assertThat(calls.get(2).get(0)).as("the screen shows every lane").isEqualTo(calls.get(2).get(1))
                .isEqualTo("1");
        assertThat(inSvg.get(0)).isEqualTo("save");
        assertThat(inSvg.get(1)).startsWith("clipRect 0.0 0.0 1000.0");
        int restore = inSvg.indexOf("restore");
        assertThat(inSvg.subList(2, restore)).as("the lanes and the overlay, call for call")
                .isEqualTo(onCanvas);
        List<String> legend = inSvg.subList(restore + 1, inSvg.size());
        for (String word : List.of("running", "waiting in join()", "lost from view", "stderr", "kernel:",
                "S sleeping")) {
            assertThat(legend).as("the legend says " + word).anyMatch(c -> c.startsWith("fillText " + word + " @"));
        }
        assertThat(legend.stream().filter(c -> c.startsWith("clipRect")).count()).as("a swatch each")
                .isEqualTo(11 + 2);
    }

    @Test
    void theSvgIsXmlWithOneTextPerLaneNameAndPid() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] themeColours = new String[2];
        List<TimelineLane> lanes = fx(() -> {
            Timeline t = shown();
            t.writeSvg(out);
            themeColours[0] = hex(t.getLaneColor());
            themeColours[1] = hex(t.getRunningColor());
            // to look at: the SVG beside a picture of the control on the screen
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(
                    java.nio.file.Path.of(System.getProperty("processlab.screenshots", "target/screenshots")));
            java.nio.file.Files.write(dir.resolve("timeline-svg-fixture.svg"), out.toByteArray());
            javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(t.snapshot(null, null), null),
                    "png", dir.resolve("timeline-svg-fixture-screen.png").toFile());
            return List.copyOf(t.getLanes());
        });
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        List<String> texts = new ArrayList<>();
        NodeList nodes = d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        assertThat(lanes).hasSize(2);
        for (TimelineLane l : lanes) {
            assertThat(texts).as("one text for " + l.title()).containsOnlyOnce(l.title());
            assertThat(texts.stream().filter(s -> s.startsWith("PID " + l.pid() + " "))).as("one PID " + l.pid())
                    .hasSize(1);
        }
        assertThat(texts).contains("exit 0", "Process", "seconds since Run", "1.000 s");
        NodeList rects = d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "rect");
        List<String> fills = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            fills.add(((Element) rects.item(i)).getAttribute("fill"));
        }
        assertThat(fills).as("the theme's colours as the control resolved them").contains(themeColours);
        assertThat(((Element) rects.item(1)).getAttribute("fill")).as("the lanes' background first")
                .isEqualTo(themeColours[0]);
        Element svg = d.getDocumentElement();
        assertThat(Double.parseDouble(svg.getAttribute("width"))).isEqualTo(WIDTH);
        assertThat(d.getElementsByTagNameNS(SvgSurface.NAMESPACE, "title").item(0).getTextContent())
                .startsWith("Timeline of");
    }

    @Test
    void drawnAtAScaleTheLanesAreSharpInASnapshotAndThenAsBefore() throws Exception {
        double[] r = fx(() -> {
            Timeline t = shown();
            TimelineSkin skin = (TimelineSkin) t.getSkin();
            Canvas lanes = (Canvas) ((javafx.scene.Parent) t.lookup(".pl-timeline-plot")).getChildrenUnmodifiable().get(0);
            double w = lanes.getWidth();
            long paints = skin.lanePaints();
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setTransform(javafx.scene.transform.Transform.scale(3, 3));
            javafx.scene.image.WritableImage stretched = t.snapshot(p, null);
            double[] during = new double[1];
            javafx.scene.image.WritableImage sharp = t.drawnAt(3, () -> {
                during[0] = lanes.getWidth();
                return t.snapshot(p, null);
            });
            return new double[] {w, during[0], lanes.getWidth(), lanes.getTransforms().size(),
                    skin.lanePaints() - paints, edges(stretched, lanes.getHeight() * 3),
                    edges(sharp, lanes.getHeight() * 3), sharp.getWidth(), stretched.getWidth()};
        });
        assertThat(r[1]).as("three times the pixels while the picture is taken").isEqualTo(Math.ceil(r[0] * 3));
        assertThat(r[2]).as("then as before").isEqualTo(r[0]);
        assertThat(r[3]).isZero();
        assertThat(r[4]).as("drawn sharp, then again as before").isEqualTo(2);
        assertThat(r[7]).as("the same picture's size").isEqualTo(r[8]);
        assertThat(r[6]).as("sharper: stronger edges than a stretched canvas").isGreaterThan(r[5] * 1.3);
    }

    private static String hex(javafx.scene.paint.Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** How much the picture's top {@code rows} change from one pixel to the next across: larger when sharper. */
    private static double edges(javafx.scene.image.Image img, double rows) {
        javafx.scene.image.PixelReader px = img.getPixelReader();
        double sum = 0;
        for (int y = 0; y < Math.min(rows, img.getHeight()); y += 3) {
            for (int x = 1; x < (int) img.getWidth(); x++) {
                sum += Math.abs(px.getColor(x, y).getBrightness() - px.getColor(x - 1, y).getBrightness());
            }
        }
        return sum;
    }

    @Test
    void aPartOfASurfaceMovesWhatIsDrawnOnIt() throws Exception {
        RecordingSurface whole = fx(() -> {
            RecordingSurface r = new RecordingSurface(new SvgSurface(new ByteArrayOutputStream(), 100, 100, null));
            DrawingSurface part = new ShiftedSurface(r, 10, 20, 30, 40);
            assertThat(part.width()).isEqualTo(30);
            assertThat(part.height()).isEqualTo(40);
            part.fillRect(1, 2, 3, 4);
            part.strokeLine(0, 0, 5, 5);
            part.fillPolygon(new double[] {0, 1, 2}, new double[] {3, 4, 5}, 3);
            part.fillText("x", 1, 1);
            part.clipRect(0, 0, 30, 40);
            return r;
        });
        assertThat(whole.calls()).containsExactly("fillRect 11.0 22.0 3.0 4.0", "strokeLine 10.0 20.0 15.0 25.0",
                "fillPolygon 10.0 23.0 11.0 24.0 12.0 25.0", "fillText x @ 11.0 21.0",
                "clipRect 10.0 20.0 30.0 40.0");
    }
}
