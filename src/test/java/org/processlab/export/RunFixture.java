package org.processlab.export;

import java.util.List;

import org.processlab.model.ChannelRefusals;
import org.processlab.model.Containment;
import org.processlab.model.ExecView;
import org.processlab.model.SupervisorLoss;
import org.processlab.model.JoinView;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.StartFailure;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcKey;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunEvent;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Span;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;
import org.processlab.model.UnfinishedLine;

/**
 * A run with every field of {@link RunSnapshot} and {@link ProcessView}, and so of its {@link RunDocument}, set to
 * something other than its default (null, 0, -1, false, empty) in one process at least, so that a field the format
 * does not carry comes back different. (A helper still alive in a run that has ended is not what a run gives: it is
 * here so that {@code alive} is true somewhere.) Times are microseconds past
 * {@link #START}, many of them past 16.7 s (where a float loses the microsecond).
 */
final class RunFixture {
    /** 2026-12-07T04:28:07.123456Z. */
    static final long START = 1_796_617_687_123_456L;
    static final long MAIN = 4100;
    static final long CHILD = 4101;
    static final long HELPER = 4102;
    static final long SUPERVISOR = 4090;

    private RunFixture() {
    }

    static long at(long micros) {
        return START + micros;
    }

    /**
     * Its output: lines of main, a child and a helper interleaved, one untraced, one before main was known (PID 0),
     * the child's one from a channel it shared with an untraced child of its own.
     */
    static OutputLog output() {
        OutputLog log = new OutputLog();
        log.append(new RunEvent.OutputLine(at(1_001), 0, Stream.STDERR, "before main", true));
        log.append(new RunEvent.OutputLine(at(300_001), MAIN, Stream.STDOUT, "Gr\u00f6\u00dfe\ttab \\ \"q\"", false));
        log.append(new RunEvent.OutputLine(at(17_000_003), CHILD, Stream.STDERR, "oops", false, true));
        log.append(new RunEvent.OutputLine(at(17_000_003), MAIN, Stream.STDOUT, "same time", false));
        log.append(new RunEvent.OutputLine(at(123_456_789), HELPER, Stream.STDOUT, "from a shell", true));
        log.append(new RunEvent.OutputLine(at(123_456_790), CHILD, Stream.STDOUT, "", false));
        return log;
    }

    /** The run at its end, {@code output} its output. */
    static RunSnapshot snapshot(OutputLog output) {
        ProcessView main = new ProcessView(new ProcKey(MAIN, 52_001), SUPERVISOR, 0, Role.MAIN, "MainProcess",
                "main-label", "main", "()", "python3 x.py 3", true, "none", "fork", true, at(5), at(12),
                at(200_000_000), at(200_000_500), 137, true, at(150_000_000), 0,
                List.of(new Span<>(LifeState.RUNNING, at(12), at(500_000)),
                        new Span<>(LifeState.WAITING_JOIN, at(500_000), at(123_456_791)),
                        new Span<>(LifeState.RUNNING, at(123_456_791), Span.OPEN)),
                List.of(new Span<>(KernelStateKind.SLEEPING, at(20_000), at(2_400_000)),
                        new Span<>(KernelStateKind.RUNNING, at(2_400_000), Span.OPEN)),
                List.of(new JoinView(CHILD, at(500_000), at(123_456_791), true),
                        new JoinView(HELPER, at(190_000_000), Span.OPEN, false)),
                output.count(MAIN, Stream.STDOUT), output.count(MAIN, Stream.STDERR), null, -1, List.of(), false,
                "main-label");
        ProcessView child = new ProcessView(new ProcKey(CHILD, 52_010), 1, MAIN, Role.CHILD, "Process-1", "p1",
                "work", "(1, 'a')", "python3 -c 'from multiprocessing.spawn import spawn_main'", false,
                "resource_tracker", "spawn", true, at(100_000), at(100_123), at(123_456_790), at(123_456_791), -9, true,
                at(110_000_000), 1, List.of(new Span<>(LifeState.CREATED, at(100_000), at(100_123)),
                        new Span<>(LifeState.RUNNING, at(100_123), at(123_456_790))),
                List.of(new Span<>(KernelStateKind.DISK_WAIT, at(200_000), at(300_000))),
                List.of(), output.count(CHILD, Stream.STDOUT), output.count(CHILD, Stream.STDERR), null, -1,
                List.of(new ExecView(at(120_000_000), "/bin/sh", "sh -c 'echo \"quoted\" \u2713'"),
                        new ExecView(at(121_000_000), null, null)), false, "p1 #2");
        ProcessView helper = new ProcessView(new ProcKey(HELPER, 52_020), SUPERVISOR, MAIN, Role.HELPER, "sh",
                null, null, null, "sh -c 'echo from a shell'", false, "forkserver", null, false, -1, at(-3),
                -1, -1, null, false, -1, 2,
                List.of(new Span<>(LifeState.ZOMBIE, at(124_000_000), at(124_000_001))), List.of(), List.of(),
                output.count(HELPER, Stream.STDOUT), output.count(HELPER, Stream.STDERR), null, -1, List.of(), false,
                null);
        ProcessView never = new ProcessView(new ProcKey(-3, -1), -1, MAIN, Role.CHILD, "Process-2", "never", "work",
                "()", null, true, null, null, false, -1, -1, -1, -1, null, false, -1, 1,
                List.of(new Span<>(LifeState.CREATED, at(50_000), at(60_000))), List.of(), List.of(), 0, 0,
                new StartFailure(at(60_000), "_pickle.PicklingError", "Can't pickle <function <lambda> at 0x7f>: \"quoted\""), -1,
                List.of(), true, "never");
        ProcessView lost = new ProcessView(new ProcKey(-4, -1), -1, MAIN, Role.CHILD, "Process-3", "lost", "work",
                "()", null, true, null, null, false, -1, -1, -1, -1, null, false, -1, 1,
                List.of(new Span<>(LifeState.CREATED, at(50_000), at(200_000_000)),
                        new Span<>(LifeState.LOST, at(150_000_000), Span.OPEN)), List.of(), List.of(), 0, 0,
                null, at(150_000_000), List.of(), false, "lost");
        return new RunSnapshot(77, RunStatus.ENDED, "A run \"quoted\" \u2713", START, at(200_000_000),
                at(200_000_123), List.of(main, child, helper, never, lost), 137, StopReason.TIME_LIMIT, "it broke",
                List.of("fork", "spawn"), "forkserver", SUPERVISOR, output.size(),
                List.of(new UnfinishedLine(at(199_000_000), MAIN, Stream.STDOUT, "number? ", 8, true),
                        new UnfinishedLine(at(199_000_001), CHILD, Stream.STDERR, "half", 4, false, true)), 2,
                new RunEvent.PriorityLowered(at(3_000_000), 10, "busy: 4 processes running"), 1_048_577,
                new ChannelRefusals(1, 0, 0, 1),
                Containment.CGROUP_V2_PIDS, 2, 3, new SupervisorLoss(at(150_000_000), 137, "cgroup", 4, 0, false));
    }

    /** A lesson's expectations checked: one promise held, one did not (with two sentences). */
    static RunDocument.Expectations expectations() {
        return new RunDocument.Expectations(null, List.of(
                new RunDocument.Expected("the program's exit status is 0", List.of()),
                new RunDocument.Expected("every process matching 'child' ends with exit code 0",
                        List.of("Process-1 (PID 4101) ended with -9 SIGKILL, expected 0",
                                "Process-2 (PID 4102) ended with 1, expected 0"))));
    }

    static RunOrigin origin() {
        return new RunOrigin("02-first-processes", "/lessons/02-first-processes/first.py", List.of("3", "a b"));
    }
}
