package org.processlab.model;

/** What a process is to the run. */
public enum Role {
    /** The program's first process: the one ProcessLab started. */
    MAIN,
    /** Any process started by a process of the run: multiprocessing, {@code subprocess}, {@code os.fork}. */
    CHILD,
    /** A process the runtime starts by itself: the resource tracker, the fork server, a Manager's server. */
    HELPER;

    /** The lower-case name used in JSON and lesson files ({@code main}, {@code child}, {@code helper}). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
