package org.processlab.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.imageio.ImageIO;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import org.processlab.app.ProcessLabApp;
import org.processlab.lesson.LessonEntry;
import org.processlab.run.RunSession;
import org.processlab.testing.Await;
import org.processlab.ui.shell.ShellView;
import org.processlab.ui.shell.ShellViewModel;

/**
 * Opens the whole ProcessLab window headless (Monocle) for a test, and helps it wait, look and take screenshots.
 * Every wait is a poll with a generous timeout; nothing is timed.
 */
final class AppDriver {
    final FxRobot robot = new FxRobot();
    private Application app;
    private Stage stage;
    private ShellView shell;

    /** The repository's root (surefire sets processlab.repo). */
    static Path repo() {
        return Path.of(System.getProperty("processlab.repo", ".")).toAbsolutePath().normalize();
    }

    /** Starts the app with progress kept in {@code home} and {@code args}; waits until the lessons are loaded. */
    ShellView launch(Path home, String... args) throws TimeoutException {
        System.setProperty("processlab.home", home.toString());
        // a 1440×900 headless screen, like the classroom laptop the window is designed for
        stage = UiToolkit.start();
        // the stage is shared by the tests of this JVM: a test that resized it (a 1024x768 projector) must not
        // leave the next one a small window
        FxToolkit.setupStage(s -> {
            s.setFullScreen(false);   // a presenter test leaves it full screen
            s.setWidth(1440);
            s.setHeight(900);
        });
        app = FxToolkit.setupApplication(ProcessLabApp.class, args);
        waitFor("the main window", Duration.ofSeconds(30), () -> robot.lookup("#shell").tryQuery().isPresent());
        shell = (ShellView) robot.lookup("#shell").query();
        waitFor("the lessons to load", Duration.ofSeconds(30), () -> shell.viewModel().loadedProperty().get());
        return shell;
    }

    ShellView shell() {
        return shell;
    }

    ShellViewModel vm() {
        return shell.viewModel();
    }

    /** Closes the app (as a test would between two starts) and ends every run. */
    void close() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
        RunSession.closeAll();
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code r} on the FX thread and waits for it. */
    void fx(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /**
     * Polls {@code condition} on the FX thread until it holds; fails with {@code what} after {@code timeout}. A
     * condition that throws, or an FX thread that does not answer within 10 s, counts as "not yet".
     */
    void waitFor(String what, Duration timeout, BooleanSupplier condition) {
        Await.atMost(timeout).every(Duration.ofMillis(50)).until(what, () -> onFx(condition));
    }

    private static boolean onFx(BooleanSupplier condition) {
        try {
            return Boolean.TRUE.equals(WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get(10, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the FX thread did not answer within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Makes the window {@code width} × {@code height} (leaving full screen first, as a projector's window would not
     * be) and waits until the window's content has that width.
     */
    public void resizeWindow(double width, double height) {
        fx(() -> {
            Stage stage = (Stage) shell().getScene().getWindow();
            stage.setFullScreen(false);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        waitFor("a " + (int) width + "x" + (int) height + " window", Duration.ofSeconds(10),
                () -> shell().getScene().getWidth() == width);
    }

    /**
     * Waits until {@code n} more pulses of the FX toolkit have passed: the frames in which anything animated (a
     * playing replay, the model pulse) would have moved.
     */
    void waitForPulses(int n) {
        AtomicInteger seen = new AtomicInteger();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                seen.incrementAndGet();
            }
        };
        fx(counter::start);
        try {
            Await.atMost(Duration.ofSeconds(30)).until(n + " pulses", seen::get, c -> c >= n);
        } finally {
            fx(counter::stop);
        }
    }

    /** Waits (up to 60 s) for the current run to end and for the window's views, the timeline too, to show its end. */
    void waitForRunShown() {
        waitFor("the run to end and the views to show it", Duration.ofSeconds(60), () -> {
            var model = vm().run().model();
            return model != null && model.snapshot().status().finished() && !vm().run().runningProperty().get()
                    && shell.timeline().getSnapshot() != null && shell.timeline().getSnapshot().status().finished();
        });
    }

    /** The lesson whose folder name starts with {@code prefix} ({@code "02-"}). */
    LessonEntry lesson(String prefix) {
        return fx(() -> vm().lessons().stream().filter(e -> e.id().startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no lesson " + prefix + "* in " + vm().lessons())));
    }

    /**
     * Writes lesson {@code 01-sleeper} under {@code root}: main starts one child that sleeps 120 s and joins it, so a
     * run lasts until it is stopped, with two processes alive. Returns the lesson's folder.
     */
    static Path writeSleeperLesson(Path root) throws java.io.IOException {
        return writeLesson(root, "01-sleeper", "A child that sleeps", "sleeper.py", """
                import multiprocessing
                import time


                def nap():
                    time.sleep(120)


                if __name__ == "__main__":
                    p = multiprocessing.Process(target=nap)
                    p.start()
                    print("napping", flush=True)
                    p.join()
                """);
    }

    /**
     * Writes a lesson with one example under {@code root}: {@code id/lesson.md} (title, order 1, the
     * example) and {@code id/file} holding {@code code}. Returns the lesson's folder.
     */
    static Path writeLesson(Path root, String id, String title, String file, String code) throws java.io.IOException {
        Path dir = java.nio.file.Files.createDirectories(root.resolve(id));
        java.nio.file.Files.writeString(dir.resolve("lesson.md"), "---\ntitle: " + title + "\norder: 1\nexample: " + file
                + "\n---\n# " + title + "\n");
        java.nio.file.Files.writeString(dir.resolve(file), code);
        return dir;
    }

    /** Clicks the lesson's row in the list, as a person would. */
    void clickLesson(String prefix) {
        LessonEntry e = lesson(prefix);
        // On a loaded machine a click can land while the list is still being laid out (a banner appearing
        // above it moves the rows): click again, as a person would, until the lesson is shown.
        for (int attempt = 1; ; attempt++) {
            fx(() -> shell.lessonList().scrollTo(e));
            waitFor("the row of " + e.id(), Duration.ofSeconds(10), () -> lessonCell(e) != null);
            Node cell = fx(() -> lessonCell(e));
            robot.clickOn(cell);
            try {
                waitFor(e.id() + " to be shown", Duration.ofSeconds(attempt < 4 ? 3 : 10),
                        () -> vm().selectedProperty().get() == e);
                return;
            } catch (AssertionError notYet) {
                if (attempt >= 4) {
                    throw notYet;
                }
            }
        }
    }

    private Node lessonCell(LessonEntry e) {
        for (Node n : shell.lessonList().lookupAll(".lesson-cell")) {
            if (n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == e && c.isVisible()) {
                return n;
            }
        }
        return null;
    }

    /** Waits for the prediction's reveal card (it comes once a run has ended) and closes it, to give the views room. */
    void dismissReveal() {
        waitFor("the reveal card", Duration.ofSeconds(30), () -> vm().prediction().revealProperty().get() != null
                && revealClose() != null);
        robot.clickOn(fx(this::revealClose));
        waitFor("the reveal card to close", Duration.ofSeconds(10), () -> vm().prediction().revealProperty().get() == null);
    }

    private Node revealClose() {
        for (Node n : shell.lookupAll("#prediction .button")) {
            if (n instanceof javafx.scene.control.Button b && b.getTooltip() != null
                    && "Hide".equals(b.getTooltip().getText()) && b.isVisible()) {
                return b;
            }
        }
        return null;
    }

    /** Clicks a node found by CSS selector, once it is there and enabled. */
    void click(String selector) {
        waitFor(selector + " to be clickable", Duration.ofSeconds(15), () -> robot.lookup(selector).tryQuery()
                .map(n -> n.isVisible() && !n.isDisabled()).orElse(false));
        robot.clickOn(selector);
    }

    /** Saves a PNG of the whole window under {@code processlab.screenshots} (default target/screenshots). */
    Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("processlab.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        // two pulses, so the last frame has been laid out and drawn
        WaitForAsyncUtils.waitForFxEvents(4);
        WritableImage img = fx(() -> {
            shell.getScene().getRoot().applyCss();
            shell.getScene().getRoot().layout();
            shell.timeline().redrawNow();
            return shell.getScene().snapshot(null);
        });
        BufferedImage buf = SwingFXUtils.fromFXImage(img, null);
        try {
            Files.createDirectories(dir);
            ImageIO.write(buf, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Saves a PNG of one node, at twice its size (to look at details). */
    Path nodeScreenshot(Node node, String name) {
        Path dir = Path.of(System.getProperty("processlab.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        WaitForAsyncUtils.waitForFxEvents(4);
        WritableImage img = fx(() -> {
            if (node instanceof org.processlab.ui.timeline.Timeline t) {
                t.applyCss();
                t.layout();
                t.redrawNow();
            }
            javafx.scene.SnapshotParameters p = new javafx.scene.SnapshotParameters();
            p.setTransform(javafx.scene.transform.Transform.scale(2, 2));
            return node.snapshot(p, null);
        });
        try {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** Saves an image taken earlier (e.g. in a listener, at a moment of a live run) as a PNG under the screenshots dir. */
    Path save(javafx.scene.image.Image img, String name) {
        Path dir = Path.of(System.getProperty("processlab.screenshots", "target/screenshots"));
        Path file = dir.resolve(name + ".png");
        try {
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * The screen point of time {@code t} (epoch µs) on the timeline, at the height of lane {@code lane}'s bar (the
     * plot, not the header).
     */
    javafx.geometry.Point2D timelinePoint(org.processlab.ui.timeline.Timeline t, long time, int lane) {
        return fx(() -> {
            t.applyCss();
            t.layout();
            t.redrawNow();
            double axis = Math.ceil(t.getSmallFont().getSize() * 2.3);
            double x = t.xOfTime(time);
            if (Double.isNaN(x)) {
                throw new IllegalStateException("the timeline has not been drawn");
            }
            return t.localToScreen(x, axis + (lane + 0.6) * t.getLaneHeight());
        });
    }

    /** The middle of lane {@code i}'s header, in screen coordinates. */
    javafx.geometry.Point2D laneHeaderOnScreen(org.processlab.ui.timeline.Timeline t, int i) {
        return fx(() -> {
            double axis = Math.ceil(t.getSmallFont().getSize() * 2.3);
            return t.localToScreen(t.getHeaderWidth() / 2, axis + (i + 0.5) * t.getLaneHeight());
        });
    }

    /** Clicks lane {@code i} of the timeline, as a person would. */
    void clickLane(org.processlab.ui.timeline.Timeline t, int i) {
        robot.clickOn(laneHeaderOnScreen(t, i), javafx.scene.input.MouseButton.PRIMARY);
    }

    /**
     * Moves the mouse (synthetic events on the canvas) along the tick row of lane {@code i} until a tooltip
     * shows; returns its text.
     */
    String hoverTick(org.processlab.ui.timeline.Timeline t, int i) {
        return fx(() -> {
            javafx.scene.canvas.Canvas canvas = (javafx.scene.canvas.Canvas) t.lookup(".pl-timeline-plot > .canvas");
            if (canvas == null) {
                canvas = (javafx.scene.canvas.Canvas) ((javafx.scene.layout.Pane) t.lookup(".pl-timeline-plot"))
                        .getChildren().get(0);
            }
            double axis = Math.ceil(t.getSmallFont().getSize() * 2.3);
            double y = axis + i * t.getLaneHeight() + t.getLaneHeight() * 0.25;
            for (double x = t.getHeaderWidth(); x < canvas.getWidth(); x += 1) {
                javafx.geometry.Point2D s = canvas.localToScreen(x, y);
                javafx.geometry.Point2D sc = canvas.localToScene(x, y);
                javafx.event.Event.fireEvent(canvas, new javafx.scene.input.MouseEvent(
                        javafx.scene.input.MouseEvent.MOUSE_MOVED, sc.getX(), sc.getY(), s.getX(), s.getY(),
                        javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                        false, false, false, null));
                for (javafx.stage.Window w : javafx.stage.Window.getWindows()) {
                    if (w instanceof javafx.scene.control.Tooltip tip && tip.isShowing()
                            && tip.getStyleClass().contains("pl-timeline-tooltip")) {
                        String text = tip.getText();
                        tip.hide();
                        return text;
                    }
                }
            }
            return "";
        });
    }

    /** Texts of the labels under {@code root} (for checking what is on screen). */
    List<String> texts(Node root) {
        return fx(() -> {
            List<String> out = new ArrayList<>();
            collect(root, out);
            return out;
        });
    }

    private static void collect(Node n, List<String> out) {
        if (n instanceof javafx.scene.control.Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }
}
