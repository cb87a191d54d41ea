package org.processlab.lesson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;
import org.processlab.model.Signals;

/**
 * Compares a finished run with a lesson's {@link Expectation}: the one check, used by the expectation tests, the
 * window's reveal ("what really happened") and {@code processlab run}'s report. Stateless; any thread.
 */
public final class ExpectationCheck {
    private ExpectationCheck() {
    }

    /** What the window and the command line say when every promise held. */
    public static final String ALL_HELD = "Everything this lesson promises held in this run.";

    /** What did not hold, one sentence each; empty when the run met every expectation. */
    public static List<String> check(Expectation e, RunSnapshot run, OutputLog output) {
        List<String> problems = new ArrayList<>();
        for (ExpectationResult r : results(e, run, output)) {
            problems.addAll(r.problems());
        }
        return problems;
    }

    /**
     * Each promise of {@code e} and what did not hold of it, in the order of {@link #check} (exit status, roles, least
     * roles, exit codes, lines, order; each group in the lesson's order, roles by name); empty when {@code e} is null.
     */
    public static List<ExpectationResult> results(Expectation e, RunSnapshot run, OutputLog output) {
        List<ExpectationResult> results = new ArrayList<>();
        if (e == null) {
            return results;
        }
        if (e.exitCode() != null) {
            results.add(new ExpectationResult("the program's exit status is " + e.exitCode(),
                    e.exitCode().equals(run.rootStatus()) ? List.of()
                            : List.of("the program's exit status was " + run.rootStatus() + ", expected " + e.exitCode())));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (ProcessView p : run.processes()) {
            counts.merge(p.role().id(), 1, Integer::sum);
        }
        new TreeMap<>(e.roles()).forEach((role, n) -> {
            int got = counts.getOrDefault(role, 0);
            results.add(new ExpectationResult(n + " " + role + " process(es)", got == n ? List.of()
                    : List.of(n + " " + role + " process(es) expected, the run had " + got)));
        });
        new TreeMap<>(e.minRoles()).forEach((role, n) -> {
            int got = counts.getOrDefault(role, 0);
            results.add(new ExpectationResult("at least " + n + " " + role + " process(es)", got >= n ? List.of()
                    : List.of("at least " + n + " " + role + " process(es) expected, the run had " + got)));
        });
        for (Expectation.ExitCodeRule r : e.exitCodes()) {
            List<String> problems = new ArrayList<>();
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
            results.add(new ExpectationResult("every process matching '" + r.who() + "' ends with exit code "
                    + Signals.describe(r.exitCode()), problems));
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
            String expected = r.count() == null ? "at least 1" : Integer.toString(r.count());
            results.add(new ExpectationResult("line " + r.describe() + who
                    + (r.stream() == null ? "" : " on " + r.stream()) + ": "
                    + (r.count() == null ? expected : r.count() == 0 ? "never" : "exactly " + expected),
                    (r.count() == null ? n > 0 : n == r.count()) ? List.of()
                            : List.of("line " + r.describe() + who + ": expected " + expected + ", found " + n)));
        }
        for (List<String> pair : e.order()) {
            long a = firstTime(lines, pair.get(0));
            long b = firstTime(lines, pair.get(1));
            results.add(new ExpectationResult("\"" + pair.get(0) + "\" before \"" + pair.get(1) + "\"",
                    a < 0 || b < 0 ? List.of("order: line \"" + (a < 0 ? pair.get(0) : pair.get(1)) + "\" never appeared")
                            : a > b ? List.of("order: \"" + pair.get(0) + "\" was expected before \"" + pair.get(1) + "\"")
                            : List.of()));
        }
        return results;
    }

    /**
     * Why the expectations are not checked against {@code end}, in words, or null when they are: a lesson promises
     * what a whole run shows, so a run that failed, has not ended or was stopped before it ended by itself is not
     * checked (the window then shows no check; the command line says why).
     */
    public static String whyNotChecked(RunSnapshot end) {
        if (end.status() == RunStatus.FAILED) {
            return "the run failed" + (end.error() == null ? "" : ": " + end.error());
        }
        if (!end.status().finished()) {
            return "the run has not ended";
        }
        if (end.stoppedBy() == null) {
            return null;
        }
        return switch (end.stoppedBy()) {
            case TIME_LIMIT -> "ProcessLab stopped the run at its time limit";
            case PROCESS_LIMIT -> "ProcessLab stopped the run at its process limit";
            case USER -> "the run was stopped on request";
            case INTERRUPT -> "the run was interrupted";
        } + ", before it ended by itself";
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
