package org.processlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.Reveal;
import org.processlab.model.StartMethod;
import org.processlab.run.RunSession;
import org.processlab.store.ProgressStore;
import org.processlab.store.SettingsStore;
import org.processlab.store.RunLogs;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.QueuedFrames;
import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * The window's state without a window (no toolkit, no TestFX), over the repository's own lessons: choosing a lesson,
 * the question before Run, a real run and the reveal after it, progress kept, start-method notes, a missing Python.
 * The test's thread plays the FX thread ({@link CurrentThreadTaskExecutor}).
 */
class ShellViewModelTest {
    private static final Path LESSONS = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");

    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private ShellViewModel vm;

    @BeforeEach
    void open() {
        vm = open(null);
    }

    private ShellViewModel open(String python) {
        RunViewModel run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs")));
        return new ShellViewModel(LESSONS, python, ProgressStore.open(home), SettingsStore.open(home), run, ui);
    }

    @AfterEach
    void close() {
        vm.close();
        RunSession.closeAll();
    }

    private LessonEntry lesson(String prefix) {
        return vm.lessons().stream().filter(e -> e.id().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void aLessonAskedForAtStartIsOpenedAndAnUnknownOneSaysSoInOneLine() {
        vm.openAtStart("02-first-processes");
        vm.loadLessons();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("02-first-processes");
        assertThat(ProgressStore.open(home).of("01-what-is-multiprocessing").opened())
                .as("no other lesson was shown (and marked opened) first").isFalse();
        assertThat(vm.run().errorProperty().get()).isNull();

        vm.close();
        vm = open(null);
        vm.openAtStart("99-no-such-lesson");
        vm.loadLessons();
        assertThat(vm.selectedProperty().get().id()).as("the first lesson instead").isEqualTo("01-what-is-multiprocessing");
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("No lesson 99-no-such-lesson");
        assertThat(vm.run().errorProperty().get()).contains("99-no-such-lesson").doesNotContain("\n")
                .as("no folder the person never chose").doesNotContain("/");

        // as the command line takes them: a number, a name; and a mistyped name gets the nearest suggested
        for (String[] asked : new String[][] {{"3", "03-process-ids"}, {"03", "03-process-ids"},
                {"zombies-orphans", "13-zombies-orphans"}}) {
            vm.close();
            vm = open(null);
            vm.openAtStart(asked[0]);
            vm.loadLessons();
            assertThat(vm.selectedProperty().get().id()).as("--lesson %s", asked[0]).isEqualTo(asked[1]);
            assertThat(vm.run().errorProperty().get()).isNull();
        }
        vm.close();
        vm = open(null);
        vm.openAtStart("proces-ids");
        vm.loadLessons();
        assertThat(vm.run().errorProperty().get()).as("the command line's words")
                .contains("No lesson proces-ids — the lessons are 1–14; nearest: 03-process-ids");
    }

    @Test
    void theLessonsLoadAndTheFirstIsShownWithItsExamplesAndQuestion() {
        vm.loadLessons();

        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.lessons()).extracting(LessonEntry::id).startsWith("01-what-is-multiprocessing",
                "02-first-processes").hasSizeGreaterThanOrEqualTo(14);
        Lesson first = (Lesson) vm.selectedProperty().get();
        assertThat(first.id()).isEqualTo("01-what-is-multiprocessing");
        assertThat(vm.examples()).containsExactlyElementsOf(first.examples());
        assertThat(vm.exampleProperty().get()).isEqualTo(first.examples().get(0));
        assertThat(vm.source(first.example().file())).as("the example's text, read with the lessons").isNotBlank();
        assertThat(vm.prediction().predictionProperty().get()).isEqualTo(first.predict());
        assertThat(vm.startMethodProperty().get()).as("the interpreter's default").isEmpty();
        assertThat(ProgressStore.open(home).of(first.id()).opened()).as("kept on disk").isTrue();
        assertThat(ProgressStore.open(home).lastLesson()).isEqualTo(first.id());
    }

    @Test
    void theLessonOpenedLastIsShownAgain() {
        ProgressStore.open(home).opened("05-shared-memory");
        vm = open(null);
        vm.loadLessons();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("05-shared-memory");
    }

    @Test
    void runWaitsForTheAnswerThenTheRevealComesWithTheRunsEnd() throws Exception {
        vm.loadLessons();
        vm.selectedProperty().set(lesson("02-"));
        Lesson two = (Lesson) vm.selectedProperty().get();
        assertThat(vm.canRunProperty().get()).as("the question comes first").isFalse();
        vm.runExample();
        assertThat(vm.run().model()).isNull();
        assertThat(vm.run().statusProperty().get()).isEqualTo("Answer the question first (or skip it), then Run");

        vm.prediction().answer(two.predict().answer());
        assertThat(ProgressStore.open(home).of(two.id()).prediction()).isEqualTo(two.predict().answer());
        assertThat(vm.canRunProperty().get()).isTrue();
        vm.runExample();
        assertThat(vm.canRunProperty().get()).as("not while it runs").isFalse();
        String[] statusAtReveal = new String[1];
        vm.prediction().revealProperty().addListener((o, a, r) -> {
            if (r != null) {
                statusAtReveal[0] = vm.run().statusProperty().get();
            }
        });
        ui.runUntil("the reveal", Duration.ofSeconds(60), () -> vm.prediction().revealProperty().get() != null);

        Reveal r = vm.prediction().revealProperty().get();
        assertThat(statusAtReveal[0]).as("the status when the reveal came").isEqualTo("Ended — exit 0");
        assertThat(r.right()).isTrue();
        assertThat(r.chosen()).isEqualTo(two.predict().answerText());
        assertThat(r.checked()).isTrue();
        assertThat(r.problems()).as("the lesson's expectations hold").isEmpty();
        assertThat(r.summary()).startsWith("main + 2 children ran").contains("the program's exit status was 0")
                .contains("3 lines of output");
        assertThat(vm.prediction().settledProperty().get()).isTrue();
        ProgressStore.LessonProgress kept = ProgressStore.open(home).of(two.id());
        assertThat(kept.runs()).isEqualTo(1);
        assertThat(kept.checked()).isTrue();
        assertThat(vm.progressRevisionProperty().get()).isPositive();
    }

    @Test
    void aSkippedQuestionLetsRunAndTheRevealSaysNothingWasChosen() throws Exception {
        vm.loadLessons();
        vm.selectedProperty().set(lesson("02-"));
        vm.prediction().skip();
        assertThat(ProgressStore.open(home).of("02-first-processes").prediction())
                .isEqualTo(PredictionViewModel.SKIPPED);
        vm.runExample();
        ui.runUntil("the reveal", Duration.ofSeconds(60), () -> vm.prediction().revealProperty().get() != null);
        Reveal r = vm.prediction().revealProperty().get();
        assertThat(r.chosen()).isNull();
        assertThat(r.right()).isFalse();
        assertThat(r.answer()).isNotNull();
    }

    @Test
    void anOwnProgramRunsWithItsArgumentsInPlaceOfALessonAndChecksNothing() throws Exception {
        vm.loadLessons();
        vm.selectedProperty().set(lesson("02-"));
        Path mine = home.resolve("mine.py");
        String text = "import sys\nprint('args:', sys.argv[1:])\n";
        java.nio.file.Files.writeString(mine, text);
        vm.openProgram(new org.processlab.lesson.OwnProgram(mine, text, java.util.List.of("a b", "7"), null));
        assertThat(vm.selectedProperty().get()).as("no lesson is shown").isNull();
        assertThat(vm.ownProgramProperty().get().name()).isEqualTo("mine.py");
        assertThat(vm.examples()).extracting(e -> e.file()).containsExactly(mine.toAbsolutePath().normalize());
        assertThat(vm.canRunProperty().get()).as("no question to answer").isTrue();
        vm.runExample();
        ui.runUntil("the run's end", Duration.ofSeconds(60), () -> !vm.run().runningProperty().get());
        org.processlab.model.OutputLog out = vm.run().model().output();
        assertThat(out.range(0, out.size())).extracting(l -> l.text()).contains("args: ['a b', '7']");
        assertThat(vm.prediction().revealProperty().get()).as("nothing is checked").isNull();

        vm.selectedProperty().set(lesson("03-"));
        assertThat(vm.ownProgramProperty().get()).as("a lesson chosen leaves the program").isNull();
    }

    @Test
    void nextLessonMovesOnUntilTheLast() {
        vm.loadLessons();
        vm.selectedProperty().set(lesson("13-"));
        assertThat(vm.hasNextProperty().get()).isTrue();
        vm.nextLesson();
        assertThat(vm.selectedProperty().get().id()).startsWith("14-");
        assertThat(vm.hasNextProperty().get()).isFalse();
        vm.nextLesson();
        assertThat(vm.selectedProperty().get().id()).startsWith("14-");
    }

    @Test
    void aStartMethodTheExampleIsNotMeantForGetsANote() {
        vm.loadLessons();
        vm.selectedProperty().set(lesson("13-"));
        assertThat(vm.toolbar().methodNoteProperty().get()).as("the default: no note").isEmpty();

        vm.startMethodProperty().set(Optional.of(StartMethod.FORKSERVER));
        assertThat(vm.toolbar().methodNoteProperty().get())
                .isEqualTo("This example is meant for fork, spawn: under forkserver it may not show what the lesson says");
        vm.startMethodProperty().set(Optional.of(StartMethod.SPAWN));
        assertThat(vm.toolbar().methodNoteProperty().get()).isEmpty();

        // the orphan example is meant for every method
        vm.startMethodProperty().set(Optional.of(StartMethod.FORKSERVER));
        vm.exampleProperty().set(vm.examples().get(1));
        assertThat(vm.toolbar().methodNoteProperty().get()).isEmpty();
    }

    @Test
    void aMissingPythonIsSaidAtOnceAndAgainOnEveryLessonUntilOneIsFound() {
        vm.loadLessons();
        vm.usePython(home.resolve("no-such-python3").toString());
        assertThat(vm.pythonProblemProperty().get()).isNotBlank();
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("Python was not found");
        assertThat(vm.run().statusProperty().get()).isEqualTo("Error: Python interpreter not found");

        vm.run().dismissError();
        vm.nextLesson();
        assertThat(vm.run().errorProperty().get()).as("said again for the next lesson").isNotNull();

        vm.usePython("");
        assertThat(vm.pythonProperty().get()).as("blank: python3 on the PATH").isNull();
        assertThat(vm.pythonProblemProperty().get()).isNull();
        assertThat(vm.run().errorProperty().get()).isNull();
        assertThat(vm.run().statusProperty().get()).isEqualTo("Ready");
    }

    @Test
    void aLessonsFolderWithNoLessonsLoadsEmpty() {
        RunViewModel run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs")));
        vm = new ShellViewModel(home.resolve("none"), null, ProgressStore.open(home), SettingsStore.open(home), run, ui);
        vm.loadLessons();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.lessons()).isEmpty();
        assertThat(vm.selectedProperty().get()).isNull();
        assertThat(vm.canRunProperty().get()).isFalse();
    }
}
