package org.processlab.model;

/**
 * Where a run of consecutive output lines goes on a timeline — each line's time, process and stream — without
 * their text: what a view needs to mark lines it does not show. Made by {@link OutputLog#marks}. The arrays are
 * owned by this object and must not be changed.
 *
 * @param first  the number (in the run's {@link OutputLog}) of the first line; line {@code first + i} is at index
 *               {@code i}
 * @param times  each line's time, epoch microseconds
 * @param pids   each line's process
 * @param stderr each line's stream: true for stderr
 */
public record LineMarks(int first, long[] times, long[] pids, boolean[] stderr) {
    /** No lines. */
    public static final LineMarks NONE = new LineMarks(0, new long[0], new long[0], new boolean[0]);

    /** How many lines. */
    public int size() {
        return times.length;
    }
}
