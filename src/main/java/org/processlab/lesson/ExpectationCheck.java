package org.processlab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;

/**
 * Compares a finished run with a lesson's {@link Expectation}. Used by the expectation tests and by the
 * window's reveal ("what really happened").
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /** What did not hold, one sentence each; empty when the run met every expectation. */
    public static List<String> check(Expectation e, RunSnapshot run, OutputLog output) {
        List<String> problems = new ArrayList<>();
        if (e == null) {
            return problems;
        }
        if (e.exitCode() != null && !e.exitCode().equals(run.rootStatus())) {
            problems.add("the program's exit status was " + run.rootStatus() + ", expected " + e.exitCode());
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ProcessView p : run.processes()) {
            counts.merge(p.role().id(), 1, Integer::sum);
        }
        e.roles().forEach((role, n) -> {
            int got = counts.getOrDefault(role, 0);
            if (got != n) {
                problems.add(n + " " + role + " process(es) expected, the run had " + got);
            }
        });
        e.minRoles().forEach((role, n) -> {
            int got = counts.getOrDefault(role, 0);
            if (got < n) {
                problems.add("at least " + n + " " + role + " process(es) expected, the run had " + got);
            }
        });
        for (Expectation.ExitCodeRule r : e.exitCodes()) {
            boolean any = false;
            for (ProcessView p : run.processes()) {
                if (Who.matches(r.who(), p)) {
                    any = true;
                    if (p.exitCode() == null || p.exitCode() != r.exitCode()) {
                        problems.add(p.displayName() + " (PID " + p.pid() + ") ended with "
                                + (p.exitCode() == null ? "no exit code" : Signals.describe(p.exitCode()))
                                + ", expected " + Signals.describe(r.exitCode()));
                    }
                }
            }
            if (!any) {
                problems.add("no process matches '" + r.who() + "'");
            }
        }
        List<OutputLine> lines = output.range(0, output.size());
        for (Expectation.LineRule r : e.lines()) {
            Pattern re = r.regex() == null ? null : Pattern.compile(r.regex());
            int n = 0;
            for (OutputLine l : lines) {
                if (matches(r.text(), re, l.text()) && (r.stream() == null || r.stream().equals(l.stream().id()))
                        && whoMatches(r.who(), l.pid(), run)) {
                    n++;
                }
            }
            String who = r.who() == null ? "" : " from " + r.who();
            if (r.count() == null ? n == 0 : n != r.count()) {
                problems.add("line " + r.describe() + who + ": expected " + (r.count() == null ? "at least 1" : r.count())
                        + ", found " + n);
            }
        }
        for (List<String> pair : e.order()) {
            long a = firstTime(lines, pair.get(0));
            long b = firstTime(lines, pair.get(1));
            if (a < 0 || b < 0) {
                problems.add("order: line \"" + (a < 0 ? pair.get(0) : pair.get(1)) + "\" never appeared");
            } else if (a > b) {
                problems.add("order: \"" + pair.get(0) + "\" was expected before \"" + pair.get(1) + "\"");
            }
        }
        return problems;
    }

    private static boolean whoMatches(String who, long pid, RunSnapshot run) {
        if (who == null || who.isBlank() || who.equals("any")) {
            return true;
        }
        return run.byPid(pid).map(p -> Who.matches(who, p)).orElse(false);
    }

    private static boolean matches(String text, Pattern re, String line) {
        return re != null ? re.matcher(line).matches() : text.equals(line);
    }

    private static long firstTime(List<OutputLine> lines, String textOrRegex) {
        Pattern re = null;
        try {
            re = Pattern.compile(textOrRegex);
        } catch (RuntimeException ignored) {
            // plain text
        }
        for (OutputLine l : lines) {
            if (l.text().equals(textOrRegex) || (re != null && re.matcher(l.text()).matches())) {
                return l.t();
            }
        }
        return -1;
    }
}
