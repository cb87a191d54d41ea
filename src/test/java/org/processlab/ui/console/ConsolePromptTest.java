package org.processlab.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.processlab.model.LineBatch;
import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;
import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.RunFrame;

/**
 * Lines not finished yet, in the console: the main process's prompt beside the input line, others as the last rows,
 * and typed input echoed after its prompt as a terminal shows it, while the run's lines stay the program's own.
 */
class ConsolePromptTest {
    private final RunModel model = new RunModel();
    private final ConsoleViewModel vm = new ConsoleViewModel();
    private final List<String> sent = new ArrayList<>();
    private int seen;

    ConsolePromptTest() {
        model.append(new RunEvent.RunStarted(1_000, "t", List.of(), null));
        model.append(new RunEvent.RootSpawned(1_001, 10, -1));
        model.append(new RunEvent.ProcessSeen(1_002, 10, 1, -1, -1, "python3 guess.py", true));
        model.append(new RunEvent.ProcessSeen(1_003, 11, 10, -1, -1, "python3 guess.py", true));
    }

    /** A chunk of process {@code pid}'s stream: {@code lines} finished, {@code open} its unfinished line now. */
    private void chunk(long t, long pid, Stream s, String open, String... lines) {
        LineBatch b = new LineBatch();
        for (String l : lines) {
            b.add(l);
        }
        byte[] o = open.getBytes(StandardCharsets.UTF_8);
        b.tellUnfinished(o, 0, o.length, o.length);
        model.appendLines(t, pid, s, b, false);
    }

    /** The next pulse's frame, as ModelPulse makes it. */
    private void pulse() {
        int n = model.output().size();
        vm.add(new RunFrame(model.snapshot(), true, 9_999_999, seen, model.output().range(seen, n), 0, null,
                model.output()));
        seen = n;
    }

    private void attach() {
        vm.input().attach(new ProgramInputViewModel.Stdin() {
            @Override
            public void send(byte[] bytes) {
                sent.add(new String(bytes, StandardCharsets.UTF_8));
            }

            @Override
            public void end() {
                sent.add("EOF");
            }
        }, new CurrentThreadTaskExecutor());
    }

    private List<String> rows() {
        return vm.shownRows().stream().map(r -> r.kind() + ":" + r.text() + (r.typed().isEmpty() ? "" : "|" + r.typed()))
                .toList();
    }

    @Test
    void theMainProcessesPromptStandsBesideTheInputLineAtOnce() {
        attach();
        chunk(2_000, 10, Stream.STDOUT, "number? ");
        pulse();
        assertThat(vm.input().promptProperty().get()).isEqualTo("number? ");
        assertThat(rows()).as("not also a row").isEmpty();
        assertThat(vm.totalLinesProperty().get()).as("not a line yet").isZero();
    }

    @Test
    void typedInputIsEchoedAfterItsPromptAndTheAnswerGoesOnFromTheNextRow() {
        attach();
        chunk(2_000, 10, Stream.STDOUT, "number? ");
        pulse();
        vm.input().sendLine("7");
        assertThat(sent).containsExactly("7\n");
        assertThat(vm.input().promptProperty().get()).as("answered").isEmpty();
        chunk(3_000_000_000_000_000L, 10, Stream.STDOUT, "", "number? square: 49");
        pulse();
        assertThat(rows()).containsExactly("TYPED:number? |7 \u23CE", "LINE:square: 49");
        assertThat(model.output().get(0).text()).as("the run keeps the program's own line").isEqualTo("number? square: 49");
        assertThat(vm.totalLinesProperty().get()).isEqualTo(1);
    }

    @Test
    void anAnswerWrittenTheMomentTheInputIsSentStillComesAfterTheEcho() {
        long[] answeredAt = new long[1];
        vm.input().attach(new ProgramInputViewModel.Stdin() {
            @Override
            public void send(byte[] bytes) {
                // the program reads at once and prints its answer, timed now (as an agent times its write)
                answeredAt[0] = org.processlab.model.Clock.nowMicros();
            }

            @Override
            public void end() {
            }
        }, new CurrentThreadTaskExecutor());
        chunk(2_000, 10, Stream.STDOUT, "number? ");
        pulse();
        vm.input().sendLine("7");
        chunk(answeredAt[0], 10, Stream.STDOUT, "", "number? square: 49");
        pulse();
        assertThat(rows()).containsExactly("TYPED:number? |7 \u23CE", "LINE:square: 49");
    }

    @Test
    void twoPromptsOnOneLineAreAnsweredInTurn() {
        attach();
        chunk(2_000, 10, Stream.STDOUT, "a? ");
        pulse();
        vm.input().sendLine("1");
        chunk(2_100, 10, Stream.STDOUT, "a? b? ");
        pulse();
        assertThat(vm.input().promptProperty().get()).isEqualTo("b? ");
        vm.input().sendLine("2");
        chunk(3_000_000_000_000_000L, 10, Stream.STDOUT, "", "a? b? sum 3");
        pulse();
        assertThat(rows()).containsExactly("TYPED:a? |1 \u23CE", "TYPED:b? |2 \u23CE", "LINE:sum 3");
    }

    @Test
    void otherUnfinishedLinesAreTheLastRowsUntilFinished() {
        attach();
        chunk(2_000, 10, Stream.STDOUT, "", "first");
        chunk(2_100, 11, Stream.STDOUT, "Working");
        pulse();
        assertThat(rows()).containsExactly("LINE:first", "UNFINISHED:Working");
        chunk(2_200, 11, Stream.STDOUT, "Working..");
        chunk(2_300, 10, Stream.STDERR, "warn");
        pulse();
        assertThat(rows()).containsExactly("LINE:first", "UNFINISHED:Working..", "UNFINISHED:warn");
        chunk(2_400, 10, Stream.STDOUT, "", "second");
        pulse();
        assertThat(rows()).as("new lines go before the unfinished ones")
                .containsExactly("LINE:first", "LINE:second", "UNFINISHED:Working..", "UNFINISHED:warn");
        chunk(2_500, 11, Stream.STDOUT, "", "Working... done");
        pulse();
        assertThat(rows()).containsExactly("LINE:first", "LINE:second", "LINE:Working... done", "UNFINISHED:warn");
    }

    @Test
    void withoutAnInputLineTheMainProcessesUnfinishedLineIsARow() {
        chunk(2_000, 10, Stream.STDOUT, "Working");
        pulse();
        assertThat(rows()).containsExactly("UNFINISHED:Working");
        attach();
        assertThat(rows()).as("the input line came: the prompt moves beside it").isEmpty();
        assertThat(vm.input().promptProperty().get()).isEqualTo("Working");
    }

    @Test
    void droppedInputIsSaidOnTheInputLine() {
        attach();
        model.append(new RunEvent.InputDropped(2_000, 12_345, 1_048_576));
        pulse();
        assertThat(vm.input().droppedProperty().get())
                .isEqualTo("The program has not read its input: 12,345 bytes were dropped");
    }

    @Test
    void endOfInputIsEchoed() {
        attach();
        vm.input().endInput();
        assertThat(rows()).containsExactly("TYPED:|Ctrl+D (end of input)");
    }
}
