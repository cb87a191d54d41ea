package org.processlab.compare;

import java.util.List;

import org.processlab.model.RunEvent;
import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * A run written by hand as the events the engine would append: main (PID 100) from t = 1 000 µs, children and
 * helpers, lines, exits. Times are µs after an arbitrary epoch, so two runs can start at different moments.
 */
final class HandMadeRun {
    static final long SUP = 50;
    static final long MAIN = 100;
    private final RunModel model = new RunModel();
    private final long t0;

    /** A run of {@code x.py} that starts at {@code t0} µs, asked to use {@code method} (null: the default). */
    HandMadeRun(long t0, String method) {
        this.t0 = t0;
        model.setSupervisorPid(SUP);
        model.append(new RunEvent.RunStarted(t0, "x.py", List.of("python3", "x.py"), method));
        model.append(new RunEvent.RootSpawned(t0 + 100, MAIN, 7));
        model.append(new RunEvent.ProcessSeen(t0 + 200, MAIN, SUP, 7, -1, "python3 x.py", true));
    }

    /** Main starts child {@code pid} at {@code at} µs after the run's start. */
    HandMadeRun child(long pid, String name, String label, String target, String method, long at) {
        model.append(new RunEvent.ChildStarted(t0 + at, t0 + at + 50, MAIN, pid, name, label, target, "(10,)", method,
                false));
        model.append(new RunEvent.ProcessSeen(t0 + at + 20, pid, MAIN, pid, -1, "python3 x.py", true));
        return this;
    }

    /** Main's multiprocessing starts helper {@code kind} ({@code resource_tracker}) at {@code at}. */
    HandMadeRun helper(long pid, String kind, long at) {
        model.append(new RunEvent.HelperStarted(t0 + at, MAIN, pid, kind));
        model.append(new RunEvent.ProcessSeen(t0 + at + 20, pid, MAIN, pid, -1, "python3 -c " + kind, true));
        return this;
    }

    /** Process {@code pid} prints {@code text} to stdout at {@code at}. */
    HandMadeRun prints(long pid, String text, long at) {
        model.append(new RunEvent.OutputLine(t0 + at, pid, Stream.STDOUT, text, false));
        return this;
    }

    /** Process {@code pid} ends with {@code code} at {@code at}; main reaps it at once. */
    HandMadeRun exits(long pid, int code, long at) {
        model.append(new RunEvent.Exiting(t0 + at, pid, code));
        model.append(new RunEvent.Reaped(t0 + at + 10, pid == MAIN ? SUP : MAIN, pid, code, code << 8));
        return this;
    }

    /** Main ends with {@code code} at {@code at}, and the run with it. */
    RunModel ends(int code, long at) {
        exits(MAIN, code, at);
        model.append(new RunEvent.RunEnded(t0 + at + 20, code));
        return model;
    }

    /** Lesson 2: p1 prints Square, p2 prints Cube, each at the given time; main prints Done! after both. */
    static RunModel lesson2(long t0, String method, long squareAt, long cubeAt) {
        return new HandMadeRun(t0, method)
                .child(101, "Process-1", "p1", "print_square", method, 1_000)
                .child(102, "Process-2", "p2", "print_cube", method, 1_200)
                .prints(101, "Square of 10: 100", squareAt)
                .prints(102, "Cube of 10: 1000", cubeAt)
                .exits(101, 0, Math.max(squareAt, cubeAt) + 100)
                .exits(102, 0, Math.max(squareAt, cubeAt) + 150)
                .prints(MAIN, "Done!", Math.max(squareAt, cubeAt) + 300)
                .ends(0, Math.max(squareAt, cubeAt) + 400);
    }
}
