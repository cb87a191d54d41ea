package org.processlab.model;

/**
 * ProcessLab's supervisor ended before the run did (killed by the program, or by someone else), and what was done
 * about the processes it left. Every process whose end no source saw is lost from view from {@code t}
 * ({@link LifeState#LOST}).
 *
 * @param t          when the app saw the supervisor gone, epoch µs
 * @param exitStatus the supervisor's status as a shell reports it (137: killed by SIGKILL)
 * @param endedBy    what ended the processes it left: {@code cgroup} (the run's cgroups: freeze and kill until empty)
 *                   or {@code sweep} (SIGSTOP, then SIGKILL, to every process with the run's marker or in its session);
 *                   null until the clean-up has run
 * @param found      processes of the run the clean-up found still there (and ended), or -1 before it ran
 * @param left       processes of the run a final look still found alive after the clean-up: 0 when verified gone, -1
 *                   when the clean-up could not look (it failed or did not run)
 * @param byProcessLab true when ProcessLab's own safety net killed the supervisor (it had not ended the run in time)
 */
public record SupervisorLoss(long t, int exitStatus, String endedBy, int found, int left, boolean byProcessLab) {

    /** The signal that killed the supervisor ({@code SIGKILL}), or null when it exited by itself. */
    public String signal() {
        return exitStatus > 128 ? Signals.name(exitStatus - 128) : null;
    }

    /** True when a final look found none of the run's processes left. */
    public boolean verifiedGone() {
        return endedBy != null && left == 0;
    }
}
