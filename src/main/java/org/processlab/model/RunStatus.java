package org.processlab.model;

/** Where a run is in its own life. */
public enum RunStatus {
    NOT_STARTED, STARTING, RUNNING, STOPPING, ENDED, FAILED;

    /** True once nothing more will happen. */
    public boolean finished() {
        return this == ENDED || this == FAILED;
    }
}
