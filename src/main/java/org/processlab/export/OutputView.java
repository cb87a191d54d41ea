package org.processlab.export;

import java.util.AbstractList;
import java.util.RandomAccess;

import org.processlab.model.OutputLog;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;

/**
 * The output lines of one process as a read-only list of {@link RunDocument.Line}, each made when it is read, so a
 * document of a million lines does not hold a second copy of them. Thread-safe as {@link OutputLog} is.
 */
final class OutputView extends AbstractList<RunDocument.Line> implements RandomAccess {
    private final RunSnapshot run;
    private final OutputLog output;
    private final int[] lines;

    /** {@code lines}: the numbers of the process's lines in {@code output}, in arrival order (not copied). */
    OutputView(RunSnapshot run, OutputLog output, int[] lines) {
        this.run = run;
        this.output = output;
        this.lines = lines;
    }

    @Override
    public RunDocument.Line get(int index) {
        OutputLine l = output.get(lines[index]);
        return new RunDocument.Line(RunDocument.seconds(run, l.t()), l.stream(), l.text(), l.untraced(), lines[index]);
    }

    @Override
    public int size() {
        return lines.length;
    }
}
