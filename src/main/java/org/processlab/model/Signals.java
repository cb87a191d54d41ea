package org.processlab.model;

import java.util.Map;

/**
 * Names of POSIX signals and the two conventions for reporting a death by signal.
 *
 * <p>Python's {@code Process.exitcode} and {@code subprocess} report a child killed by signal N as
 * {@code -N}; a shell (and Java's {@code Process.exitValue()}) reports {@code 128 + N}. Signal numbers
 * are those of Linux on x86-64 and arm64 (signal(7)); the names are the same on macOS for the common ones.
 */
public final class Signals {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(17, "SIGCHLD"),
            Map.entry(18, "SIGCONT"), Map.entry(19, "SIGSTOP"), Map.entry(20, "SIGTSTP"), Map.entry(24, "SIGXCPU"),
            Map.entry(25, "SIGXFSZ"), Map.entry(31, "SIGSYS"));

    private Signals() {
    }

    /** The name of signal {@code n} ({@code 9 → "SIGKILL"}), or {@code "SIG" + n} when it has no common name. */
    public static String name(int n) {
        return NAMES.getOrDefault(n, "SIG" + n);
    }

    /**
     * The signal name for a Python-style exit code, or {@code null} when the code is not a signal death.
     * Only negative codes are signals: 241 is {@code sys.exit(-15)}, a plain exit status, never a signal.
     */
    public static String nameForExitCode(Integer exitCode) {
        return exitCode != null && exitCode < 0 ? name(-exitCode) : null;
    }

    /** Python's exit code (negative for a signal) as a shell reports it: {@code -9 → 137}. */
    public static int toShellStatus(int pythonExitCode) {
        return pythonExitCode < 0 ? 128 - pythonExitCode : pythonExitCode;
    }

    /**
     * Decodes a raw {@code waitpid} status (wait(2)): the exit status, or {@code -N} when the process
     * was killed by signal N.
     */
    public static int exitCodeFromWaitStatus(int status) {
        int sig = status & 0x7f;
        return sig == 0 ? (status >> 8) & 0xff : -sig;
    }

    /** A short human text: {@code "0"}, {@code "3"}, {@code "-9 SIGKILL"}. */
    public static String describe(Integer exitCode) {
        if (exitCode == null) {
            return "";
        }
        String sig = nameForExitCode(exitCode);
        return sig == null ? Integer.toString(exitCode) : exitCode + " " + sig;
    }
}
