package org.processlab.ui.shell.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.processlab.model.LifeState;
import org.processlab.model.ProcessView;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.ui.UiToolkit;
import org.processlab.ui.shell.ShellView;

/**
 * The rehearsal of the run views goes through every kind of row, lane and console line a real run makes (so that
 * the first real run finds that code ready), in views of its own, and ends by dropping them.
 */
class RunViewsRehearsalTest {

    @BeforeAll
    static void toolkit() throws Exception {
        UiToolkit.start();
        fx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return null;
        });
    }

    @Test
    void theRehearsalShowsEveryKindOfLifeInItsOwnViewsAndThenDropsThem() throws Exception {
        RunViewsRehearsal w = fx(() -> new RunViewsRehearsal(List.of(
                ShellView.class.getResource("shell.css").toExternalForm()), "-fx-font-size: 15px;"));
        int steps = 0;
        boolean builtDuring = false;
        while (fx(w::step)) {
            steps++;
            builtDuring |= fx(w::viewsBuilt);
            assertThat(steps).as("the rehearsal ends").isLessThan(100);
        }
        assertThat(builtDuring).isTrue();
        assertThat(fx(w::viewsBuilt)).as("dropped at the end").isFalse();

        RunSnapshot s = fx(() -> w.model().snapshot());
        assertThat(s.status()).isEqualTo(RunStatus.ENDED);
        assertThat(s.processes()).hasSize(25);
        List<LifeState> seen = s.processes().stream().flatMap(p -> p.states().stream()).map(Span::state).distinct()
                .toList();
        assertThat(seen).contains(LifeState.CREATED, LifeState.RUNNING, LifeState.WAITING_JOIN, LifeState.ZOMBIE,
                LifeState.ENDED);
        assertThat(s.processes()).extracting(ProcessView::exitCode).contains(0, 1, -15);
        assertThat(s.processes()).anyMatch(ProcessView::orphan);
        assertThat(s.processes()).anyMatch(p -> !p.kernelStates().isEmpty());

        // what the views were given: a row and a lane per process, a console line per line of output
        assertThat(fx(() -> w.viewsModel().table().rows().size())).isEqualTo(25);
        assertThat(fx(() -> w.timeline().getLanes().size())).isEqualTo(25);
        assertThat(fx(() -> w.viewsModel().console().allRows().size())).isEqualTo(26);
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        FutureTask<T> task = new FutureTask<>(c);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }
}
