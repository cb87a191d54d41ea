package org.processlab.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.processlab.model.LineBatch;

/**
 * Splits one byte stream into lines (the chunks fed must not be changed afterwards: lines point into them): LF, CRLF and a lone CR each end a line (a CRLF split across two
 * chunks still counts once). Lines are decoded as UTF-8; bytes that are not valid UTF-8 become U+FFFD.
 * A line longer than {@link #MAX_LINE_BYTES} stays one line: its first {@code MAX_LINE_BYTES} are kept
 * and a marker says how many bytes followed, so line counts stay exact and memory stays bounded.
 * After each chunk the batch also tells the line begun and not finished yet (a prompt), whenever there is one or there
 * was one before: the receiver sees a prompt at once, not when its newline finally comes. It stays unfinished until a
 * line end or {@link #finish}.
 *
 * <p>Threading: not thread-safe; one instance per (process, stream), used by that stream's reader thread.
 */
final class LineAssembler {
    /** Bytes of one line kept in memory; the rest of an over-long line is counted, not kept. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * Receives the lines each chunk finished, with the chunk's time (epoch µs), and the unfinished line it leaves
     * ({@link LineBatch#tellsUnfinished()}). The batch is reused after the call; the byte arrays its lines point into
     * are the fed chunks (never changed afterwards) or copies; its unfinished line's bytes are this splitter's own,
     * valid during the call only.
     */
    interface LineSink {
        void lines(long t, LineBatch lines);
    }

    private final LineSink sink;
    private final LineBatch batch = new LineBatch();
    private byte[] carry = new byte[256];
    private int carryLen;
    private long dropped;
    private boolean afterCr;
    /** True when the sink was last told of an unfinished line: it must be told when that line is finished. */
    private boolean toldUnfinished;

    LineAssembler(LineSink sink) {
        this.sink = sink;
    }

    /** Feeds {@code len} bytes that arrived at time {@code t}. */
    void feed(long t, byte[] buf, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') {
                if (b == '\n' && afterCr && i == start && carryLen == 0 && dropped == 0) {
                    afterCr = false;   // the LF of a CRLF whose CR ended the previous chunk
                    start = i + 1;
                    continue;
                }
                emit(t, buf, start, i - start);
                afterCr = b == '\r';
                if (afterCr && i + 1 < end && buf[i + 1] == '\n') {
                    i++;
                    afterCr = false;
                }
                start = i + 1;
            } else {
                afterCr = false;
            }
        }
        if (start < end) {
            append(buf, start, end - start);
        }
        boolean open = carryLen > 0 || dropped > 0;
        if (open || toldUnfinished) {
            batch.tellUnfinished(carry, 0, carryLen, carryLen + dropped);
            toldUnfinished = open;
        }
        deliver(t);
    }

    private void deliver(long t) {
        if (!batch.isEmpty() || batch.tellsUnfinished()) {
            sink.lines(t, batch);
            batch.clear();
        }
    }

    /** Emits a last line that had no line end (at end of stream). */
    void finish(long t) {
        if (carryLen > 0 || dropped > 0) {
            emitCarry(t);
        }
        if (toldUnfinished) {
            batch.tellUnfinished(null, 0, 0, 0);
            toldUnfinished = false;
        }
        deliver(t);
    }

    private void emit(long t, byte[] buf, int off, int len) {
        if (carryLen == 0 && dropped == 0) {
            batch.add(buf, off, len);    // a slice of the fed chunk: no copy
        } else {
            append(buf, off, len);
            emitCarry(t);
        }
    }

    private void emitCarry(long t) {
        if (dropped > 0) {
            batch.add(new String(carry, 0, utf8Boundary(carry, carryLen), StandardCharsets.UTF_8)
                    + " \u2026 [line too long: " + (carryLen + dropped) + " bytes, first " + carryLen + " shown]");
        } else {
            batch.add(Arrays.copyOf(carry, carryLen), 0, carryLen);   // carry is reused: the line gets its own bytes
        }
        carryLen = 0;
        dropped = 0;
        if (carry.length > 65536) {
            carry = new byte[256];
        }
    }

    private void append(byte[] buf, int off, int len) {
        int n = Math.min(MAX_LINE_BYTES - carryLen, len);
        if (n > 0) {
            if (carryLen + n > carry.length) {
                carry = Arrays.copyOf(carry, Math.min(MAX_LINE_BYTES, Math.max(carry.length * 2, carryLen + n)));
            }
            System.arraycopy(buf, off, carry, carryLen, n);
            carryLen += n;
        }
        dropped += len - n;
    }

    /** The largest length \u2264 len that does not end inside a UTF-8 sequence cut short by truncation. */
    private int utf8Boundary(byte[] b, int len) {
        if (dropped == 0) {
            return len;
        }
        int i = len;
        while (i > 0 && len - i < 3 && (b[i - 1] & 0xC0) == 0x80) {
            i--;
        }
        return i > 0 && (b[i - 1] & 0xC0) == 0xC0 ? i - 1 : len;
    }
}
