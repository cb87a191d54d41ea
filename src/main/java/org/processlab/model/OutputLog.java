package org.processlab.model;

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
 * <p>Threading: every method is thread-safe; appends come from reader threads, reads from any thread.
 */
public final class OutputLog {
    private static final int CHUNK = 8192;
    private static final byte STDERR = 1;
    private static final byte UNTRACED = 2;

    private final List<long[]> times = new ArrayList<>();
    private final List<long[]> pids = new ArrayList<>();
    private final List<byte[]> flags = new ArrayList<>();
    private final List<String[]> texts = new ArrayList<>();
    private final Map<Long, IntList> byPid = new HashMap<>();
    private int size;

    /** Appends a line; returns its number. */
    public synchronized int append(RunEvent.OutputLine line) {
        int i = size;
        if (i % CHUNK == 0) {
            times.add(new long[CHUNK]);
            pids.add(new long[CHUNK]);
            flags.add(new byte[CHUNK]);
            texts.add(new String[CHUNK]);
        }
        int c = i / CHUNK;
        int o = i % CHUNK;
        times.get(c)[o] = line.t();
        pids.get(c)[o] = line.pid();
        flags.get(c)[o] = (byte) ((line.stream() == Stream.STDERR ? STDERR : 0) | (line.untraced() ? UNTRACED : 0));
        texts.get(c)[o] = line.text();
        IntList mine = byPid.computeIfAbsent(line.pid(), k -> new IntList());
        mine.add(i);
        if (line.stream() == Stream.STDERR) {
            mine.stderr++;
        }
        size++;
        return i;
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
                texts.get(c)[o], (f & UNTRACED) != 0);
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
