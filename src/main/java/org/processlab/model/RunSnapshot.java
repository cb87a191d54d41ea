package org.processlab.model;

import java.util.List;
import java.util.Optional;

/**
 * An immutable picture of a run, taken by {@link RunModel#snapshot()}. Safe to read from any thread.
 *
 * @param version        grows with every change to the model; equal versions mean equal content
 * @param status         where the run is
 * @param title          what is being run (a lesson title or a file name)
 * @param startedAt      when the run began, epoch µs (-1 before)
 * @param endedAt        when the last process ended, epoch µs (-1 while running)
 * @param now            the wall clock when the snapshot was taken, epoch µs
 * @param processes      main first, then each process under the one that started it, by start time
 * @param rootStatus     the root's status as a shell reports it (128+N for signal N), or null
 * @param stoppedBy      why ProcessLab ended the run early, or null when it ended by itself
 * @param error          a message for a run that could not start or broke, or null
 * @param startMethods   the start methods the program's multiprocessing children used, in order of first use
 * @param requestedStartMethod the default start method ProcessLab set, or null for the interpreter's own
 * @param supervisorPid  the PID of ProcessLab's supervisor (an orphan's new parent), or -1
 * @param outputLines    total lines of output so far (exact; a line is counted once finished)
 * @param unfinishedLines the lines processes have begun and not finished yet (a prompt), at most one per process and
 *                       stream, in the order their streams first had one; none once the run has ended (its writers'
 *                       ends finish them)
 * @param rejectedConnections trace connections closed for a missing or wrong token or bad messages
 * @param priorityLowered when and why the run was lowered below the window's priority because it turned busy, or null
 * @param inputDroppedBytes bytes of input sent to the main process's stdin that were dropped because it had not read
 *                       the 1 MiB waiting before them (the supervisor's {@code stdin-dropped}); 0 for none
 * @param channelRefusals connections to the run's trace channel that were refused, by kind (their total is
 *                       {@code rejectedConnections})
 * @param containment    how the run's processes were held together (cgroups, or the sweep), or null when not said
 * @param processesPastLimit processes made past the run's process limit (those listed beyond the first
 *                       {@code --max-processes N}); 0 when within it or the limit is not known
 * @param forksRefused   forks and thread starts the kernel refused at the run's pids limit, or -1 when no pids
 *                       controller counted them
 * @param supervisorLost ProcessLab's supervisor ended before the run, and what ended the processes it left; or null
 */
public record RunSnapshot(long version, RunStatus status, String title, long startedAt, long endedAt, long now,
                          List<ProcessView> processes, Integer rootStatus, StopReason stoppedBy, String error,
                          List<String> startMethods, String requestedStartMethod, long supervisorPid,
                          long outputLines, List<UnfinishedLine> unfinishedLines, long rejectedConnections,
                          RunEvent.PriorityLowered priorityLowered, long inputDroppedBytes,
                          ChannelRefusals channelRefusals, Containment containment,
                          int processesPastLimit, long forksRefused, SupervisorLoss supervisorLost) {

    /** How many processes were lost from view ({@link ProcessView#lost()}). */
    public int lostProcesses() {
        int n = 0;
        for (ProcessView p : processes) {
            if (p.lost()) {
                n++;
            }
        }
        return n;
    }

    /** The main process, if it has started. */
    public Optional<ProcessView> main() {
        return processes.stream().filter(p -> p.role() == Role.MAIN).findFirst();
    }

    /** The latest process with this PID. */
    public Optional<ProcessView> byPid(long pid) {
        ProcessView found = null;
        for (ProcessView p : processes) {
            if (p.pid() == pid) {
                found = p;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Seconds from the run's start to {@code t} (epoch µs). */
    public double secondsFromStart(long t) {
        return (t - startedAt) / 1e6;
    }

    /** The time the views should treat as the right edge: the end for a finished run, else now. */
    public long horizon() {
        return endedAt >= 0 ? endedAt : now;
    }
}
