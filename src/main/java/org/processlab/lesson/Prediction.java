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
            throw new IllegalArgumentException("predict.question is missing");
        }
        if (answer < 0 || answer >= choices.size()) {
            throw new IllegalArgumentException("predict.answer " + answer + " is not the index of one of the "
                    + choices.size() + " choices");
        }
    }

    /** The right choice's text. */
    public String answerText() {
        return choices.get(answer);
    }
}
