package org.processlab.run;

import java.time.Duration;

import org.processlab.model.StopReason;

/**
 * A run's limits ({@link RunSpec#maxProcesses}, {@link RunSpec#timeLimit}) and when they are passed. Pure.
 *
 * @param maxProcesses the most processes the run may have had, ended ones included; where a pids controller holds
 *                     the run, the kernel applies it to tasks (threads count too) and reports refused forks
 * @param timeLimit    the longest the run may last, or null for no limit
 */
record RunLimits(int maxProcesses, Duration timeLimit) {

    static RunLimits of(RunSpec spec) {
        return new RunLimits(spec.maxProcesses(), spec.timeLimit());
    }

    /** True when a run that has had {@code processes} processes is over its process limit. */
    boolean tooManyProcesses(int processes) {
        return processes > maxProcesses;
    }

    /** True when a run watched since {@code startNanos} is over its time limit at {@code nowNanos} (nanoTime). */
    boolean outOfTime(long startNanos, long nowNanos) {
        return timeLimit != null && nowNanos - startNanos > timeLimit.toNanos();
    }

    /** The first limit passed (the process limit first), or null, where no pids controller counts refused forks. */
    StopReason passed(int processes, long startNanos, long nowNanos) {
        return passed(processes, -1, startNanos, nowNanos);
    }

    /**
     * The first limit passed (the process limit first), or null. {@code forksRefused}: forks and thread starts the
     * kernel refused at the run's pids limit, which counts tasks (-1 where none counts them); the first one is the
     * process limit reached.
     */
    StopReason passed(int processes, long forksRefused, long startNanos, long nowNanos) {
        if (tooManyProcesses(processes) || forksRefused > 0) {
            return StopReason.PROCESS_LIMIT;
        }
        return outOfTime(startNanos, nowNanos) ? StopReason.TIME_LIMIT : null;
    }
}
