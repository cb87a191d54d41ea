package org.processlab.model;

/** A process's lifecycle state, as the timeline draws it and the JSON names it. */
public enum LifeState {
    /** The Process object exists but {@code start()} has not made an OS process yet. */
    CREATED("created"),
    /** The OS process exists and runs its code (the kernel may still have it sleeping). */
    RUNNING("running"),
    /** The process is blocked in {@code join()}, waiting for a child to end. */
    WAITING_JOIN("waiting-join"),
    /** It has exited, but its parent has not collected its exit status yet (not reaped). */
    ZOMBIE("zombie"),
    /** It has exited and been reaped: only its exit code remains. */
    ENDED("ended"),
    /**
     * Lost from view: ProcessLab's supervisor, which would have seen its end, was gone while it still ran, so its end
     * was never observed (no wait status). It is not said to have ended: it may have lived on until ProcessLab's
     * clean-up ended the run's processes.
     */
    LOST("lost");

    private final String id;

    LifeState(String id) {
        this.id = id;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }
}
