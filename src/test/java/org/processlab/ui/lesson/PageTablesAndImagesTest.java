package org.processlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonLibrary;

/**
 * A page's tables show every row with their cells wrapped, at any text size; its images are drawn from the lesson's
 * folder only, and anything else is its alt text in a frame, with no connection opened.
 */
class PageTablesAndImagesTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        org.processlab.ui.UiToolkit.start();
    }

    @Test
    void everyRowOfLessonFourteensTableIsLaidOutAndItsCellsWrap() throws Exception {
        Path root = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        Lesson l = (Lesson) LessonLibrary.find(LessonLibrary.load(root), "14-start-methods");
        for (double em : new double[] {15, 24}) {
            for (double width : new double[] {420, 900}) {
                String name = "page-table-14-" + (int) width + "px-" + (int) em + "em";
                List<double[]> rows = PageSnapshots.fx(() -> {
                    VBox page = MarkdownRenderer.render(l.markdown(), l.dir());
                    page.setPrefWidth(width);
                    page.setMaxWidth(width);
                    var scene = PageSnapshots.scene(page, width + 24, 3000, em);
                    MarkdownTable table = (MarkdownTable) page.lookup(".md-table");
                    Bounds pageBounds = page.localToScene(page.getLayoutBounds());
                    List<double[]> out = new ArrayList<>();
                    for (Node cell : table.getChildrenUnmodifiable()) {
                        if (!cell.isVisible() || !(cell instanceof TableCellBox)) {
                            continue;
                        }
                        Bounds b = cell.localToScene(cell.getLayoutBounds());
                        out.add(new double[] {((TableCellBox) cell).row(), b.getMinX(), b.getMinY(), b.getMaxX(),
                                b.getMaxY(), pageBounds.getMaxX(), contentHeight(cell), b.getWidth(),
                                ((javafx.scene.Parent) cell).getChildrenUnmodifiable().get(0).getLayoutBounds().getWidth()});
                    }
                    assertThat(table.isStacked()).as("stacked at %s px, %s px text", width, em)
                            .isEqualTo(width < 600);
                    PageSnapshots.save(table, name);
                    return out;
                });
                // 900 px: a grid (header and three rows of four cells); 420 px: stacked (three rows of four
                // "heading | cell" lines), so no word breaks
                assertThat(rows).as("cells shown at %s px", width).hasSize(width > 600 ? 16 : 24);
                assertThat(rows.stream().mapToInt(r -> (int) r[0]).max().orElse(0)).isEqualTo(3);
                assertThat(rows.stream().mapToInt(r -> (int) r[0]).distinct().count()).isEqualTo(width > 600 ? 4 : 3);
                for (double[] r : rows) {
                    assertThat(r[4] - r[2]).as("row %s's height at %s px, %s px text", r[0], width, em).isPositive();
                    assertThat(r[4] - r[2]).as("row %s holds its wrapped text at %s px, %s px text: %s", r[0], width, em,
                            java.util.Arrays.toString(r)).isGreaterThanOrEqualTo(r[6] - 0.5);
                    assertThat(r[3]).as("a cell ends inside the page").isLessThanOrEqualTo(r[5] + 0.5);
                }
            }
        }
    }

    /** The height a cell's text needs at the width it got. */
    private static double contentHeight(Node cell) {
        Parent p = (Parent) cell;
        Node text = p.getChildrenUnmodifiable().get(0);
        return text.prefHeight(text.getLayoutBounds().getWidth()) + ((javafx.scene.layout.Region) cell).snappedTopInset()
                + ((javafx.scene.layout.Region) cell).snappedBottomInset();
    }

    @Test
    void aTablesColumnsFollowTheTextSize() throws Exception {
        String md = "| a | b |\n|---|---|\n| multiprocessing | x |\n";
        double[] least = PageSnapshots.fx(() -> {
            double[] out = new double[2];
            int i = 0;
            for (double em : new double[] {12, 24}) {
                VBox page = MarkdownRenderer.render(md);
                PageSnapshots.scene(page, 600, 200, em);
                MarkdownTable table = (MarkdownTable) page.lookup(".md-table");
                out[i++] = table.getChildrenUnmodifiable().get(2).minWidth(-1);
            }
            return out;
        });
        assertThat(least[1]).as("a column's least width (its longest word) doubles with the text")
                .isCloseTo(2 * least[0], org.assertj.core.data.Percentage.withPercentage(15));
    }

    @Test
    void anImageFromTheLessonsFolderIsDrawnAtItsSizeAndNeverScaledUp() throws Exception {
        writePng(dir.resolve("diagram.png"), 300, 120);
        Files.createDirectories(dir.resolve("img"));
        writePng(dir.resolve("img/wide.png"), 2000, 400);
        String md = "Before.\n\n![A process tree](diagram.png)\n\nText ![the wide one](img/wide.png) after.\n";
        List<double[]> sizes = PageSnapshots.fx(() -> {
            VBox page = MarkdownRenderer.render(md, dir);
            page.setPrefWidth(700);
            page.setMaxWidth(700);
            var scene = PageSnapshots.scene(page, 724, 700, 15);
            PageSnapshots.save(scene, "page-images");
            List<double[]> out = new ArrayList<>();
            for (Node n : page.lookupAll(".md-image")) {
                ImageView v = ((PageImage) n).view();
                out.add(new double[] {v.getImage().getWidth(), v.getFitWidth(), v.getFitHeight(),
                        v.getBoundsInParent().getWidth()});
            }
            return out;
        });
        assertThat(sizes).hasSize(2);
        assertThat(sizes.get(0)).as("a small image at its own size").containsExactly(300, 300, 120, 300);
        assertThat(sizes.get(1)[1]).as("a wide one scaled down to the page").isEqualTo(700, org.assertj.core.data.Offset.offset(1.0));
        assertThat(sizes.get(1)[2]).isEqualTo(140, org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void anythingButAFileInTheFolderShowsItsAltTextAndOpensNoConnection() throws Exception {
        Path lesson = Files.createDirectories(dir.resolve("lesson"));
        writePng(dir.resolve("outside.png"), 40, 40);
        writePng(lesson.resolve("here.png"), 40, 40);
        Files.createSymbolicLink(lesson.resolve("link.png"), dir.resolve("outside.png"));
        Files.writeString(lesson.resolve("not-an-image.png"), "hello");
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(1500);
            String url = "http://127.0.0.1:" + server.getLocalPort();
            String md = String.join("\n\n",
                    "![web image](" + url + "/a.png)",
                    "![secure image](https://127.0.0.1:" + server.getLocalPort() + "/b.png)",
                    "![file url](" + lesson.resolve("here.png").toUri() + ")",
                    "![absolute](" + lesson.resolve("here.png") + ")",
                    "![up and out](../outside.png)",
                    "![sneaky](sub/../../outside.png)",
                    "![a link out](link.png)",
                    "![missing](nowhere.png)",
                    "![not a picture](not-an-image.png)",
                    "![](" + url + "/c.png)");
            List<String> alts = PageSnapshots.fx(() -> {
                VBox page = MarkdownRenderer.render(md, lesson);
                page.setPrefWidth(700);
                var scene = PageSnapshots.scene(page, 724, 900, 15);
                PageSnapshots.save(scene, "page-image-alt-frames");
                assertThat(page.lookupAll(".md-image")).as("no image is drawn").isEmpty();
                return page.lookupAll(".md-image-alt-text").stream().map(n -> ((Label) n).getText()).toList();
            });
            assertThat(alts).containsExactly("web image", "secure image", "file url", "absolute", "up and out",
                    "sneaky", "a link out", "missing", "not a picture", "(an image with no description)");
            try {
                server.accept().close();
                throw new AssertionError("the page connected to " + url);
            } catch (SocketTimeoutException expected) {
                // nobody came: no URL was fetched
            }
        }
    }

    private static void writePng(Path file, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(0x0969da));
        g.fillRect(0, 0, w, h);
        g.setColor(java.awt.Color.WHITE);
        g.fillOval(w / 4, h / 4, w / 2, h / 2);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
