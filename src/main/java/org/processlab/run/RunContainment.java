package org.processlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.processlab.model.Containment;

/**
 * How one run's processes are held together, so that every one of them can be ended, whatever the program does to its
 * supervisor, its parent, its process group or its session (assets/tracer/contain.py does the work on the Python side;
 * PROTOCOL.md, "Containment").
 *
 * <ul>
 *   <li><b>Cgroups</b>, where this process may make them ({@link CgroupMounts}): a cgroup v2 leaf (freeze, kill, list),
 *       a v1 pids group (the kernel's cap: {@link #pidsMax}), and the v1 freezer where v2 cannot freeze. Named
 *       {@code processlab/run-ID} under each hierarchy, made here before the supervisor starts (so their paths are
 *       known from the start), entered by the root between fork and exec, removed at the run's end.</li>
 *   <li>Else the <b>sweep</b>: every process of the run inherits {@value #MARKER}{@code =ID}; {@code sweep.py} freezes
 *       (SIGSTOP) and kills every process carrying it or in the run's session, until none is left.</li>
 * </ul>
 * Either way {@link #supervisorGone} acts the moment the supervisor is seen gone, and {@link #endAll} ends what is
 * left, looking again until nothing is.
 *
 * <p>The switch: {@code -Dprocesslab.cgroups=off} or {@code PROCESSLAB_CGROUPS=off} (the property wins) turns cgroups
 * off for every run ({@link #cgroupsWanted}); {@code processlab run --no-cgroups} for one.
 *
 * <p>Threading: immutable but for {@code sweeper}, guarded by this object's monitor; any thread.
 */
public final class RunContainment {
    /** The variable every process of a run inherits, with the run's id: what the sweep looks for. */
    public static final String MARKER = "PROCESSLAB_RUN";
    /** The system property that turns cgroups off ({@code off}); the environment variable is {@code PROCESSLAB_CGROUPS}. */
    public static final String SWITCH_PROPERTY = "processlab.cgroups";
    /**
     * A group of another run this old, and empty, was left by an app that was killed before its run's end (its
     * supervisor still ended the processes): removed when a new run is prepared. Younger ones may be a run starting.
     */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);
    /** How long the end of a run keeps trying to remove a group that still holds a zombie not yet reaped (by init). */
    static final Duration REMOVE_WITHIN = Duration.ofSeconds(5);
    /** The longest a clean-up looks for processes of the run before it gives up on the ones it cannot end. */
    static final Duration END_WITHIN = Duration.ofSeconds(10);

    private final String id;
    private final Containment kind;
    /** The groups by contain.py's names: {@code v2}, {@code pids}, {@code freezer}. */
    private final Map<String, Path> groups;
    private Process sweeper;
    /** Processes of the run killed at once when the supervisor was seen gone ({@link #supervisorGone}); guarded by this. */
    private int killedAtOnce;

    private RunContainment(String id, Containment kind, Map<String, Path> groups) {
        this.id = id;
        this.kind = kind;
        this.groups = groups;
    }

    /** True unless the switch turns cgroups off ({@code -Dprocesslab.cgroups=off}, {@code PROCESSLAB_CGROUPS=off}). */
    public static boolean cgroupsWanted() {
        String v = System.getProperty(SWITCH_PROPERTY);
        if (v == null) {
            v = System.getenv("PROCESSLAB_CGROUPS");
        }
        return v == null || !v.strip().toLowerCase(Locale.ROOT).matches("off|false|no|0");
    }

    /**
     * {@code pids.max} for a run of at most {@code maxProcesses} processes: exactly that. The pids controller counts
     * tasks, threads included (Documentation/admin-guide/cgroup-v1/pids.rst), so:
     * <ul>
     *   <li>a program of one-threaded processes (a fork bomb) gets exactly {@code maxProcesses} processes: the agent
     *       has no thread while a process does not flood stdout, and a flusher thread that runs moves itself to
     *       the parent group (cgroup v1) and is not started while the group is full (PROTOCOL.md, "When stdout is
     *       sent");</li>
     *   <li>a program's own threads count as the kernel counts them: a Pool's three and a Queue's feeder fit easily
     *       under the default limit of 256, and a low limit refuses them as it refuses forks.</li>
     * </ul>
     * The run is stopped at the first fork or thread start the kernel refused ({@code pids.events}), and, as without a
     * cgroup, once it has made more than {@code maxProcesses} processes in all (some may have ended).
     */
    static long pidsMax(int maxProcesses) {
        return maxProcesses;
    }

    /**
     * The containment of a new run: its groups made where {@code cgroups} is true and they can be had, else the sweep.
     * Never throws: whatever cannot be made is left out.
     */
    static RunContainment prepare(int maxProcesses, boolean cgroups) {
        String id = UUID.randomUUID().toString().replace("-", "");
        if (!cgroups) {
            return new RunContainment(id, Containment.SWEEP, Map.of());
        }
        CgroupMounts at = CgroupMounts.find();
        for (Path folder : new Path[] {at.v2(), at.pids(), at.freezer()}) {
            removeStale(folder);
        }
        Map<String, Path> groups = new LinkedHashMap<>();
        String name = "run-" + id;
        Path v2 = make(at.v2(), name);
        if (v2 != null && Files.isRegularFile(v2.resolve("cgroup.freeze")) && Files.isRegularFile(v2.resolve("cgroup.kill"))) {
            groups.put("v2", v2);
        } else if (v2 != null) {
            remove(v2);
        }
        Path pids = make(at.pids(), name);
        if (pids != null && write(pids.resolve("pids.max"), Long.toString(pidsMax(maxProcesses)))) {
            groups.put("pids", pids);
        } else if (pids != null) {
            remove(pids);
        } else if (v2 != null && groups.containsKey("v2")
                && write(v2.resolve("pids.max"), Long.toString(pidsMax(maxProcesses)))) {
            groups.put("pids", v2);     // v2's own pids controller, where it is delegated
        }
        if (!groups.containsKey("v2")) {
            Path freezer = make(at.freezer(), name);
            if (freezer != null) {
                groups.put("freezer", freezer);
            }
        }
        boolean capped = groups.containsKey("pids");
        Containment kind = groups.containsKey("v2") ? (capped ? Containment.CGROUP_V2_PIDS : Containment.CGROUP_V2)
                : groups.containsKey("freezer") ? (capped ? Containment.CGROUP_V1_FREEZER_PIDS : Containment.CGROUP_V1_FREEZER)
                : capped ? Containment.CGROUP_V1_PIDS : Containment.SWEEP;
        return new RunContainment(id, kind, Map.copyOf(groups));
    }

    /** The run's id: the value of {@value #MARKER} in every process of the run. */
    public String id() {
        return id;
    }

    /** What holds the run together. */
    public Containment kind() {
        return kind;
    }

    /** The group of each kind ({@code v2}, {@code pids}, {@code freezer}); empty for the sweep. */
    Map<String, Path> groups() {
        return groups;
    }

    /** The supervisor's options for these groups: {@code --cgroups v2=PATH,pids=PATH}; none for the sweep. */
    List<String> supervisorOptions() {
        return groups.isEmpty() ? List.of() : List.of("--cgroups", groupsSpec());
    }

    /** What the supervisor's environment gets, and so every process of the run: the marker. */
    Map<String, String> env() {
        return Map.of(MARKER, id);
    }

    private String groupsSpec() {
        StringBuilder b = new StringBuilder();
        groups.forEach((k, p) -> b.append(b.length() == 0 ? "" : ",").append(k).append('=').append(p));
        return b.toString();
    }

    /** The PIDs in the run's groups now, zombies included; empty for the sweep. */
    Set<Long> members() {
        Set<Long> out = new HashSet<>();
        for (Path g : new HashSet<>(groups.values())) {
            try {
                for (String w : Files.readString(g.resolve("cgroup.procs")).split("\\s+")) {
                    if (!w.isEmpty()) {
                        out.add(Long.parseLong(w));
                    }
                }
            } catch (IOException | NumberFormatException e) {
                // removed, or not ours any more
            }
        }
        return out;
    }

    /** Forks and thread starts the kernel refused at the run's pids limit ({@code max} in pids.events), or -1. */
    long forksRefused() {
        Path g = groups.get("pids");
        if (g == null) {
            return -1;
        }
        try {
            for (String row : Files.readAllLines(g.resolve("pids.events"))) {
                String[] w = row.strip().split("\\s+");
                if (w.length == 2 && w[0].equals("max")) {
                    return Long.parseLong(w[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone
        }
        return -1;
    }

    /**
     * The supervisor has exited (called on the thread that saw it, at once): with a cgroup, every process of the run is
     * killed now ({@code cgroup.kill}) or frozen (the v1 freezer; {@link #endAll} kills and thaws); for the sweep, a
     * sweeper starts now. For a run that ended well the groups are empty and nothing happens; the sweep is left to
     * {@link #endAll}, which runs only when the run did not end well.
     *
     * @param sweeper the command that runs {@code sweep.py} ({@code python3 -I -S .../sweep.py}), or null
     * @param exclude the supervisor's PID, never swept
     * @param session the run's session (the root's PID), or -1
     */
    void supervisorGone(List<String> sweeper, boolean endedWell, long exclude, long session) {
        if (!endedWell && !groups.isEmpty()) {
            int n = 0;
            for (long pid : members()) {
                if (ProcFs.stat(pid).map(s -> s.state() != 'Z' && s.state() != 'X').orElse(false)) {
                    n++;
                }
            }
            synchronized (this) {
                killedAtOnce = n;
            }
        }
        if (groups.containsKey("v2")) {
            write(groups.get("v2").resolve("cgroup.kill"), "1");
        } else if (groups.containsKey("freezer")) {
            write(groups.get("freezer").resolve("freezer.state"), "FROZEN");
        }
        if (!endedWell && sweeper != null) {
            startSweeper(sweeper, exclude, session);
        }
    }

    /**
     * SIGKILL now to every process in the run's groups (ProcessLab's safety net, from any thread): {@code cgroup.kill},
     * or each member while the v1 freezer holds them. Nothing for the sweep (the net then ends what the model knows).
     */
    void killNow() {
        if (groups.containsKey("v2")) {
            write(groups.get("v2").resolve("cgroup.kill"), "1");
            return;
        }
        Path freezer = groups.get("freezer");
        boolean frozen = freezer != null && write(freezer.resolve("freezer.state"), "FROZEN");
        for (long pid : members()) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (frozen) {
            write(freezer.resolve("freezer.state"), "THAWED");
        }
    }

    /**
     * Ends every process of the run left after its supervisor went, looking again until none is left (at most
     * {@link #END_WITHIN}), and says what it found. Blocks; the run's thread calls it while the agents' connections are
     * still read.
     */
    Outcome endAll(List<String> sweeper, long exclude, long session) {
        String by = groups.isEmpty() ? "sweep" : "cgroup";
        if (sweeper == null) {
            return new Outcome(by, -1, -1);
        }
        Process p = startSweeper(sweeper, exclude, session);
        try {
            // sweep.py stops only once a last look finds nothing of the run (or after END_WITHIN)
            Outcome o = p == null ? new Outcome(by, -1, -1) : outcome(p);
            synchronized (this) {
                return killedAtOnce == 0 ? o : new Outcome(by, Math.max(o.found(), 0) + killedAtOnce, o.left());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(by, -1, -1);
        } finally {
            synchronized (this) {
                this.sweeper = null;
            }
        }
    }

    private Outcome outcome(Process p) throws InterruptedException {
        String line = "";
        try (InputStream in = p.getInputStream()) {
            line = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            // read what came
        }
        if (!p.waitFor(END_WITHIN.toMillis() + 2_000, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
        }
        return Outcome.parse(line, groups.isEmpty() ? "sweep" : "cgroup");
    }

    private synchronized Process startSweeper(List<String> command, long exclude, long session) {
        if (sweeper != null) {
            return sweeper;
        }
        List<String> cmd = new ArrayList<>(command);
        if (groups.isEmpty()) {
            cmd.addAll(List.of("--run-id", id));
            if (session > 0) {
                cmd.addAll(List.of("--session", Long.toString(session)));
            }
        } else {
            cmd.addAll(List.of("--cgroups", groupsSpec()));
        }
        if (exclude > 0) {
            cmd.addAll(List.of("--exclude", Long.toString(exclude)));
        }
        cmd.addAll(List.of("--timeout", Long.toString(END_WITHIN.toSeconds())));
        try {
            sweeper = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            sweeper = null;
        }
        return sweeper;
    }

    /**
     * Removes the run's groups (at the run's end). A group still holding a zombie (a process killed after its
     * supervisor was gone is reaped by init, in its own time) is tried again on a daemon thread
     * ({@code run-cgroup-removal}) for up to {@link #REMOVE_WITHIN}; what is still there then goes with a later run's
     * clean-up of stale groups.
     */
    void remove() {
        List<Path> left = new ArrayList<>();
        for (Path g : new HashSet<>(groups.values())) {
            if (!remove(g)) {
                left.add(g);
            }
        }
        if (left.isEmpty()) {
            return;
        }
        Thread th = new Thread(() -> {
            long until = System.nanoTime() + REMOVE_WITHIN.toNanos();
            while (!left.isEmpty() && System.nanoTime() < until) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
                left.removeIf(RunContainment::remove);
            }
        }, "run-cgroup-removal");
        th.setDaemon(true);
        th.start();
    }

    /**
     * What a clean-up did.
     *
     * @param by    {@code cgroup} or {@code sweep}
     * @param found how many processes of the run it found, or -1 when it could not say
     * @param left  how many its last look found still alive: 0 when none is left, -1 when it could not look
     */
    record Outcome(String by, int found, int left) {
        /** From sweep.py's line {@code {"found": N, "left": N, "by": "cgroup"}}; -1s when it said nothing. */
        static Outcome parse(String line, String by) {
            return new Outcome(by, number(line, "found"), number(line, "left"));
        }

        private static int number(String line, String field) {
            int at = line.indexOf("\"" + field + "\":");
            if (at < 0) {
                return -1;
            }
            int i = at + field.length() + 3;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            int j = i;
            while (j < line.length() && Character.isDigit(line.charAt(j))) {
                j++;
            }
            return j > i ? Integer.parseInt(line.substring(i, j)) : -1;
        }
    }

    /** Removes the empty {@code run-*} groups in {@code folder} older than {@link #STALE_AFTER}. */
    private static void removeStale(Path folder) {
        if (folder == null) {
            return;
        }
        long before = System.currentTimeMillis() - STALE_AFTER.toMillis();
        try (var groups = Files.newDirectoryStream(folder, "run-*")) {
            for (Path g : groups) {
                if (Files.getLastModifiedTime(g).toMillis() < before && Files.readString(g.resolve("cgroup.procs")).isBlank()) {
                    remove(g);
                }
            }
        } catch (IOException | SecurityException e) {
            // left for the next run
        }
    }

    private static Path make(Path folder, String name) {
        if (folder == null) {
            return null;
        }
        Path g = folder.resolve(name);
        try {
            Files.createDirectory(g);
            return g;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** rmdir of one group; true when it is gone. */
    private static boolean remove(Path group) {
        try {
            Files.deleteIfExists(group);
            return true;
        } catch (IOException | SecurityException e) {
            return false;   // still holds a process (a zombie not yet reaped)
        }
    }

    private static boolean write(Path file, String text) {
        try {
            Files.writeString(file, text);
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
