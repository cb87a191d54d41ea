package org.processlab.ui.shell.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonLibrary;
import org.processlab.model.RunModel;
import org.processlab.model.StartMethod;
import org.processlab.run.RunSession;
import org.processlab.store.RunLogs;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.QueuedFrames;
import org.processlab.ui.processes.ProcessRow;

/**
 * The run's view model without a window (no toolkit, no TestFX): real runs through the engine, their frames built and
 * handed over on the test's thread, which plays the FX thread. Status, errors, the views' rows and lines, the run log,
 * and what happens after the end.
 */
class RunViewModelTest {
    private static final Duration RUN = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private RunViewModel run;

    private RunViewModel run() {
        if (run == null) {
            run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs")));
        }
        return run;
    }

    @AfterEach
    void endRuns() {
        if (run != null) {
            run.dropCurrent();
        }
        RunSession.closeAll();
    }

    private static Example lessonTwo() {
        Path lessons = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");
        return LessonLibrary.load(lessons).stream().filter(e -> e.id().startsWith("02-")).map(e -> (Lesson) e)
                .findFirst().orElseThrow().example();
    }

    private Path program(String name, String code) throws Exception {
        return Files.writeString(home.resolve(name), code);
    }

    private static RunRequest request(Path file, Optional<StartMethod> method, String python, Integer limit) {
        return new RunRequest("test run", file, List.of(), method, python, "02-first-processes", limit);
    }

    @Test
    void aRunOfLessonTwoEndsWithEveryProcessInTheTableEveryLineInTheConsoleAndItsResultWithTheLastFrame()
            throws Exception {
        RunViewModel vm = run();
        Example two = lessonTwo();
        List<String> shown = new ArrayList<>();
        List<Boolean> lastFrameShownFirst = new ArrayList<>();
        vm.start(request(two.file(), Optional.of(StartMethod.FORK), null, null),
                m -> m.snapshot().processes().size() + " processes", r -> {
                    shown.add(r);
                    lastFrameShownFirst.add(vm.frameProperty().get().finished());
                });
        assertThat(vm.statusProperty().get()).isEqualTo("Starting…");
        assertThat(vm.runningProperty().get()).isTrue();

        ui.runUntil("the run's result", RUN, () -> !shown.isEmpty());

        assertThat(shown).containsExactly("3 processes");
        assertThat(lastFrameShownFirst).as("the result comes with the frame that shows the end").containsExactly(true);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Ended — exit 0");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.OK);
        assertThat(vm.startMethodsUsedProperty().get()).isEqualTo("fork");
        assertThat(vm.errorProperty().get()).isNull();
        RunModel model = vm.model();
        assertThat(vm.table().rows()).extracting(ProcessRow::getPid)
                .containsExactlyElementsOf(model.snapshot().processes().stream().map(p -> p.pid()).toList());
        assertThat(vm.console().allRows()).extracting(ConsoleRow::text)
                .containsExactlyInAnyOrder("Square of 10: 100", "Cube of 10: 1000", "Done!");
        assertThat(vm.paletteProperty().get().colorOf(model.snapshot().processes().get(0).pid()))
                .as("the main process has the palette's first colour")
                .isEqualTo(org.processlab.ui.fx.ProcessPalette.ON_LIGHT.marks().get(0));

        // every line is also in the run's log, named after the lesson and the moment it began
        Path log = vm.console().logFileProperty().get();
        assertThat(log.getParent()).isEqualTo(home.resolve("runs"));
        assertThat(log.getFileName().toString()).matches("\\d{8}-\\d{6}-\\d{3}-02-first-processes\\.log");
        assertThat(Files.readString(log)).contains("Done!");
    }

    @Test
    void aMissingPythonFailsTheRunAndTheBannerSaysWhy() throws Exception {
        RunViewModel vm = run();
        List<Object> shown = new ArrayList<>();
        vm.start(request(lessonTwo().file(), Optional.empty(), home.resolve("no-such-python3").toString(), null),
                m -> null, shown::add);
        ui.runUntil("the run to fail", RUN, () -> !vm.runningProperty().get());

        assertThat(vm.errorTitleProperty().get()).isEqualTo("Python was not found");
        assertThat(vm.errorProperty().get()).isNotBlank();
        assertThat(vm.statusProperty().get()).startsWith("Error: ");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.ERROR);
        assertThat(vm.table().rows()).isEmpty();
        assertThat(shown).as("nothing to show after a failed run").isEmpty();

        vm.dismissError();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void anExitStatusOtherThanZeroIsShownAsAnError() throws Exception {
        RunViewModel vm = run();
        vm.start(request(program("three.py", "import sys\nprint('bye')\nsys.exit(3)\n"), Optional.empty(), null, null),
                m -> null, r -> { });
        ui.runUntil("the run to end", RUN, () -> !vm.runningProperty().get());

        assertThat(vm.statusProperty().get()).isEqualTo("Ended — exit 3");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.ERROR);
        assertThat(vm.console().allRows()).extracting(ConsoleRow::text).containsExactly("bye");
    }

    @Test
    void theTimeLimitStopsTheRunAndTheStatusSaysSo() throws Exception {
        RunViewModel vm = run();
        vm.start(request(program("sleeps.py", "import time\nprint('going', flush=True)\ntime.sleep(60)\n"),
                Optional.empty(), null, 1), m -> null, r -> { });
        ui.runUntil("the time limit to stop the run", RUN, () -> !vm.runningProperty().get());

        assertThat(vm.statusProperty().get()).isEqualTo("Stopped: time limit");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.STOPPED);
    }

    @Test
    void stopEndsTheRunAndResetEmptiesTheViews() throws Exception {
        RunViewModel vm = run();
        vm.start(request(program("sleeps.py", "import time\nprint('going', flush=True)\ntime.sleep(60)\n"),
                Optional.empty(), null, null), m -> null, r -> { });
        ui.runUntil("the program's first line", RUN, () -> !vm.console().allRows().isEmpty());
        assertThat(vm.statusProperty().get()).isEqualTo("Running…");

        vm.stop();
        assertThat(vm.statusProperty().get()).isEqualTo("Stopping…");
        ui.runUntil("the run to stop", RUN, () -> !vm.runningProperty().get());
        assertThat(vm.statusProperty().get()).isEqualTo("Stopped");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.STOPPED);

        vm.selectedPidProperty().set(vm.table().rows().get(0).getPid());
        vm.cursorTimeProperty().set(vm.model().snapshot().startedAt());
        vm.reset();
        assertThat(vm.model()).isNull();
        assertThat(vm.frameProperty().get()).isNull();
        assertThat(vm.table().rows()).isEmpty();
        assertThat(vm.console().allRows()).isEmpty();
        assertThat(vm.selectedPidProperty().get()).isNull();
        assertThat(vm.cursorTimeProperty().get()).isEqualTo(-1);
        assertThat(vm.statusProperty().get()).isEqualTo("Ready");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.IDLE);
    }

    @Test
    void interruptIsSigintThenSigtermAndTheStatusSaysWhichAndHowTheRunEnded() throws Exception {
        RunViewModel vm = run();
        vm.interrupt();
        assertThat(vm.statusProperty().get()).as("no run: nothing to interrupt").isEqualTo("Ready");
        vm.start(request(program("carries_on.py", """
                import time
                print('going', flush=True)
                while True:
                    try:
                        time.sleep(60)
                    except KeyboardInterrupt:
                        print('KeyboardInterrupt: carrying on', flush=True)
                """), Optional.empty(), null, null), m -> null, r -> { });
        ui.runUntil("the program's first line", RUN, () -> !vm.console().allRows().isEmpty());

        vm.interrupt();
        assertThat(vm.statusProperty().get()).isEqualTo("Interrupting (SIGINT)…");
        ui.runUntil("the program to catch it", RUN, () -> vm.console().allRows().size() == 2);
        assertThat(vm.runningProperty().get()).as("it carries on").isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Interrupting (SIGINT)…");
        vm.interrupt();
        assertThat(vm.statusProperty().get()).isEqualTo("Interrupting (SIGTERM)…");
        ui.runUntil("SIGTERM to end the run", RUN, () -> !vm.runningProperty().get());

        assertThat(vm.statusProperty().get()).isEqualTo("Interrupted (SIGINT) — exit 143 (SIGTERM)");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.STOPPED);
        assertThat(vm.console().allRows()).extracting(ConsoleRow::text)
                .containsExactly("going", "KeyboardInterrupt: carrying on");

        // the next run is interrupted from the start again: SIGINT first
        vm.start(request(program("sleeps.py", "import time\nprint('going', flush=True)\ntime.sleep(60)\n"),
                Optional.empty(), null, null), m -> null, r -> { });
        // the program's own line, in the new run's model: it runs its own code (a SIGINT during the interpreter's
        // start-up, while site.py runs, is lost, in CPython as at a terminal)
        RunModel second = vm.model();
        ui.runUntil("the next run's first line", RUN, () -> second.output().size() == 1);
        vm.interrupt();
        assertThat(vm.statusProperty().get()).isEqualTo("Interrupting (SIGINT)…");
        ui.runUntil("SIGINT to end it", RUN, () -> !vm.runningProperty().get());
        assertThat(vm.statusProperty().get()).isEqualTo("Interrupted (SIGINT) — exit 130 (SIGINT)");
    }

    @Test
    void aRunReplacedByANewerOneBringsNothingBack() throws Exception {
        RunViewModel vm = run();
        List<String> shown = new ArrayList<>();
        vm.start(request(program("sleeps.py", "import time\ntime.sleep(60)\n"), Optional.empty(), null, null),
                m -> "first", shown::add);
        RunModel first = vm.model();
        vm.start(request(lessonTwo().file(), Optional.empty(), null, null), m -> "second", shown::add);
        assertThat(vm.model()).isNotSameAs(first);

        ui.runUntil("the second run's result", RUN, () -> !shown.isEmpty());
        ui.runUntil("the first run to be ended", RUN, () -> first.snapshot().status().finished());
        assertThat(shown).containsExactly("second");
        assertThat(vm.console().allRows()).extracting(ConsoleRow::text).contains("Done!");
    }

    @Test
    void aHintShowsOnlyWhileNoRunIsGoingOn() throws Exception {
        RunViewModel vm = run();
        vm.hint("Answer the question first (or skip it), then Run");
        assertThat(vm.statusProperty().get()).isEqualTo("Answer the question first (or skip it), then Run");
        assertThat(vm.statusKindProperty().get()).isEqualTo(RunViewModel.StatusKind.IDLE);

        vm.start(request(program("sleeps.py", "import time\ntime.sleep(60)\n"), Optional.empty(), null, null),
                m -> null, r -> { });
        vm.hint("not now");
        assertThat(vm.statusProperty().get()).isNotEqualTo("not now");
    }

    @Test
    void onlyTheNewestRunLogsAreKept() throws Exception {
        Path runs = Files.createDirectories(home.resolve("runs"));
        for (int i = 0; i < RunLogs.KEEP + 5; i++) {
            Files.writeString(runs.resolve(String.format("20000101-000000-%03d-old.log", i)), "old");
        }
        RunViewModel vm = run();
        vm.start(request(program("quick.py", "print('hi')\n"), Optional.empty(), null, null), m -> null, r -> { });
        ui.runUntil("the run to end", RUN, () -> !vm.runningProperty().get());
        try (Stream<Path> logs = Files.list(runs)) {
            List<String> names = logs.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSizeLessThanOrEqualTo(RunLogs.KEEP + 1)
                    .doesNotContain("20000101-000000-000-old.log", "20000101-000000-004-old.log");
        }
    }
}
