package org.processlab.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.processlab.model.Clock;
import org.processlab.model.ExecWitness;
import org.processlab.model.ProcKey;
import org.processlab.model.RunEvent;

/**
 * The OS's view of a run: every few milliseconds, finds the descendants of the run's supervisor in
 * {@code /proc} and reports what changed — a process nobody announced, a new parent (orphaned), a new
 * kernel state (R, S, D, T, Z), a new program (exec), a process gone. It catches what no agent reports: a shell
 * started by {@code subprocess} and the programs it execs, a process killed before it said anything, zombies.
 *
 * <p>Cost: a scan lists {@code /proc} and reads the stat file of each PID it has not classified yet and
 * of each known descendant; PIDs found unrelated to the run are remembered while they stay listed. A descendant whose
 * short name changed since the last scan costs two reads more ({@code cmdline}, {@code exe}), once.
 *
 * <p>Threading: {@link #scan()} is called by one thread (the run's own, in {@link RunWatch}); events go to the
 * consumer on that thread. {@link #everSeen()} and {@link #seenCount()} from any thread (the {@link TreeKiller}'s);
 * the methods share this object's monitor. Where {@code /proc} is missing it does nothing (the agents still report).
 */
final class ProcessSampler {
    private final long rootOfTree;
    private final Consumer<RunEvent> sink;
    private final Map<Long, ProcFs.Stat> known = new HashMap<>();
    private final Set<Long> unrelated = new HashSet<>();
    private final Set<ProcKey> everSeen = new HashSet<>();
    /** Descendants first seen running their parent's program (same {@code comm}): forks whose exec may come next. */
    private final Set<Long> forkedNotExeced = new HashSet<>();

    /**
     * @param supervisorPid the PID whose descendants make up the run (ProcessLab's supervisor, itself not reported)
     * @param sink          receives {@link RunEvent.ProcessSeen}, {@link RunEvent.ParentChanged},
     *                      {@link RunEvent.KernelState}, {@link RunEvent.Vanished} and {@link RunEvent.Execed} (witness
     *                      {@link ExecWitness#SAMPLER} or {@link ExecWitness#SAMPLER_SPAWN})
     */
    ProcessSampler(long supervisorPid, Consumer<RunEvent> sink) {
        this.rootOfTree = supervisorPid;
        this.sink = sink;
    }

    /** Every process of the run seen so far, with its start time (for ending them safely). */
    synchronized Set<ProcKey> everSeen() {
        return new HashSet<>(everSeen);
    }

    /** How many distinct processes of the run have been seen so far. */
    synchronized int seenCount() {
        return everSeen.size();
    }

    /**
     * One pass over {@code /proc}. Nothing once the supervisor is gone: its orphans then belong to someone else, and
     * leaving its tree says nothing of their end (the run's containment finds them).
     */
    synchronized void scan() {
        List<Long> listed = ProcFs.pids();
        if (listed.isEmpty()) {
            return;
        }
        ProcFs.Stat supervisor = ProcFs.stat(rootOfTree).orElse(null);
        if (supervisor == null || supervisor.state() == 'Z' || supervisor.state() == 'X') {
            return;
        }
        Set<Long> present = new HashSet<>(listed);
        unrelated.retainAll(present);
        Map<Long, ProcFs.Stat> fresh = new HashMap<>();
        for (long pid : listed) {
            if (pid == rootOfTree || unrelated.contains(pid)) {
                continue;
            }
            ProcFs.stat(pid).ifPresent(s -> fresh.put(pid, s));
        }
        // Stamped after reading: a state seen now was true by this time (a zombie seen is already dead).
        long t = Clock.nowMicros();
        // Descendants: walk up each candidate's parent chain through what we read this pass.
        Set<Long> tree = new HashSet<>();
        for (ProcFs.Stat s : fresh.values()) {
            if (inTree(s, fresh, tree, new HashSet<>())) {
                tree.add(s.pid());
            }
        }
        for (ProcFs.Stat s : fresh.values()) {
            if (!tree.contains(s.pid())) {
                if (!known.containsKey(s.pid())) {
                    unrelated.add(s.pid());
                }
            }
        }
        for (long pid : tree) {
            ProcFs.Stat now = fresh.get(pid);
            ProcFs.Stat before = known.get(pid);
            if (before != null && before.startTicks() != now.startTicks()) {
                sink.accept(new RunEvent.Vanished(t, pid));
                forkedNotExeced.remove(pid);
                before = null;
            }
            if (before == null) {
                everSeen.add(new ProcKey(pid, now.startTicks()));
                ProcFs.Stat parent = now.ppid() == rootOfTree ? supervisor : fresh.get(now.ppid());
                if (parent != null && parent.comm().equals(now.comm())) {
                    forkedNotExeced.add(pid);
                }
                sink.accept(new RunEvent.ProcessSeen(t, pid, now.ppid(), now.startTicks(),
                        ProcFs.epochMicrosOfTicks(now.startTicks()), now.comm(), false));
                sink.accept(new RunEvent.KernelState(t, pid, now.state()));
            } else {
                if (before.ppid() != now.ppid()) {
                    sink.accept(new RunEvent.ParentChanged(t, pid, before.ppid(), now.ppid()));
                }
                if (before.state() != now.state()) {
                    sink.accept(new RunEvent.KernelState(t, pid, now.state()));
                }
                if (!before.comm().equals(now.comm())) {
                    programChanged(t, pid);
                }
            }
            known.put(pid, now);
        }
        for (Long pid : new ArrayList<>(known.keySet())) {
            if (!tree.contains(pid)) {
                known.remove(pid);
                forkedNotExeced.remove(pid);
                sink.accept(new RunEvent.Vanished(t, pid));
            }
        }
    }

    /**
     * {@code pid}'s short name ({@code comm}) changed: it ran {@code exec}, or renamed itself (then its command line
     * is most likely the one it is called by already, and the model shows no exec). Only here are its {@code cmdline}
     * and {@code exe} read, so a scan reads no more files while no program changes. An agent reports its own
     * process's exec too; the model keeps one of the two. An exec into a program of the same short name is not seen.
     */
    private void programChanged(long t, long pid) {
        String command = ProcFs.commandLine(pid);
        if (command.isEmpty()) {
            return;
        }
        ExecWitness witness = forkedNotExeced.remove(pid) ? ExecWitness.SAMPLER_SPAWN : ExecWitness.SAMPLER;
        sink.accept(new RunEvent.Execed(t, pid, ProcFs.program(pid), command, witness));
    }

    private boolean inTree(ProcFs.Stat s, Map<Long, ProcFs.Stat> fresh, Set<Long> tree, Set<Long> path) {
        long ppid = s.ppid();
        if (ppid == rootOfTree || tree.contains(ppid)) {
            return true;
        }
        if (ppid <= 1 || !path.add(s.pid())) {
            return false;
        }
        ProcFs.Stat parent = fresh.get(ppid);
        return parent != null && inTree(parent, fresh, tree, path);
    }
}
