package org.processlab.ui.timeline;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.Stream;

/**
 * The output lines a {@link Timeline} draws as tick marks: per process, each line's time (epoch µs), stream and
 * text, in arrival order. Grows by appending; a million lines cost about 20 bytes each plus a reference to the
 * text the model already holds.
 *
 * <p>Threading: FX thread only (fed by the pulse, read by the skin).
 */
public final class OutputTicks {
    private final Map<Long, Lane> lanes = new HashMap<>();
    private long total;

    /** Adds lines (from one pulse). */
    public void addAll(List<OutputLine> lines) {
        for (OutputLine l : lines) {
            lanes.computeIfAbsent(l.pid(), k -> new Lane()).add(l.t(), l.stream() == Stream.STDERR, l.text());
        }
        total += lines.size();
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
    public static final class Lane {
        /** Lines may arrive up to this long before the first one seen (ms); earlier ones share bucket 0. */
        private static final long MARGIN_MS = 60_000;
        private long[] times = new long[64];
        private boolean[] stderr = new boolean[64];
        private String[] texts = new String[64];
        private int size;
        private long baseMs = Long.MIN_VALUE;
        private final BitSet outMs = new BitSet();
        private final BitSet errMs = new BitSet();

        void add(long t, boolean err, String text) {
            long ms = t / 1000;
            if (baseMs == Long.MIN_VALUE) {
                baseMs = ms - MARGIN_MS;
            }
            int bucket = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, ms - baseMs));
            (err ? errMs : outMs).set(bucket);
            if (size == times.length) {
                int n = size * 2;
                times = Arrays.copyOf(times, n);
                stderr = Arrays.copyOf(stderr, n);
                texts = Arrays.copyOf(texts, n);
            }
            times[size] = t;
            stderr[size] = err;
            texts[size] = text;
            size++;
        }

        /**
         * The milliseconds (epoch µs, rounded down to a millisecond) in which this process wrote at least one line
         * to {@code stderr} (or stdout), from {@code fromMicros} on, in order; calls {@code each} for every one.
         */
        public void forEachMillisecond(boolean stderr, long fromMicros, java.util.function.LongConsumer each) {
            if (baseMs == Long.MIN_VALUE) {
                return;
            }
            BitSet bits = stderr ? errMs : outMs;
            int start = (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, fromMicros / 1000 - baseMs));
            for (int i = bits.nextSetBit(start); i >= 0; i = bits.nextSetBit(i + 1)) {
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

        /** Line {@code i}'s text. */
        public String text(int i) {
            return texts[i];
        }
    }
}
