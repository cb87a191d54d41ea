package org.processlab.ui.fx;

import java.util.List;

import org.processlab.model.LineMarks;
import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;

/**
 * What the views of a run get once per pulse from {@link ModelPulse}. Immutable.
 *
 * @param snapshot     the run as of this pulse (the same object as last pulse when {@code changed} is false)
 * @param changed      true when the model changed since the previous frame; false for a "follow now" frame
 *                     that only moves the clock of a live run
 * @param nowMicros    the wall clock at this pulse, epoch microseconds (the live right edge of a timeline)
 * @param firstLine    the number (in the run's {@link org.processlab.model.OutputLog}) of the first line in
 *                     {@code newLines}
 * @param newLines     output lines that arrived since the previous frame, in arrival order; at most the pulse's
 *                     cap, the newest ones when more arrived
 * @param skippedLines lines that arrived since the previous frame but are not in {@code newLines} because a
 *                     flood exceeded the cap (they stay in the model: counts there are exact); they are the lines
 *                     numbered {@code firstLine - skippedLines} to {@code firstLine - 1}
 * @param skippedMarks the time, process and stream of the skipped lines, without their text (the timeline draws
 *                     a tick for every line, but makes no node per line); {@link LineMarks#NONE} when none was
 *                     skipped
 * @param output       the run's output log (thread-safe, append-only): where a view reads a line's text by number
 */
public record RunFrame(RunSnapshot snapshot, boolean changed, long nowMicros, int firstLine,
                       List<OutputLine> newLines, int skippedLines, LineMarks skippedMarks, OutputLog output) {
    public RunFrame {
        newLines = List.copyOf(newLines);
        skippedMarks = skippedMarks == null ? LineMarks.NONE : skippedMarks;
    }

    /** True when the run will not change any more. */
    public boolean finished() {
        return snapshot.status().finished();
    }
}
