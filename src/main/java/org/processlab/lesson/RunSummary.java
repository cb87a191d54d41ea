package org.processlab.lesson;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.Role;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;

/**
 * One sentence on what a run did, for the reveal after it: {@code main + 2 children ran (start method: fork); the
 * program's exit status was 0; 3 lines of output, the last one "Done!" from MainProcess.}
 */
public final class RunSummary {
    /** How far back from the end the last line (by time) is looked for: lines of processes may arrive out of order. */
    private static final int LAST_LINE_WINDOW = 2_000;

    private RunSummary() {
    }

    /** The sentence for the run {@code s}, whose output is {@code output}. */
    public static String of(RunSnapshot s, OutputLog output) {
        Map<Role, Integer> roles = new EnumMap<>(Role.class);
        for (ProcessView p : s.processes()) {
            roles.merge(p.role(), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        int mains = roles.getOrDefault(Role.MAIN, 0);
        parts.add(mains == 1 ? "main" : mains + " main");
        int kids = roles.getOrDefault(Role.CHILD, 0);
        if (kids > 0) {
            parts.add(kids + (kids == 1 ? " child" : " children"));
        }
        int helpers = roles.getOrDefault(Role.HELPER, 0);
        if (helpers > 0) {
            parts.add(helpers + (helpers == 1 ? " helper" : " helpers"));
        }
        StringBuilder b = new StringBuilder(String.join(" + ", parts)).append(" ran");
        if (!s.startMethods().isEmpty()) {
            b.append(" (start method: ").append(String.join(", ", s.startMethods())).append(')');
        }
        if (s.stoppedBy() != null) {
            b.append("; you stopped the run");
        } else if (s.rootStatus() != null) {
            b.append("; the program's exit status was ").append(s.rootStatus());
        }
        int n = output.size();
        b.append(String.format("; %,d line%s of output", n, n == 1 ? "" : "s"));
        if (n > 0) {
            // the line written last (by time): lines of different processes may arrive in another order
            OutputLine last = null;
            for (OutputLine l : output.range(Math.max(0, n - LAST_LINE_WINDOW), n)) {
                if (last == null || l.t() >= last.t()) {
                    last = l;
                }
            }
            String who = s.byPid(last.pid()).map(ProcessView::displayName).orElse("PID " + last.pid());
            b.append(", the last one \"").append(org.processlab.model.EscapeCodes.strip(last.text())).append("\" from ").append(who);
        }
        return b.append('.').toString();
    }
}
