package org.processlab.ui.console;

import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.processlab.ui.fx.TaskExecutor;

/**
 * The console's input line: what the person types goes to the main process's stdin, as in a terminal. A line is sent
 * with its {@code "\n"} in UTF-8; {@link #endInput} is Ctrl+D, end-of-file. The line is there while a run that takes
 * its stdin from the app is live ({@link #liveProperty}), and says so once input has ended ({@link #endedProperty}).
 * Beside it stands the program's prompt ({@link #promptProperty}: the main process's unfinished stdout line, as a
 * terminal's cursor stands after it), and a notice when the program left its input unread so long that some was
 * dropped ({@link #droppedProperty}). What is sent is echoed to the console as typed input ({@link Echo}).
 *
 * <p>Threading: every method and property on the UI thread. Sending may wait (until the run's supervisor is
 * connected), so the bytes go to the {@link Stdin} on the {@link TaskExecutor}'s background threads, one after the
 * other in the order they were typed (a queue drained under a lock: the executor's threads may run tasks in any
 * order).
 */
public final class ProgramInputViewModel {
    /** Where typed input goes: a live run's main process's stdin. Called on a background thread. */
    public interface Stdin {
        /** Sends {@code bytes} to the program's stdin. */
        void send(byte[] bytes);

        /** End-of-file on the program's stdin. */
        void end();
    }

    /** Where what is sent is shown, as a terminal echoes what is typed. Called on the UI thread. */
    public interface Echo {
        /** {@code text} was sent after the prompt {@code prompt} (maybe empty); {@code lineEnd}: with its newline. */
        void typed(String prompt, String text, boolean lineEnd);

        /** End-of-file was sent. */
        void ended();
    }

    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(this, "live");
    private final ReadOnlyBooleanWrapper ended = new ReadOnlyBooleanWrapper(this, "ended");
    /** What waits to be sent, in typing order; written on the UI thread, drained on background threads. */
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Object drainLock = new Object();
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper(this, "prompt", "");
    private final ReadOnlyStringWrapper dropped = new ReadOnlyStringWrapper(this, "dropped", "");
    private final Echo echo;
    private Stdin stdin;
    private TaskExecutor tasks;

    /**
     * Types to {@code to} from now on (a run that takes its stdin from the app is live); what is typed is sent on
     * {@code tasks}' background threads.
     */
    public void attach(Stdin to, TaskExecutor tasks) {
        this.stdin = to;
        this.tasks = tasks;
        ended.set(false);
        live.set(true);
    }

    /** An input line with no run to type to, echoing nothing. */
    public ProgramInputViewModel() {
        this(null);
    }

    /** An input line with no run to type to, echoing what it sends to {@code echo} (null: nowhere). */
    public ProgramInputViewModel(Echo echo) {
        this.echo = echo;
    }

    /** No run to type to any more (it ended, or was stopped or replaced): the line goes away. */
    public void detach() {
        stdin = null;
        live.set(false);
        ended.set(false);
        prompt.set("");
        dropped.set("");
    }

    /** Sends {@code line} and a newline, UTF-8, to the program; nothing when no run takes input. */
    public void sendLine(String line) {
        sendText(line + "\n");
    }

    /** Sends {@code text} as it is, UTF-8, to the program (Ctrl+D on a line not yet ended); nothing when no run takes input. */
    public void sendText(String text) {
        Stdin to = stdin;
        if (to == null || ended.get()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // echoed (and so timed) before it is sent: the program's answer, timed when written, then always comes after
        if (echo != null) {
            boolean lineEnd = text.endsWith("\n");
            echo.typed(prompt.get(), lineEnd ? text.substring(0, text.length() - 1) : text, lineEnd);
        }
        enqueue(() -> to.send(bytes));
        prompt.set("");
    }

    /** Ends the program's input (end-of-file, as Ctrl+D in a terminal); later lines are not sent. */
    public void endInput() {
        Stdin to = stdin;
        if (to == null || ended.get()) {
            return;
        }
        ended.set(true);
        if (echo != null) {
            echo.ended();
        }
        enqueue(to::end);
    }

    /** Shows {@code text}, the main process's unfinished stdout line not answered yet, as the prompt ("" for none). */
    void showPrompt(String text) {
        prompt.set(live.get() ? text : "");
    }

    /** Says how many bytes of what was sent the program left unread so long that they were dropped (0: none). */
    void showDropped(long bytes) {
        dropped.set(bytes <= 0 ? "" : String.format(java.util.Locale.ROOT,
                "The program has not read its input: %,d bytes were dropped", bytes));
    }

    private void enqueue(Runnable send) {
        pending.add(send);
        TaskExecutor t = tasks;
        t.run(() -> {
            synchronized (drainLock) {
                Runnable r;
                while ((r = pending.poll()) != null) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        // the run went away under us: what was typed is dropped, as a closed terminal would
                    }
                }
            }
        });
    }

    /** True while a run that reads what is typed here is live. */
    public ReadOnlyBooleanProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /**
     * The program's prompt: what the main process has written to stdout since its last newline and the person has not
     * answered yet ({@code "number? "}); "" for none, and while no run takes input.
     */
    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    /** A sentence saying the program left its input unread and some was dropped; "" while none was. */
    public ReadOnlyStringProperty droppedProperty() {
        return dropped.getReadOnlyProperty();
    }

    /** True once the program's input has been ended (Ctrl+D), until the next run. */
    public ReadOnlyBooleanProperty endedProperty() {
        return ended.getReadOnlyProperty();
    }
}
