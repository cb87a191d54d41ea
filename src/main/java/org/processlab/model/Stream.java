package org.processlab.model;

/** The standard stream a line of output was written to. */
public enum Stream {
    STDOUT, STDERR;

    /** {@code stdout} or {@code stderr}, as in JSON and the trace protocol. */
    public String id() {
        return this == STDOUT ? "stdout" : "stderr";
    }

    /** Parses {@code stdout}/{@code stderr}; anything else is stdout. */
    public static Stream of(String id) {
        return "stderr".equals(id) ? STDERR : STDOUT;
    }
}
