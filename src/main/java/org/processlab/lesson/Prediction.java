package org.processlab.lesson;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The question a lesson asks before its first run.
 *
 * @param question what to predict
 * @param choices  the possible answers
 * @param answer   the index of the right choice (zero-based)
 * @param explain  shown after the run, beside what happened
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Prediction(String question, List<String> choices, int answer, String explain) {
    public Prediction {
        choices = choices == null ? List.of() : List.copyOf(choices);
        if (question == null || question.isBlank()) {
            throw new IllegalArgumentException("'predict' needs a question (a line 'question: …' under it)");
        }
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("'predict' has answer: " + answer + ", but the answer is the number of "
                    + "a choice counted from 0, and there " + (choices.size() == 1 ? "is 1 choice" : "are "
                    + choices.size() + " choices") + (choices.isEmpty() ? "" : " (0 to " + (choices.size() - 1) + ")"));
        }
    }

    /** The right choice's text. */
    public String answerText() {
        return choices.get(answer);
    }
}
