package org.processlab.model;

/**
 * How a run's processes were held together so that every one of them could be ended: the kernel's cgroups where they
 * could be had, else ProcessLab's sweep (a marker every process inherits, and the run's session). The JSON name says
 * which groups: {@code cgroup-v2} (a cgroup v2 leaf: freeze, kill, list), {@code cgroup-v1-freezer} (the v1 freezer),
 * {@code +pids} (a pids controller caps the run's tasks: the exact process limit), {@code sweep}.
 */
public enum Containment {
    /** A cgroup v2 leaf and a pids controller (v1's, or v2's where delegated): freeze, kill, list, and the cap. */
    CGROUP_V2_PIDS("cgroup-v2+pids"),
    /** A cgroup v2 leaf: freeze, kill, list; no cap. */
    CGROUP_V2("cgroup-v2"),
    /** The v1 freezer and the v1 pids controller: freeze, list, the cap; killed member by member while frozen. */
    CGROUP_V1_FREEZER_PIDS("cgroup-v1-freezer+pids"),
    /** The v1 freezer: freeze and list; killed member by member while frozen. */
    CGROUP_V1_FREEZER("cgroup-v1-freezer"),
    /** The v1 pids controller alone: list and the cap; killed member by member, without a freeze. */
    CGROUP_V1_PIDS("cgroup-v1-pids"),
    /** No cgroup: SIGSTOP then SIGKILL to every process carrying the run's marker or in its session (best effort). */
    SWEEP("sweep");

    private final String id;

    Containment(String id) {
        this.id = id;
    }

    /** The JSON name. */
    public String id() {
        return id;
    }

    /** True when the kernel caps the run's tasks (a pids controller): the process limit is exact. */
    public boolean kernelLimit() {
        return id.endsWith("pids");
    }

    /** True when the run is in a cgroup of its own (it cannot leave it), false for the sweep. */
    public boolean cgroup() {
        return this != SWEEP;
    }

    /** The containment with this JSON name, or null. */
    public static Containment fromId(String id) {
        for (Containment c : values()) {
            if (c.id.equals(id)) {
                return c;
            }
        }
        return null;
    }
}
