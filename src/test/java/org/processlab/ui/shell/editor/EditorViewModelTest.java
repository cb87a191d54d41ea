package org.processlab.ui.shell.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.run.SyntaxProblem;
import org.processlab.store.EditKey;
import org.processlab.store.EditsStore;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;

/** The editor's state without a window: what differs, the mark, Reset, and edits kept across a restart. */
class EditorViewModelTest {
    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor ui = new CurrentThreadTaskExecutor();
    private static final EditKey TWO = new EditKey.LessonExample("02-first-processes", "example.py");
    private static final String LESSON = "print('lesson')\n";

    private EditorViewModel editor() {
        return new EditorViewModel(EditsStore.open(home), ui);
    }

    @Test
    void typingMarksTheCodeAsTheirsAndResetBringsTheLessonsBack() {
        EditorViewModel vm = editor();
        vm.show(TWO, home.resolve("example.py"), LESSON);
        assertThat(vm.differs()).isFalse();
        assertThat(vm.markProperty().get()).isEmpty();
        assertThat(vm.titleProperty().get()).isEqualTo("Code — example.py");

        vm.typed("print('mine')\n");
        assertThat(vm.differs()).isTrue();
        assertThat(vm.markProperty().get()).isEqualTo("Your version — differs from the lesson's");
        assertThat(EditsStore.open(home).read(TWO)).as("kept as typed").isEqualTo("print('mine')\n");

        vm.showProblem(new SyntaxProblem(1, 1, "invalid syntax", "SyntaxError"));
        vm.reset();
        assertThat(vm.textProperty().get()).isEqualTo(LESSON);
        assertThat(vm.differs()).isFalse();
        assertThat(vm.problemProperty().get()).isNull();
        assertThat(EditsStore.open(home).read(TWO)).as("nothing kept once it is the lesson's again").isNull();
    }

    @Test
    void anEditComesBackAfterARestartAndTypingBackToTheLessonsTextRemovesIt() {
        EditorViewModel first = editor();
        first.show(TWO, home.resolve("example.py"), LESSON);
        first.typed("print('mine')\n");
        first.flush();

        EditorViewModel again = editor();
        again.show(TWO, home.resolve("example.py"), LESSON);
        assertThat(again.textProperty().get()).isEqualTo("print('mine')\n");
        assertThat(again.differs()).isTrue();
        assertThat(again.originalProperty().get()).isEqualTo(LESSON);

        again.typed(LESSON);
        assertThat(again.differs()).isFalse();
        assertThat(EditsStore.open(home).read(TWO)).isNull();
    }

    @Test
    void anotherExampleShowsItsOwnTextAndTheProblemGoes() {
        EditorViewModel vm = editor();
        vm.show(TWO, home.resolve("example.py"), LESSON);
        vm.typed("mine");
        vm.showProblem(new SyntaxProblem(1, 1, "invalid syntax", "SyntaxError"));
        EditKey other = new EditKey.LessonExample("03-process-ids", "other.py");
        vm.show(other, home.resolve("other.py"), "print('other')\n");
        assertThat(vm.textProperty().get()).isEqualTo("print('other')\n");
        assertThat(vm.differs()).isFalse();
        assertThat(vm.problemProperty().get()).isNull();
        vm.show(TWO, home.resolve("example.py"), LESSON);
        assertThat(vm.textProperty().get()).as("the first one's edit is kept").isEqualTo("mine");
        vm.clear();
        assertThat(vm.keyProperty().get()).isNull();
        assertThat(vm.titleProperty().get()).isEqualTo("Code");
    }

    @Test
    void anOwnProgramSaysRunSavesItAndOnceSavedItNoLongerDiffers() {
        EditorViewModel vm = editor();
        EditKey mine = new EditKey.OwnFile(home.resolve("mine.py"));
        vm.show(mine, home.resolve("mine.py"), "print(1)\n");
        vm.typed("print(2)\n");
        assertThat(vm.markProperty().get()).isEqualTo("Not saved — Run saves it to mine.py");
        vm.saved("print(2)\n");
        assertThat(vm.differs()).isFalse();
        assertThat(EditsStore.open(home).read(mine)).isNull();
    }
}
