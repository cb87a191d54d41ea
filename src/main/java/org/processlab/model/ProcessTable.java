package org.processlab.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every process of the run, ended ones and stand-ins for Process objects included, and which is the latest with each
 * PID. An event about a PID goes to the latest process with it; a different kernel start time means the PID was reused
 * and makes a new process.
 *
 * <p>Threading: not thread-safe on its own. Written by ingest threads inside {@link RunModel#append} and read by
 * {@link RunModel#snapshot()}, always while holding the model's lock.
 */
final class ProcessTable {
    /** In the order they became known (ties in {@link TreeOrder} keep it). */
    private final List<ProcessFacts> all = new ArrayList<>();
    /** By PID, the latest process with it. Stand-ins are not here: they have no PID. */
    private final Map<Long, ProcessFacts> latest = new HashMap<>();

    /** The latest process with this PID, created if new or if the known one is another process (PID reuse). */
    ProcessFacts processFor(long pid, long startTicks) {
        ProcessFacts p = latest.get(pid);
        if (p != null && startTicks >= 0) {
            if (p.key.startTicks() < 0) {
                p.key = new ProcKey(pid, startTicks);
            } else if (p.key.startTicks() != startTicks) {
                p = null;
            }
        }
        if (p == null) {
            p = new ProcessFacts(new ProcKey(pid, startTicks));
            all.add(p);
            latest.put(pid, p);
        }
        return p;
    }

    /** The latest process with this PID, or null when nothing has named it. */
    ProcessFacts latest(long pid) {
        return latest.get(pid);
    }

    /** True when some process of the run has had this PID. */
    boolean known(long pid) {
        return latest.containsKey(pid);
    }

    /** Adds a stand-in for a Process object (see {@link StandIns}). */
    void addStandIn(ProcessFacts standIn) {
        all.add(standIn);
    }

    /** Removes a stand-in whose object has its process now (one lane, under its PID). */
    void removeStandIn(ProcessFacts standIn) {
        all.remove(standIn);
    }

    /** Every process, in the order they became known. The live list: read it under the model's lock. */
    List<ProcessFacts> all() {
        return all;
    }

    /** How many OS processes the run has had so far (Process objects not started are none). */
    int processCount() {
        int n = 0;
        for (ProcessFacts p : all) {
            if (p.listed() && !p.standIn()) {
                n++;
            }
        }
        return n;
    }

    /**
     * The only untraced process other than main that could have written to the shared output pipe, or 0 when that
     * is not one process. See {@link RunModel#untracedWriter}.
     */
    long untracedWriter(Collection<Long> running, long scannedAt, long rootPid) {
        long found = 0;
        for (ProcessFacts p : all) {
            if (p.traced || p.standIn() || p.key.pid() == rootPid || !p.listed()) {
                continue;
            }
            boolean possible = running == null ? p.endFact() < 0
                    : running.contains(p.key.pid()) || p.firstSeenAt > scannedAt;
            if (possible) {
                if (found != 0) {
                    return 0;
                }
                found = p.key.pid();
            }
        }
        return found;
    }
}
