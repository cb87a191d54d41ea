package org.processlab.model;

import java.util.ArrayList;
import java.util.List;

import org.processlab.model.RunEvent.ProcessSeen;
import org.processlab.model.RunEvent.RootSpawned;
import org.processlab.model.RunEvent.RunStarted;

/**
 * A run's facts fed event by event, without a {@link RunModel} around them: for testing the model's package-private
 * parts one at a time. Times are small numbers of microseconds for readability.
 */
final class Scenario {
    static final long SUP = 50;
    static final long MAIN = 100;

    final RunFacts run = new RunFacts();
    final ProcessTable table = new ProcessTable();
    final StandIns standIns = new StandIns(table, run);
    private final EventApplier applier = new EventApplier(run, table, standIns, new OutputLog());

    /** A run whose main process (PID {@link #MAIN}, under supervisor {@link #SUP}) said hello at 1 200. */
    static Scenario started() {
        Scenario s = new Scenario();
        s.run.supervisorPid = SUP;
        return s.then(new RunStarted(1_000, "t", List.of("python3", "x.py"), null),
                new RootSpawned(1_100, MAIN, 7),
                new ProcessSeen(1_200, MAIN, SUP, 7, -1, "python3 x.py", true));
    }

    /** Applies the events in order. */
    Scenario then(RunEvent... events) {
        for (RunEvent e : events) {
            e.accept(applier);
        }
        return this;
    }

    /** The latest process with this PID (never a stand-in). */
    ProcessFacts process(long pid) {
        ProcessFacts p = table.latest(pid);
        if (p == null) {
            throw new AssertionError("no process " + pid);
        }
        return p;
    }

    /** The processes in the order {@link TreeOrder} lists them, each as its name (or PID) indented two spaces a level. */
    List<String> lanes() {
        List<String> out = new ArrayList<>();
        TreeOrder.walk(table, run.rootPid, (p, depth) -> out.add("  ".repeat(depth) + label(p)));
        return out;
    }

    /** A process's name, its PID where it has none; a Process object not started yet as "(name)". */
    private static String label(ProcessFacts p) {
        String name = p.name != null ? p.name : Long.toString(p.key.pid());
        return p.standIn() ? "(" + name + ")" : name;
    }

    /** The life states process {@code p}'s lane shows, as the snapshot derives them. */
    List<Span<LifeState>> lifeStates(ProcessFacts p) {
        long started = LaneStates.startedAt(p, run);
        return LaneStates.lifeStates(p, started, LaneStates.endedAt(p, started, run), run, table);
    }

    /** The kernel states process {@code p}'s lane shows. */
    List<Span<KernelStateKind>> kernelStates(ProcessFacts p) {
        long started = LaneStates.startedAt(p, run);
        return LaneStates.kernelStates(p, LaneStates.endedAt(p, started, run), run);
    }
}
