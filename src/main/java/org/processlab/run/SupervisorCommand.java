package org.processlab.run;

import java.util.List;
import java.util.Map;

/**
 * What the app tells ProcessLab's supervisor, as values (assets/tracer/PROTOCOL.md, "App → supervisor"). Each record is
 * one message: its name in lower case is the message's {@code k}, its components are the other fields, by the same
 * names. {@link CommandEncoder} writes them; nothing else builds a command line.
 *
 * <p>A new command: a record here, its branch in {@link CommandEncoder#encode}, its row in PROTOCOL.md, and its
 * handling in {@code supervisor.py}'s {@code on_command}.
 */
sealed interface SupervisorCommand {
    /**
     * Hands the program over to a supervisor started without one; it starts the root at once.
     *
     * @param argv the root command: program, then its arguments
     * @param cwd  the root's working directory (absolute), or null for the supervisor's own
     * @param env  variables added to the supervisor's environment for the root (never the trace address or token)
     * @param stdinFromApp whether the root's stdin is a pipe fed by {@link Stdin} (else {@code /dev/null})
     */
    record Run(List<String> argv, String cwd, Map<String, String> env, boolean stdinFromApp)
            implements SupervisorCommand {
        public Run {
            argv = List.copyOf(argv);
            env = Map.copyOf(env);
            if (argv.isEmpty()) {
                throw new IllegalArgumentException("a program needs a command");
            }
        }

        /** A program whose stdin is {@code /dev/null}. */
        public Run(List<String> argv, String cwd, Map<String, String> env) {
            this(argv, cwd, env, false);
        }
    }

    /**
     * Bytes for the root's stdin, in order after those sent before.
     *
     * @param data 0 to {@link #MAX_BYTES} bytes; copied, so the caller may reuse its array
     */
    record Stdin(byte[] data) implements SupervisorCommand {
        /** The most bytes one command carries (PROTOCOL.md, "Limits": {@code MAX_STDIN}). */
        static final int MAX_BYTES = 32_768;

        public Stdin {
            if (data.length > MAX_BYTES) {
                throw new IllegalArgumentException("at most " + MAX_BYTES + " bytes of input in one command, not "
                        + data.length);
            }
            data = data.clone();
        }

        /** A copy of the bytes. */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Stdin s && java.util.Arrays.equals(data, s.data);
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Stdin[" + data.length + " bytes]";
        }
    }

    /** End-of-file on the root's stdin, once the bytes sent before are written. */
    record StdinEnd() implements SupervisorCommand {
    }

    /** SIGTERM to every process of the run, SIGKILL to what is left after {@code graceMs} milliseconds. */
    record Stop(long graceMs) implements SupervisorCommand {
    }

    /** Freeze (SIGSTOP), then SIGKILL, every process of the run at once: a limit was hit. */
    record Kill() implements SupervisorCommand {
    }

    /**
     * Ctrl+C as a terminal sends it: the first is SIGINT to the program's process group, the second SIGTERM to every
     * process of the run, the third freezes and kills the run. Nothing follows by a timer.
     */
    record Interrupt() implements SupervisorCommand {
    }

    /** Lower every process of the run by {@code steps} of niceness (1 to 19): it turned busy. */
    record Nice(int steps) implements SupervisorCommand {
    }
}
