package org.processlab.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines that arrived together, each a slice of a byte array (UTF-8, without its line end). The arrays
 * are shared, not copied: whoever adds a slice promises never to change those bytes again. Keeping
 * lines as slices of the received payload, not one String each, is what lets a million lines cost the
 * JVM a few hundred objects instead of a million (and the garbage collector almost nothing).
 *
 * <p>Threading: not thread-safe; filled and handed over by one reader thread, reused after the hand-over.
 */
public final class LineBatch {
    private byte[][] arrays = new byte[64][];
    private int[] offsets = new int[64];
    private int[] lengths = new int[64];
    private int size;

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

    /** Empties it for reuse (drops its references). */
    public void clear() {
        Arrays.fill(arrays, 0, size, null);
        size = 0;
    }
}
