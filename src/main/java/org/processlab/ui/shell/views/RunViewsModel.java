package org.processlab.ui.shell.views;

import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.processlab.model.RunSnapshot;
import org.processlab.ui.console.ConsoleViewModel;
import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.processes.ProcessTableViewModel;

/**
 * What the three live views of a run show, and the one route by which a frame reaches them: {@link #show(RunFrame)}.
 * It holds the process table's rows, the console's lines, the processes' colours, the selected process and the time
 * cursor the views share, and the replay that moves that cursor. It holds no control: {@link RunViews} draws it,
 * following {@link #frameProperty()} (the timeline takes the frame itself; the lists show the rows kept here).
 *
 * <p>Rules kept here: the table shows each process as of the cursor, the console only the lines written by then and
 * only the selected process's lines (clearing the console's filter clears the selection); a new run (or none)
 * empties everything ({@link #clear()}).
 *
 * <p>Threading: UI thread only (the FX thread in the window); {@link #show} is called once per pulse. Every field is
 * written there. No toolkit needed: view-model tests use it without a window.
 */
public final class RunViewsModel {
    private final ProcessTableViewModel table = new ProcessTableViewModel();
    private final ConsoleViewModel console = new ConsoleViewModel();
    /** The processes' colours: cleared and filled again for each run; replaced only for a theme's shades. */
    private final ObjectProperty<ProcessPalette> palette = new SimpleObjectProperty<>(this, "palette", new ProcessPalette());
    private final ObjectProperty<Long> selectedPid = new SimpleObjectProperty<>(this, "selectedPid");
    private final LongProperty cursorTime = new SimpleLongProperty(this, "cursorTime", -1);
    private final ReadOnlyObjectWrapper<RunFrame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReplayViewModel replay = new ReplayViewModel(cursorTime, frame.getReadOnlyProperty());

    /** Views with nothing to show. */
    public RunViewsModel() {
        table.atTimeProperty().bindBidirectional(cursorTime);
        console.untilTimeProperty().bind(cursorTime);
        // two-way: the console's "show every process" (its filter's ×) clears the selection too; bound one way, that
        // button threw "A bound value cannot be set"
        console.filterPidProperty().bindBidirectional(selectedPid);
    }

    /**
     * Shows frame {@code f}: the processes' colours (when the run changed), the table's rows as of the cursor (or
     * now), the console's new lines; then {@link #frameProperty()}, whose listeners (the timeline's drawing, the
     * replay) see the rows already up to date.
     */
    public void show(RunFrame f) {
        RunSnapshot s = f.snapshot();
        if (f.changed()) {
            palette.get().assign(s.processes());
        }
        table.update(s, f.nowMicros());
        console.add(f);
        frame.set(f);
    }

    /**
     * Empties the views for a new run, or for none: no replay, no cursor, no rows, no lines, no colours, no selection,
     * no frame (the timeline forgets its lanes and ticks).
     */
    public void clear() {
        replay.stop();
        cursorTime.set(-1);
        table.clear();
        console.clear();
        palette.get().clear();
        selectedPid.set(null);
        frame.set(null);
    }

    /** Removes the time cursor (and ends a replay): the views show the end of the run again. */
    public void backToEndOfRun() {
        replay.stop();
        cursorTime.set(-1);
    }

    /** The process table's rows. */
    public ProcessTableViewModel table() {
        return table;
    }

    /** The console's lines. */
    public ConsoleViewModel console() {
        return console;
    }

    /** The colours of the run's processes (a new palette object only when the theme changes). */
    public ReadOnlyObjectProperty<ProcessPalette> paletteProperty() {
        return palette;
    }

    /** Gives every process the same place in the palette in a theme's {@code shades}; the views redraw. */
    public void usePaletteColours(ProcessPalette.Colours shades) {
        if (palette.get().colours() != shades) {
            palette.set(palette.get().withColours(shades));
        }
    }

    /** The selected process's PID, shared by the timeline, the table and the console's filter; null for none. */
    public ObjectProperty<Long> selectedPidProperty() {
        return selectedPid;
    }

    /** The time cursor (epoch µs) the timeline, the table and the console share; -1 for none (the end, or now). */
    public LongProperty cursorTimeProperty() {
        return cursorTime;
    }

    /** The replay of the finished run (it moves the cursor). */
    public ReplayViewModel replay() {
        return replay;
    }

    /** The frame shown last; null when the views are empty. */
    public ReadOnlyObjectProperty<RunFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }
}
