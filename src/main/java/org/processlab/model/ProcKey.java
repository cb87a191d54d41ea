package org.processlab.model;

/**
 * Identity of an OS process. A PID alone is not enough: the kernel reuses PIDs, so a process is
 * named by its PID together with its kernel start time.
 *
 * @param pid        the process ID
 * @param startTicks the kernel's start time of the process in clock ticks since boot (field 22 of
 *                   {@code /proc/PID/stat} on Linux, see proc(5)); {@code -1} where the OS does not say
 */
public record ProcKey(long pid, long startTicks) {
    /** A key whose start time is unknown. */
    public static ProcKey of(long pid) {
        return new ProcKey(pid, -1);
    }

    /** True when both keys could name the same process: same PID, and start times equal or one unknown. */
    public boolean sameProcess(ProcKey other) {
        return pid == other.pid && (startTicks < 0 || other.startTicks < 0 || startTicks == other.startTicks);
    }
}
