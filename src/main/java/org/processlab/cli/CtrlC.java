package org.processlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import org.processlab.run.InterruptStep;
import org.processlab.run.RunSession;

/**
 * Ctrl+C at a terminal while {@code processlab run} runs: the terminal sends SIGINT to its foreground process group,
 * which is the CLI's alone (the supervisor leaves it as it starts). Instead of ending the JVM, each SIGINT interrupts
 * the run as a terminal would interrupt the program itself ({@link RunSession#interrupt}): the first sends SIGINT to
 * the program's process group, the second SIGTERM, the third SIGKILL. The run then ends as the program decides, the
 * report is printed, and the CLI exits with the program's own status. Each Ctrl+C says on stderr what it sent.
 *
 * <p>A CLI started with SIGINT ignored ({@code nohup}, a background job of a shell without job control) cannot be
 * interrupted: that inherited choice is kept. SIGTERM and SIGHUP still end the run
 * through the JVM's shutdown, as {@link org.processlab.model.StopReason#USER} stops.
 *
 * <p>The JDK's own way to catch a signal is {@code sun.misc.Signal} (module {@code jdk.unsupported}, exported for
 * exactly this). It keeps an inherited SIG_IGN for SIGINT, SIGTERM and SIGHUP (HotSpot does not install a handler
 * then) and answers that the previous handler was {@link SignalHandler#SIG_IGN}: that is how an ignored SIGINT is told.
 *
 * <p>Threading: the JVM runs the handler on a thread of its own for each signal; {@link RunSession#interrupt} may be
 * called from any thread. {@link #install} and {@link #close} from any thread; the JVM's one handler and the runs
 * listening to it are guarded by a lock of the class.
 *
 * @see org.processlab.model.StopReason#INTERRUPT
 */
final class CtrlC implements AutoCloseable {
    private static final Signal SIGINT = new Signal("INT");
    /** Guards the two fields below: the JVM has one SIGINT handler, however many runs listen (in-process tests). */
    private static final Object LOCK = new Object();
    private static final List<CtrlC> LISTENING = new ArrayList<>();
    /** The handler before ours, put back when the last run stops listening; null while ours is not installed. */
    private static SignalHandler before;

    private final RunSession session;
    private final PrintStream say;

    private CtrlC(RunSession session, PrintStream say) {
        this.session = session;
        this.say = say;
    }

    /**
     * Turns SIGINT into interrupts of {@code session} until {@link #close}, unless SIGINT was ignored when the JVM
     * started (or the JVM keeps SIGINT to itself, as under {@code -Xrs}): then nothing changes.
     *
     * @param say where each Ctrl+C says what it sent (the CLI's stderr)
     */
    static CtrlC install(RunSession session, PrintStream say) {
        synchronized (LOCK) {
            if (before == null) {
                SignalHandler was;
                try {
                    was = Signal.handle(SIGINT, CtrlC::heard);
                } catch (IllegalArgumentException | UnsupportedOperationException e) {
                    return new CtrlC(session, say);     // the JVM's own (-Xrs), or no SIGINT here: left as it is
                }
                if (was == SignalHandler.SIG_IGN) {
                    Signal.handle(SIGINT, SignalHandler.SIG_IGN);   // the JVM kept it ignored; forget our handler too
                    return new CtrlC(session, say);    // listening to nothing
                }
                before = was;
            }
            CtrlC c = new CtrlC(session, say);
            LISTENING.add(c);
            return c;
        }
    }

    /** Stops listening; the last to stop puts back the handler that was there before (the JVM's: exit 130). */
    @Override
    public void close() {
        synchronized (LOCK) {
            if (LISTENING.remove(this) && LISTENING.isEmpty()) {
                Signal.handle(SIGINT, before);
                before = null;
            }
        }
    }

    private static void heard(Signal sig) {
        List<CtrlC> now;
        synchronized (LOCK) {
            now = List.copyOf(LISTENING);
        }
        for (CtrlC c : now) {
            InterruptStep step = c.session.interrupt();
            if (step != null) {
                c.say.println("processlab: " + said(step));
            }
        }
    }

    /** What a Ctrl+C did, in the words the CLI prints on stderr. */
    static String said(InterruptStep step) {
        return switch (step) {
            case SIGINT -> "Ctrl+C: SIGINT sent to the program's processes (Ctrl+C again: SIGTERM)";
            case SIGTERM -> "Ctrl+C again: SIGTERM sent to every process of the run (once more: SIGKILL)";
            case SIGKILL -> "Ctrl+C a third time: every process of the run is killed (SIGKILL)";
        };
    }
}
