package org.processlab.ui.shell.views;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Scene;
import javafx.scene.layout.VBox;

import org.processlab.model.Clock;
import org.processlab.model.LineMarks;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Stream;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.timeline.Timeline;

/**
 * A rehearsal of the run views, so that the first real run does not pay for their first use. The first frames of a
 * JVM's first run made the table's first rows, the timeline's first lanes and the console's first cells: classes
 * loaded, string concatenations linked, the theme's CSS selectors matched, all in code the JIT had not compiled yet.
 * FxBench measured 115–170 ms of FX thread CPU in one such frame, the longest frame gap of that run (with 256
 * children and a flood of output; a warm run's longest was under 100 ms).
 *
 * <p>The rehearsal makes a second {@link RunViews} (timeline, process table, console, over a model of their own) in a
 * scene that is never shown, with the window's stylesheets and text size, and shows them the frames of a made-up
 * run, by the route a run's frames take ({@link RunViews#show}): a main process, a child that ends with exit code 0
 * and is joined, one ended by SIGTERM, one that stays a zombie until reaped, an orphan, output on stdout and stderr,
 * kernel states, a process selected and then not. It styles, lays out and draws them, then drops them. It starts no
 * process and touches neither the window's views nor its models. {@link RunViewsWarmUp} plays it, one step per pulse,
 * each step its own FX task.
 *
 * <p>Threading: FX thread only; every field is written there.
 */
final class RunViewsRehearsal {
    private static final long MAIN = 1_000_001;
    private static final long SUPERVISOR = 1_000_000;
    /** Children in the made-up run, and how many arrive per frame. */
    private static final int CHILDREN = 24;
    private static final int PER_FRAME = 4;

    private final VBox root = new VBox();
    private final RunViewsModel viewsModel = new RunViewsModel();
    private final RunModel model = new RunModel();
    private final List<List<RunEvent>> frames;
    private RunViews views;
    private int frame;
    private int linesShown;

    RunViewsRehearsal(List<String> stylesheets, String style) {
        root.getStylesheets().setAll(stylesheets);
        root.setStyle(style);
        new Scene(root, 900, 700);
        frames = rehearsal(Clock.nowMicros());
    }

    /**
     * One step of the rehearsal: makes the views, then one frame of the made-up run per call, then drops the views.
     * FxBench measured the steps of a cold JVM at 20–120 ms each.
     *
     * @return false when the rehearsal is over
     */
    boolean step() {
        if (views == null) {
            views = new RunViews(viewsModel);
            views.timeline().setPrefHeight(300);
            root.getChildren().setAll(views.timeline(), views.table(), views.console());
        } else if (frame < frames.size()) {
            feed(frames.get(frame++));
        } else {
            root.getChildren().clear();
            return false;
        }
        root.applyCss();
        root.layout();
        views.timeline().redrawNow();
        return true;
    }

    /** The rehearsal's own run, views and their model, for its test and for priming the window's cells. */
    RunModel model() {
        return model;
    }

    RunViewsModel viewsModel() {
        return viewsModel;
    }

    Timeline timeline() {
        return views.timeline();
    }

    /** True while the rehearsal's views are in its scene (from the first step until the last). */
    boolean viewsBuilt() {
        return !root.getChildren().isEmpty();
    }

    private void feed(List<RunEvent> events) {
        events.forEach(model::append);
        RunSnapshot s = model.snapshot();
        int first = linesShown;
        List<RunEvent.OutputLine> lines = new ArrayList<>();
        for (int i = first; i < model.output().size(); i++) {
            lines.add(model.output().get(i));
        }
        linesShown = model.output().size();
        long now = events.get(events.size() - 1).t();
        views.show(new RunFrame(s, true, now, first, lines, 0, LineMarks.NONE, model.output()));
        // a process chosen, as a user clicks one, every other frame: the selected styles, the console's filter
        Long pick = s.processes().size() > 1 ? s.processes().get(1).pid() : null;
        viewsModel.selectedPidProperty().set(frame % 2 == 0 ? pick : null);
    }

    /**
     * The made-up run, frame by frame; times in epoch microseconds from {@code t0}. Children arrive a few per frame
     * (new table rows below the old ones, as in a real run), each kind of life the views draw differently.
     */
    private static List<List<RunEvent>> rehearsal(long t0) {
        List<List<RunEvent>> frames = new ArrayList<>();
        frames.add(List.of(
                new RunEvent.RunStarted(t0, "rehearsal", List.of("python3", "rehearsal.py"), "fork"),
                new RunEvent.RootSpawned(t0 + 100, MAIN, 1),
                new RunEvent.ProcessSeen(t0 + 200, MAIN, SUPERVISOR, 1, -1, "python3 rehearsal.py", true),
                new RunEvent.OutputLine(t0 + 300, MAIN, Stream.STDOUT, "main starts", false),
                new RunEvent.KernelState(t0 + 300, MAIN, 'R')));
        long t = t0 + 1_000;
        for (int batch = 0; batch < CHILDREN / PER_FRAME; batch++) {
            List<RunEvent> f = new ArrayList<>();
            for (int k = 1; k <= PER_FRAME; k++) {
                int n = batch * PER_FRAME + k;
                long pid = MAIN + n;
                String name = "Process-" + n;
                if (n % 4 == 3) {
                    // not a Process object: a program started with subprocess, untraced
                    f.add(new RunEvent.ChildSpawned(t + 10, MAIN, pid, "python3 -c"));
                    f.add(new RunEvent.ProcessSeen(t + 20, pid, MAIN, n + 1, -1, "python3 -c", false));
                } else {
                    f.add(new RunEvent.ChildMade(t, MAIN, n, name, "work", "(" + n + ",)"));
                    f.add(new RunEvent.ChildStarted(t + 10, t + 50, MAIN, pid, name, "p" + n, "work", "(" + n + ",)",
                            n % 2 == 0 ? "fork" : "spawn", n % 5 == 0, n));
                    f.add(new RunEvent.ProcessSeen(t + 20, pid, MAIN, n + 1, -1, "python3 rehearsal.py", true));
                    f.add(new RunEvent.ChildBooted(t + 30, pid, name, "work", "(" + n + ",)", "fork"));
                }
                f.add(new RunEvent.KernelState(t + 40, pid, "RSDT".charAt(n % 4)));
                f.add(new RunEvent.OutputLine(t + 60, pid, n % 3 == 0 ? Stream.STDERR : Stream.STDOUT,
                        name + " says hello", false));
                t += 100;
            }
            // the children of the batch before this one end: joined, killed, a zombie for a while, an orphan
            for (int k = 1; k <= PER_FRAME && batch > 0; k++) {
                int n = (batch - 1) * PER_FRAME + k;
                long pid = MAIN + n;
                switch (n % 4) {
                    case 0 -> {
                        f.add(new RunEvent.JoinBegan(t, MAIN, pid, null));
                        f.add(new RunEvent.Exiting(t + 20, pid, 0));
                        f.add(new RunEvent.Reaped(t + 30, MAIN, pid, 0, 0));
                        f.add(new RunEvent.JoinEnded(t + 40, MAIN, pid, false, 0));
                    }
                    case 1 -> {
                        f.add(new RunEvent.Signalled(t, pid, 15));
                        f.add(new RunEvent.Reaped(t + 30, MAIN, pid, -15, 15));
                    }
                    case 2 -> {
                        f.add(new RunEvent.Exiting(t, pid, 1));
                        f.add(new RunEvent.KernelState(t + 10, pid, 'Z'));
                    }
                    default -> f.add(new RunEvent.ParentChanged(t, pid, MAIN, SUPERVISOR));
                }
                t += 50;
            }
            t += 1_000;
            frames.add(f);
        }
        frames.add(List.of(
                new RunEvent.OutputLine(t, MAIN, Stream.STDOUT, "main ends", false),
                new RunEvent.Exiting(t + 100, MAIN, 0),
                new RunEvent.Reaped(t + 200, SUPERVISOR, MAIN, 0, 0),
                new RunEvent.RunEnded(t + 300, 0)));
        return frames;
    }
}
