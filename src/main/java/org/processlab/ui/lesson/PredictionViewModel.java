package org.processlab.ui.lesson;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.processlab.lesson.Prediction;

/**
 * "Predict, then reveal": the lesson's question, the answer given (or skipped), and after a run the
 * {@link Reveal}. Run is allowed once the question is answered or skipped ({@link #runAllowedProperty()}).
 *
 * <p>Threading: FX thread only.
 */
public final class PredictionViewModel {
    /** {@link #choiceProperty()} before an answer. */
    public static final int UNANSWERED = -2;
    /** {@link #choiceProperty()} after "Skip". */
    public static final int SKIPPED = -1;

    private final ObjectProperty<Prediction> prediction = new SimpleObjectProperty<>(this, "prediction");
    private final IntegerProperty choice = new SimpleIntegerProperty(this, "choice", UNANSWERED);
    private final ObjectProperty<Reveal> reveal = new SimpleObjectProperty<>(this, "reveal");
    private final BooleanBinding runAllowed = Bindings.createBooleanBinding(
            () -> prediction.get() == null || choice.get() != UNANSWERED, prediction, choice);

    /** Shows lesson's {@code p} (null: none), with an answer given earlier ({@code saved}, null if none). */
    public void load(Prediction p, Integer saved) {
        reveal.set(null);
        prediction.set(p);
        choice.set(p == null || saved == null ? UNANSWERED : saved < p.choices().size() ? saved : UNANSWERED);
    }

    /** Answers with choice {@code i}. */
    public void answer(int i) {
        Prediction p = prediction.get();
        if (p != null && i >= 0 && i < p.choices().size()) {
            choice.set(i);
        }
    }

    /** Skips the question. */
    public void skip() {
        if (prediction.get() != null) {
            choice.set(SKIPPED);
        }
    }

    /** Shows what happened after a run. */
    public void reveal(Reveal r) {
        reveal.set(r);
    }

    /** Hides the reveal (a new run starts, or the person closed it). */
    public void clearReveal() {
        reveal.set(null);
    }

    /** The question, or null. */
    public ReadOnlyObjectProperty<Prediction> predictionProperty() {
        return prediction;
    }

    /** The answer: a choice index, {@link #SKIPPED} or {@link #UNANSWERED}. */
    public ReadOnlyIntegerProperty choiceProperty() {
        return choice;
    }

    /** What the last run showed, or null. */
    public ReadOnlyObjectProperty<Reveal> revealProperty() {
        return reveal;
    }

    /** True when Run may be pressed as far as the prediction is concerned. */
    public BooleanBinding runAllowedProperty() {
        return runAllowed;
    }
}
