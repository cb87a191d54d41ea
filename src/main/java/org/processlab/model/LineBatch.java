package org.processlab.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines that arrived together, each a slice of a byte array (UTF-8, without its line end). The arrays
 * are shared, not copied: whoever adds a slice promises never to change those bytes again. Keeping
 * lines as slices of the received payload, not one String each, is what lets a million lines cost the
 * JVM a few hundred objects instead of a million (and the garbage collector almost nothing).
 *
 * <p>A batch may also tell the line its stream has begun after these lines and not finished yet
 * ({@link #tellUnfinished}): a prompt the program waits behind. Those bytes are valid only during the hand-over
 * (the splitter reuses them), so a receiver copies what it keeps.
 *
 * <p>Threading: not thread-safe; filled and handed over by one reader thread, reused after the hand-over.
 */
public final class LineBatch {
    private byte[][] arrays = new byte[64][];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int size;
    private boolean tellsUnfinished;
    private byte[] unfinishedArray;
    private int unfinishedOffset;
    private int unfinishedLength;
    private long unfinishedBytes;

    /** Adds the line {@code data[off, off + len)}. */
    public void add(byte[] data, int off, int len) {
        if (size == arrays.length) {
            arrays = Arrays.copyOf(arrays, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        arrays[size] = data;
        offsets[size] = off;
        lengths[size] = len;
        size++;
    }

    /** Adds a line given as text (encoded to UTF-8). */
    public void add(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        add(b, 0, b.length);
    }

    /** How many lines. */
    public int size() {
        return size;
    }

    /** True when it holds no line. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The bytes line {@code i} is a slice of. */
    public byte[] array(int i) {
        return arrays[i];
    }

    /** Where line {@code i} starts in {@link #array}. */
    public int offset(int i) {
        return offsets[i];
    }

    /** Line {@code i}'s length in bytes. */
    public int length(int i) {
        return lengths[i];
    }

    /** Line {@code i} decoded (invalid UTF-8 becomes U+FFFD). */
    public String text(int i) {
        return new String(arrays[i], offsets[i], lengths[i], StandardCharsets.UTF_8);
    }

    /**
     * Tells that after these lines the stream's unfinished line is {@code totalBytes} long, of which
     * {@code data[off, off + len)} are the first bytes (the rest was counted, not kept); {@code totalBytes} 0: the
     * stream has no unfinished line (any told before is finished). {@code data} is valid only during the hand-over.
     */
    public void tellUnfinished(byte[] data, int off, int len, long totalBytes) {
        tellsUnfinished = true;
        unfinishedArray = data;
        unfinishedOffset = off;
        unfinishedLength = len;
        unfinishedBytes = totalBytes;
    }

    /** True when this batch tells its stream's unfinished line (see {@link #tellUnfinished}). */
    public boolean tellsUnfinished() {
        return tellsUnfinished;
    }

    /** The bytes the unfinished line's kept bytes are a slice of (valid during the hand-over only), or null. */
    public byte[] unfinishedArray() {
        return unfinishedArray;
    }

    /** Where the unfinished line's kept bytes start in {@link #unfinishedArray}. */
    public int unfinishedOffset() {
        return unfinishedOffset;
    }

    /** How many bytes of the unfinished line {@link #unfinishedArray} holds. */
    public int unfinishedLength() {
        return unfinishedLength;
    }

    /** The unfinished line's whole length so far, in bytes; 0 for none. */
    public long unfinishedBytes() {
        return unfinishedBytes;
    }

    /** Empties it for reuse (drops its references). */
    public void clear() {
        Arrays.fill(arrays, 0, size, null);
        size = 0;
        tellsUnfinished = false;
        unfinishedArray = null;
        unfinishedLength = 0;
        unfinishedBytes = 0;
    }
}
