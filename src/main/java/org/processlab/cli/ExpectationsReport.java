package org.processlab.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.processlab.export.RunDocument;
import org.processlab.lesson.Example;
import org.processlab.lesson.ExpectationCheck;
import org.processlab.lesson.ExpectationResult;
import org.processlab.model.OutputLog;
import org.processlab.model.RunSnapshot;

/**
 * A lesson's expectations (its {@code expect}) checked against a run that has ended, for {@code processlab run}: the
 * window's own check ({@link ExpectationCheck}), as the run document holds it ({@link RunDocument.Expectations}) and as
 * the text report ends. Stateless; any thread.
 */
final class ExpectationsReport {
    private ExpectationsReport() {
    }

    /** The heading of the text report's last part. */
    static final String HEADING = "Expectations (the lesson's expect):";

    /**
     * The expectations of {@code example} checked against {@code end}, or null when there are none to check (a program
     * of one's own, a lesson that expects nothing). Not checked, and saying why, when the run did not end by itself
     * ({@link ExpectationCheck#whyNotChecked}) or ran with arguments of one's own: the lesson promises what its own
     * arguments give, as the window checks nothing of a person's own version.
     *
     * @param ownArguments true when the command line's arguments replaced the lesson's
     */
    static RunDocument.Expectations of(Example example, boolean ownArguments, RunSnapshot end, OutputLog output) {
        if (example == null || example.expect() == null) {
            return null;
        }
        String why = ExpectationCheck.whyNotChecked(end);
        if (why == null && ownArguments) {
            why = "the program ran with arguments of your own, not the lesson's";
        }
        if (why != null) {
            return new RunDocument.Expectations(why, List.of());
        }
        List<RunDocument.Expected> results = new ArrayList<>();
        for (ExpectationResult r : ExpectationCheck.results(example.expect(), end, output)) {
            results.add(new RunDocument.Expected(r.promise(), r.problems()));
        }
        return new RunDocument.Expectations(null, results);
    }

    /**
     * Writes the text report's last part: each promise that held ({@code held}) and each sentence of what did not
     * ({@code FAILED}, the window's words), then the verdict; or why nothing was checked. Nothing when {@code e} is null.
     */
    static void write(RunDocument.Expectations e, PrintStream out) {
        if (e == null) {
            return;
        }
        out.println();
        if (e.notChecked() != null) {
            out.println(HEADING + " not checked: " + e.notChecked() + ".");
            return;
        }
        out.println(HEADING);
        int failed = 0;
        for (RunDocument.Expected r : e.results()) {
            if (r.held()) {
                out.println("  held    " + r.promise());
            } else {
                failed++;
                for (String problem : r.problems()) {
                    out.println("  FAILED  " + problem);
                }
            }
        }
        out.println(failed == 0 ? ExpectationCheck.ALL_HELD : verdict(failed, e.results().size()) + ".");
    }

    /** How many promises did not hold, of how many: {@code 1 of 5 promises did not hold}. */
    static String verdict(int failed, int all) {
        return failed + " of " + all + (all == 1 ? " promise" : " promises") + " did not hold";
    }
}
