package org.processlab.run;

import org.processlab.model.LineBatch;
import org.processlab.model.Stream;

/**
 * The stdout and stderr of one writer on the wire (one PID's channels in the supervisor's {@code out}, the
 * supervisor's {@code raw} pipes, an older agent's own {@code out}), each split into lines by a {@link LineAssembler}
 * of its own.
 *
 * <p>Threading: one connection's thread, as its {@link LineAssembler}s.
 */
final class OutputStreams {
    /** Receives the lines each message finished, with their stream; the batch is reused after the call. */
    interface Sink {
        void lines(long t, Stream stream, LineBatch lines);
    }

    private final LineAssembler stdout;
    private final LineAssembler stderr;

    OutputStreams(Sink sink) {
        this.stdout = new LineAssembler((t, lines) -> sink.lines(t, Stream.STDOUT, lines));
        this.stderr = new LineAssembler((t, lines) -> sink.lines(t, Stream.STDERR, lines));
    }

    /**
     * Feeds a message's payload to the stream its {@code s} names (stdout unless {@code "stderr"}), at time {@code t}.
     * A line the writer left unfinished on its other stream ends first: it was written before these bytes (the agent
     * sends what one stream holds before the other's next write), and a prompt ("Enter a value: ") must not come
     * after the error that followed it. Its rest, if any comes, is a line of its own.
     */
    void feed(TraceMessage m, long t) {
        boolean err = "stderr".equals(m.json().path("s").asText());
        LineAssembler to = err ? stderr : stdout;
        LineAssembler other = err ? stdout : stderr;
        if (other.holdsLine() && m.payloadLength() > 0) {
            other.finish(t);
        }
        to.feed(t, m.payload(), 0, m.payloadLength());
    }

    /** Ends both streams: a last line without its newline still counts, at time {@code t}. */
    void finish(long t) {
        stdout.finish(t);
        stderr.finish(t);
    }

    /** Ends one stream: its last line without its newline still counts, at time {@code t}. */
    void finish(Stream stream, long t) {
        (stream == Stream.STDERR ? stderr : stdout).finish(t);
    }
}
