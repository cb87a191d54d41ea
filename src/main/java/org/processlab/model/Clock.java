package org.processlab.model;

import java.time.Instant;

/** The one clock of a run: wall-clock time in epoch microseconds (CLOCK_REALTIME, as the agents use). */
public final class Clock {
    private Clock() {
    }

    /** Now, in epoch microseconds (microsecond resolution where the OS gives it, as on Linux). */
    public static long nowMicros() {
        Instant i = Instant.now();
        return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000;
    }
}
