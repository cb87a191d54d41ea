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
    ENDED("ended");

    private final String id;

    LifeState(String id) {
        this.id = id;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }
}
