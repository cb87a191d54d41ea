package org.processlab.ui.shell.toolbar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Example;
import org.processlab.model.LineMarks;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.StartMethod;
import org.processlab.run.RunSession;
import org.processlab.store.RunLogs;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.shell.run.RunRequest;
import org.processlab.ui.shell.run.RunViewModel;

/** The toolbar's texts and choices: start-method notes, time limits, the "lowered" note. No toolkit. */
class RunToolbarViewModelTest {
    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    /** The sink of the run's frame source: the test shows the run frames of its own. */
    private Consumer<RunFrame> frames;
    private RunViewModel run;
    private RunToolbarViewModel toolbar;

    @BeforeEach
    void open() {
        run = new RunViewModel(ui, (model, sink) -> {
            frames = sink;
            return () -> { };
        }, new RunLogs(home.resolve("runs")));
        toolbar = new RunToolbarViewModel(run);
    }

    @AfterEach
    void end() {
        run.dropCurrent();
        RunSession.closeAll();
    }

    private static Example meantFor(StartMethod... methods) {
        return new Example("ex", Path.of("/ex.py"), List.of(), List.of(methods), null);
    }

    @Test
    void theFirstExampleOfALessonIsChosenAndTheDefaultStartMethodNeedsNoNote() {
        Example a = meantFor(StartMethod.FORK);
        Example b = meantFor();
        toolbar.offer(List.of(a, b));
        assertThat(toolbar.examples()).containsExactly(a, b);
        assertThat(toolbar.exampleProperty().get()).isSameAs(a);
        assertThat(toolbar.startMethodProperty().get()).isEmpty();
        assertThat(toolbar.methodNoteProperty().get()).isEmpty();
        toolbar.offer(List.of());
        assertThat(toolbar.exampleProperty().get()).isNull();
    }

    @Test
    void aStartMethodTheExampleIsNotMeantForIsNoted() {
        toolbar.offer(List.of(meantFor(StartMethod.FORK, StartMethod.SPAWN), meantFor()));
        toolbar.startMethodProperty().set(Optional.of(StartMethod.FORKSERVER));
        assertThat(toolbar.methodNoteProperty().get())
                .isEqualTo("This example is meant for fork, spawn: under forkserver it may not show what the lesson says");
        toolbar.exampleProperty().set(toolbar.examples().get(1));
        assertThat(toolbar.methodNoteProperty().get()).as("an example meant for any method").isEmpty();
        toolbar.startMethodProperty().set(null);
        assertThat(toolbar.startMethodProperty().get()).as("none is the default").isEmpty();
    }

    @Test
    void choicesReadAsAPersonSaysThem() {
        assertThat(RunToolbarViewModel.START_METHODS).extracting(RunToolbarViewModel::methodText)
                .containsExactly("Default", "fork", "spawn", "forkserver");
        assertThat(RunToolbarViewModel.TIME_LIMITS).extracting(RunToolbarViewModel::limitChoiceText)
                .containsExactly("No time limit", "Stop after 5 s", "Stop after 10 s", "Stop after 30 s",
                        "Stop after 1 min", "Stop after 5 min");
        assertThat(toolbar.timeLimitTextProperty().get()).isEqualTo("no limit");
        toolbar.timeLimitProperty().set(300);
        assertThat(toolbar.timeLimitTextProperty().get()).isEqualTo("5 min");
        toolbar.timeLimitProperty().set(90);
        assertThat(toolbar.timeLimitTextProperty().get()).isEqualTo("90 s");
    }

    @Test
    void aLoweredRunSaysWhenItWasLoweredCountedFromTheRunsStartAndWhy() {
        run.start(new RunRequest("t", home.resolve("x.py"), List.of(), Optional.empty(),
                home.resolve("no-such-python3").toString(), "x", null), m -> null, r -> { });
        RunModel m = new RunModel();
        long t0 = 1_700_000_000_000_000L;
        m.append(new RunEvent.RunStarted(t0, "busy", List.of("python3", "busy.py"), null));
        m.append(new RunEvent.RootSpawned(t0 + 10, 4242, 1));
        m.append(new RunEvent.PriorityLowered(t0 + 1_254_000, 10, "it has made 16 processes"));
        frames.accept(new RunFrame(m.snapshot(), true, t0 + 1_300_000, 0, List.of(), 0, LineMarks.NONE, m.output()));

        assertThat(run.priorityLoweredProperty().get()).isNotNull();
        assertThat(toolbar.loweredProperty().get()).isEqualTo("lowered at 1.25 s");
        assertThat(toolbar.loweredDetailProperty().get()).isEqualTo("This run turned busy (it has made 16 "
                + "processes), so ProcessLab lowered its priority 10 steps (nice) to keep the window drawing. On a "
                + "busy computer, its times after 1.25 s may be stretched. The CLI lowers a run only when given --nice.");
    }

    @Test
    void theStartMethodsTheChildrenUsedAreShown() {
        run.start(new RunRequest("t", home.resolve("x.py"), List.of(), Optional.empty(),
                home.resolve("no-such-python3").toString(), "x", null), m -> null, r -> { });
        assertThat(toolbar.usedMethodsProperty().get()).isEmpty();
        RunModel m = new RunModel();
        long t0 = 1_700_000_000_000_000L;
        m.append(new RunEvent.RunStarted(t0, "t", List.of("python3"), "spawn"));
        m.append(new RunEvent.RootSpawned(t0 + 10, 4242, 1));
        m.append(new RunEvent.ChildStarted(t0 + 20, t0 + 30, 4242, 4243, "Process-1", "p1", "work", "()", "spawn",
                false, 1));
        frames.accept(new RunFrame(m.snapshot(), true, t0 + 40, 0, List.of(), 0, LineMarks.NONE, m.output()));
        assertThat(toolbar.usedMethodsProperty().get()).isEqualTo("used: spawn");
    }
}
