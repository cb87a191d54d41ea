package org.processlab.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every line of output of one run, in arrival order, with the process that wrote it.
 *
 * <p>Stored column-wise in fixed-size chunks (one {@code long} time, one {@code long} PID, one flag byte and
 * the text per line), so a million lines cost about the size of their text plus 20 bytes each, and
 * appending never copies what is already stored. Lines are numbered from 0 in arrival order.
 *
 * <p>A <em>bounded</em> log ({@link #bounded}) keeps the text of only the latest lines of each process in
 * memory; older lines keep their time, process and stream (so every count stays exact) and their text is
 * replaced by {@link #DROPPED}. Every line, kept or not, is also appended to a run log file when one is
 * given ({@code seconds-since-epoch PID stream text}, UTF-8), so nothing is lost.
 *
 * <p>Threading: every method is thread-safe (it holds this log's monitor). The lines and the run log file are written
 * by ingest threads through {@link RunModel}, under the model's lock too, so lines keep the order the model saw them
 * in; {@link #close()} runs on the thread that appends {@link RunEvent.RunEnded}. Reads come from any thread
 * (the frame builder, the CLI, exports) and take only this log's monitor, never the model's lock.
 */
public final class OutputLog implements AutoCloseable {
    /** The text of a line whose text was let go from memory (it is in the run log). */
    public static final String DROPPED = "\u2026 (older line: see the run log)";

    private final int keepPerProcess;
    private final java.io.Writer logFile;
    private final Path logPath;

    /** A log that keeps every line's text in memory (the CLI's: its report holds every line). */
    public OutputLog() {
        this(Integer.MAX_VALUE, null);
    }

    private OutputLog(int keepPerProcess, Path logPath) {
        this.keepPerProcess = keepPerProcess;
        this.logPath = logPath;
        java.io.Writer w = null;
        if (logPath != null) {
            try {
                Files.createDirectories(logPath.getParent());
                w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(logPath),
                        java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
            } catch (IOException e) {
                w = null;
            }
        }
        this.logFile = w;
    }

    /**
     * A log that keeps the text of at most {@code keepPerProcess} latest lines per process in memory and writes
     * every line to {@code logFile} (created; null for none).
     */
    public static OutputLog bounded(int keepPerProcess, Path logFile) {
        if (keepPerProcess < 1) {
            throw new IllegalArgumentException("keepPerProcess must be at least 1");
        }
        return new OutputLog(keepPerProcess, logFile);
    }

    /** The run log file, or null. */
    public Path logFile() {
        return logFile == null ? null : logPath;
    }

    /** Flushes and closes the run log file (lines appended afterwards stay in memory only). */
    @Override
    public synchronized void close() {
        if (logFile != null) {
            try {
                logFile.close();
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }
    private static final int CHUNK = 8192;
    private static final byte STDERR = 1;
    private static final byte UNTRACED = 2;
    private static final byte SHARED = 4;

    // Guarded by this log's monitor: written by the appending (ingest) thread, read by any thread.
    private final List<long[]> times = new ArrayList<>();
    private final List<long[]> pids = new ArrayList<>();
    private final List<byte[]> flags = new ArrayList<>();
    /** Per line: a String, or the byte[] the line is a slice of (see {@link LineBatch}). */
    private final List<Object[]> texts = new ArrayList<>();
    private final List<int[]> offs = new ArrayList<>();
    private final List<int[]> lens = new ArrayList<>();
    private final Map<Long, IntList> byPid = new HashMap<>();
    private final StringBuilder logLine = new StringBuilder(128);
    private int size;

    /**
     * Appends lines that arrived together as byte slices (epoch µs {@code t}). An unbounded log keeps the
     * slices as they are (no String per line); a bounded one decodes them, so a kept line never pins a
     * whole received buffer. {@code shared}: see {@link RunEvent.OutputLine#shared}.
     */
    public synchronized void appendAll(long t, long pid, Stream stream, LineBatch lines, boolean untraced,
                                       boolean shared) {
        IntList mine = byPid.computeIfAbsent(pid, k -> new IntList());
        byte f = flagsOf(stream, untraced, shared);
        boolean slices = keepPerProcess == Integer.MAX_VALUE;
        for (int k = 0; k < lines.size(); k++) {
            if (slices) {
                store(t, pid, f, lines.array(k), lines.offset(k), lines.length(k), mine);
            } else {
                store(t, pid, f, lines.text(k), 0, 0, mine);
            }
        }
    }

    /** Appends a line; returns its number. */
    public synchronized int append(RunEvent.OutputLine line) {
        IntList mine = byPid.computeIfAbsent(line.pid(), k -> new IntList());
        return store(line.t(), line.pid(), flagsOf(line.stream(), line.untraced(), line.shared()), line.text(), 0, 0, mine);
    }

    private static byte flagsOf(Stream stream, boolean untraced, boolean shared) {
        return (byte) ((stream == Stream.STDERR ? STDERR : 0) | (untraced ? UNTRACED : 0) | (shared ? SHARED : 0));
    }

    /** Stores one line: {@code text} is a String, or a byte[] of which {@code [off, off + len)} is the line. */
    private int store(long t, long pid, byte f, Object text, int off, int len, IntList mine) {
        int i = size;
        if (i % CHUNK == 0) {
            times.add(new long[CHUNK]);
            pids.add(new long[CHUNK]);
            flags.add(new byte[CHUNK]);
            texts.add(new Object[CHUNK]);
            offs.add(new int[CHUNK]);
            lens.add(new int[CHUNK]);
        }
        int c = i / CHUNK;
        int o = i % CHUNK;
        times.get(c)[o] = t;
        pids.get(c)[o] = pid;
        flags.get(c)[o] = f;
        texts.get(c)[o] = text;
        offs.get(c)[o] = off;
        lens.get(c)[o] = len;
        mine.add(i);
        if ((f & STDERR) != 0) {
            mine.stderr++;
        }
        if (mine.size > keepPerProcess) {
            int old = mine.data[mine.size - 1 - keepPerProcess];
            texts.get(old / CHUNK)[old % CHUNK] = DROPPED;
        }
        if (logFile != null) {
            try {
                // "seconds.micros PID stream text": built by hand, not String.format (a flood writes a million)
                StringBuilder b = logLine;
                b.setLength(0);
                long us = t % 1_000_000;
                b.append(t / 1_000_000).append('.');
                for (long d = 100_000; d > 1 && us < d; d /= 10) {
                    b.append('0');
                }
                b.append(us).append(' ').append(pid).append((f & STDERR) != 0 ? " stderr " : " stdout ")
                        .append(textAt(c, o)).append(System.lineSeparator());
                logFile.append(b);
            } catch (IOException ignored) {
                // a full disk must not stop the run; the lines stay counted
            }
        }
        size++;
        return i;
    }

    private String textAt(int c, int o) {
        Object x = texts.get(c)[o];
        return x instanceof byte[] b ? new String(b, offs.get(c)[o], lens.get(c)[o], java.nio.charset.StandardCharsets.UTF_8)
                : (String) x;
    }

    /** How many lines there are. */
    public synchronized int size() {
        return size;
    }

    /** Line number {@code i}. */
    public synchronized RunEvent.OutputLine get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        int c = i / CHUNK;
        int o = i % CHUNK;
        byte f = flags.get(c)[o];
        return new RunEvent.OutputLine(times.get(c)[o], pids.get(c)[o], (f & STDERR) != 0 ? Stream.STDERR : Stream.STDOUT,
                textAt(c, o), (f & UNTRACED) != 0, (f & SHARED) != 0);
    }

    /** Lines {@code from} (inclusive) to {@code to} (exclusive), clamped to what exists. */
    public synchronized List<RunEvent.OutputLine> range(int from, int to) {
        int end = Math.min(to, size);
        List<RunEvent.OutputLine> out = new ArrayList<>(Math.max(0, end - from));
        for (int i = Math.max(0, from); i < end; i++) {
            out.add(get(i));
        }
        return out;
    }

    /**
     * The time, process and stream of lines {@code from} (inclusive) to {@code to} (exclusive), clamped to what
     * exists, without their text: about 17 bytes a line, no string made. For marking many lines at once.
     */
    public synchronized LineMarks marks(int from, int to) {
        int start = Math.max(0, from);
        int end = Math.min(to, size);
        if (end <= start) {
            return LineMarks.NONE;
        }
        int n = end - start;
        long[] t = new long[n];
        long[] p = new long[n];
        boolean[] err = new boolean[n];
        for (int i = start; i < end; ) {
            int c = i / CHUNK;
            int o = i % CHUNK;
            int k = Math.min(CHUNK - o, end - i);
            System.arraycopy(times.get(c), o, t, i - start, k);
            System.arraycopy(pids.get(c), o, p, i - start, k);
            byte[] f = flags.get(c);
            for (int j = 0; j < k; j++) {
                err[i - start + j] = (f[o + j] & STDERR) != 0;
            }
            i += k;
        }
        return new LineMarks(start, t, p, err);
    }

    /** The numbers of the lines process {@code pid} wrote, in order. */
    public synchronized int[] linesOf(long pid) {
        IntList l = byPid.get(pid);
        return l == null ? new int[0] : l.toArray();
    }

    /** How many lines process {@code pid} wrote to {@code stream}. */
    public synchronized long count(long pid, Stream stream) {
        IntList l = byPid.get(pid);
        if (l == null) {
            return 0;
        }
        return stream == Stream.STDERR ? l.stderr : l.size - l.stderr;
    }

    /** A growable int array. */
    private static final class IntList {
        int[] data = new int[16];
        int size;
        long stderr;

        void add(int v) {
            if (size == data.length) {
                data = Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
