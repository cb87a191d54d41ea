package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.timeline.Timeline;

/**
 * Presenter mode as an instructor uses it at a projector: opened from the command line on a lesson, run by keys,
 * read from the back row; the one scale that moves every size together; and the settings kept for the next start.
 */
class PresenterWindowTest extends WindowTest {

    /**
     * The back row: full screen at 1920×1080 in presenter mode, after lesson 2's run, the lesson text, the lane
     * labels, the PIDs, the table's cells and the console's lines are all at least 24 px; a half-size screenshot is
     * kept to look at.
     */
    @Test
    void theBackRowReadsEveryTextAt1920x1080() throws Exception {
        openPresenting();
        Stage stage = (Stage) app.fx(() -> app.shell().getScene().getWindow());
        assertThat(app.fx(stage::isFullScreen)).as("presenter mode is full screen").isTrue();
        assertThat(app.fx(() -> app.shell().getWidth())).isEqualTo(1920);
        runLesson2ByKeys();
        // the reveal shares the projector with three lanes (theRevealAndThreeLanesShowTogetherOnTheProjector); hidden,
        // the views have theirs back
        app.dismissReveal();
        app.waitForPulses(6);

        Timeline t = app.shell().timeline();
        assertThat(app.fx(() -> t.getLaneFont().getSize())).as("lane labels").isGreaterThanOrEqualTo(24);
        assertThat(app.fx(() -> t.getSmallFont().getSize())).as("PIDs under the lane labels")
                .isGreaterThanOrEqualTo(24);
        assertThat(app.fx(() -> lanesInView(t))).as("every lane whole in view").isEqualTo(3);
        // with the reveal hidden the console has room for more rows than the run's three lines (four labelled
        // rows were counted once, under load): at least three, each readable
        assertThat(consoleLineSizes()).as("console lines").hasSizeGreaterThanOrEqualTo(3).allSatisfy(s -> assertThat(s)
                .isGreaterThanOrEqualTo(24));
        Path shot = app.screenshot("presenter-1920x1080-console");
        halfSize(shot, "presenter-1920x1080-console-half");

        app.robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        app.waitFor("the table under the timeline", Duration.ofSeconds(10),
                () -> app.shell().processTable().getScene() != null && !tableCellSizes().isEmpty());
        assertThat(app.fx(this::tableCellSizes)).as("table cells, PIDs among them").allSatisfy(s -> assertThat(s)
                .isGreaterThanOrEqualTo(24));
        assertThat(app.fx(this::tableHeaders)).as("the important columns show whole")
                .contains("Process", "PID", "PPID", "State", "Exit code").noneMatch(h -> h.endsWith("…"));
        halfSize(app.screenshot("presenter-1920x1080-table"), "presenter-1920x1080-table-half");

        app.robot.press(KeyCode.CONTROL, KeyCode.P).release(KeyCode.P, KeyCode.CONTROL);
        app.waitFor("the lesson page unfolded", Duration.ofSeconds(10),
                () -> app.shell().lookup("#lessonPage").isVisible()
                        && ((Region) app.shell().lookup("#lessonPage")).getWidth() > 100);
        assertThat(app.fx(this::lessonTextSizes)).as("lesson text").isNotEmpty().allSatisfy(s -> assertThat(s)
                .isGreaterThanOrEqualTo(24));
        app.screenshot("presenter-1920x1080-page");
    }

    /**
     * The keys overlay on the projector: at presenter size every word of every row stands whole on a line (none is
     * broken inside, as "questio / n" was) and every key is there.
     */
    @Test
    void theKeysOverlayReadsWholeOnTheProjector() throws Exception {
        openPresenting();
        app.robot.type(KeyCode.F1);
        app.waitFor("the keys overlay", Duration.ofSeconds(10), () -> app.shell().lookup(".keys-help-card") != null
                && app.shell().lookup(".keys-help-card").isVisible());
        app.waitForPulses(4);
        List<String> broken = app.fx(() -> {
            app.shell().applyCss();
            app.shell().layout();
            List<String> out = new java.util.ArrayList<>();
            for (Node n : app.shell().lookupAll(".keys-help-words, .keys-help-keys")) {
                Labeled l = (Labeled) n;
                for (String word : l.getText().split("\\s+")) {
                    Text t = new Text(word);
                    t.setFont(l.getFont());
                    double room = l.getWidth() - l.snappedLeftInset() - l.snappedRightInset();
                    if (t.getLayoutBounds().getWidth() > room + 0.5) {
                        out.add(word + " in \"" + l.getText() + "\" (" + Math.round(room) + " px)");
                    }
                }
            }
            return out;
        });
        app.screenshot("presenter-keys-overlay");
        assertThat(broken).as("words broken inside a line").isEmpty();
        assertThat(app.fx(() -> app.shell().lookupAll(".keys-help-keys").size()))
                .isEqualTo(org.processlab.ui.shell.keys.Shortcut.values().length);
    }

    /**
     * What the back row sees in each theme, at 1920×1080 full screen and in a 1024×768 window, after lesson 2's run:
     * PNGs {@code presenter-<theme>-1920x1080.png} (with a half-size copy) and {@code presenter-<theme>-1024x768.png}.
     * The lanes, PIDs and console lines stay at least 24 px at 1920×1080 whatever the theme.
     */
    @Test
    void everyThemeOnTheProjector() throws Exception {
        openPresenting();
        runLesson2ByKeys();
        app.dismissReveal();
        for (org.processlab.ui.theme.Theme theme : org.processlab.ui.theme.Theme.values()) {
            app.click("#themeMenu");
            app.click("#theme-" + theme.id());
            app.waitFor("the " + theme.id() + " theme", Duration.ofSeconds(10),
                    () -> app.shell().getScene().getStylesheets().containsAll(theme.stylesheets())
                            && app.shell().timeline().paletteProperty().get().colours() == theme.processColours());
            app.waitForPulses(4);
            assertThat(app.fx(() -> app.shell().timeline().getSmallFont().getSize())).isGreaterThanOrEqualTo(24);
            assertThat(consoleLineSizes()).allSatisfy(px -> assertThat(px).isGreaterThanOrEqualTo(24));
            halfSize(app.screenshot("presenter-" + theme.id() + "-1920x1080"),
                    "presenter-" + theme.id() + "-1920x1080-half");
        }
        app.resizeWindow(1024, 768);
        for (org.processlab.ui.theme.Theme theme : org.processlab.ui.theme.Theme.values()) {
            app.click("#themeMenu");
            app.click("#theme-" + theme.id());
            app.waitFor("the " + theme.id() + " theme", Duration.ofSeconds(10),
                    () -> app.shell().getScene().getStylesheets().containsAll(theme.stylesheets()));
            app.waitForPulses(4);
            assertThat(app.fx(() -> lanesInView(app.shell().timeline()))).as("three lanes at 1024x768, %s",
                    theme.id()).isEqualTo(3);
            app.screenshot("presenter-" + theme.id() + "-1024x768");
        }
    }

    /**
     * A 1024×768 projector: in presenter mode lesson 2's three lanes and the console's last three lines show without
     * scrolling.
     */
    @Test
    void aSmallProjectorShowsThreeLanesAndTheLastThreeLines() throws Exception {
        openPresenting();
        app.resizeWindow(1024, 768);
        runLesson2ByKeys();
        app.dismissReveal();   // the reveal takes the room it needs while it shows; hidden, the views have theirs
        app.waitForPulses(6);
        Timeline t = app.shell().timeline();
        assertThat(app.fx(() -> lanesInView(t))).as("every lane whole in view").isEqualTo(3);
        assertThat(app.fx(() -> t.getLanes().size())).isEqualTo(3);
        List<String> shown = app.fx(this::consoleLinesInView);
        assertThat(shown).as("the console's last three lines in view").contains("Done!").hasSizeGreaterThanOrEqualTo(3);
        app.screenshot("presenter-1024x768");
        System.out.printf("presenter 1024x768: %.1f px text, timeline %.0f px high%n",
                app.fx(() -> app.shell().scale().pxProperty().get()), app.fx(t::getHeight));
    }

    /**
     * The reveal on the projector: lesson 10 at 1920×1080 in presenter mode, answered B by key and run by F5. The room
     * reads the reveal and the timeline together: the verdict and the question stand whole in the card's view while
     * the timeline shows three lanes whole; the explanation, "What really happened" and the expectation check are
     * whole once the card is scrolled (none squeezed). A card that took what it needed left no lane at all (a
     * student tester's screenshot). PNGs {@code presenter-reveal-1920x1080.png}, {@code …-scrolled}.
     */
    @Test
    void theRevealAndThreeLanesShowTogetherOnTheProjector() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--presenter", "--lesson",
                "10-pool-map");
        app.waitFor("lesson 10", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null
                && app.vm().selectedProperty().get().id().equals("10-pool-map"));
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).as("the status while the question is open")
                .isEqualTo(org.processlab.ui.shell.ShellViewModel.ANSWER_FIRST);
        app.robot.type(KeyCode.DIGIT2);
        app.waitFor("answer B taken", Duration.ofSeconds(10), () -> app.vm().prediction().choiceProperty().get() == 1);
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).as("answered: ready to run").isEqualTo("Ready");
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        app.waitFor("the reveal", Duration.ofSeconds(60), () -> app.vm().prediction().revealProperty().get() != null
                && app.shell().lookup("#revealSummary") != null);
        app.waitForPulses(6);
        halfSize(app.screenshot("presenter-reveal-1920x1080"), "presenter-reveal-1920x1080-half");
        assertThat(app.fx(() -> notWholeInCard(List.of("#verdict")))).as("the verdict whole in view").isEmpty();
        assertThat(app.fx(() -> lanesInView(app.shell().timeline()))).as("three lanes whole beside the reveal")
                .isGreaterThanOrEqualTo(3);
        assertThat(app.fx(() -> ((javafx.scene.control.Label) app.shell().lookup("#verdict")).getText()))
                .isEqualTo("Right!");

        // the rest of the card, scrolled into view: whole, none squeezed
        app.fx(() -> ((javafx.scene.control.ScrollPane) app.shell().lookup(".prediction-scroll")).setVvalue(1));
        app.waitForPulses(6);
        assertThat(app.fx(() -> notWholeInCard(List.of("#revealSummary", "#expectationResult"))))
                .as("the end of the reveal, scrolled to").isEmpty();
        assertThat(app.fx(() -> notWholeInCard(List.of(".prediction-explain", ".prediction-subtitle")).stream()
                .filter(w -> w.contains("squeezed")).toList())).as("nothing squeezed").isEmpty();
        app.screenshot("presenter-reveal-1920x1080-scrolled");

        app.fx(() -> ((javafx.scene.control.ScrollPane) app.shell().lookup(".prediction-scroll")).setVvalue(0));
        app.waitForPulses(3);
        app.dismissReveal();
        app.waitForPulses(6);
        assertThat(app.fx(() -> lanesInView(app.shell().timeline()))).as("the reveal hidden: every lane whole")
                .isEqualTo(app.fx(() -> app.shell().timeline().getLanes().size()));
        halfSize(app.screenshot("presenter-reveal-hidden-1920x1080"), "presenter-reveal-hidden-1920x1080-half");
    }

    /** The parts of the prediction card (by selector) squeezed below their height, or not whole in its view. */
    private List<String> notWholeInCard(List<String> parts) {
        app.shell().applyCss();
        app.shell().layout();
        Node card = app.shell().lookup(".prediction-scroll");
        Bounds view = card.localToScene(((javafx.scene.control.ScrollPane) card).getViewportBounds());
        List<String> out = new java.util.ArrayList<>();
        for (String part : parts) {
            Region r = (Region) app.shell().lookup("#prediction " + part);
            if (r == null) {
                out.add(part + " missing");
                continue;
            }
            double pref = r.prefHeight(r.getWidth());
            Bounds b = r.localToScene(r.getLayoutBounds());
            if (r.getHeight() + 0.5 < pref) {
                out.add(part + " squeezed to " + Math.round(r.getHeight()) + " of " + Math.round(pref) + " px");
            }
            if (b.getMinY() < view.getMinY() - 0.5 || b.getMaxY() > view.getMaxY() + 0.5) {
                out.add(part + " cut: " + Math.round(b.getMinY()) + "-" + Math.round(b.getMaxY())
                        + " px in a view of " + Math.round(view.getMinY()) + "-" + Math.round(view.getMaxY()));
            }
        }
        return out;
    }

    /**
     * One scale: Ctrl+Plus and A+ make the lesson text, the lane labels, the table's cells and the console's lines
     * larger by one and the same factor; Ctrl+0 gives the default back.
     */
    @Test
    void everyTextGrowsByTheSameFactor() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--lesson",
                "02-first-processes");
        app.waitFor("lesson 2", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null
                && app.vm().selectedProperty().get().id().equals("02-first-processes"));
        app.click("#skipPrediction");
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        app.dismissReveal();
        double[] before = sizes();
        app.robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        double[] ctrlPlus = sizesOnceGrown(before);
        app.click("#largerText");
        double[] aPlus = sizesOnceGrown(ctrlPlus);
        for (double[][] step : new double[][][] {{before, ctrlPlus}, {ctrlPlus, aPlus}}) {
            double factor = step[1][0] / step[0][0];
            assertThat(factor).isGreaterThan(1.05);
            for (int i = 1; i < step[0].length; i++) {
                assertThat(step[1][i] / step[0][i]).as("size %d grows by the lesson text's factor", i)
                        .isCloseTo(factor, within(0.02));
            }
        }
        app.screenshot("presenter-scale-two-steps");
        app.robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        app.waitFor("the default size again", Duration.ofSeconds(10), () -> sizes()[1] == before[1]);
    }

    /** Presenter mode and the chosen scale are there again after a restart with the same home. */
    @Test
    void settingsSurviveARestart() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.robot.type(KeyCode.F11);
        app.waitFor("presenter mode", Duration.ofSeconds(10), () -> app.vm().presenter().presenterProperty().get());
        app.robot.press(KeyCode.CONTROL, KeyCode.MINUS).release(KeyCode.MINUS, KeyCode.CONTROL);
        double chosen = app.fx(() -> app.vm().presenter().scale().chosenProperty().get());
        double px = app.fx(() -> app.shell().scale().pxProperty().get());
        assertThat(chosen).isGreaterThan(0);
        app.close();

        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        assertThat(app.fx(() -> app.vm().presenter().presenterProperty().get())).isTrue();
        assertThat(app.fx(() -> app.vm().presenter().scale().chosenProperty().get())).isEqualTo(chosen);
        app.waitFor("the same text size", Duration.ofSeconds(10), () -> app.shell().scale().pxProperty().get() == px);
        app.robot.type(KeyCode.F11);
        app.waitFor("presenter mode off", Duration.ofSeconds(10), () -> !app.vm().presenter().presenterProperty().get()
                && !((Stage) app.shell().getScene().getWindow()).isFullScreen());
    }

    // ------------------------------------------------------------------ helpers

    private void openPresenting() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--presenter", "--lesson",
                "02-first-processes");
        app.waitFor("lesson 2", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null
                && app.vm().selectedProperty().get().id().equals("02-first-processes"));
    }

    /** Answers the question with the key 1 and runs with F5 (no mouse), then waits for the run's end and the reveal. */
    private void runLesson2ByKeys() {
        app.robot.type(KeyCode.DIGIT1);
        app.waitFor("the answer taken", Duration.ofSeconds(10), () -> app.vm().prediction().choiceProperty().get() == 0);
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        app.waitFor("the reveal", Duration.ofSeconds(30), () -> app.vm().prediction().revealProperty().get() != null);
        app.waitForPulses(6);
    }

    /** Lesson text, lane label, table cell and console line sizes, px. */
    private double[] sizes() {
        return app.fx(() -> {
            app.shell().applyCss();
            app.shell().layout();
            return new double[] {lessonTextSizes().get(0), app.shell().timeline().getLaneFont().getSize(),
                tableCellSizes().get(0), consoleLineSizes().get(0)};
        });
    }

    private double[] sizesOnceGrown(double[] before) {
        app.waitFor("every text larger", Duration.ofSeconds(10), () -> {
            double[] now = sizes();
            for (int i = 0; i < now.length; i++) {
                if (now[i] <= before[i]) {
                    return false;
                }
            }
            return true;
        });
        app.waitForPulses(3);
        return sizes();
    }

    private List<Double> lessonTextSizes() {
        Node page = app.shell().lookup("#lessonPage");
        return page.lookupAll(".text").stream().filter(n -> n instanceof Text x && x.isVisible()
                        && x.getText() != null && x.getText().length() > 20 && x.getParent() != null
                        && x.getParent().getStyleClass().stream().noneMatch(c -> c.contains("title")))
                .map(n -> ((Text) n).getFont().getSize()).toList();
    }

    private List<Double> tableCellSizes() {
        return app.shell().processTable().table().lookupAll(".table-cell").stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty()
                        && c.isVisible())
                .map(n -> ((Labeled) n).getFont().getSize()).toList();
    }

    private List<String> tableHeaders() {
        return app.shell().processTable().table().lookupAll(".column-header .label").stream()
                .filter(n -> n instanceof Labeled l && l.isVisible() && l.getScene() != null)
                .map(n -> ((Text) n.lookup(".text")).getText()).toList();
    }

    private List<Double> consoleLineSizes() {
        return app.fx(() -> app.shell().console().list().lookupAll(".console-text").stream()
                .filter(n -> n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty() && l.isVisible())
                .map(n -> ((Labeled) n).getFont().getSize()).toList());
    }

    private List<String> consoleLinesInView() {
        var list = app.shell().console().list();
        Node clip = list.lookup(".virtual-flow").lookup(".clipped-container");
        Bounds v = clip.localToScene(clip.getLayoutBounds());
        return list.lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && c.getItem() instanceof ConsoleRow)
                .filter(n -> {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    return b.getMinY() >= v.getMinY() - 0.5 && b.getMaxY() <= v.getMaxY() + 0.5;
                })
                .map(n -> ((ConsoleRow) ((ListCell<?>) n).getItem()).text()).toList();
    }

    /** How many lanes lie wholly inside the timeline's plot, as drawn. */
    private static int lanesInView(Timeline t) {
        Region plot = (Region) t.lookup(".pl-timeline-plot");
        double axis = Math.ceil(t.getSmallFont().getSize() * 2.3);
        int n = 0;
        for (int i = 0; i < t.getLanes().size(); i++) {
            if (axis + (i + 1) * t.getLaneHeight() <= plot.getHeight() + 0.5) {
                n++;
            }
        }
        return n;
    }

    /** Saves a copy of {@code shot} at half its size (what the back row of a classroom sees). */
    private static void halfSize(Path shot, String name) throws java.io.IOException {
        BufferedImage full = ImageIO.read(shot.toFile());
        BufferedImage half = new BufferedImage(full.getWidth() / 2, full.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, half.getWidth(), half.getHeight(), null);
        g.dispose();
        ImageIO.write(half, "png", shot.resolveSibling(name + ".png").toFile());
    }
}
