package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.cli.Cli;
import org.processlab.export.SavedRun;
import org.processlab.model.ProcessView;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.store.RunStore;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.timeline.TimelineLane;

/**
 * Kept runs and run files through the window, as a student meets them: a run of lesson 2 is kept, the lesson shows it
 * again after another lesson, the run list names it; File ▸ Save run (Ctrl+S) and File ▸ Open (Ctrl+O) give the same
 * run and the same timeline; a file that is not a run says why and changes nothing; a restart keeps the runs; Kept
 * runs ▸ Clear deletes them; a run made with {@code processlab run 2 --format json} opens in the window.
 */
class KeptRunsWindowTest extends WindowTest {
    @TempDir
    Path files;

    /** The answers the file dialogs give, in order (null: Cancel). */
    private final Deque<Path> answers = new LinkedList<>();
    /** The answers to yes-or-no questions, in order. */
    private final Deque<Boolean> yes = new LinkedList<>();

    private void launch(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("--lessons", AppDriver.repo().resolve("lessons").toString()));
        args.addAll(List.of(more));
        app.launch(home, args.toArray(String[]::new));
        app.fx(() -> {
            app.shell().fileDialogs().use((ask, owner, near) -> answers.poll());
            app.shell().fileDialogs().useConfirm((question, detail, button, owner) -> Boolean.TRUE.equals(yes.poll()));
        });
    }

    private void runLessonTwoAndKeepIt() {
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitForRunShown();
        app.waitFor("the run to be kept", Duration.ofSeconds(30), () -> app.vm().runs().runs().size() == 1);
    }

    private void waitForSavedShown(String what) {
        app.waitFor(what, Duration.ofSeconds(30), () -> app.vm().run().savedShown() != null
                && app.shell().timeline().getSnapshot() != null
                && app.shell().timeline().getSnapshot() == app.vm().run().savedShown().snapshot());
        app.waitForPulses(3);
    }

    private void chord(KeyCode key) {
        app.robot.press(KeyCode.CONTROL, key).release(key, KeyCode.CONTROL);
    }

    private static RunSnapshot withoutVersion(RunSnapshot s) {
        return new RunSnapshot(0, s.status(), s.title(), s.startedAt(), s.endedAt(), s.now(), s.processes(),
                s.rootStatus(), s.stoppedBy(), s.error(), s.startMethods(), s.requestedStartMethod(), s.supervisorPid(),
                s.outputLines(), s.unfinishedLines(), s.rejectedConnections(), s.priorityLowered(),
                s.inputDroppedBytes(), s.channelRefusals(), s.containment(), s.processesPastLimit(),
                s.forksRefused(), s.supervisorLost());
    }

    /** A picture of the timeline alone, the mouse and the focus away from it (as a person looking at it). */
    private Image timelineImage() {
        app.robot.moveTo(app.shell().header());
        app.fx(() -> app.shell().lessonList().requestFocus());
        app.waitForPulses(3);
        return app.fx(() -> {
            app.shell().timeline().applyCss();
            app.shell().timeline().layout();
            app.shell().timeline().redrawNow();
            return app.shell().timeline().snapshot(null, null);
        });
    }

    /** Where {@code a} and {@code b} differ: empty when they are the same picture. */
    private static String differences(Image a, Image b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return "sizes " + a.getWidth() + "x" + a.getHeight() + " and " + b.getWidth() + "x" + b.getHeight();
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        StringBuilder where = new StringBuilder();
        long n = 0;
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    if (n++ < 10) {
                        where.append(String.format(" (%d,%d) %08x/%08x", x, y, ra.getArgb(x, y), rb.getArgb(x, y)));
                    }
                }
            }
        }
        return n == 0 ? "" : n + " pixels:" + where;
    }

    /** Saves a PNG of the popup menu shown now (a window of its own, not in the window's snapshot). */
    private void popupScreenshot(String name) {
        app.waitForPulses(3);
        Image img = app.fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu && w.isShowing())
                .reduce((a, b) -> b).map(w -> w.getScene().snapshot(null)).orElseThrow());
        app.save(img, name);
    }

    /** The menu item's node that is on screen now (a menu shown again makes new nodes for its items). */
    private javafx.scene.Node shownItem(String selector) {
        return app.robot.lookup(selector).match(n -> n.getScene() != null && n.isVisible()).tryQuery().orElse(null);
    }

    private List<String> consoleTexts() {
        return app.fx(() -> app.shell().console().list().getItems().stream().map(ConsoleRow::text).toList());
    }

    @Test
    void aRunStaysWithItsLessonAndASavedRunOpensAgainTheSame() throws Exception {
        launch();
        runLessonTwoAndKeepIt();
        RunModel live = app.fx(() -> app.vm().run().model());
        List<Long> pids = live.snapshot().processes().stream().map(ProcessView::pid).toList();
        List<String> lines = consoleTexts();

        app.clickLesson("03-");
        app.waitFor("lesson 03's empty views", Duration.ofSeconds(10), () -> app.vm().run().model() == null
                && app.shell().timeline().getSnapshot() == null);
        app.clickLesson("02-");
        waitForSavedShown("lesson 02's last run, read back from disk");
        assertThat(app.fx(() -> app.shell().timeline().getLanes().stream().map(TimelineLane::pid).toList()))
                .as("the same processes on the timeline").isEqualTo(pids);
        assertThat(app.fx(() -> app.shell().processTable().table().getItems().size())).isEqualTo(pids.size());
        assertThat(consoleTexts()).as("the console as when it ended").isEqualTo(lines);
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).startsWith("Ended — exit 0 · run 1, kept from ");
        assertThat(app.fx(() -> app.vm().prediction().revealProperty().get())).as("not revealed again").isNull();
        app.screenshot("kept-run-back-to-lesson-02");

        app.click("#runList");
        app.waitFor("the run list", Duration.ofSeconds(10), () -> app.robot.lookup("#keptRun-1").tryQuery().isPresent());
        assertThat(app.fx(() -> ((javafx.scene.control.MenuButton) app.robot.lookup("#runList").query()).getItems()
                .get(0).getText())).matches("1 · \\d\\d:\\d\\d:\\d\\d · exit 0 · fork");
        app.screenshot("kept-run-list");
        popupScreenshot("kept-run-list-open");
        app.robot.type(KeyCode.ESCAPE);

        // the replay works on a kept run as on a run just ended
        assertThat(app.fx(() -> app.vm().run().replay().availableProperty().get())).isTrue();

        SavedRun kept = app.fx(() -> app.vm().run().savedShown());
        Image before = timelineImage();
        app.nodeScreenshot(app.shell().timeline(), "kept-run-timeline-before-save");
        Path file = files.resolve("r.json");
        answers.add(file);
        chord(KeyCode.S);
        app.waitFor("the run saved", Duration.ofSeconds(30), () -> Files.exists(file)
                && app.vm().run().statusProperty().get().startsWith("Saved the run to r.json"));

        app.clickLesson("05-");
        answers.add(file);
        chord(KeyCode.O);
        app.waitFor("lesson 02 with the opened run", Duration.ofSeconds(30),
                () -> app.vm().selectedProperty().get().id().equals("02-first-processes")
                        && app.vm().run().statusProperty().get().contains("opened r.json"));
        waitForSavedShown("the opened run");
        SavedRun opened = app.fx(() -> app.vm().run().savedShown());
        assertThat(withoutVersion(opened.snapshot())).as("an equal run snapshot")
                .isEqualTo(withoutVersion(kept.snapshot()));
        Image after = timelineImage();
        app.nodeScreenshot(app.shell().timeline(), "kept-run-timeline-after-open");
        assertThat(differences(before, after)).as("the same timeline, pixel for pixel").isEmpty();
        assertThat(app.fx(() -> app.vm().runs().runs().size())).as("lesson 02's own run 1: listed once").isEqualTo(1);
        assertThat(app.fx(() -> app.vm().runs().shownProperty().get().number())).isEqualTo(1);
        app.screenshot("kept-run-opened-from-file");

        // a file that is not a run says why and changes nothing
        Path broken = Files.writeString(files.resolve("broken.json"), "{\"formatVersion\": 2, \"processes\": [");
        RunModel shown = app.fx(() -> app.vm().run().model());
        answers.add(broken);
        chord(KeyCode.O);
        app.waitFor("why broken.json is not opened", Duration.ofSeconds(15),
                () -> "Cannot open broken.json".equals(app.vm().run().errorTitleProperty().get()));
        assertThat(app.texts(app.shell()).stream().anyMatch(t -> t.contains("broken.json is not a run ProcessLab can read")))
                .as("the banner says why").isTrue();
        assertThat(app.fx(() -> app.vm().run().model())).as("what was shown stays").isSameAs(shown);
        assertThat(app.fx(() -> app.shell().timeline().getSnapshot())).isSameAs(opened.snapshot());
        app.screenshot("kept-run-broken-file");
    }

    @Test
    void keptRunsSurviveARestartAndClearDeletesThem() throws Exception {
        launch();
        runLessonTwoAndKeepIt();
        List<Long> pids = app.fx(() -> app.vm().run().model().snapshot().processes().stream().map(ProcessView::pid)
                .toList());
        app.close();

        launch();
        assertThat(app.fx(() -> app.vm().selectedProperty().get().id())).isEqualTo("02-first-processes");
        waitForSavedShown("the last run of lesson 02 after a restart");
        assertThat(app.fx(() -> app.shell().timeline().getLanes().stream().map(TimelineLane::pid).toList()))
                .isEqualTo(pids);
        app.screenshot("kept-run-after-restart");

        app.click("#fileMenu");
        app.click("#keptRuns");
        app.waitFor("the kept runs' size", Duration.ofSeconds(15),
                () -> app.vm().runs().usageProperty().get().startsWith("1 run · "));
        app.waitFor("the kept runs' item", Duration.ofSeconds(10), () -> shownItem("#clearKeptRuns") != null);
        app.screenshot("kept-runs-menu");
        popupScreenshot("kept-runs-menu-open");
        yes.add(true);
        // into the submenu first, as a hand does: a diagonal path over Reload would close it
        app.robot.moveTo(app.fx(() -> shownItem("#keptRunsUsage")));
        app.robot.clickOn(app.fx(() -> shownItem("#clearKeptRuns")));
        app.waitFor("the kept runs cleared", Duration.ofSeconds(15), () -> app.vm().runs().runs().isEmpty()
                && app.vm().run().statusProperty().get().equals("Cleared the kept runs"));
        assertThat(RunStore.open(home).runs()).isEmpty();
        assertThat(app.fx(() -> app.robot.lookup("#runList").query().isVisible())).as("no list without runs").isFalse();
    }

    @Test
    void aRunMadeOnTheCommandLineOpensInTheWindow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new String[] {"run", "2", "--format", "json", "--lessons",
                        AppDriver.repo().resolve("lessons").toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path file = Files.write(files.resolve("r.json"), out.toByteArray());

        // as java -jar target/processlab.jar r.json opens it
        launch(file.toString());
        app.waitFor("the command line's run", Duration.ofSeconds(30),
                () -> app.vm().selectedProperty().get() != null
                        && app.vm().selectedProperty().get().id().equals("02-first-processes")
                        && app.vm().run().statusProperty().get().contains("opened r.json"));
        waitForSavedShown("the command line's run in the views");
        assertThat(consoleTexts()).containsExactlyInAnyOrder("Square of 10: 100", "Cube of 10: 1000", "Done!");
        assertThat(app.fx(() -> app.shell().timeline().getLanes().size())).isEqualTo(3);
        assertThat(app.fx(() -> app.vm().runs().runs().size())).as("listed with lesson 02").isEqualTo(1);
        app.screenshot("kept-run-from-the-command-line");

        // dropped on the window, it opens too
        app.clickLesson("04-");
        app.waitFor("lesson 04", Duration.ofSeconds(10), () -> app.vm().run().savedShown() == null);
        app.fx(() -> {
            javafx.scene.Node target = app.shell();
            javafx.scene.input.Dragboard board = FileClipboard.of(file.toFile());
            javafx.geometry.Bounds b = target.localToScreen(target.getBoundsInLocal());
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.event.Event.fireEvent(target, new javafx.scene.input.DragEvent(target, target,
                    javafx.scene.input.DragEvent.DRAG_DROPPED, board, x, y, x, y,
                    javafx.scene.input.TransferMode.COPY, null, target, null));
        });
        app.waitFor("the dropped run", Duration.ofSeconds(30),
                () -> app.vm().selectedProperty().get().id().equals("02-first-processes")
                        && app.vm().run().savedShown() != null);
        assertThat(app.fx(() -> app.vm().runs().runs().size())).as("still listed once").isEqualTo(1);
    }

    @Test
    void aRunOfNoLessonOpensBesideNoLessonsQuestion() throws Exception {
        Path program = Files.writeString(files.resolve("mine.py"), "print('mine ran')\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new String[] {"run", program.toString(), "--format", "json"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path file = Files.write(files.resolve("mine.json"), out.toByteArray());

        // at start: no lesson (and none of its question) comes with it, and Run has nothing of a lesson to run
        launch(file.toString());
        waitForSavedShown("the run of mine.py");
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).contains("opened mine.json");
        assertThat(app.fx(() -> app.vm().selectedProperty().get())).as("no lesson beside it").isNull();
        assertThat(app.fx(() -> app.vm().prediction().predictionProperty().get())).as("no lesson's question").isNull();
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled())).as("nothing of a lesson to run")
                .isTrue();
        assertThat(consoleTexts()).containsExactly("mine ran");
        app.screenshot("opened-run-of-no-lesson");

        // opened while a lesson is shown: it leaves that lesson
        app.clickLesson("02-");
        app.waitFor("lesson 02", Duration.ofSeconds(10), () -> app.vm().run().savedShown() == null
                && app.vm().selectedProperty().get() != null);
        app.fx(() -> app.vm().openRun(file));
        app.waitFor("the run of mine.py again", Duration.ofSeconds(30),
                () -> app.vm().run().savedShown() != null && app.vm().selectedProperty().get() == null);
        assertThat(app.fx(() -> app.vm().prediction().predictionProperty().get())).isNull();
        assertThat(app.fx(() -> app.robot.lookup("#runButton").query().isDisabled())).isTrue();
    }
}
