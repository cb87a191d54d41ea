package org.processlab.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.RunEvent;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;
import org.processlab.ui.fx.RunFrame;

/** Console rows: time order across processes, a cap, a per-process filter. */
class ConsoleViewModelTest {
    private final RunModel model = new RunModel();
    private int seen;

    ConsoleViewModelTest() {
        model.append(new RunEvent.RunStarted(1_000, "t", List.of(), null));
        model.append(new RunEvent.RootSpawned(1_001, 10, -1));
    }

    private RunFrame frame(OutputLine... lines) {
        for (OutputLine l : lines) {
            model.append(l);
        }
        RunFrame f = new RunFrame(model.snapshot(), true, 9_999, seen, List.of(lines), 0, null, model.output());
        seen += lines.length;
        return f;
    }

    private static OutputLine line(long t, long pid, String text) {
        return new OutputLine(t, pid, Stream.STDOUT, text, false);
    }

    @Test
    void linesAreShownInTheOrderTheyWereWrittenNotTheOrderTheyArrived() {
        ConsoleViewModel vm = new ConsoleViewModel();
        vm.add(frame(line(2_000, 10, "a"), line(2_050, 10, "c")));
        vm.add(frame(line(2_030, 10, "b"), line(2_080, 10, "d")));
        vm.add(frame(line(2_010, 10, "a2")));
        assertThat(vm.shownRows()).extracting(ConsoleRow::text).containsExactly("a", "a2", "b", "c", "d");
    }

    @Test
    void keepsAtMostTheCapNewestRowsButTheExactTotal() {
        ConsoleViewModel vm = new ConsoleViewModel(100);
        for (int batch = 0; batch < 5; batch++) {
            List<OutputLine> lines = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                lines.add(line(3_000 + batch * 100 + i, 10, "b" + batch + "-" + i));
            }
            vm.add(frame(lines.toArray(new OutputLine[0])));
        }
        assertThat(vm.allRows()).hasSize(100);
        assertThat(vm.allRows().get(99).text()).isEqualTo("b4-59");
        assertThat(vm.totalLinesProperty().get()).isEqualTo(300);
    }

    @Test
    void filtersToOneProcess() {
        ConsoleViewModel vm = new ConsoleViewModel();
        vm.add(frame(line(2_000, 10, "main"), line(2_001, 11, "child")));
        vm.filterPidProperty().set(11L);
        assertThat(vm.shownRows()).extracting(ConsoleRow::text).containsExactly("child");
        vm.filterPidProperty().set(null);
        assertThat(vm.shownRows()).hasSize(2);
    }

    @Test
    void escapeSequencesAreNotShownAndALessonsCopyIsNamedAsTheLessonNamesIt(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path cache) throws Exception {
        java.nio.file.Path lesson = java.nio.file.Files.createDirectories(cache.resolve("02-first-processes"));
        java.nio.file.Files.writeString(lesson.resolve("lesson.md"), "---\n---\n");
        ConsoleViewModel vm = new ConsoleViewModel();
        vm.shownPathsProperty().set(org.processlab.model.ShownPaths.forProgram(lesson.resolve("x.py")));
        vm.add(frame(line(2_000, 10, "\u001b[31mred\u001b[0m plain\u0007"),
                line(2_010, 10, "  File \"" + lesson.toAbsolutePath() + "/x.py\", line 9, in <module>"),
                line(2_020, 10, "trick \u202Ereversed")));
        assertThat(vm.shownRows()).extracting(ConsoleRow::text)
                .containsExactly("red plain", "  File \"lessons/02-first-processes/x.py\", line 9, in <module>",
                        "trick reversed");
        assertThat(model.output().get(1).text()).as("the run keeps the line as written").contains(cache.toString());
    }
}
