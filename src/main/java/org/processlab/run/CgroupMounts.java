package org.processlab.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where this system's cgroup hierarchies are, and where this process may make groups of its own in each: the folder
 * {@code processlab} under the app's own group of that hierarchy ({@code /proc/self/cgroup}) where that is writable
 * (root, or a systemd user session's delegated scope), else none. Read from {@code /proc/self/mountinfo}: a cgroup v2
 * mount ({@code cgroup2}) and the v1 mounts of the {@code pids} and {@code freezer} controllers.
 *
 * <p>Threading: immutable once found; {@link #find} reads the files each call.
 *
 * @param v2      the folder for the runs' cgroup v2 leaves, or null
 * @param pids    the folder for the runs' v1 pids groups, or null
 * @param freezer the folder for the runs' v1 freezer groups, or null
 */
record CgroupMounts(Path v2, Path pids, Path freezer) {
    /** The folder made under each hierarchy, holding one group per run ({@code run-ID}). */
    static final String FOLDER = "processlab";

    static final CgroupMounts NONE = new CgroupMounts(null, null, null);

    /** This system's hierarchies as this process may use them; {@link #NONE} where there are none (not Linux). */
    static CgroupMounts find() {
        List<String> mounts;
        List<String> own;
        try {
            mounts = Files.readAllLines(Path.of("/proc/self/mountinfo"));
            own = Files.readAllLines(Path.of("/proc/self/cgroup"));
        } catch (IOException | SecurityException e) {
            return NONE;
        }
        Path v2 = null;
        Path pids = null;
        Path freezer = null;
        for (String m : mounts) {
            // ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPEROPTIONS (proc(5))
            String[] halves = m.split(" - ", 2);
            if (halves.length < 2) {
                continue;
            }
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            if (left.length < 5 || right.length < 3) {
                continue;
            }
            Path point = Path.of(left[4].replace("\\040", " "));
            if (right[0].equals("cgroup2") && v2 == null) {
                v2 = runsFolder(point, ownPath(own, ""));
            } else if (right[0].equals("cgroup")) {
                List<String> opts = List.of(right[2].split(","));
                if (opts.contains("pids") && pids == null) {
                    pids = runsFolder(point, ownPath(own, "pids"));
                } else if (opts.contains("freezer") && freezer == null) {
                    freezer = runsFolder(point, ownPath(own, "freezer"));
                }
            }
        }
        return new CgroupMounts(v2, pids, freezer);
    }

    /** The app's own group in one hierarchy ({@code ""}: v2), from {@code /proc/self/cgroup}, or "/". */
    private static String ownPath(List<String> own, String controller) {
        for (String line : own) {
            String[] f = line.split(":", 3);
            if (f.length == 3 && (controller.isEmpty() ? f[0].equals("0") && f[1].isEmpty()
                    : List.of(f[1].split(",")).contains(controller))) {
                return f[2];
            }
        }
        return "/";
    }

    /** {@code processlab} under the app's group of the hierarchy mounted at {@code point}, made if need be; or null. */
    private static Path runsFolder(Path point, String own) {
        Path group = point.resolve(own.startsWith("/") ? own.substring(1) : own);
        if (!Files.isDirectory(group)) {
            group = point;      // another namespace's path: the mount's top is what this process sees
        }
        Path folder = group.resolve(FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            return null;
        }
        return Files.isWritable(folder) && Files.isRegularFile(folder.resolve("cgroup.procs")) ? folder : null;
    }
}
