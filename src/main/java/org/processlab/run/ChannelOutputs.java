package org.processlab.run;

import java.util.HashMap;
import java.util.Map;

import org.processlab.model.RunModel;
import org.processlab.model.Stream;

/**
 * The output the supervisor relays from every traced process's own channels ({@code out}): each PID's stdout and
 * stderr split into lines by an {@link OutputStreams} of its own, so the bytes of two processes are never joined into
 * one line, and appended to the model in the order the supervisor relayed them (it stamps them as it reads; lines of
 * different processes keep that order).
 *
 * <p>A line a process leaves unfinished is finished by its channel's {@code eof} (the relay read the channel's end
 * there), else at the run's end ({@link #finish}).
 *
 * <p>A message's {@code shared} flag (the channel was held by several live processes: the bytes are the PID's or one
 * of its untraced children's) goes with the lines that message finished.
 *
 * <p>Threading: the supervisor connection's thread only, as {@link SupervisorMessages}; no lock. The PID of the last
 * message is kept apart, so a flood from one process looks up nothing and boxes no key.
 */
final class ChannelOutputs {
    private final RunModel model;
    private final Map<Long, Writer> writers = new HashMap<>();
    private Writer last;

    ChannelOutputs(RunModel model) {
        this.model = model;
    }

    /** Feeds an {@code out} message's payload (stream {@code s}) to PID {@code pid}'s lines, at time {@code t}. */
    void feed(long pid, boolean shared, TraceMessage m, long t) {
        Writer w = last;
        if (w == null || w.pid != pid) {
            w = writers.computeIfAbsent(pid, Writer::new);
            last = w;
        }
        w.shared = shared;
        w.streams.feed(m, t);
    }

    /**
     * {@code eof}: the channel {@code pid} wrote {@code stream} on has ended, so the line it left unfinished is finished
     * here, at time {@code t}, in the relay's order (before what the process's end caused: its parent's lines after
     * {@code join()}). Nothing when {@code pid} has no unfinished line on it.
     */
    void end(long pid, Stream stream, long t) {
        Writer w = writers.get(pid);
        if (w != null) {
            w.streams.finish(stream, t);
        }
    }

    /** Ends every writer's streams: a last line without its newline still counts, at time {@code t}. */
    void finish(long t) {
        for (Writer w : writers.values()) {
            w.streams.finish(t);
        }
    }

    /** One PID's two streams. */
    private final class Writer {
        final long pid;
        final OutputStreams streams;
        /** Whether the message being fed came from a channel several processes held. */
        boolean shared;

        Writer(long pid) {
            this.pid = pid;
            this.streams = new OutputStreams((t, stream, lines) -> model.appendLines(t, this.pid, stream, lines,
                    false, shared));
        }
    }
}
