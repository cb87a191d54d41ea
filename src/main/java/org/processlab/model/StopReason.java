package org.processlab.model;

/** Why ProcessLab ended a run before it ended by itself. */
public enum StopReason {
    /** The person pressed Stop, closed the window or quit. */
    USER("user"),
    /** The run reached its time limit. */
    TIME_LIMIT("time-limit"),
    /** The run created more processes than allowed. */
    PROCESS_LIMIT("process-limit"),
    /**
     * The person interrupted the run, as Ctrl+C in a terminal does: SIGINT to the program's process group (a second and
     * third interrupt send SIGTERM, then SIGKILL). The program may handle it and end by itself, with its own status.
     */
    INTERRUPT("interrupt");

    private final String id;

    StopReason(String id) {
        this.id = id;
    }

    /** The JSON name: {@code user}, {@code time-limit}, {@code process-limit}, {@code interrupt}. */
    public String id() {
        return id;
    }
}
