package org.processlab.run;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits one byte stream into lines: LF, CRLF and a lone CR each end a line (a CRLF split across two
 * chunks still counts once). Lines are decoded as UTF-8; bytes that are not valid UTF-8 become U+FFFD,
 * so nothing is dropped. A line longer than {@link #MAX_LINE_BYTES} is emitted in pieces of that size.
 *
 * <p>Threading: not thread-safe; one instance per (process, stream), used by that stream's reader thread.
 */
final class LineAssembler {
    /** Longest piece of a line kept in memory before it is emitted, in bytes. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** Receives each finished line with the time of the chunk that finished it (epoch µs). */
    interface LineSink {
        void line(long t, String text);
    }

    private final LineSink sink;
    private byte[] carry = new byte[256];
    private int carryLen;
    private boolean afterCr;

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
                if (b == '\n' && afterCr && i == start && carryLen == 0) {
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
            append(t, buf, start, end - start);
        }
    }

    /** Emits a last line that had no line end (at end of stream). */
    void finish(long t) {
        if (carryLen > 0) {
            sink.line(t, new String(carry, 0, carryLen, StandardCharsets.UTF_8));
            carryLen = 0;
        }
    }

    private void emit(long t, byte[] buf, int off, int len) {
        if (carryLen == 0) {
            sink.line(t, new String(buf, off, len, StandardCharsets.UTF_8));
        } else {
            append(t, buf, off, len);
            sink.line(t, new String(carry, 0, carryLen, StandardCharsets.UTF_8));
            carryLen = 0;
            if (carry.length > 65536) {
                carry = new byte[256];
            }
        }
    }

    private void append(long t, byte[] buf, int off, int len) {
        while (len > 0) {
            int room = MAX_LINE_BYTES - carryLen;
            int n = Math.min(room, len);
            if (carryLen + n > carry.length) {
                carry = Arrays.copyOf(carry, Math.min(MAX_LINE_BYTES, Math.max(carry.length * 2, carryLen + n)));
            }
            System.arraycopy(buf, off, carry, carryLen, n);
            carryLen += n;
            off += n;
            len -= n;
            if (carryLen == MAX_LINE_BYTES) {
                int cut = utf8Boundary(carry, carryLen);
                sink.line(t, new String(carry, 0, cut, StandardCharsets.UTF_8));
                System.arraycopy(carry, cut, carry, 0, carryLen - cut);
                carryLen -= cut;
            }
        }
    }

    /** The largest length ≤ len that does not split a UTF-8 sequence. */
    private static int utf8Boundary(byte[] b, int len) {
        int i = len;
        int back = 0;
        while (i > 0 && back < 4 && (b[i - 1] & 0xC0) == 0x80) {
            i--;
            back++;
        }
        if (i > 0 && (b[i - 1] & 0x80) != 0 && back < 4) {
            i--;                  // the lead byte of the cut sequence goes to the next piece
            return i == 0 ? len : i;
        }
        return len;
    }
}
