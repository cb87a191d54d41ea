package org.processlab.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.processlab.model.LineBatch;

/**
 * Splits one byte stream into lines (the chunks fed must not be changed afterwards: lines point into them): LF and
 * CRLF end a line. A lone CR does not: as on a terminal it sends the cursor back to the line's start and what follows
 * overwrites it ({@link RewrittenLine}: a progress bar is one line, whose text is what a terminal shows at its line
 * end; a CRLF split across two chunks is a CR, then a line end, and still ends one line). Lines are decoded as UTF-8;
 * bytes that are not valid UTF-8 become U+FFFD. A line without a lone CR is passed on as it was written, a slice of
 * the chunk: only a rewritten line costs a String per chunk.
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
    /** The line a lone CR sent back to its start, made once and reused; null before the first. */
    private RewrittenLine rewritten;
    /** True while the line begun is {@link #rewritten}'s (then {@code carry} is empty). */
    private boolean rewriting;
    /** True when the sink was last told of an unfinished line: it must be told when that line is finished. */
    private boolean toldUnfinished;

    LineAssembler(LineSink sink) {
        this.sink = sink;
    }

    /** Feeds {@code len} bytes that arrived at time {@code t}. */
    void feed(long t, byte[] buf, int off, int len) {
        int start = off;
        int end = off + len;
        for (int i = lineByte(buf, off, end); i < end; i = lineByte(buf, i + 1, end)) {
            if (buf[i] == '\n') {
                if (rewriting) {
                    lineEnd(buf, start, i - start);
                } else {
                    emit(t, buf, start, i - start);
                }
            } else if (i + 1 < end && buf[i + 1] == '\n') {
                if (rewriting) {
                    lineEnd(buf, start, i - start);   // CRLF
                } else {
                    emit(t, buf, start, i - start);
                }
                i++;
            } else {
                carriageReturn(buf, start, i - start);
            }
            start = i + 1;
        }
        if (start < end) {
            if (rewriting) {
                rewritten.write(buf, start, end - start);
            } else {
                append(buf, start, end - start);
            }
        }
        if (rewriting) {
            tellRewritten();
        } else {
            boolean open = carryLen > 0 || dropped > 0;
            if (open || toldUnfinished) {
                batch.tellUnfinished(carry, 0, carryLen, carryLen + dropped);
                toldUnfinished = open;
            }
        }
        deliver(t);
    }

    /** The index of the first LF or CR in {@code buf[from, end)}, or {@code end}: the one loop every byte goes through. */
    private static int lineByte(byte[] buf, int from, int end) {
        for (int i = from; i < end; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return end;
    }

    /** Ends the rewritten line with {@code buf[off, off + len)}. */
    private void lineEnd(byte[] buf, int off, int len) {
        rewritten.write(buf, off, len);
        batch.add(rewritten.finishedText());
        rewritten.clear();
        rewriting = false;
    }

    /** A lone CR after {@code buf[off, off + len)}: the line goes back to its start (at a line's start: nothing to do). */
    private void carriageReturn(byte[] buf, int off, int len) {
        if (rewriting || len > 0 || carryLen > 0 || dropped > 0) {
            rewrite(buf, off, len);
            rewritten.carriageReturn();
        }
    }

    /** Writes {@code buf[off, off + len)} into the line a CR rewrites, begun with what the line held so far. */
    private void rewrite(byte[] buf, int off, int len) {
        if (!rewriting) {
            if (rewritten == null) {
                rewritten = new RewrittenLine();
            }
            rewritten.write(carry, 0, carryLen);
            carryLen = 0;
            dropped = 0;
            rewriting = true;
        }
        rewritten.write(buf, off, len);
    }

    /** Tells the rewritten line as a terminal shows it now (none while it is empty). */
    private void tellRewritten() {
        byte[] now = rewritten.text().getBytes(StandardCharsets.UTF_8);
        boolean open = now.length > 0;
        if (open || toldUnfinished) {
            batch.tellUnfinished(now, 0, now.length, now.length);
            toldUnfinished = open;
        }
    }

    private void deliver(long t) {
        if (!batch.isEmpty() || batch.tellsUnfinished()) {
            sink.lines(t, batch);
            batch.clear();
        }
    }

    /** True while a line is begun and not finished (bytes without their line end, or a line a CR rewrites). */
    boolean holdsLine() {
        return rewriting || carryLen > 0 || dropped > 0;
    }

    /** Emits a last line that had no line end (at end of stream). */
    void finish(long t) {
        if (rewriting) {
            lineEnd(carry, 0, 0);
        } else if (carryLen > 0 || dropped > 0) {
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
