package org.processlab.model;

/**
 * The scheduler state the kernel reports for a process (field 3 of {@code /proc/PID/stat}, proc(5)).
 */
public enum KernelStateKind {
    RUNNING("running"), SLEEPING("sleeping"), DISK_WAIT("disk-wait"), STOPPED("stopped"), ZOMBIE("zombie");

    private final String id;

    KernelStateKind(String id) {
        this.id = id;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }

    /** Maps a proc(5) state letter; {@code null} for letters that are not a state of a live program (X, I...). */
    public static KernelStateKind of(char letter) {
        switch (letter) {
            case 'R': return RUNNING;
            case 'S': return SLEEPING;
            case 'D': return DISK_WAIT;
            case 'T': case 't': return STOPPED;
            case 'Z': return ZOMBIE;
            default: return null;
        }
    }
}
