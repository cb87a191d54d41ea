package org.processlab.ui.lesson;

import java.util.List;

/**
 * What the window shows after a run: the prediction against the right answer, and what really happened.
 *
 * @param question  the prediction's question, or null when the lesson asks none
 * @param chosen    the chosen answer's text, or null when skipped or not asked
 * @param answer    the right answer's text, or null when not asked
 * @param right     true when the chosen answer is the right one
 * @param explain   the lesson's explanation, or null
 * @param summary   one or two sentences on the run: processes, exit status, last line
 * @param checked   true when the example has an {@code expect} that was checked
 * @param problems  what did not hold of {@code expect}; empty when everything held
 */
public record Reveal(String question, String chosen, String answer, boolean right, String explain, String summary,
                     boolean checked, List<String> problems) {
    public Reveal {
        problems = List.copyOf(problems);
    }
}
