package org.processlab.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.processlab.model.StartMethod;

/**
 * Everything needed to start a run, whatever the language: the program's command line and a supervisor
 * that speaks the trace protocol (assets/tracer/PROTOCOL.md). Build one with a track such as
 * {@link PythonTrack}.
 *
 * @param title        what the window and the report call the run
 * @param workingDir   the program's working directory
 * @param supervisor   the command that starts ProcessLab's supervisor; the engine appends
 *                     {@code --grace-ms N [--nice N] -- command...} (assets/tracer/PROTOCOL.md, "Set-up")
 * @param command      the program's own command line (interpreter, script, arguments)
 * @param env          variables added to the inherited environment (the engine adds the trace address and token)
 * @param startMethod  the default multiprocessing start method asked for, or null for the interpreter's own
 * @param timeLimit    ends the whole run after this long; null for no limit
 * @param maxProcesses the most processes a run may create, counting those already ended
 * @param stopGrace    how long Stop waits after SIGTERM before SIGKILL
 * @param nice         how many steps of Unix niceness the program runs below the app (0 to 19; 0: the same
 *                     priority). Every process of the run inherits it; the supervisor itself stays at the app's.
 *                     The CLI's {@code --nice N} sets it.
 * @param niceWhenBusy how many steps of niceness the run is lowered by once it turns busy ({@link RunSession#BUSY_PROCESSES}
 *                     processes, or {@link RunSession#BUSY_LINES_PER_SECOND} output lines a second); 0: never. The
 *                     window uses {@link #WINDOW_NICE}: an ordinary lesson runs at the window's own priority, so its
 *                     times are not stretched when the machine is busy (two busy programs elsewhere made lesson 3
 *                     take 2.7 s instead of 0.4 s at nice 10), while a run heavy enough to starve the window's
 *                     drawing gives way to it (Linux CFS gives a task of nice 10 about a tenth of the CPU share of one
 *                     at nice 0 when both want it: sched(7), the weight table in kernel/sched/core.c)
 * @param stdinFromApp whether the program's stdin is a pipe the app writes to ({@link RunSession#sendInput},
 *                     {@link RunSession#endInput}); false: {@code /dev/null}, and a program that reads gets
 *                     end-of-file. The CLI passes its own stdin through; the window does not yet
 * @param cgroups      whether the run may be held in cgroups of its own where they can be had
 *                     ({@link RunContainment}); false: the sweep, as where there are none. The default follows the
 *                     switch ({@link RunContainment#cgroupsWanted()}); {@code processlab run --no-cgroups} turns it off
 */
public record RunSpec(String title, Path workingDir, List<String> supervisor, List<String> command,
                      Map<String, String> env, StartMethod startMethod, Duration timeLimit, int maxProcesses,
                      Duration stopGrace, int nice, int niceWhenBusy, boolean stdinFromApp, boolean cgroups) {

    /** The default for {@link #maxProcesses}. */
    public static final int DEFAULT_MAX_PROCESSES = 256;

    /** How far the window lowers a run that turns busy (see {@link #niceWhenBusy}). */
    public static final int WINDOW_NICE = 10;

    public RunSpec {
        supervisor = List.copyOf(supervisor);
        command = List.copyOf(command);
        env = Map.copyOf(env);
        if (stopGrace == null) {
            stopGrace = Duration.ofMillis(1000);
        }
        if (maxProcesses <= 0) {
            maxProcesses = DEFAULT_MAX_PROCESSES;
        }
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("nice must be 0 to 19, not " + nice);
        }
        if (niceWhenBusy < 0 || niceWhenBusy > 19) {
            throw new IllegalArgumentException("niceWhenBusy must be 0 to 19, not " + niceWhenBusy);
        }
    }

    /**
     * A copy whose program inherits the signals ProcessLab itself was started with ignored (SIGINT, SIGQUIT, SIGHUP),
     * as a shell passes them on: the CLI under {@code nohup}. Without it (the window) the program starts with every
     * signal at its default, whatever the app inherited.
     */
    public RunSpec withIgnoredSignalsPassedOn() {
        java.util.Map<String, String> more = new java.util.HashMap<>(env);
        more.put(KEEP_IGNORED, "1");
        return new RunSpec(title, workingDir, supervisor, command, more, startMethod, timeLimit, maxProcesses, stopGrace,
                nice, niceWhenBusy, stdinFromApp, cgroups);
    }

    /** The variable that asks the supervisor to pass ignored signals on; it takes it out of the program's environment. */
    static final String KEEP_IGNORED = "PROCESSLAB_KEEP_IGNORED";

    /** A copy with another time limit (null: none). */
    public RunSpec withTimeLimit(Duration limit) {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, limit, maxProcesses, stopGrace, nice, niceWhenBusy, stdinFromApp, cgroups);
    }

    /** A copy with another process limit. */
    public RunSpec withMaxProcesses(int max) {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, timeLimit, max, stopGrace, nice, niceWhenBusy, stdinFromApp, cgroups);
    }

    /**
     * A copy whose program runs {@code steps} of niceness below the app.
     *
     * @throws IllegalArgumentException unless 0 ≤ steps ≤ 19
     */
    public RunSpec withNice(int steps) {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, timeLimit, maxProcesses, stopGrace, steps, niceWhenBusy, stdinFromApp, cgroups);
    }

    /**
     * A copy that lowers the run by {@code steps} of niceness once it turns busy (see {@link #niceWhenBusy}).
     *
     * @throws IllegalArgumentException unless 0 ≤ steps ≤ 19
     */
    public RunSpec withNiceWhenBusy(int steps) {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, timeLimit, maxProcesses, stopGrace,
                nice, steps, stdinFromApp, cgroups);
    }

    /** A copy that may use cgroups ({@code true}) or must not ({@code false}: the sweep). */
    public RunSpec withCgroups(boolean on) {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, timeLimit, maxProcesses, stopGrace,
                nice, niceWhenBusy, stdinFromApp, on);
    }

    /** A copy whose program reads its stdin from the app ({@link RunSession#sendInput}). */
    public RunSpec withStdinFromApp() {
        return new RunSpec(title, workingDir, supervisor, command, env, startMethod, timeLimit, maxProcesses, stopGrace,
                nice, niceWhenBusy, true, cgroups);
    }
}
