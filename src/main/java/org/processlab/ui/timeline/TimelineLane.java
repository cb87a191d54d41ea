package org.processlab.ui.timeline;

import org.processlab.model.ProcessView;
import org.processlab.ui.fx.Formats;

/**
 * One lane of a {@link Timeline}: one process of the run, with the texts its header shows.
 *
 * @param pid     the process's PID (negative: a stand-in for a Process object not started, see
 *                {@link ProcessView#notStarted()})
 * @param title   what a person calls it: its label ({@code p1}) or its name ({@code Process-1})
 * @param detail  {@code PID 1234 · child · fork}, {@code PID 1234 · orphan} when orphaned, or
 *                {@code PID 1234 · lost from view} when its end was never seen ({@link ProcessView#lost()})
 * @param note    {@code orphan → adopted by PPID 1200} when orphaned, {@code start() raised RuntimeError: …} when its
 *                {@code start()} raised (drawn on the lane where it happened), else null
 * @param depth   0 for main, 1 for its children, 2 for grandchildren... (the header indents by it)
 * @param process the process as of the last time the lane's texts changed (see {@link Timeline#getLanes()})
 */
public record TimelineLane(long pid, String title, String detail, String note, int depth, ProcessView process) {
    /** What a lane's detail says of a process lost from view, as the legend and the process table say it. */
    public static final String LOST_FROM_VIEW = "lost from view";

    /** The lane for {@code p}. */
    public static TimelineLane of(ProcessView p) {
        return of(p, -1);
    }

    /**
     * The lane for {@code p}; {@code supervisorPid} is ProcessLab's supervisor (the subreaper that adopts a run's
     * orphans), or -1.
     */
    public static TimelineLane of(ProcessView p, long supervisorPid) {
        StringBuilder d = new StringBuilder(p.notStarted() ? "no PID" : "PID " + p.pid());
        if (!p.execs().isEmpty()) {
            // one lane, one PID: the title is the program it runs now, the detail (first, as the lane may cut it) what
            // it was before its first exec
            d.append(" · was ").append(Formats.nameBeforeExec(p));
        }
        String note = null;
        if (p.startFailed() != null) {
            d.append(" · start() raised ").append(p.startFailed().error());
            note = shortened(p.startFailed().describe());
        } else if (p.notStarted()) {
            d.append(" · start() not called");
        } else if (p.orphan() || p.lost()) {
            // lost from view says more than orphan (its end was never seen); an orphan keeps its note either way
            d.append(" · ").append(p.lost() ? LOST_FROM_VIEW : "orphan");
            if (p.orphan()) {
                note = "orphan → adopted by PPID " + p.ppid()
                        + (supervisorPid > 0 && p.ppid() == supervisorPid ? " (ProcessLab's subreaper)" : "");
            }
        } else {
            d.append(" · ").append(p.helperKind() != null ? p.helperKind().replace('_', ' ') : p.role().id());
            if (p.startMethod() != null) {
                d.append(" · ").append(p.startMethod());
            }
        }
        String title = Formats.name(p);
        if (p.execs().isEmpty() && p.shownByLabel() && p.name().startsWith("Process-")) {
            title = p.nameBeforeExec() + "  (" + p.name() + ")";
        }
        return new TimelineLane(p.pid(), title, d.toString(), note, p.depth(), p);
    }

    /** The longest note drawn on a lane, characters: an exception's message may be 300. */
    private static final int NOTE_CHARS = 90;

    private static String shortened(String note) {
        return note.length() <= NOTE_CHARS ? note : note.substring(0, NOTE_CHARS - 1) + "…";
    }
}
