package org.processlab.ui.shell.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.LineMarks;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.processes.ProcessRow;

/** The one route of a frame into the run views' state, and what the views share; a run made of events, no toolkit. */
class RunViewsModelTest {
    private static final long T0 = 1_700_000_000_000_000L;
    private final RunViewsModel views = new RunViewsModel();
    private final RunModel model = new RunModel();
    private int linesShown;

    private RunFrame frame(RunEvent... events) {
        for (RunEvent e : events) {
            model.append(e);
        }
        int first = linesShown;
        linesShown = model.output().size();
        return new RunFrame(model.snapshot(), true, T0 + 1_000, first, model.output().range(first, linesShown), 0,
                LineMarks.NONE, model.output());
    }

    @Test
    void aFrameBringsRowsLinesAndColoursBeforeItIsAnnounced() {
        List<Integer> rowsWhenAnnounced = new ArrayList<>();
        views.frameProperty().addListener((o, a, f) -> rowsWhenAnnounced.add(views.table().rows().size()));
        views.show(frame(new RunEvent.RunStarted(T0, "t", List.of("python3"), null),
                new RunEvent.RootSpawned(T0 + 1, 10, 1),
                new RunEvent.OutputLine(T0 + 2, 10, Stream.STDOUT, "hello", false)));

        assertThat(views.table().rows()).extracting(ProcessRow::getPid).containsExactly(10L);
        assertThat(views.console().allRows()).extracting(ConsoleRow::text).containsExactly("hello");
        assertThat(views.paletteProperty().get().colorOf(10)).isNotEqualTo(views.paletteProperty().get().colorOf(99));
        assertThat(rowsWhenAnnounced).as("the timeline draws after the rows are up to date").containsExactly(1);
    }

    @Test
    void theSelectionFiltersTheConsoleAndTheCursorLimitsTableAndConsole() {
        views.show(frame(new RunEvent.RunStarted(T0, "t", List.of("python3"), null),
                new RunEvent.RootSpawned(T0 + 1, 10, 1),
                new RunEvent.OutputLine(T0 + 2, 10, Stream.STDOUT, "main", false),
                new RunEvent.ChildSpawned(T0 + 3, 10, 11, "python3 -c"),
                new RunEvent.OutputLine(T0 + 4, 11, Stream.STDOUT, "child", false),
                new RunEvent.OutputLine(T0 + 900, 10, Stream.STDOUT, "late", false)));
        assertThat(views.console().shownRows()).hasSize(3);

        views.selectedPidProperty().set(11L);
        assertThat(views.console().shownRows()).extracting(ConsoleRow::text).containsExactly("child");
        views.console().filterPidProperty().set(null);
        assertThat(views.selectedPidProperty().get()).as("the console's \"every process\" clears the selection")
                .isNull();

        views.cursorTimeProperty().set(T0 + 100);
        assertThat(views.table().atTimeProperty().get()).isEqualTo(T0 + 100);
        assertThat(views.console().shownRows()).extracting(ConsoleRow::text).containsExactly("main", "child");
        views.backToEndOfRun();
        assertThat(views.cursorTimeProperty().get()).isEqualTo(-1);
        assertThat(views.console().shownRows()).hasSize(3);
    }

    @Test
    void clearingEmptiesEverythingForTheNextRun() {
        views.show(frame(new RunEvent.RunStarted(T0, "t", List.of("python3"), null),
                new RunEvent.RootSpawned(T0 + 1, 10, 1),
                new RunEvent.OutputLine(T0 + 2, 10, Stream.STDOUT, "hello", false),
                new RunEvent.RunEnded(T0 + 3, 0)));
        views.selectedPidProperty().set(10L);
        views.cursorTimeProperty().set(T0 + 2);
        assertThat(views.replay().availableProperty().get()).isTrue();

        views.clear();
        assertThat(views.frameProperty().get()).isNull();
        assertThat(views.table().rows()).isEmpty();
        assertThat(views.console().allRows()).isEmpty();
        assertThat(views.selectedPidProperty().get()).isNull();
        assertThat(views.cursorTimeProperty().get()).isEqualTo(-1);
        assertThat(views.replay().availableProperty().get()).isFalse();
        assertThat(views.paletteProperty().get().colorOf(10)).as("colours forgotten")
                .isEqualTo(views.paletteProperty().get().colorOf(99));
    }
}
