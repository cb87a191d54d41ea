package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.junit.jupiter.api.Test;

import org.processlab.lesson.Lesson;

/**
 * Issue 12's "lessons that render whole", as a student reaches them in the window: lesson 14's table with every row, a
 * lesson's own image drawn and a URL or a path out of the folder shown as alt text (no connection), the code on the
 * page equal to the .py that runs, a page that cannot be drawn as an error card with the next lesson still opening,
 * a long question wrapped at 1024 px, the Run button staying put when the reveal comes, and answer E of a
 * five-choice lesson followed by a four-choice one.
 */
class LessonPagesWindowTest extends WindowTest {

    @Test
    void lessonFourteensTableShowsEveryRowInsideThePage() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("14-");
        ScrollPane page = app.fx(() -> (ScrollPane) app.shell().lookup("#lessonPage"));
        app.waitFor("the table", Duration.ofSeconds(20), () -> page.lookup(".md-table") != null);
        Node table = app.fx(() -> page.lookup(".md-table"));
        // bring the table into view, as a student scrolling down would
        app.fx(() -> {
            Bounds t = table.localToScene(table.getLayoutBounds());
            Bounds c = page.getContent().localToScene(page.getContent().getLayoutBounds());
            double room = c.getHeight() - page.getViewportBounds().getHeight();
            page.setVvalue(Math.max(0, Math.min(1, (t.getMinY() - c.getMinY() - 20) / room)));
        });
        app.waitForPulses(3);
        app.screenshot("lesson-14-table");
        List<double[]> cells = app.fx(() -> {
            Bounds pageBox = page.localToScene(page.getLayoutBounds());
            List<double[]> out = new ArrayList<>();
            for (Node cell : ((javafx.scene.Parent) table).getChildrenUnmodifiable()) {
                if (!cell.isVisible() || !cell.getStyleClass().contains("md-td")) {
                    continue;
                }
                Bounds b = cell.localToScene(cell.getLayoutBounds());
                TextFlow text = (TextFlow) ((javafx.scene.Parent) cell).getChildrenUnmodifiable().get(0);
                Bounds tb = text.localToScene(text.getLayoutBounds());
                out.add(new double[] {b.getMinY(), b.getHeight(), b.getMaxX(), pageBox.getMaxX(), tb.getMaxY(),
                        b.getMaxY(), text.prefHeight(text.getWidth()), text.getHeight()});
            }
            return out;
        });
        // beside the run views the page is narrow: the table is stacked (each row a block of "heading | cell"
        // lines); wide or stacked, every cell of its three rows shows
        assertThat(cells).as("three rows of four cells, every one shown").hasSize(12);
        TreeSet<Long> tops = new TreeSet<>();
        cells.forEach(c -> tops.add(Math.round(c[0])));
        assertThat(tops).as("rows one above the other").hasSizeGreaterThanOrEqualTo(3);
        for (double[] c : cells) {
            assertThat(c[1]).as("a cell's height").isGreaterThan(10);
            assertThat(c[2]).as("a cell ends inside the page").isLessThanOrEqualTo(c[3] + 0.5);
            assertThat(c[7]).as("a cell's text gets the height its wrapped lines need").isGreaterThanOrEqualTo(c[6] - 0.5);
            assertThat(c[4]).as("a cell's text ends inside its cell").isLessThanOrEqualTo(c[5] + 0.5);
        }
    }

    @Test
    void theCodeOnThePageIsTheFileThatRuns() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        for (String id : List.of("02-", "13-")) {
            app.clickLesson(id);
            Lesson l = (Lesson) app.lesson(id);
            ScrollPane page = app.fx(() -> (ScrollPane) app.shell().lookup("#lessonPage"));
            app.waitFor("the code of " + id, Duration.ofSeconds(20), () -> page.lookup(".md-code-flow") != null);
            List<String> shown = app.fx(() -> page.lookupAll(".md-code-flow").stream()
                    .map(n -> String.join("", ((TextFlow) n).getChildren().stream().map(t -> ((Text) t).getText()).toList()))
                    .toList());
            String code = Files.readString(l.example().file());
            assertThat(shown).as("the page of %s shows %s as it is", id, l.example().file().getFileName())
                    .contains(code.substring(0, code.length() - 1));
        }
    }

    @Test
    void aLessonsImageIsDrawnAndAnythingElseIsItsAltTextWithNoConnection() throws Exception {
        Path lessons = Files.createDirectories(home.resolve("lessons"));
        Path dir = AppDriver.writeLesson(lessons, "01-pictures", "Pictures", "hello.py", "print('hi')\n");
        writePng(dir.resolve("tree.png"), 360, 180);
        writePng(lessons.resolve("outside.png"), 50, 50);
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(2000);
            Files.writeString(dir.resolve("lesson.md"), "---\ntitle: Pictures\norder: 1\nexample: hello.py\n---\n"
                    + "# Pictures\n\nA process tree:\n\n![main and its two children](tree.png)\n\n"
                    + "![a picture on the web](http://127.0.0.1:" + server.getLocalPort() + "/tree.png)\n\n"
                    + "![a picture next door](../outside.png)\n");
            app.launch(home, "--lessons", lessons.toString());
            app.clickLesson("01-");
            app.waitFor("the image", Duration.ofSeconds(20), () -> app.shell().lookup(".md-image") != null);
            app.waitForPulses(3);
            app.screenshot("lesson-image");
            double[] drawn = app.fx(() -> {
                ImageView v = (ImageView) ((javafx.scene.Parent) app.shell().lookup(".md-image")).getChildrenUnmodifiable().get(0);
                Bounds b = v.localToScene(v.getLayoutBounds());
                return new double[] {b.getWidth(), b.getHeight()};
            });
            assertThat(drawn).as("drawn at its own size").containsExactly(360, 180);
            List<String> alts = app.fx(() -> app.shell().lookupAll(".md-image-alt-text").stream()
                    .map(n -> ((Label) n).getText()).toList());
            assertThat(alts).containsExactly("a picture on the web", "a picture next door");
            try {
                server.accept().close();
                throw new AssertionError("the page connected to the URL");
            } catch (SocketTimeoutException expected) {
                // nothing was fetched
            }
        }
    }

    @Test
    void aPageThatCannotBeDrawnIsAnErrorCardAndTheNextLessonOpens() throws Exception {
        Path lessons = Files.createDirectories(home.resolve("lessons"));
        Path broken = AppDriver.writeLesson(lessons, "01-deep", "Deep", "a.py", "print('a')\n");
        // a quote inside a quote, 200 000 deep: drawing it would nest as deep, and a renderer would run out of stack
        Files.writeString(broken.resolve("lesson.md"), "---\ntitle: Deep\norder: 1\nexample: a.py\n---\n"
                + ">".repeat(200_000) + " deep\n");
        // 100 000 nested list levels on one line (the parser alone would take minutes), and 100 000 by indenting
        Path lists = AppDriver.writeLesson(lessons, "02-lists", "Lists", "a.py", "print('a')\n");
        Files.writeString(lists.resolve("lesson.md"), "---\ntitle: Lists\norder: 2\nexample: a.py\n---\n# Lists\n\n"
                + "- ".repeat(100_000) + "deep\n");
        Path fine = AppDriver.writeLesson(lessons, "03-fine", "Fine", "b.py", "print('b')\n");
        Files.writeString(fine.resolve("lesson.md"), "---\ntitle: Fine\norder: 3\nexample: b.py\n---\n# Fine\n\nAll well.\n");
        app.launch(home, "--lessons", lessons.toString());
        app.clickLesson("01-");
        app.waitFor("the error card", Duration.ofSeconds(30), () -> app.shell().lookup("#lessonPageError") != null);
        String message = app.fx(() -> ((Label) app.shell().lookup("#lessonPageError")).getText());
        assertThat(message).as("the file, the line and why, in a teacher's words")
                .isEqualTo(broken.resolve("lesson.md") + ", line 6: the page nests quotes 200000 deep; ProcessLab "
                        + "shows at most 16 levels of lists and quotes")
                .doesNotContain("StackOverflowError");
        assertThat(app.texts(app.shell().lookup("#lessonPage"))).anySatisfy(t -> assertThat(t).contains("01-deep"));
        app.screenshot("lesson-error-card");
        app.click(".next-lesson");
        app.waitFor("the next lesson", Duration.ofSeconds(20), () -> app.vm().selectedProperty().get().id().equals("02-lists"));
        app.waitFor("its card", Duration.ofSeconds(30), () -> app.shell().lookup("#lessonPageError") != null
                && ((Label) app.shell().lookup("#lessonPageError")).getText().contains("02-lists"));
        assertThat(app.fx(() -> ((Label) app.shell().lookup("#lessonPageError")).getText()))
                .isEqualTo(lists.resolve("lesson.md") + ", line 8: the page nests lists 100000 deep; ProcessLab "
                        + "shows at most 16 levels of lists and quotes");
        app.screenshot("lesson-error-card-lists");
        app.click(".next-lesson");
        app.waitFor("the next lesson", Duration.ofSeconds(20), () -> app.vm().selectedProperty().get().id().equals("03-fine"));
        app.waitFor("its page", Duration.ofSeconds(20), () -> app.shell().lookup("#lessonPageError") == null
                && app.texts(app.shell().lookup("#lessonPage")).stream().noneMatch(t -> t.contains("cannot be shown")));
        assertThat(app.fx(() -> app.shell().lookupAll(".md-text").stream().map(n -> ((Text) n).getText()).toList()))
                .contains("All well.");
        app.clickLesson("01-");
        app.waitFor("the card again", Duration.ofSeconds(30), () -> app.shell().lookup("#lessonPageError") != null);
    }

    @Test
    void longQuestionsAndChoicesWrapInsideA1024PixelWindow() throws Exception {
        Path lessons = Files.createDirectories(home.resolve("lessons"));
        Path dir = AppDriver.writeLesson(lessons, "01-long", "Long", "a.py", "print('a')\n");
        String question = "When the main process has started four children, each of which prints its own process ID "
                + "and its parent's process ID before it sleeps for a while, which of these lines comes last?";
        Files.writeString(dir.resolve("lesson.md"), "---\ntitle: Long\norder: 1\nexample: a.py\npredict:\n"
                + "  question: \"" + question + "\"\n  choices:\n"
                + "    - \"The line of the child that was started first, because it had the most time to print everything\"\n"
                + "    - \"The line of main, because main always waits for every child to end before it prints anything\"\n"
                + "    - short\n  answer: 1\n---\n# Long\n");
        app.launch(home, "--lessons", lessons.toString());
        app.resizeWindow(1024, 768);
        // the only lesson opens by itself (at this width the lesson list has stepped aside)
        app.waitFor("the question", Duration.ofSeconds(20), () -> app.shell().lookup(".prediction-question") != null);
        app.waitForPulses(4);
        app.screenshot("long-question-1024");
        double windowRight = app.fx(() -> app.shell().getScene().getWidth());
        for (String sel : List.of(".prediction-question", "#choice0", "#choice1", "#choice2", ".run-side")) {
            double right = app.fx(() -> {
                Node n = app.shell().lookup(sel);
                return n.localToScene(n.getLayoutBounds()).getMaxX();
            });
            assertThat(right).as("%s ends inside the window", sel).isLessThanOrEqualTo(windowRight + 0.5);
        }
        double[] q = app.fx(() -> {
            Label l = (Label) app.shell().lookup(".prediction-question");
            return new double[] {l.getHeight(), l.prefHeight(l.getWidth()), l.getFont().getSize()};
        });
        assertThat(q[0]).as("the question wraps onto lines and shows them all").isGreaterThan(1.8 * q[2])
                .isGreaterThanOrEqualTo(q[1] - 0.5);
    }

    @Test
    void theRunButtonStaysWhereItIsWhenTheRevealComes() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        Lesson l = (Lesson) app.lesson("02-");
        app.waitForPulses(3);
        double asking = runButtonY();
        app.click("#choice" + l.predict().answer());
        app.waitFor("Run to be allowed", Duration.ofSeconds(10), () -> !app.shell().lookup("#runButton").isDisabled());
        app.waitForPulses(3);
        double answered = runButtonY();
        app.click("#runButton");
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null);
        app.waitForRunShown();
        app.waitForPulses(4);
        app.screenshot("run-button-after-reveal");
        double revealed = runButtonY();
        assertThat(answered).as("Run, after the answer, where it was under the question").isEqualTo(asking);
        assertThat(revealed).as("Run, with the reveal shown, where it was before the run").isEqualTo(answered);
        app.dismissReveal();
        app.waitForPulses(3);
        assertThat(runButtonY()).as("Run, the reveal closed").isEqualTo(answered);
    }

    private double runButtonY() {
        return app.fx(() -> {
            Node b = app.shell().lookup("#runButton");
            return b.localToScene(b.getLayoutBounds()).getMinY();
        });
    }

    @Test
    void answerEOfAFiveChoiceLessonThenAFourChoiceLessonShowsItsQuestion() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler old = app.fx(() -> Thread.currentThread().getUncaughtExceptionHandler());
        app.fx(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> {
            thrown.add(e);
            old.uncaughtException(t, e);
        }));
        try {
            app.clickLesson("12-");
            assertThat(((Lesson) app.lesson("12-")).predict().choices()).hasSize(5);
            assertThat(((Lesson) app.lesson("14-")).predict().choices()).hasSize(4);
            app.click("#choice4");
            app.waitFor("answer E", Duration.ofSeconds(10), () -> app.vm().prediction().choiceProperty().get() == 4);
            app.clickLesson("14-");
            app.waitFor("lesson 14's question", Duration.ofSeconds(10), () -> app.shell().lookup("#choice3") != null);
            assertThat(thrown).as("nothing thrown on the FX thread").isEmpty();
            assertThat(app.texts(app.shell().lookup("#prediction")))
                    .contains(((Lesson) app.lesson("14-")).predict().question());
        } finally {
            app.fx(() -> Thread.currentThread().setUncaughtExceptionHandler(old));
        }
    }

    private static void writePng(Path file, int w, int h) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        g.setColor(new java.awt.Color(0xddf4ff));
        g.fillRect(0, 0, w, h);
        g.setColor(new java.awt.Color(0x0969da));
        g.setStroke(new java.awt.BasicStroke(4));
        g.drawOval(w / 2 - 40, 10, 80, 40);
        g.drawOval(20, h - 60, 80, 40);
        g.drawOval(w - 100, h - 60, 80, 40);
        g.drawLine(w / 2, 50, 60, h - 60);
        g.drawLine(w / 2, 50, w - 60, h - 60);
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }
}
