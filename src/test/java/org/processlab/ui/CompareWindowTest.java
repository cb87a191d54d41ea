package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

import org.processlab.compare.OrderDifference;
import org.processlab.compare.ProcessPair;
import org.processlab.compare.RunComparison;
import org.processlab.compare.Side;
import org.processlab.lesson.Example;
import org.processlab.model.RunEvent;
import org.processlab.model.StartMethod;
import org.processlab.ui.shell.compare.CompareView;
import org.processlab.ui.theme.Theme;
import org.processlab.ui.timeline.TimeRange;

/**
 * Two real runs compared in the window, as a person does it: run, run again, then Compare (the line a lesson's
 * suggestion shows, the key, the header's button), read what differs, close with Esc.
 */
class CompareWindowTest extends WindowTest {

    /**
     * Lesson 14's one-child example, run with fork and then with spawn chosen in the toolbar: spawn's resource
     * tracker is marked as present in B only (a band in A's row, an outline and "only in B" in B's). Presenter mode at
     * 1920×1080, for the back row; a PNG of it is kept.
     */
    @Test
    void forkAndSpawnOfLesson14MarkTheHelperPresentInOnlyOneRun() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--presenter", "--lesson",
                "14-start-methods");
        app.waitFor("lesson 14", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null
                && app.vm().selectedProperty().get().id().equals("14-start-methods"));
        app.click("#skipPrediction");
        chooseExample("default_method.py");
        runWith(StartMethod.FORK);
        Node offer = app.fx(() -> app.shell().lookup("#compareOfferLine"));
        assertThat(app.fx(offer::isVisible)).as("one run: nothing to compare yet").isFalse();
        Node button = app.fx(() -> app.shell().lookup("#compareButton"));
        assertThat(app.fx(button::isVisible)).as("Compare… needs a previous run").isFalse();
        runWith(StartMethod.SPAWN);
        assertThat(app.fx(button::isVisible)).isTrue();
        app.waitFor("the offer to compare", Duration.ofSeconds(10), offer::isVisible);
        app.screenshot("compare-offer-line-presenter-1920x1080");

        app.click("#compareOffer");
        app.waitFor("the comparison", Duration.ofSeconds(30), () -> app.shell().comparison().isVisible()
                && app.vm().comparison().comparisonProperty().get() != null);
        RunComparison c = app.fx(() -> app.vm().comparison().comparisonProperty().get());
        assertThat(c.a().requestedStartMethod()).isEqualTo("fork");
        assertThat(c.b().requestedStartMethod()).isEqualTo("spawn");
        assertThat(c.onlyIn(Side.A)).isEmpty();
        assertThat(c.onlyIn(Side.B)).singleElement()
                .satisfies(r -> assertThat(r.b().helperKind()).isEqualTo("resource_tracker"));
        assertThat(c.rows()).filteredOn(r -> r.onlyIn() == null).extracting(ProcessPair::name)
                .containsExactly("MainProcess", "child");
        CompareView view = app.shell().comparison();
        assertThat(app.fx(() -> view.headline(Side.A).getText())).startsWith("fork · exit 0 · ");
        assertThat(app.fx(() -> view.headline(Side.B).getText())).startsWith("spawn · exit 0 · ");
        assertThat(app.texts(view)).contains("Only in B: resource tracker (helper).", "only in B",
                "no resource tracker in A — only in B");
        // the two runs share one axis, each from its own start
        app.waitForPulses(4);
        assertThat(app.fx(() -> view.timeline(Side.A).getVisibleRange().from() - c.a().startedAt()))
                .isEqualTo(app.fx(() -> view.timeline(Side.B).getVisibleRange().from() - c.b().startedAt()));
        assertThat(app.fx(() -> view.timeline(Side.A).getVisibleRange().span()))
                .isEqualTo(app.fx(() -> view.timeline(Side.B).getVisibleRange().span()));
        // the row the fork run lacks is a row of its own, level in both
        int row = c.rows().indexOf(c.onlyIn(Side.B).get(0));
        assertThat(app.fx(() -> view.timeline(Side.A).yOfLane(row))).isEqualTo(app.fx(() -> view.timeline(Side.B).yOfLane(row)));
        app.screenshot("compare-lesson14-fork-spawn-presenter-1920x1080");

        // zooming one zooms the other, from its own start; Fit both shows both whole again
        TimeRange whole = app.fx(() -> view.timeline(Side.A).getVisibleRange());
        TimeRange beneath = app.fx(() -> app.shell().timeline().getVisibleRange());
        app.robot.type(KeyCode.ADD);   // the + key zooms the comparison, not the run's timeline hidden beneath it
        app.waitFor("the comparison to zoom in", Duration.ofSeconds(10),
                () -> view.timeline(Side.A).getVisibleRange().span() < whole.span());
        assertThat(app.fx(() -> app.shell().timeline().getVisibleRange())).isEqualTo(beneath);
        assertThat(app.fx(() -> view.timeline(Side.A).getVisibleRange().span())).isLessThan(whole.span())
                .isEqualTo(app.fx(() -> view.timeline(Side.B).getVisibleRange().span()));
        assertThat(app.fx(() -> view.timeline(Side.A).getVisibleRange().from() - c.a().startedAt()))
                .isEqualTo(app.fx(() -> view.timeline(Side.B).getVisibleRange().from() - c.b().startedAt()));
        app.click("#compareFit");
        app.waitFor("both whole again", Duration.ofSeconds(10),
                () -> view.timeline(Side.A).getVisibleRange().equals(whole));

        // one replay for both: the two cursors move together, each from its own run's start; Space pauses it
        app.click("#compareReplay");
        app.waitFor("both cursors to move together", Duration.ofSeconds(30), () -> {
            long ta = view.timeline(Side.A).getCursorTime();
            long tb = view.timeline(Side.B).getCursorTime();
            return ta > c.a().startedAt() && ta - c.a().startedAt() == tb - c.b().startedAt()
                    && view.timeline(Side.A).replayingProperty().get() && view.timeline(Side.B).replayingProperty().get();
        });
        app.robot.type(KeyCode.SPACE);
        app.waitFor("the replay to pause", Duration.ofSeconds(10), () -> !app.vm().comparison().playingProperty().get());
        assertThat(app.fx(() -> app.shell().comparison().isVisible())).as("Space paused, it did not close").isTrue();

        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("the comparison to close", Duration.ofSeconds(10), () -> !app.shell().comparison().isVisible());
        assertThat(app.fx(() -> app.shell().timeline().getSnapshot().requestedStartMethod())).as("the run views again")
                .isEqualTo("spawn");
    }

    /**
     * Lesson 2 run as it is, then a version of it edited in the Code tab so that whichever child printed first now
     * prints last (a short sleep before its print): real runs, in a known different order. Alt+C compares them; the
     * order difference between p1 and p2 is named and numbered on both timelines, and Done! (last in both) is in none.
     */
    @Test
    void twoRunsOfLesson2WithDifferentInterleavingsMarkTheOrderDifference() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--lesson",
                "02-first-processes");
        app.waitFor("lesson 2", Duration.ofSeconds(30), () -> app.vm().exampleProperty().get() != null
                && app.vm().selectedProperty().get().id().equals("02-first-processes"));
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitForRunShown();
        boolean squareFirst = squareBeforeCube();

        // the child that printed first waits a little before its print: the other one's line comes first
        String slower = squareFirst ? "print_square" : "print_cube";
        app.click("#codeTab");
        app.waitFor("the example in the editor", Duration.ofSeconds(10),
                () -> app.shell().editor().codeArea().getText().contains("args=(10,)"));
        app.fx(() -> {
            String code = app.shell().editor().codeArea().getText()
                    .replace("import multiprocessing", "import multiprocessing\nimport time")
                    .replace("def " + slower + "(num):\n", "def " + slower + "(num):\n    time.sleep(0.5)\n");
            app.shell().editor().codeArea().replaceText(code);
        });
        app.waitFor("the edit", Duration.ofSeconds(10), () -> app.vm().editor().differs());
        app.robot.type(KeyCode.F5);
        app.waitFor("the second run to start", Duration.ofSeconds(30),
                () -> app.vm().run().model() != null && app.vm().run().model().snapshot().title().endsWith("(your version)"));
        app.waitForRunShown();
        assertThat(squareBeforeCube()).isNotEqualTo(squareFirst);

        app.robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);
        app.waitFor("the comparison", Duration.ofSeconds(30), () -> app.shell().comparison().isVisible()
                && app.vm().comparison().comparisonProperty().get() != null);
        RunComparison c = app.fx(() -> app.vm().comparison().comparisonProperty().get());
        assertThat(c.rows()).allSatisfy(r -> assertThat(r.onlyIn()).isNull());
        assertThat(c.orderDifferences()).singleElement().satisfies(d -> {
            assertThat(d.sentence()).isEqualTo(squareFirst
                    ? "in A p1 printed 'Square of 10: 100' before p2 printed 'Cube of 10: 1000'; in B after"
                    : "in A p2 printed 'Cube of 10: 1000' before p1 printed 'Square of 10: 100'; in B after");
        });
        OrderDifference d = c.orderDifferences().get(0);
        assertThat(app.texts(app.shell().comparison())).contains("1  Order differs: " + d.sentence() + ".");
        assertThat(app.fx(() -> app.shell().comparison().lookupAll(".compare-order-badge").stream()
                .filter(Node::isVisible).count())).as("the two lines, numbered, in each run").isEqualTo(4);
        app.screenshot("compare-lesson2-order");

        // another theme while it is open: its lanes take the theme's shades too, as the run's own timeline does
        CompareView view = app.shell().comparison();
        app.click("#themeMenu");
        app.click("#theme-" + Theme.DARK.id());
        app.waitFor("the dark theme's shades on the run views", Duration.ofSeconds(10),
                () -> app.shell().timeline().paletteProperty().get().colours() == Theme.DARK.processColours());
        app.waitForPulses(2);
        assertThat(app.fx(() -> view.timeline(Side.A).paletteProperty().get().colours()))
                .isSameAs(Theme.DARK.processColours());
        assertThat(app.fx(() -> view.timeline(Side.B).paletteProperty().get().colours()))
                .isSameAs(Theme.DARK.processColours());
        assertThat(app.fx(() -> view.isVisible())).as("still open").isTrue();
        app.screenshot("compare-lesson2-order-dark");
    }

    /** A program that prints in one fixed order (each child joined before the next starts), run twice: no order mark. */
    @Test
    void theSameProgramRunTwiceInTheSameOrderMarksNoOrderDifference() throws Exception {
        Path lessons = home.resolve("lessons");
        AppDriver.writeLesson(lessons, "01-in-turn", "Children in turn", "in_turn.py", """
                import multiprocessing


                def say(word):
                    print(word)


                if __name__ == "__main__":
                    for word in ["first", "second", "third"]:
                        p = multiprocessing.Process(target=say, args=(word,))
                        p.start()
                        p.join()
                    print("Done!")
                """);
        app.launch(home, "--lessons", lessons.toString());
        app.clickLesson("01-");
        for (int i = 0; i < 2; i++) {
            app.click("#runButton");
            app.waitForRunShown();
        }
        Node offer = app.fx(() -> app.shell().lookup("#compareOfferLine"));
        assertThat(app.fx(offer::isVisible)).as("this lesson suggests nothing").isFalse();
        // the timeline bar's Compare… button still lets the window fit a 1024 projector
        app.resizeWindow(1024, 768);
        app.waitForPulses(4);
        for (String sel : List.of("#compareButton", "#nextLesson", ".run-side")) {
            assertThat(app.fx(() -> {
                Node n = app.shell().lookup(sel);
                return n.localToScene(n.getLayoutBounds()).getMaxX();
            })).as("%s ends inside the window", sel).isLessThanOrEqualTo(1024.5);
        }
        app.screenshot("compare-button-1024");

        app.click("#compareButton");
        app.waitFor("the comparison", Duration.ofSeconds(30), () -> app.shell().comparison().isVisible()
                && app.vm().comparison().comparisonProperty().get() != null);
        RunComparison c = app.fx(() -> app.vm().comparison().comparisonProperty().get());
        assertThat(c.rows()).hasSize(4).allSatisfy(r -> assertThat(r.onlyIn()).isNull());
        assertThat(c.linesCompared()).isEqualTo(4);
        assertThat(c.orderDifferences()).isEmpty();
        assertThat(c.sameButTimes()).isTrue();
        assertThat(app.texts(app.shell().comparison())).contains("Same order of lines in both runs.",
                "Same processes, exit codes and order: only the times differ.").noneMatch(t -> t.contains("Order differs"));
        assertThat(app.fx(() -> app.shell().comparison().lookupAll(".compare-order-badge"))).isEmpty();

        app.click("#compareClose");
        app.waitFor("the comparison to close", Duration.ofSeconds(10), () -> !app.shell().comparison().isVisible());
    }

    /** True when p1's Square line was printed before p2's Cube line. */
    private boolean squareBeforeCube() {
        List<RunEvent.OutputLine> lines = app.fx(() -> app.vm().run().model().output().range(0, 100));
        long square = lines.stream().filter(l -> l.text().startsWith("Square")).findFirst().orElseThrow().t();
        long cube = lines.stream().filter(l -> l.text().startsWith("Cube")).findFirst().orElseThrow().t();
        assertThat(square).as("two lines at one moment have no order").isNotEqualTo(cube);
        return square < cube;
    }

    private void chooseExample(String file) {
        app.fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Example> box = (ComboBox<Example>) app.shell().lookup("#exampleChooser");
            box.setValue(box.getItems().stream().filter(e -> e.file().endsWith(file)).findFirst().orElseThrow());
        });
    }

    /** Chooses {@code method} in the toolbar, presses Run and waits until the views show the run's end. */
    private void runWith(StartMethod method) {
        app.fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<Optional<StartMethod>> box = (ComboBox<Optional<StartMethod>>) app.shell().lookup("#startMethod");
            box.setValue(Optional.of(method));
        });
        app.click("#runButton");
        app.waitFor("a run with " + method, Duration.ofSeconds(30), () -> app.vm().run().model() != null
                && method.wireName().equals(app.vm().run().model().snapshot().requestedStartMethod()));
        app.waitForRunShown();
    }
}
