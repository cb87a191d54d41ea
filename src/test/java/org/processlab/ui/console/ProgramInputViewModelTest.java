package org.processlab.ui.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.processlab.ui.fx.CurrentThreadTaskExecutor;
import org.processlab.ui.fx.TaskExecutor;

/** The input line's rules: lines go with a newline in typing order, Ctrl+D ends input, nothing goes without a run. */
class ProgramInputViewModelTest {
    private final ProgramInputViewModel input = new ProgramInputViewModel();
    private final List<String> received = new ArrayList<>();
    private final ProgramInputViewModel.Stdin stdin = new ProgramInputViewModel.Stdin() {
        @Override
        public void send(byte[] bytes) {
            received.add(new String(bytes, StandardCharsets.UTF_8));
        }

        @Override
        public void end() {
            received.add("<EOF>");
        }
    };

    @Test
    void linesGoWithTheirNewlineThenEndOfFileThenNothing() {
        input.sendLine("before any run");
        assertThat(input.liveProperty().get()).isFalse();

        input.attach(stdin, new CurrentThreadTaskExecutor());
        assertThat(input.liveProperty().get()).isTrue();
        input.sendLine("7");
        input.sendLine("ünïcode");
        input.endInput();
        input.sendLine("after the end");
        input.endInput();

        assertThat(received).containsExactly("7\n", "ünïcode\n", "<EOF>");
        assertThat(input.endedProperty().get()).isTrue();

        input.detach();
        assertThat(input.liveProperty().get()).isFalse();
        assertThat(input.endedProperty().get()).isFalse();
    }

    @Test
    void typingOrderHoldsWhateverOrderTheBackgroundRunsTasksIn() {
        List<Runnable> tasks = new ArrayList<>();
        input.attach(stdin, new TaskExecutor() {
            @Override
            public <T> void run(Supplier<T> work, Consumer<T> onDone, Consumer<Throwable> onError) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void run(Runnable work) {
                tasks.add(work);
            }

            @Override
            public void inUiThread(Runnable task) {
                task.run();
            }
        });
        input.sendLine("one");
        input.sendLine("two");
        input.endInput();
        for (int i = tasks.size() - 1; i >= 0; i--) {
            tasks.get(i).run();   // the last handed over runs first
        }
        assertThat(received).containsExactly("one\n", "two\n", "<EOF>");
    }
}
