package org.processlab.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.OwnProgram;
import org.processlab.model.OutputLog;
import org.processlab.run.RunSession;
import org.processlab.store.EditsStore;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunLogs;
import org.processlab.store.ScratchFolder;
import org.processlab.store.SettingsStore;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.QueuedFrames;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * Run runs what is in the editor, without a window: a person's version of lesson 2 runs from the scratch folder and
 * checks nothing, a syntax error starts no process, an own program is saved before it runs.
 */
class ShellViewModelEditorTest {
    private static final Path LESSONS = Path.of(System.getProperty("processlab.repo", ".")).resolve("lessons");

    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private ShellViewModel vm;

    private ShellViewModel open() {
        RunViewModel run = new RunViewModel(ui, new QueuedFrames(ui), new RunLogs(home.resolve("runs")));
        return new ShellViewModel(LESSONS, null, ProgressStore.open(home), SettingsStore.open(home),
                EditsStore.open(home), new ScratchFolder(home), run, ui);
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        RunSession.closeAll();
    }

    private Lesson lessonTwo() {
        vm.loadLessons();
        Lesson two = (Lesson) vm.lessons().stream().filter(e -> e.id().startsWith("02-")).findFirst().orElseThrow();
        vm.selectedProperty().set(two);
        return two;
    }

    private List<String> output() {
        OutputLog out = vm.run().model().output();
        return out.range(0, out.size()).stream().map(l -> l.text()).toList();
    }

    @Test
    void yourVersionRunsFromTheScratchFolderWithoutTheQuestionAndChecksNothing() throws Exception {
        vm = open();
        Lesson two = lessonTwo();
        byte[] lessonBytes = Files.readAllBytes(two.example().file());
        String code = vm.editor().textProperty().get();
        assertThat(code).contains("args=(10,)");
        assertThat(vm.canRunProperty().get()).as("the lesson's code waits for the question").isFalse();

        vm.editor().typed(code.replaceFirst("args=\\(10,\\)", "args=(7,)"));
        assertThat(vm.canRunProperty().get()).as("a person's version does not").isTrue();
        vm.runExample();
        ui.runUntil("the run's end", Duration.ofSeconds(60), () -> !vm.run().runningProperty().get());

        assertThat(output()).contains("Square of 7: 49", "Cube of 10: 1000");
        assertThat(vm.run().statusProperty().get()).isEqualTo("Ended — exit 0 · " + ShellViewModel.YOUR_VERSION);
        assertThat(vm.prediction().revealProperty().get()).as("nothing revealed").isNull();
        assertThat(ProgressStore.open(home).of(two.id()).runs()).as("not counted as the lesson's run").isZero();
        assertThat(vm.run().model().snapshot().title()).endsWith("(your version)");
        Path scratchCopy = vm.scratch().dir().resolve(two.id()).resolve(two.example().file().getFileName());
        assertThat(scratchCopy).content().contains("args=(7,)");
        assertThat(Files.readAllBytes(two.example().file())).as("the lesson, byte for byte").isEqualTo(lessonBytes);

        vm.editor().reset();
        assertThat(vm.editor().textProperty().get()).isEqualTo(code);
    }

    @Test
    void aSyntaxErrorStartsNoProcessAndIsMarkedAtItsLine() throws Exception {
        vm = open();
        lessonTwo();
        vm.prediction().skip();
        String code = vm.editor().textProperty().get();
        String broken = code.replaceFirst("args=\\(10,\\)\\)", "args=(10,)");
        vm.editor().typed(broken);
        vm.runExample();
        ui.runUntil("the check", Duration.ofSeconds(30), () -> !vm.run().runningProperty().get());

        assertThat(vm.run().model()).as("no run was made").isNull();
        var p = vm.editor().problemProperty().get();
        assertThat(p).isNotNull();
        int line = (int) broken.lines().takeWhile(l -> !l.contains("args=(10,)\n") && !l.endsWith("args=(10,)"))
                .count() + 1;
        assertThat(p.line()).isEqualTo(line);
        assertThat(vm.run().statusProperty().get()).startsWith("Syntax error on line " + line);
        assertThat(vm.run().errorProperty().get()).contains(p.message());

        vm.editor().typed(code);
        vm.runExample();
        ui.runUntil("the run's end", Duration.ofSeconds(60), () -> vm.run().model() != null
                && !vm.run().runningProperty().get());
        assertThat(output()).contains("Square of 10: 100");
        assertThat(vm.editor().problemProperty().get()).isNull();
    }

    @Test
    void anOwnProgramIsSavedBeforeItRuns() throws Exception {
        vm = open();
        vm.loadLessons();
        Path mine = home.resolve("mine.py");
        Files.writeString(mine, "print('old')\n");
        vm.openProgram(new OwnProgram(mine, "print('old')\n", List.of(), null));
        assertThat(vm.editor().textProperty().get()).isEqualTo("print('old')\n");
        vm.editor().typed("print('new')\n");
        vm.runExample();
        ui.runUntil("the run's end", Duration.ofSeconds(60), () -> vm.run().model() != null
                && !vm.run().runningProperty().get());
        assertThat(mine).hasContent("print('new')");
        assertThat(output()).contains("new");
        assertThat(vm.run().statusProperty().get()).isEqualTo("Ended — exit 0 · Saved mine.py");
        assertThat(vm.editor().differs()).isFalse();

        // changed on disk by someone else: neither that file nor a save over it is what the editor shows
        Files.writeString(mine, "print('theirs')\n");
        var before = vm.run().model();
        vm.runExample();
        ui.runUntil("Run to refuse", Duration.ofSeconds(30), () -> !vm.run().runningProperty().get());
        assertThat(vm.run().errorProperty().get()).contains("mine.py has changed on disk").contains("Reload");
        assertThat(vm.run().model()).as("nothing ran: the last run stays shown").isSameAs(before);
        assertThat(mine).as("their change kept").hasContent("print('theirs')");
    }

    @Test
    void twoWindowsOnOneHomeGetTwoScratchFoldersAndAStaleOneIsRemovedAtStart() throws Exception {
        // what a window killed with kill -9 left, an hour ago: its folder and its lock file, nobody holding the lock
        Path root = Files.createDirectories(home.resolve(ScratchFolder.DIR));
        Path stale = Files.createDirectories(root.resolve("w-999999-stale/02-first-processes"));
        Path staleLock = Files.writeString(root.resolve("w-999999-stale.lock"), "999999\n");
        java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minusSeconds(3600));
        Files.setLastModifiedTime(stale.getParent(), hourAgo);
        Files.setLastModifiedTime(staleLock, hourAgo);

        vm = open();
        vm.loadLessons();
        assertThat(stale.getParent()).as("removed when the window starts").doesNotExist();
        assertThat(staleLock).doesNotExist();
        ShellViewModel other = open();
        try {
            other.loadLessons();
            assertThat(vm.scratch().dir()).isNotEqualTo(other.scratch().dir());
            assertThat(vm.scratch().dir()).exists();
            assertThat(other.scratch().dir()).exists();
        } finally {
            other.close();
        }
        assertThat(vm.scratch().dir()).as("closing the other window leaves this one's").exists();
    }
}
