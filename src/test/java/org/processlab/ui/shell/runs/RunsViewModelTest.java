package org.processlab.ui.shell.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.export.SavedRun;
import org.processlab.lesson.Example;
import org.processlab.lesson.LessonEntry;
import org.processlab.model.RunModel;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.StopReason;
import org.processlab.run.RunSession;
import org.processlab.store.KeptRun;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunKey;
import org.processlab.store.RunLogs;
import org.processlab.store.RunStore;
import org.processlab.store.SettingsStore;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.QueuedFrames;
import org.processlab.ui.shell.ShellViewModel;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * Kept runs without a window, over the repository's lessons and real runs: a run is kept when it ends, coming back to
 * its lesson shows it read back from disk (as it ended), the run list names each one, a restart keeps them, a run is
 * saved to a file and opened again, and a file that is not a run changes nothing.
 */
class RunsViewModelTest {
    private static final Path LESSONS = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");

    @TempDir
    Path home;
    @TempDir
    Path files;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private ShellViewModel vm;

    @BeforeEach
    void open() {
        vm = openShell();
    }

    private ShellViewModel openShell() {
        RunViewModel run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs/logs")));
        ShellViewModel s = new ShellViewModel(LESSONS, null, ProgressStore.open(home), SettingsStore.open(home), run,
                ui);
        s.loadLessons();
        return s;
    }

    @AfterEach
    void close() {
        vm.close();
        RunSession.closeAll();
    }

    private LessonEntry lesson(String prefix) {
        return vm.lessons().stream().filter(e -> e.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    /** Runs lesson 02 (question skipped) and waits until it has ended and been kept. */
    private RunModel runLessonTwo() throws InterruptedException {
        vm.selectedProperty().set(lesson("02-"));
        if (vm.prediction().runAllowedProperty().get() == Boolean.FALSE) {
            vm.prediction().skip();
        }
        int before = vm.runs().runs().size();
        vm.runExample();
        ui.runUntil("the run to end and be kept", Duration.ofSeconds(60),
                () -> vm.runs().runs().size() > before && !vm.run().runningProperty().get());
        return vm.run().model();
    }

    private static RunSnapshot withoutVersion(RunSnapshot s) {
        return new RunSnapshot(0, s.status(), s.title(), s.startedAt(), s.endedAt(), s.now(), s.processes(),
                s.rootStatus(), s.stoppedBy(), s.error(), s.startMethods(), s.requestedStartMethod(), s.supervisorPid(),
                s.outputLines(), s.unfinishedLines(), s.rejectedConnections(), s.priorityLowered(),
                s.inputDroppedBytes(), s.channelRefusals(), s.containment(), s.processesPastLimit(),
                s.forksRefused(), s.supervisorLost());
    }

    @Test
    void aRunIsKeptWhenItEndsAndComingBackToItsLessonShowsItReadBackFromDisk() throws Exception {
        RunModel live = runLessonTwo();
        KeptRun kept = vm.runs().runs().get(0);
        assertThat(kept.key()).isEqualTo(RunKey.lesson("02-first-processes"));
        assertThat(kept.file()).exists().startsWith(home.resolve("runs/lessons/02-first-processes"));
        assertThat(kept.number()).isEqualTo(1);
        assertThat(kept.exitCode()).isZero();
        assertThat(vm.runs().shownProperty().get()).as("the run shown is the one kept").isEqualTo(kept);
        SavedRun onDisk = SavedRun.read(kept.file());
        assertThat(onDisk.origin().lessonId()).isEqualTo("02-first-processes");
        assertThat(onDisk.origin().program()).endsWith("lessons/02-first-processes/multiprocessing_s1_e1.py");

        vm.selectedProperty().set(lesson("03-"));
        assertThat(vm.run().model()).as("lesson 03 has no run yet").isNull();
        assertThat(vm.runs().runs()).isEmpty();

        vm.selectedProperty().set(lesson("02-"));
        SavedRun shown = vm.run().savedShown();
        assertThat(shown).as("lesson 02's last run, read back").isNotNull();
        assertThat(vm.run().model()).isNotSameAs(live);
        assertThat(withoutVersion(shown.snapshot())).isEqualTo(withoutVersion(onDisk.snapshot()));
        assertThat(shown.snapshot().processes()).isEqualTo(live.snapshot().processes());
        assertThat(vm.run().frameProperty().get().snapshot().status()).isEqualTo(RunStatus.ENDED);
        assertThat(vm.run().console().allRows()).extracting(r -> r.text())
                .containsExactlyInAnyOrder("Square of 10: 100", "Cube of 10: 1000", "Done!");
        assertThat(vm.run().statusProperty().get()).startsWith("Ended — exit 0 · run 1, kept from ");
        assertThat(vm.runs().shownProperty().get()).isEqualTo(kept);
        assertThat(vm.prediction().revealProperty().get()).as("no reveal again for a kept run").isNull();
    }

    @Test
    void aRunThatCannotBeKeptSaysSoInTheWindow() throws Exception {
        // a file where the lessons' folder of the kept runs should be: nothing can be kept there
        Files.createDirectories(home.resolve("runs"));
        Files.writeString(home.resolve("runs/lessons"), "not a folder");
        vm.selectedProperty().set(lesson("02-"));
        if (vm.prediction().runAllowedProperty().get() == Boolean.FALSE) {
            vm.prediction().skip();
        }
        vm.runExample();
        ui.runUntil("the run to end and say it was not kept", Duration.ofSeconds(60),
                () -> !vm.run().runningProperty().get() && vm.run().errorProperty().get() != null);
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("This run was not kept");
        assertThat(vm.run().errorProperty().get()).contains("not a directory: " + home.resolve("runs/lessons"))
                .contains("will not come back after a restart").contains("Save run");
        assertThat(vm.run().statusProperty().get()).startsWith("Not kept: ");
        assertThat(vm.runs().runs()).isEmpty();
        assertThat(vm.run().console().allRows()).as("the run itself is shown").hasSize(3);
    }

    @Test
    void theRunListNamesEachRunAndPicksAnEarlierOne() throws Exception {
        runLessonTwo();
        RunModel second = runLessonTwo();
        List<KeptRun> listed = List.copyOf(vm.runs().runs());
        assertThat(listed).extracting(KeptRun::number).as("newest first").containsExactly(2, 1);
        assertThat(vm.runs().label(listed.get(0))).matches("2 · \\d\\d:\\d\\d:\\d\\d · exit 0 · fork");

        SavedRun[] two = new SavedRun[2];
        vm.runs().readLastTwo((a, b) -> {
            two[0] = a;
            two[1] = b;
        });
        assertThat(two[0].snapshot().startedAt()).as("the earlier first").isEqualTo(listed.get(1).startedAt());
        assertThat(two[1].snapshot().startedAt()).isEqualTo(second.snapshot().startedAt());
        assertThat(vm.runs().shownRun().snapshot().processes()).as("the run just ended, as a saved run")
                .isEqualTo(second.snapshot().processes());

        vm.runs().show(listed.get(1));
        assertThat(vm.runs().shownRun()).isSameAs(vm.run().savedShown());
        assertThat(vm.runs().shownProperty().get()).isEqualTo(listed.get(1));
        assertThat(vm.run().savedShown().snapshot().startedAt()).isEqualTo(listed.get(1).startedAt())
                .isNotEqualTo(second.snapshot().startedAt());
        assertThat(vm.run().statusProperty().get()).contains("run 1, kept from");
    }

    @Test
    void keptRunsSurviveARestart() throws Exception {
        RunModel live = runLessonTwo();
        vm.close();
        vm = openShell();
        vm.selectedProperty().set(lesson("01-"));
        vm.selectedProperty().set(lesson("02-"));
        assertThat(vm.runs().runs()).hasSize(1);
        assertThat(vm.run().savedShown()).isNotNull();
        assertThat(vm.run().savedShown().snapshot().processes()).isEqualTo(live.snapshot().processes());
    }

    @Test
    void aRunSavedToAFileOpensAgainEqualAndIsListedWithItsLesson() throws Exception {
        runLessonTwo();
        vm.selectedProperty().set(lesson("03-"));
        vm.selectedProperty().set(lesson("02-"));
        SavedRun kept = vm.run().savedShown();
        assertThat(vm.runs().suggestedName()).isEqualTo("02-first-processes-run-1.json");
        Path file = files.resolve("r.json");
        vm.runs().save(file);
        assertThat(file).exists();
        assertThat(vm.run().statusProperty().get()).startsWith("Saved the run to r.json");

        vm.selectedProperty().set(lesson("05-"));
        vm.openRun(file);
        assertThat(vm.selectedProperty().get().id()).as("the run's lesson").isEqualTo("02-first-processes");
        SavedRun opened = vm.run().savedShown();
        assertThat(withoutVersion(opened.snapshot())).isEqualTo(withoutVersion(kept.snapshot()));
        assertThat(vm.run().statusProperty().get()).contains("opened r.json");
        assertThat(vm.runs().runs()).as("it is lesson 02's run 1: listed once").hasSize(1);
        assertThat(vm.runs().shownProperty().get().number()).isEqualTo(1);

        // a run file of lesson 02 that is not one of its kept runs is kept with them
        SavedRun other = new SavedRun(new RunSnapshot(1, kept.snapshot().status(), kept.snapshot().title(),
                kept.snapshot().startedAt() + 1, kept.snapshot().endedAt(), kept.snapshot().now(),
                kept.snapshot().processes(), 0, null, null, kept.snapshot().startMethods(),
                kept.snapshot().requestedStartMethod(), -1, kept.snapshot().outputLines(), List.of(), 0, null, 0,
                org.processlab.model.ChannelRefusals.NONE, null, 0, -1, null),
                kept.output(), kept.origin());
        Path otherFile = files.resolve("other.json");
        other.write(otherFile);
        vm.openRun(otherFile);
        assertThat(vm.runs().runs()).as("listed with lesson 02").hasSize(2);
        assertThat(vm.runs().shownProperty().get().number()).isEqualTo(2);
    }

    @Test
    void aKeptRunShowsWithTheExampleItRanAndAForeignRunSaysWhatItIs() throws Exception {
        vm.selectedProperty().set(lesson("14-"));
        if (vm.prediction().runAllowedProperty().get() == Boolean.FALSE) {
            vm.prediction().skip();
        }
        Example second = vm.examples().stream().filter(e -> e.file().getFileName().toString()
                .equals("default_method.py")).findFirst().orElseThrow();
        vm.exampleProperty().set(second);
        vm.runExample();
        ui.runUntil("the run to end and be kept", Duration.ofSeconds(60),
                () -> vm.runs().runs().size() == 1 && !vm.run().runningProperty().get());
        vm.selectedProperty().set(lesson("02-"));
        assertThat(vm.exampleProperty().get().file().getFileName().toString()).isNotEqualTo("default_method.py");
        vm.selectedProperty().set(lesson("14-"));
        assertThat(vm.run().savedShown()).as("lesson 14's last run, read back").isNotNull();
        assertThat(vm.exampleProperty().get()).as("Run runs the program whose run is shown").isEqualTo(second);

        // a run of a lesson this course does not have: shown with what it is, not as a run of the lesson on screen
        SavedRun kept = vm.run().savedShown();
        Path foreign = files.resolve("foreign.json");
        new SavedRun(kept.snapshot(), kept.output(), new org.processlab.export.RunOrigin("99-elsewhere", null,
                List.of())).write(foreign);
        vm.openRun(foreign);
        assertThat(vm.run().statusProperty().get()).contains("opened foreign.json (\"" + kept.snapshot().title()
                + "\", of lesson 99-elsewhere, which this course does not have)");
        assertThat(vm.selectedProperty().get()).as("shown beside no lesson: it is none of this course's").isNull();
        vm.selectedProperty().set(lesson("14-"));
        assertThat(vm.runs().runs()).as("not kept with lesson 14").hasSize(1);
    }

    @Test
    void compareWithOneRunSaysWhatToDoAsAHint() throws Exception {
        runLessonTwo();
        vm.compareWithPrevious();
        assertThat(vm.run().statusProperty().get()).isEqualTo("Compare needs two runs: run this lesson again first");
        assertThat(vm.run().statusKindProperty().get()).as("not shown as a success").isEqualTo(
                org.processlab.ui.shell.run.RunViewModel.StatusKind.IDLE);
        assertThat(vm.comparison().openProperty().get()).isFalse();
    }

    @Test
    void aFileThatIsNotARunSaysWhyAndChangesNothing() throws Exception {
        RunModel live = runLessonTwo();
        String status = vm.run().statusProperty().get();
        Path broken = Files.writeString(files.resolve("broken.json"), "{\"formatVersion\": 2, \"processes\": [");
        vm.openRun(broken);
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("Cannot open broken.json");
        assertThat(vm.run().errorProperty().get()).contains("broken.json is not a run ProcessLab can read")
                .contains("Nothing shown was changed");
        assertThat(vm.run().model()).as("what was shown stays").isSameAs(live);
        assertThat(vm.selectedProperty().get().id()).isEqualTo("02-first-processes");

        Path newer = Files.writeString(files.resolve("newer.json"), "{\"formatVersion\": 99}");
        vm.openRun(newer);
        assertThat(vm.run().errorProperty().get()).startsWith("newer.json was made by a newer ProcessLab: format 99")
                .endsWith("Open it with that ProcessLab. Nothing shown was changed.");
        assertThat(vm.run().model()).isSameAs(live);
        assertThat(vm.runs().runs()).hasSize(1);
        assertThat(status).isNotEmpty();
    }

    @Test
    void aRunLeftForAnotherLessonIsNotKept() throws Exception {
        vm.selectedProperty().set(lesson("02-"));
        vm.prediction().skip();
        vm.runExample();
        vm.selectedProperty().set(lesson("03-"));
        ui.runUntil("the run to go", Duration.ofSeconds(30), () -> !vm.run().runningProperty().get());
        assertThat(RunStore.open(home).runs()).isEmpty();
    }

    @Test
    void clearDeletesTheKeptRunsAndTheUsageSaysSo() throws Exception {
        runLessonTwo();
        vm.runs().showUsage();
        assertThat(vm.runs().usageProperty().get()).startsWith("1 run · ");
        vm.runs().clear();
        assertThat(vm.runs().runs()).isEmpty();
        assertThat(vm.runs().usageProperty().get()).isEqualTo("0 runs · 0 kB");
        assertThat(RunStore.open(home).runs()).isEmpty();
    }

    @Test
    void anOwnProgramKeepsItsRunsByItsFile() throws Exception {
        Path prog = Files.writeString(files.resolve("hello.py"), "print('hello from my file')\n");
        vm.files().open(prog);
        assertThat(vm.runs().keyProperty().get()).isEqualTo(RunKey.file(prog));
        vm.runExample();
        ui.runUntil("the program's run to be kept", Duration.ofSeconds(60),
                () -> vm.runs().runs().size() == 1 && !vm.run().runningProperty().get());
        KeptRun k = vm.runs().runs().get(0);
        assertThat(k.file()).startsWith(home.resolve("runs/files"));
        assertThat(SavedRun.read(k.file()).origin().program()).isEqualTo(prog.toAbsolutePath().normalize().toString());
        assertThat(SavedRun.read(k.file()).origin().lessonId()).isNull();

        vm.selectedProperty().set(lesson("02-"));
        assertThat(vm.runs().runs()).as("lesson 02's runs, none yet").isEmpty();
        vm.files().open(prog);
        assertThat(vm.run().savedShown()).as("the program's last run").isNotNull();
        assertThat(vm.run().console().allRows()).extracting(r -> r.text()).containsExactly("hello from my file");
    }

    @Test
    void aLabelSaysWhenHowItEndedAndTheStartMethod() {
        long t = java.time.LocalDate.now(ZoneOffset.UTC).atTime(4, 31, 7).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
        KeptRun k = new KeptRun(RunKey.lesson("02"), home.resolve("x.json"), 3, "t", RunStatus.ENDED, t, 0, null,
                null, List.of("fork"), 10);
        assertThat(KeptRunLabel.of(k, ZoneOffset.UTC)).isEqualTo("3 · 04:31:07 · exit 0 · fork");
        KeptRun stopped = new KeptRun(RunKey.lesson("02"), home.resolve("x.json"), 2, "t", RunStatus.ENDED,
                t - 86_400_000_000L, null, StopReason.USER, "spawn", List.of(), 10);
        assertThat(KeptRunLabel.of(stopped, ZoneOffset.UTC)).endsWith(", 04:31:07 · stopped · spawn")
                .doesNotStartWith("2 · 04");
        assertThat(KeptRunLabel.usage(new RunStore.Usage(12, 3_400_000))).isEqualTo("12 runs · 3.4 MB");
        assertThat(KeptRunLabel.usage(new RunStore.Usage(1, 1))).isEqualTo("1 run · 1 kB");
    }
}
