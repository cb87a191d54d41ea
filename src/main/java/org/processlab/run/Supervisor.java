package org.processlab.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * ProcessLab's supervisor of one run (assets/tracer/supervisor.py) as an OS process. It can be started in two steps
 * (PROTOCOL.md, "Set-up", the second form):
 * <ol>
 *   <li>{@link #start} starts it with no program; it connects to the run's {@link TraceServer} and says hello, and
 *       {@link #ready()} completes;</li>
 *   <li>{@link #handOver} gives it the program, which it starts at once. Called before it is ready, the program waits
 *       in the {@link SupervisorLink} and goes the moment it is.</li>
 * </ol>
 * So a supervisor can be started, and be ready, before anyone presses Run. When the program is known from the start,
 * {@link #startWith} does both at once (the first form: the program on the supervisor's command line), and the program
 * starts right after the hello without waiting for a reply: what {@link RunSession#start} does, so a run's start costs
 * no round trip. Later commands go through {@link #link()}.
 *
 * <p>Its stdout and stderr (it writes only when it cannot work) are kept, up to {@value #LOG_LIMIT} characters, for
 * the message of a run that could not start.
 *
 * <p>Threading: every method from any thread. The log is written by one drain thread ({@code supervisor-out}) under
 * its own lock.
 */
final class Supervisor {
    /** The most characters of the supervisor's own output kept. */
    static final int LOG_LIMIT = 16_384;

    /**
     * How to start a supervisor, whatever its program.
     *
     * @param command   the command that starts it ({@link RunSpec#supervisor()}); the engine adds the options
     * @param stopGrace the wait between SIGTERM and SIGKILL for {@code stop} ({@code --grace-ms})
     * @param nice      steps of niceness the program runs below the supervisor, 0 to 19 ({@code --nice})
     * @param containment the run's cgroups ({@code --cgroups}) and marker (in the supervisor's environment, so in
     *                  every process of the run), or null for neither
     */
    record Launch(List<String> command, Duration stopGrace, int nice, RunContainment containment) {
        public Launch {
            command = List.copyOf(command);
        }

        /** A launch without containment. */
        Launch(List<String> command, Duration stopGrace, int nice) {
            this(command, stopGrace, nice, null);
        }

        /** What the supervisor's environment gets besides the trace address: the run's marker. */
        Map<String, String> env() {
            return containment == null ? Map.of() : containment.env();
        }

        /** The command line up to the program: the command, then the options. */
        List<String> commandLine() {
            List<String> cmd = new ArrayList<>(command);
            cmd.add("--grace-ms");
            cmd.add(Long.toString(stopGrace.toMillis()));
            if (nice > 0) {
                cmd.add("--nice");
                cmd.add(Integer.toString(nice));
            }
            if (containment != null) {
                cmd.addAll(containment.supervisorOptions());
            }
            return cmd;
        }
    }

    private final Process process;
    private final SupervisorLink link;
    private final StringBuilder log = new StringBuilder();

    private Supervisor(Process process, SupervisorLink link) {
        this.process = process;
        this.link = link;
    }

    /**
     * Starts the supervisor without a program (step 1 of 2), in the app's working directory and environment, telling
     * it where to connect ({@code PROCESSLAB_TRACE}, {@code PROCESSLAB_TOKEN}). Returns at once; {@link #ready()} says
     * when it is connected, {@link #handOver} gives it its program.
     *
     * @param server the run's trace server, built with {@code link} as its supervisor listener
     * @throws IOException when the process cannot be started
     */
    static Supervisor start(Launch launch, TraceServer server, SupervisorLink link) throws IOException {
        return launch(launch.commandLine(), null, launch.env(), server, link);
    }

    /**
     * Starts the supervisor with its program on its command line (both steps at once): it runs in the program's
     * directory, with the program's variables added to its environment (so the supervisor carries the same marks as
     * every process of its run), and starts the program right after its hello.
     *
     * @throws IOException when the process cannot be started (no such directory, no such interpreter)
     */
    static Supervisor startWith(Launch launch, SupervisorCommand.Run program, TraceServer server, SupervisorLink link)
            throws IOException {
        List<String> cmd = launch.commandLine();
        if (program.stdinFromApp()) {
            cmd.add("--stdin");
            cmd.add("app");
        }
        cmd.add("--");
        cmd.addAll(program.argv());
        Map<String, String> env = new java.util.HashMap<>(program.env());
        env.putAll(launch.env());
        return launch(cmd, program.cwd() == null ? null : Path.of(program.cwd()), env, server, link);
    }

    private static Supervisor launch(List<String> commandLine, Path directory, Map<String, String> env,
                                     TraceServer server, SupervisorLink link) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(commandLine).redirectErrorStream(true);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        pb.environment().putAll(env);
        pb.environment().put("PROCESSLAB_TRACE", server.address());
        pb.environment().put("PROCESSLAB_TOKEN", server.token());
        Supervisor s = new Supervisor(pb.start(), link);
        s.drain(s.process.getInputStream());
        return s;
    }

    /** Completes when the supervisor is connected and has said hello. */
    CompletableFuture<Void> ready() {
        return link.ready();
    }

    /**
     * Waits until the supervisor is ready, or {@code timeout} has passed. It waits even if the supervisor has exited
     * meanwhile: with its program on its command line, a supervisor can run a short program to its end before a
     * busy app has read its hello, which still arrives.
     *
     * @return true when it is ready
     */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        try {
            link.ready().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        }
    }

    /**
     * Gives a supervisor started by {@link #start} its program: it starts the root now, or the moment it is ready (one
     * started with its program ignores it).
     *
     * @throws IllegalArgumentException for a program whose command line and variables are longer than the protocol
     *                                  allows (see {@link CommandEncoder})
     */
    void handOver(SupervisorCommand.Run program) {
        link.send(program);
    }

    /** The line to the supervisor, for commands and for what it says of the run. */
    SupervisorLink link() {
        return link;
    }

    /** The supervisor's OS process. */
    Process process() {
        return process;
    }

    /** The supervisor's PID. */
    long pid() {
        return process.pid();
    }

    /** What the supervisor wrote to its stdout and stderr so far (it writes only when it cannot work). */
    String log() {
        synchronized (log) {
            return log.toString().strip();
        }
    }

    private void drain(InputStream in) {
        Thread th = new Thread(() -> {
            byte[] buf = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    synchronized (log) {
                        if (log.length() < LOG_LIMIT) {
                            log.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                        }
                    }
                }
            } catch (IOException ignored) {
                // stream closed
            }
        }, "supervisor-out");
        th.setDaemon(true);
        th.start();
    }
}
