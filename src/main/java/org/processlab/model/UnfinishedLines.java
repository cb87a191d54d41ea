package org.processlab.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line each output stream of the run has begun but not finished, one slot per stream of a writer on the wire (an
 * agent's stdout and stderr; the supervisor's pipes for untraced output, whoever writes to them). A slot is told the
 * whole unfinished line after each chunk of its stream ({@link LineBatch#tellsUnfinished()}) and copies its first
 * {@link UnfinishedLine#KEPT_BYTES} into an array of its own, reused: no allocation per chunk once a slot exists.
 * Text is decoded only for a snapshot, once per change.
 *
 * <p>Threading: not thread-safe; written and read under {@link RunModel}'s lock only.
 */
final class UnfinishedLines {
    private final List<Slot> slots = new ArrayList<>();
    /** The slot used last: a stream's chunks usually come in a row. */
    private Slot last;

    /**
     * Takes what {@code lines} tells of its stream's unfinished line. {@code source} is the agent's PID for traced
     * output (the agent's or its channel's), 0 for the supervisor's pipes; {@code pid} is who the line is shown as
     * written by; {@code shared}: by it or one of its untraced children.
     */
    void update(long t, long source, long pid, Stream stream, boolean untraced, boolean shared, LineBatch lines) {
        Slot s = slot(source, stream);
        long total = lines.unfinishedBytes();
        if (total == 0) {
            s.bytes = 0;
            s.shown = null;
            return;
        }
        int n = Math.min(lines.unfinishedLength(), UnfinishedLine.KEPT_BYTES);
        if (s.kept.length < n) {
            s.kept = Arrays.copyOf(s.kept, Math.min(UnfinishedLine.KEPT_BYTES, Math.max(n, s.kept.length * 2)));
        }
        System.arraycopy(lines.unfinishedArray(), lines.unfinishedOffset(), s.kept, 0, n);
        s.keptLength = n;
        s.bytes = total;
        s.t = t;
        s.pid = pid;
        s.untraced = untraced;
        s.shared = shared;
        s.shown = null;
    }

    private Slot slot(long source, Stream stream) {
        Slot s = last;
        if (s != null && s.source == source && s.stream == stream) {
            return s;
        }
        for (Slot x : slots) {
            if (x.source == source && x.stream == stream) {
                last = x;
                return x;
            }
        }
        s = new Slot(source, stream);
        slots.add(s);
        last = s;
        return s;
    }

    /** The unfinished lines now, in the order their streams first had one. */
    List<UnfinishedLine> now() {
        List<UnfinishedLine> open = null;
        for (Slot s : slots) {
            if (s.bytes > 0) {
                if (open == null) {
                    open = new ArrayList<>(2);
                }
                open.add(s.line());
            }
        }
        return open == null ? List.of() : List.copyOf(open);
    }

    /** One stream's unfinished line. */
    private static final class Slot {
        final long source;
        final Stream stream;
        byte[] kept = new byte[128];
        int keptLength;
        /** The line's length so far; 0: no line begun. */
        long bytes;
        long t;
        long pid;
        boolean untraced;
        boolean shared;
        /** The line as last shown; null when it changed since. */
        UnfinishedLine shown;

        Slot(long source, Stream stream) {
            this.source = source;
            this.stream = stream;
        }

        UnfinishedLine line() {
            if (shown == null) {
                int n = wholeCharacters(kept, keptLength);
                String text = new String(kept, 0, n, StandardCharsets.UTF_8) + (bytes > keptLength ? " \u2026" : "");
                shown = new UnfinishedLine(t, pid, stream, text, bytes, untraced, shared);
            }
            return shown;
        }
    }

    /** The largest length ≤ {@code len} that does not end inside a UTF-8 sequence whose last bytes are still to come. */
    static int wholeCharacters(byte[] b, int len) {
        for (int back = 1; back <= Math.min(3, len); back++) {
            int lead = b[len - back] & 0xFF;
            if ((lead & 0xC0) == 0x80) {
                continue;   // a continuation byte: look further back for its lead
            }
            int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            return need > back ? len - back : len;
        }
        return len;
    }
}
