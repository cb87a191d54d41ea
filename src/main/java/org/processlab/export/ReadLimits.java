package org.processlab.export;

import java.util.Locale;

/**
 * How large a run document {@link RunDocumentReader} reads: a file over a limit is refused
 * ({@link RunDocumentException.Kind#TOO_LARGE}) before it can fill the memory. Why each limit is what it is, is in
 * {@code src/RUN-FORMAT.md} ("Limits").
 *
 * @param bytes     the most bytes a document may have
 * @param depth     the deepest objects and lists may nest, the document itself being level 1
 * @param processes the most processes in {@code processes}
 * @param lines     the most output lines, all processes together
 * @param textChars the longest text (a line of output, a command), in characters
 */
record ReadLimits(long bytes, int depth, int processes, long lines, int textChars) {
    /**
     * 256 MiB: a run of a million lines of 80 characters is about 150 MB; reading holds about the text once more, as
     * strings, which the window's default heap holds.
     */
    static final long MAX_BYTES = 256L << 20;
    /** A run document nests 5 deep (the document, processes, a process, its states, a state); 3 more for fields added. */
    static final int MAX_DEPTH = 8;
    /** Far over what a run may make (256 by default, {@code --max-processes}): a fork bomb stopped late still fits. */
    static final int MAX_PROCESSES = 100_000;
    /** The most lines a document under {@link #MAX_BYTES} can hold (each takes at least 40 bytes): about 6.7 million. */
    static final long MAX_LINES = MAX_BYTES / 40;
    /** Twice the longest line ProcessLab keeps (1 MiB of bytes, then a note that the rest was cut). */
    static final int MAX_TEXT_CHARS = 2 << 20;

    /** The limits every document is read with. */
    static final ReadLimits DEFAULT = new ReadLimits(MAX_BYTES, MAX_DEPTH, MAX_PROCESSES, MAX_LINES, MAX_TEXT_CHARS);

    /** What a person reads about a document of {@code size} bytes over {@code max}; {@code whole}: the size is all of it. */
    static String tooManyBytes(long size, long max, boolean whole) {
        return "the file is larger than the " + mib(max) + " a saved run may be" + (whole ? " (it is " + mib(size) + ")"
                : "");
    }

    private static String mib(long bytes) {
        if (bytes < 1 << 20) {
            return String.format(Locale.ROOT, "%,d bytes", bytes);
        }
        return bytes % (1 << 20) == 0 ? bytes / (1 << 20) + " MiB" : String.format(Locale.ROOT, "%,.1f MiB",
                bytes / (double) (1 << 20));
    }
}
