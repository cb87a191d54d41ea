package org.processlab.model;

import java.util.Optional;

/**
 * How Python's {@code multiprocessing} makes a child process: {@code fork} (a copy of the parent), {@code spawn} (a
 * fresh interpreter that imports the main module) or {@code forkserver} (forked from a server process started once).
 * The interpreter's own default is not a member: where no method is asked for, the API says so with
 * {@link Optional#empty()} (or null, where documented).
 *
 * <p>Each constant has its wire name, the string Python's {@code multiprocessing.set_start_method} takes and the
 * trace protocol, the CLI ({@code --start-method}) and the lessons' front matter ({@code startMethods}) use.
 */
public enum StartMethod {
    FORK("fork"),
    SPAWN("spawn"),
    FORKSERVER("forkserver");

    private final String wireName;

    StartMethod(String wireName) {
        this.wireName = wireName;
    }

    /** {@code fork}, {@code spawn} or {@code forkserver}. */
    public String wireName() {
        return wireName;
    }

    /** The method whose wire name is {@code name}; empty for null or an unknown name. */
    public static Optional<StartMethod> fromWire(String name) {
        for (StartMethod m : values()) {
            if (m.wireName.equals(name)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * The method whose wire name is {@code name}.
     *
     * @throws IllegalArgumentException for any other name, saying which names there are
     */
    public static StartMethod parse(String name) {
        return fromWire(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown start method '" + name + "' (use fork, spawn or forkserver)"));
    }

    /** The wire name (what a person reads in the window's chooser and notes). */
    @Override
    public String toString() {
        return wireName;
    }
}
