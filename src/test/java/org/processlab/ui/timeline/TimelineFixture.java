package org.processlab.ui.timeline;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import atlantafx.base.theme.PrimerLight;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;
import org.processlab.ui.UiToolkit;

/** What the timeline's toolkit tests share: the theme, a made-up run and a timeline shown in a window of its own. */
public final class TimelineFixture {
    /** The run's start, epoch µs. */
    public static final long T0 = 1_700_000_000_000_000L;
    public static final long MAIN = 4000;
    public static final long CHILD = 4001;

    private TimelineFixture() {
    }

    /** Starts the headless toolkit, with the app's theme. */
    public static void toolkit() throws Exception {
        UiToolkit.start();
        fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    /**
     * A finished run of two seconds: main starts a child (which writes to stdout and stderr, sleeps and exits 0) and
     * joins it. FX thread or any.
     */
    public static RunModel finishedRun() {
        RunModel m = new RunModel();
        List.<RunEvent>of(
                new RunEvent.RunStarted(T0, "fixture", List.of("python3", "fixture.py"), "fork"),
                new RunEvent.RootSpawned(T0 + 100, MAIN, 1),
                new RunEvent.ProcessSeen(T0 + 200, MAIN, 1, 1, -1, "python3 fixture.py", true),
                new RunEvent.KernelState(T0 + 300, MAIN, 'R'),
                new RunEvent.ChildMade(T0 + 100_000, MAIN, 1, "Process-1", "work", "()"),
                new RunEvent.ChildStarted(T0 + 200_000, T0 + 250_000, MAIN, CHILD, "Process-1", "p", "work", "()",
                        "fork", false, 1),
                new RunEvent.ProcessSeen(T0 + 210_000, CHILD, MAIN, 2, -1, "python3 fixture.py", true),
                new RunEvent.ChildBooted(T0 + 220_000, CHILD, "Process-1", "work", "()", "fork"),
                new RunEvent.KernelState(T0 + 230_000, CHILD, 'S'),
                new RunEvent.OutputLine(T0 + 300_000, CHILD, Stream.STDOUT, "hello", false),
                new RunEvent.OutputLine(T0 + 400_000, CHILD, Stream.STDERR, "oops", false),
                new RunEvent.JoinBegan(T0 + 500_000, MAIN, CHILD, null),
                new RunEvent.Exiting(T0 + 1_500_000, CHILD, 0),
                new RunEvent.Reaped(T0 + 1_510_000, MAIN, CHILD, 0, 0),
                new RunEvent.JoinEnded(T0 + 1_520_000, MAIN, CHILD, false, 0),
                new RunEvent.Exiting(T0 + 1_900_000, MAIN, 0),
                new RunEvent.Reaped(T0 + 1_950_000, 1, MAIN, 0, 0),
                new RunEvent.RunEnded(T0 + 2_000_000, 0)).forEach(m::append);
        return m;
    }

    /**
     * A finished run of two seconds whose program killed ProcessLab's supervisor (PID 1) at 0.8 s: main and its child
     * ran on, and nobody saw them end, so both are lost from view from then on. FX thread or any.
     */
    public static RunModel lostRun() {
        RunModel m = new RunModel();
        m.setSupervisorPid(1);
        List.<RunEvent>of(
                new RunEvent.RunStarted(T0, "fixture", List.of("python3", "fixture.py"), "fork"),
                new RunEvent.RootSpawned(T0 + 100, MAIN, 1),
                new RunEvent.ProcessSeen(T0 + 200, MAIN, 1, 1, -1, "python3 fixture.py", true),
                new RunEvent.ProcessSeen(T0 + 300_000, CHILD, MAIN, 2, -1, "python3 fixture.py", true),
                new RunEvent.SupervisorLost(T0 + 800_000, 137, false),
                new RunEvent.OutputLine(T0 + 900_000, MAIN, Stream.STDOUT, "main still here", false),
                new RunEvent.LostEnded(T0 + 1_900_000, "sweep", 2, 0),
                new RunEvent.RunEnded(T0 + 2_000_000, null)).forEach(m::append);
        return m;
    }

    /** A timeline showing {@code run}, in no scene yet. FX thread. */
    public static Timeline timeline(RunModel run) {
        Timeline t = new Timeline();
        t.addOutput(0, run.output().range(0, run.output().size()));
        t.setSnapshot(run.snapshot());
        return t;
    }

    /** A timeline showing {@code run}, in a window of its own of {@code w} × {@code h} px. FX thread. */
    public static Timeline show(RunModel run, double w, double h) {
        Timeline t = timeline(run);
        Stage stage = new Stage();
        stage.setScene(new Scene(new StackPane(t), w, h));
        stage.show();
        return t;
    }

    /** Runs {@code c} on the FX thread and waits for its result. */
    public static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
