package org.processlab.ui.shell.runs;

import java.time.ZoneId;

import org.processlab.model.RunStatus;
import org.processlab.store.KeptRun;
import org.processlab.store.RunStore;
import org.processlab.ui.shell.run.SavedRunNames;

/**
 * How the run list names a kept run, in a student's words: its number, when it began (with the day when not today),
 * how it finished, and its start method: {@code 3 · 04:31:07 · exit 0 · fork}, {@code 2 · 6 Dec, 17:02:44 · stopped
 * · spawn}; and how much is kept: {@code 12 runs · 3.4 MB}. Stateless; any thread.
 */
final class KeptRunLabel {
    private KeptRunLabel() {
    }

    /** The label of {@code k}, with times in {@code zone}. */
    static String of(KeptRun k, ZoneId zone) {
        String when = SavedRunNames.today(k.startedAt(), zone) ? SavedRunNames.clock(k.startedAt(), zone)
                : SavedRunNames.day(k.startedAt(), zone);
        String method = k.startMethod();
        return k.number() + " · " + when + " · " + ending(k) + (method != null ? " · " + method : "");
    }

    /** {@code exit 0}, {@code exit 143}, {@code stopped}, {@code time limit}, {@code interrupted, exit 0}, {@code failed}. */
    static String ending(KeptRun k) {
        if (k.status() == RunStatus.FAILED) {
            return "failed";
        }
        if (k.stoppedBy() != null) {
            return switch (k.stoppedBy()) {
                case USER -> "stopped";
                case TIME_LIMIT -> "time limit";
                case PROCESS_LIMIT -> "too many processes";
                case INTERRUPT -> "interrupted" + (k.exitCode() == null ? "" : ", exit " + k.exitCode());
            };
        }
        return k.exitCode() == null ? "ended" : "exit " + k.exitCode();
    }

    /** {@code 12 runs · 3.4 MB}. */
    static String usage(RunStore.Usage u) {
        String size = u.bytes() < 1_000_000 ? Math.max(u.bytes() == 0 ? 0 : 1, Math.round(u.bytes() / 1e3)) + " kB"
                : String.format(java.util.Locale.ROOT, "%.1f MB", u.bytes() / 1e6);
        return u.runs() + (u.runs() == 1 ? " run" : " runs") + " · " + size;
    }
}
