package org.processlab.run;

import java.util.Locale;

/**
 * What a run's trace channel is: a Unix domain socket in a folder only this user can enter (where the OS and Python
 * have them), or loopback TCP (where they do not: Windows). The system property {@code processlab.trace} chooses one
 * ({@code -Dprocesslab.trace=tcp} or {@code =unix}), so that tests cover both; without it, {@link #chosen()} picks.
 *
 * <p>What each keeps out: the socket's folder lets no other user connect at all; on TCP anyone on this machine can
 * connect, and only the run's token tells the run's processes apart. Both count and close what they refuse.
 */
enum ChannelKind {
    UNIX("unix"),
    TCP("tcp");

    /** The system property that forces a kind. */
    static final String PROPERTY = "processlab.trace";

    private final String scheme;

    ChannelKind(String scheme) {
        this.scheme = scheme;
    }

    /** How the channel's address begins in {@code PROCESSLAB_TRACE} ({@code unix:/path}, {@code tcp:127.0.0.1:PORT}). */
    String scheme() {
        return scheme;
    }

    /**
     * The kind {@code processlab.trace} names; without it, a Unix socket except on Windows (whose Python has none).
     *
     * @throws IllegalArgumentException when the property names neither kind
     */
    static ChannelKind chosen() {
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (asked.isEmpty()) {
            return System.getProperty("os.name", "").startsWith("Windows") ? TCP : UNIX;
        }
        for (ChannelKind k : values()) {
            if (k.scheme.equals(asked)) {
                return k;
            }
        }
        throw new IllegalArgumentException("-D" + PROPERTY + "=" + asked + ": the trace channel is unix or tcp");
    }
}
