package org.processlab.ui.timeline;

import java.util.Arrays;
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

    /** One process's ticks, in arrival order (times are near-sorted; each batch is sorted by its writer). */
    public static final class Lane {
        private long[] times = new long[64];
        private boolean[] stderr = new boolean[64];
        private String[] texts = new String[64];
        private int size;

        void add(long t, boolean err, String text) {
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
