package org.processlab.lesson;

import java.util.List;
import java.util.Optional;

import org.processlab.model.OutputLog;
import org.processlab.model.RunSnapshot;
import org.processlab.model.RunStatus;

/**
 * What the window shows after a run: the prediction against the right answer, and what really happened.
 *
 * @param question  the prediction's question, or null when the lesson asks none
 * @param chosen    the chosen answer's text, or null when skipped or not asked
 * @param answer    the right answer's text, or null when not asked
 * @param right     true when the chosen answer is the right one
 * @param explain   the lesson's explanation, or null
 * @param summary   one or two sentences on the run: processes, exit status, last line ({@link RunSummary})
 * @param checked   true when the example has an {@code expect} that was checked
 * @param problems  what did not hold of {@code expect}; empty when everything held
 */
public record Reveal(String question, String chosen, String answer, boolean right, String explain, String summary,
                     boolean checked, List<String> problems) {
    public Reveal {
        problems = List.copyOf(problems);
    }

    /**
     * The prediction checked against a run that has ended: the chosen answer against the right one, the example's
     * expectations against what happened. Empty when there is nothing to reveal: the run failed to start, or the
     * lesson asks nothing and expects nothing of this example.
     *
     * @param end     the run's final snapshot
     * @param output  the run's output log
     * @param example the example that ran
     * @param asked   the question asked before this run, or null (none, or not for this example)
     * @param choice  the index of the answer given; negative when none was (skipped or unanswered)
     */
    public static Optional<Reveal> after(RunSnapshot end, OutputLog output, Example example, Prediction asked,
                                         int choice) {
        if (end.status() == RunStatus.FAILED || (asked == null && example.expect() == null)) {
            return Optional.empty();
        }
        List<String> problems = example.expect() == null ? List.of()
                : ExpectationCheck.check(example.expect(), end, output);
        String chosen = asked != null && choice >= 0 ? asked.choices().get(choice) : null;
        return Optional.of(new Reveal(asked == null ? null : asked.question(), chosen,
                asked == null ? null : asked.answerText(), asked != null && choice == asked.answer(),
                asked == null ? null : asked.explain(), RunSummary.of(end, output),
                example.expect() != null && ExpectationCheck.whyNotChecked(end) == null, problems));
    }
}
