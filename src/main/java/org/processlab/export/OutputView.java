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
    private final LoggedTexts logged;

    /**
     * {@code lines}: the numbers of the process's lines in {@code output}, in arrival order (not copied);
     * {@code logged}: where the texts {@code output} let go are read back, or null.
     */
    OutputView(RunSnapshot run, OutputLog output, int[] lines, LoggedTexts logged) {
        this.run = run;
        this.output = output;
        this.lines = lines;
        this.logged = logged;
    }

    @Override
    public RunDocument.Line get(int index) {
        OutputLine l = output.get(lines[index]);
        String text = logged != null && l.text() == OutputLog.DROPPED ? logged.text(lines[index], l.text()) : l.text();
        return new RunDocument.Line(RunDocument.seconds(run, l.t()), l.stream(), text, l.untraced(), lines[index],
                l.shared());
    }

    @Override
    public int size() {
        return lines.length;
    }
}
