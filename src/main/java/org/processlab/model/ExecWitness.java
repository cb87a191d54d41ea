package org.processlab.model;

/** Which source saw a process {@code exec} another program ({@link RunEvent.Execed}), and so what its time means. */
public enum ExecWitness {
    /** The process's agent reported the call just before it was made: the event's time is when exec was called. */
    AGENT,
    /**
     * The {@code /proc} sampler saw the process's program change (an untraced process, such as a shell, has no agent to
     * report it): the exec was made before the event's time, by at most one sampling interval.
     */
    SAMPLER,
    /**
     * The sampler first saw the process still running its parent's program (a fork on its way to exec, as
     * {@code subprocess}, {@code os.system} and shells make children) and now its own: the exec that finishes the
     * spawn. It names the process, as its spawn's argv would, and is no exec of its own.
     */
    SAMPLER_SPAWN
}
