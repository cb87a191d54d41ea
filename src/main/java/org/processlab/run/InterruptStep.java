package org.processlab.run;

/**
 * What one interrupt of a run asked for ({@link RunSession#interrupt()}), in the order a terminal's Ctrl+C pressed again
 * and again would: a program may handle SIGINT, and cannot handle SIGKILL.
 */
public enum InterruptStep {
    /** The first: SIGINT to the program's process group (Python raises {@code KeyboardInterrupt} in each process). */
    SIGINT(2),
    /** The second: SIGTERM to every process of the run, as Stop's first pass. */
    SIGTERM(15),
    /** The third and later: every process of the run frozen (SIGSTOP), then SIGKILL. */
    SIGKILL(9);

    private final int signal;

    InterruptStep(int signal) {
        this.signal = signal;
    }

    /** The signal's number on Linux. */
    public int signal() {
        return signal;
    }

    /** The step after {@code interruptsSoFar} interrupts (0 for the first). */
    static InterruptStep after(int interruptsSoFar) {
        return interruptsSoFar == 0 ? SIGINT : interruptsSoFar == 1 ? SIGTERM : SIGKILL;
    }
}
