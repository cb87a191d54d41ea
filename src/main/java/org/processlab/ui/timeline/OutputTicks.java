package org.processlab.ui.timeline;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;

import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.Stream;

/**
 * The output lines a {@link Timeline} draws as tick marks: per process, each line's time (epoch µs), stream and
 * number in the run's output log, in arrival order. Grows by appending; a million lines cost about 13 bytes each.
 * The text is not kept here (a bounded log may let old texts go): {@link Lane#text} asks the
 * {@link #setTextSource text source} by line number, only when a tooltip needs it.
 *
 * <p>Threading: FX thread only (fed by the pulse, read by the skin).
 */
public final class OutputTicks {
    private final Map<Long, Lane> lanes = new HashMap<>();
    private long total;
    private IntFunction<String> textSource = n -> "";

    /** Where texts come from: line number → text (e.g. the run's {@code OutputLog}); any thread-safe function. */
    public void setTextSource(IntFunction<String> source) {
        textSource = source == null ? n -> "" : source;
    }

    /** Adds lines (from one pulse); the first is line number {@code firstLine} of the run, the others follow. */
    public void addAll(int firstLine, List<OutputLine> lines) {
        int n = firstLine;
        for (OutputLine l : lines) {
            lanes.computeIfAbsent(l.pid(), k -> new Lane()).add(l.t(), l.stream() == Stream.STDERR, n++);
        }
        total += lines.size();
    }

    /** Adds lines known by their marks only (time, process, stream), numbered from {@code marks.first()}. */
    public void addAll(org.processlab.model.LineMarks marks) {
        for (int i = 0; i < marks.size(); i++) {
            lanes.computeIfAbsent(marks.pids()[i], k -> new Lane()).add(marks.times()[i], marks.stderr()[i],
                    marks.first() + i);
        }
        total += marks.size();
    }

    /** Forgets every line (a new run). */
    public void clear() {
        lanes.clear();
        total = 0;
    }

    /** The ticks of process {@code pid}, or null if it wrote nothing. */
    public Lane lane(long pid) {
        return lanes.get(pid);
    }

    /** How many lines were added in all. */
    public long total() {
        return total;
    }

    /**
     * One process's ticks, in arrival order (times are near-sorted; each batch is sorted by its writer), plus a
     * per-millisecond summary for drawing: a flood of a million lines draws as fast as a run's milliseconds.
     */
    public final class Lane {
        /** Lines may arrive up to this long before the first one seen (ms); earlier ones share bucket 0. */
        private static final long MARGIN_MS = 60_000;
        private long[] times = new long[64];
        private boolean[] stderr = new boolean[64];
        private int[] lines = new int[64];
        private int size;
        private long baseMs = Long.MIN_VALUE;
        private final BitSet outMs = new BitSet();
        private final BitSet errMs = new BitSet();

        void add(long t, boolean err, int line) {
            long ms = t / 1000;
            if (baseMs == Long.MIN_VALUE) {
                baseMs = ms - MARGIN_MS;
            }
            (err ? errMs : outMs).set(bucket(ms));
            if (size == times.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                stderr = Arrays.copyOf(stderr, n);
                lines = Arrays.copyOf(lines, n);
            }
            times[size] = t;
            stderr[size] = err;
            lines[size] = line;
            size++;
        }

        private int bucket(long ms) {
            return (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, ms - baseMs));
        }

        /**
         * The milliseconds (epoch µs, rounded down to a millisecond) from {@code fromMicros} to {@code toMicros}
         * (both included) in which this process wrote at least one line to stderr (or stdout), in order.
         */
        public void forEachMillisecond(boolean stderr, long fromMicros, long toMicros, LongConsumer each) {
            if (baseMs == Long.MIN_VALUE || toMicros < fromMicros) {
                return;
            }
            BitSet bits = stderr ? errMs : outMs;
            int last = bucket(Math.floorDiv(toMicros, 1000));
            for (int i = bits.nextSetBit(bucket(Math.floorDiv(fromMicros, 1000))); i >= 0 && i <= last;
                 i = bits.nextSetBit(i + 1)) {
                each.accept((baseMs + i) * 1000);
            }
        }

        /** How many ticks. */
        public int size() {
            return size;
        }

        /** Tick {@code i}'s time, epoch µs. */
        public long time(int i) {
            return times[i];
        }

        /** True when line {@code i} went to stderr. */
        public boolean stderr(int i) {
            return stderr[i];
        }

        /** Tick {@code i}'s number in the run's output log. */
        public int line(int i) {
            return lines[i];
        }

        /** Line {@code i}'s text, from the text source. */
        public String text(int i) {
            return textSource.apply(lines[i]);
        }
    }
}
