package org.processlab.ui.shell.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.run.PythonInterpreter;
import org.processlab.run.RunSession;
import org.processlab.store.ProgramStore;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunLogs;
import org.processlab.store.SettingsStore;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.QueuedFrames;
import org.processlab.ui.shell.ShellViewModel;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * The File room without a window: opening programs (and refusing what is not one, changing nothing), recent files,
 * each file's arguments and interpreter kept, a course of one's own and back, Reload keeping the lesson shown.
 */
class FileViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path course;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private ShellViewModel vm;

    @BeforeEach
    void open() throws Exception {
        writeLesson(course, "01-one", "Lesson one", "First text.");
        writeLesson(course, "02-two", "Lesson two", "Second text.");
        vm = shell();
        vm.loadLessons();
    }

    private ShellViewModel shell() {
        RunViewModel run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs")));
        return new ShellViewModel(course, null, ProgressStore.open(home), SettingsStore.open(home), run, ui);
    }

    @AfterEach
    void close() {
        vm.close();
        RunSession.closeAll();
    }

    static void writeLesson(Path root, String id, String title, String text) throws Exception {
        Path dir = Files.createDirectories(root.resolve(id));
        Files.writeString(dir.resolve("lesson.md"), "---\ntitle: " + title + "\norder: " + id.substring(0, 2)
                + "\nexample: main.py\n---\n# " + title + "\n\n" + text + "\n");
        Files.writeString(dir.resolve("main.py"), "print('" + id + "')\n");
    }

    private LessonEntry shownLesson() {
        return vm.selectedProperty().get();
    }

    @Test
    void aProgramNamedAtStartIsShownWithNoLessonBeforeItSoNoKeyCanRunOne() throws Exception {
        Path mine = Files.writeString(home.resolve("mine.py"), "print('mine')\n");
        vm.close();
        vm = shell();
        List<LessonEntry> shown = new java.util.ArrayList<>();
        vm.selectedProperty().addListener((o, was, now) -> shown.add(now));
        vm.files().openAtStart(mine);
        vm.loadLessons();
        assertThat(vm.ownProgramProperty().get().file()).isEqualTo(mine);
        assertThat(shown).as("no lesson was ever shown (F5 pressed meanwhile would have run it)").allMatch(java.util.Objects::isNull);

        // a file that cannot be opened: the lesson the window would have shown, and why
        vm.close();
        vm = shell();
        vm.files().openAtStart(home.resolve("gone.py"));
        vm.loadLessons();
        assertThat(vm.ownProgramProperty().get()).isNull();
        assertThat(shownLesson().id()).isEqualTo("01-one");
        assertThat(vm.run().errorProperty().get()).contains("gone.py");
    }

    @Test
    void aProgramOpensWithWhatWasKeptForItAndGoesFirstInRecentFiles() throws Exception {
        Path a = Files.writeString(home.resolve("a.py"), "print('a')\n");
        Path b = Files.writeString(home.resolve("b.py"), "print('b')\n");
        FileViewModel files = vm.files();
        files.open(a);
        assertThat(vm.ownProgramProperty().get().file()).isEqualTo(a);
        assertThat(vm.ownProgramProperty().get().text()).isEqualTo("print('a')\n");
        assertThat(shownLesson()).isNull();
        files.argumentsProperty().set("\"a b\" 7");
        files.usePython("python3");
        files.open(b);
        assertThat(files.argumentsProperty().get()).as("b has its own").isEmpty();
        assertThat(files.recent()).containsExactly(b, a);

        files.open(a);
        assertThat(files.argumentsProperty().get()).isEqualTo("\"a b\" 7");
        assertThat(files.pythonProperty().get()).isEqualTo("python3");
        assertThat(files.runArguments()).containsExactly("a b", "7");
        assertThat(vm.ownProgramProperty().get().args()).containsExactly("a b", "7");
        assertThat(ProgramStore.open(home).of(a)).isEqualTo(new ProgramStore.FileSettings(List.of("a b", "7"), "python3"));
    }

    @Test
    void aFileThatIsNotAProgramChangesNothingAndSaysWhy() throws Exception {
        vm.selectedProperty().set(vm.lessons().get(1));
        LessonEntry before = shownLesson();
        Path txt = Files.writeString(home.resolve("notes.txt"), "hello\n");
        vm.files().open(txt);
        assertThat(shownLesson()).as("the lesson stays").isSameAs(before);
        assertThat(vm.ownProgramProperty().get()).isNull();
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("Cannot open notes.txt");
        assertThat(vm.run().errorProperty().get()).startsWith("notes.txt is not a Python program");
        assertThat(vm.files().recent()).isEmpty();
    }

    @Test
    void aRecentFileThatHasGoneIsSaidAndDropped() throws Exception {
        Path a = Files.writeString(home.resolve("a.py"), "pass\n");
        vm.files().open(a);
        Files.delete(a);
        vm.files().openRecent(a);
        assertThat(vm.run().errorProperty().get()).isEqualTo("a.py has gone (it was " + a
                + "): it is no longer in File ▸ Open recent.");
        assertThat(vm.files().recent()).isEmpty();
        assertThat(ProgramStore.open(home).recent()).isEmpty();
    }

    @Test
    void anUnclosedQuoteOrABrokenInterpreterStopsRunAndSaysWhy() throws Exception {
        Path a = Files.writeString(home.resolve("a.py"), "pass\n");
        FileViewModel files = vm.files();
        files.open(a);
        files.argumentsProperty().set("\"a b");
        assertThat(files.argumentsProblemProperty().get()).startsWith("The quote \" at character 1 is not closed");
        vm.runExample();
        assertThat(vm.run().model()).as("no run").isNull();
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("The arguments cannot be read");
        files.argumentsProperty().set("\"a b\"");
        assertThat(files.argumentsProblemProperty().get()).isNull();

        Path folder = Files.createDirectories(home.resolve("venv"));
        files.usePython(folder.toString());
        assertThat(files.pythonProblemProperty().get()).contains("is a folder").contains("bin/python")
                .endsWith(FileViewModel.HOW_TO_PICK);
        Path notExec = Files.writeString(home.resolve("python"), "");
        files.usePython(notExec.toString());
        assertThat(files.pythonProblemProperty().get()).contains("is not executable");
        files.usePython(home.resolve("nowhere/python").toString());
        assertThat(files.pythonProblemProperty().get()).contains("does not exist");
        Path ls = Path.of("/bin/ls");
        files.usePython(ls.toString());
        assertThat(files.pythonProblemProperty().get()).contains("is not a working Python 3");
        assertThat(vm.run().errorTitleProperty().get()).isEqualTo("This interpreter does not work");
        vm.runExample();
        assertThat(vm.run().model()).as("no run").isNull();
        files.usePython("");
        assertThat(files.pythonProblemProperty().get()).isNull();
        assertThat(files.runPython()).isNull();
        assertThat(PythonInterpreter.HOW_TO_GET).isNotEmpty();
    }

    @Test
    void aCourseOfOnesOwnReplacesTheLessonsAndBuiltInComesBack() throws Exception {
        Path mine = Files.createTempDirectory(home, "my-course");
        writeLesson(mine, "01-mine", "My lesson", "Mine.");
        FileViewModel files = vm.files();
        assertThat(files.courseProperty().get()).as("started with --lessons: a course").isEqualTo(course.getFileName().toString());
        files.openLessonsFolder(mine);
        assertThat(vm.lessons()).extracting(LessonEntry::id).containsExactly("01-mine");
        assertThat(shownLesson().id()).isEqualTo("01-mine");
        assertThat(files.courseProperty().get()).isEqualTo(mine.getFileName().toString());

        Path empty = Files.createDirectories(home.resolve("empty"));
        files.openLessonsFolder(empty);
        assertThat(vm.lessons()).as("kept").extracting(LessonEntry::id).containsExactly("01-mine");
        assertThat(vm.run().errorProperty().get()).contains("holds no lesson");

        files.builtInLessons();
        assertThat(files.courseProperty().get()).isEmpty();
        assertThat(vm.lessons()).extracting(LessonEntry::id).contains("02-first-processes");
    }

    @Test
    void reloadReadsTheEditedPageAndKeepsTheLessonShown() throws Exception {
        vm.selectedProperty().set(vm.lessons().get(1));
        vm.progress().opened("02-two");
        writeLesson(course, "02-two", "Lesson two, edited", "New text.");
        vm.files().reload();
        assertThat(shownLesson().id()).isEqualTo("02-two");
        assertThat(shownLesson().title()).isEqualTo("Lesson two, edited");
        assertThat(((Lesson) shownLesson()).markdown()).contains("New text.");
        assertThat(vm.progress().of("02-two").opened()).isTrue();
    }

    @Test
    void reloadReadsTheProgramShownFromItsFile() throws Exception {
        Path a = Files.writeString(home.resolve("a.py"), "print(1)\n");
        vm.files().open(a);
        vm.files().argumentsProperty().set("x");
        Files.writeString(a, "print(2)\n");
        vm.files().reload();
        assertThat(vm.ownProgramProperty().get().text()).isEqualTo("print(2)\n");
        assertThat(vm.files().argumentsProperty().get()).isEqualTo("x");
    }
}
