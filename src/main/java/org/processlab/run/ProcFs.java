package org.processlab.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.processlab.model.Clock;

/**
 * Reads process facts from Linux's {@code /proc} (proc(5)). Every method returns empty or -1 where
 * {@code /proc} is missing (macOS, Windows) or the process is gone; none throws.
 *
 * <p>Start times: field 22 of {@code /proc/PID/stat} counts clock ticks since boot. The tick rate
 * ({@code USER_HZ}) is 100 on every Linux architecture Java runs on (it is fixed in the kernel's ABI,
 * see time(7)); {@link #epochMicrosOfTicks} converts ticks to epoch microseconds through
 * {@code /proc/uptime}, so the result is good to about 10 ms.
 *
 * <p>Threading: stateless, safe from any thread.
 */
public final class ProcFs {
    /** Clock ticks per second of {@code /proc} times on Linux (USER_HZ). */
    public static final int TICKS_PER_SECOND = 100;
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    /** True where {@code /proc/self/stat} can be read. */
    public static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    /**
     * One line of {@code /proc/PID/stat}, parsed.
     *
     * @param pid        process ID
     * @param comm       the command name (at most 15 bytes, as the kernel keeps it)
     * @param state      the state letter: R, S, D, T, t, Z, X, I
     * @param ppid       parent PID
     * @param pgrp       process group
     * @param startTicks start time in clock ticks since boot
     * @param nice       the niceness, -20 (most favoured) to 19 (field 19)
     */
    public record Stat(long pid, String comm, char state, long ppid, long pgrp, long startTicks, int nice) {
    }

    /** Reads and parses {@code /proc/PID/stat}. */
    public static Optional<Stat> stat(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("stat"));
            return Optional.ofNullable(parse(new String(raw, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Parses the text of a stat file; the command name may hold spaces and parentheses, so split after the last ')'. */
    static Stat parse(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return null;
        }
        long pid = Long.parseLong(text.substring(0, open).trim());
        String comm = text.substring(open + 1, close);
        String[] f = text.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state); field N is f[N - 3].
        return new Stat(pid, comm, f[0].charAt(0), Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[19]),
                Integer.parseInt(f[16]));
    }

    /** The PIDs listed in {@code /proc} now. */
    public static List<Long> pids() {
        List<Long> out = new ArrayList<>(512);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(PROC)) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (!n.isEmpty() && Character.isDigit(n.charAt(0))) {
                    try {
                        out.add(Long.parseLong(n));
                    } catch (NumberFormatException ignored) {
                        // not a process directory
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** Seconds since boot, from {@code /proc/uptime} (centisecond precision), or -1. */
    public static double uptimeSeconds() {
        try {
            String s = Files.readString(PROC.resolve("uptime"));
            return Double.parseDouble(s.substring(0, s.indexOf(' ')));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Converts a start time in ticks since boot to epoch microseconds (±10 ms), or -1 when unknown. */
    public static long epochMicrosOfTicks(long startTicks) {
        double up = uptimeSeconds();
        if (up < 0 || startTicks < 0) {
            return -1;
        }
        long now = Clock.nowMicros();
        return now - (long) ((up - startTicks / (double) TICKS_PER_SECOND) * 1e6);
    }

    /**
     * The arguments {@code pid} runs with ({@code /proc/PID/cmdline}), joined by single spaces; empty for a zombie, a
     * kernel thread, or a process gone.
     */
    public static String commandLine(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline"));
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (raw[i] == 0) {
                    raw[i] = ' ';
                }
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The file {@code pid} runs ({@code /proc/PID/exe}, symbolic links resolved by the kernel), or null. */
    public static String program(long pid) {
        try {
            return Files.readSymbolicLink(PROC.resolve(Long.toString(pid)).resolve("exe")).toString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** True when {@code pid} exists and has this start time (so signalling it cannot hit a reused PID). */
    public static boolean isSame(long pid, long startTicks) {
        return stat(pid).map(s -> startTicks < 0 || s.startTicks() == startTicks).orElse(false);
    }
}
