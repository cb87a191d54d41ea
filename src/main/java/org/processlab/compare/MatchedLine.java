package org.processlab.compare;

import org.processlab.model.Stream;

/**
 * A line of output matched between the two runs: the {@code rank}-th line that the processes of one pair wrote to
 * one stream, in each run.
 *
 * @param row    the pair's row in {@link RunComparison#rows()}
 * @param stream stdout or stderr
 * @param rank   0 for the process's first line on that stream, 1 for its second...
 * @param textA  the line as run A printed it
 * @param textB  the line as run B printed it (the same line may differ: a PID in it)
 * @param timeA  when A's process printed it, epoch µs (A's clock)
 * @param timeB  when B's process printed it, epoch µs (B's clock)
 */
public record MatchedLine(int row, Stream stream, int rank, String textA, String textB, long timeA, long timeB) {

    /** The line's text in run {@code side}. */
    public String text(Side side) {
        return side == Side.A ? textA : textB;
    }

    /** When it was printed in run {@code side}, epoch µs. */
    public long time(Side side) {
        return side == Side.A ? timeA : timeB;
    }
}
