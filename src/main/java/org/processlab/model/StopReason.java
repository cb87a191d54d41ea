package org.processlab.model;

/** Why ProcessLab ended a run before it ended by itself. */
public enum StopReason {
    /** The person pressed Stop, closed the window or quit. */
    USER("user"),
    /** The run reached its time limit. */
    TIME_LIMIT("time-limit"),
    /** The run created more processes than allowed. */
    PROCESS_LIMIT("process-limit");

    private final String id;

    StopReason(String id) {
        this.id = id;
    }

    /** The JSON name: {@code user}, {@code time-limit}, {@code process-limit}. */
    public String id() {
        return id;
    }
}
