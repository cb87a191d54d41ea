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
import org.processlab.lesson.Reveal;

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
    private final javafx.beans.property.BooleanProperty aside =
            new javafx.beans.property.SimpleBooleanProperty(this, "aside");
    private final javafx.beans.property.BooleanProperty checked =
            new javafx.beans.property.SimpleBooleanProperty(this, "checked");
    private final BooleanBinding runAllowed = Bindings.createBooleanBinding(
            () -> prediction.get() == null || choice.get() != UNANSWERED, prediction, choice);
    private final BooleanBinding settled = Bindings.createBooleanBinding(
            () -> prediction.get() == null || choice.get() == SKIPPED || (choice.get() >= 0 && checked.get()),
            prediction, choice, checked);

    /** Shows lesson's {@code p} (null: none), with an answer given earlier ({@code saved}, null if none), not checked. */
    public void load(Prediction p, Integer saved) {
        load(p, saved, false);
    }

    /**
     * Shows lesson's {@code p} (null: none), with an answer given earlier ({@code saved}, null if none);
     * {@code wasChecked}: a run after that answer has shown the answer already.
     */
    public void load(Prediction p, Integer saved, boolean wasChecked) {
        reveal.set(null);
        // the old answer goes before the new question comes: a card shown between the two steps must never pair
        // answer E of a five-choice question with a four-choice one
        checked.set(false);
        choice.set(UNANSWERED);
        prediction.set(p);
        choice.set(p == null || saved == null || saved < SKIPPED || saved >= p.choices().size() ? UNANSWERED : saved);
        checked.set(wasChecked && choice.get() != UNANSWERED);
    }

    /** Answers with choice {@code i}. */
    public void answer(int i) {
        Prediction p = prediction.get();
        if (p != null && i >= 0 && i < p.choices().size()) {
            checked.set(false);
            choice.set(i);
        }
    }

    /** Skips the question. */
    public void skip() {
        if (prediction.get() != null) {
            checked.set(false);
            choice.set(SKIPPED);
        }
    }

    /** Shows what happened after a run; one that answers the question checks the prediction. */
    public void reveal(Reveal r) {
        if (r != null && r.question() != null && prediction.get() != null) {
            checked.set(true);
        }
        reveal.set(r);
    }

    /** True once a run has shown the answer to the question as answered now (it stays after the reveal is closed). */
    public javafx.beans.value.ObservableBooleanValue checkedProperty() {
        return checked;
    }

    /**
     * True when the lesson's page may show what the run will show (its part after {@code <!-- after-run -->}): the
     * lesson asks nothing, the question was skipped, or the answer has been checked by a run.
     */
    public BooleanBinding settledProperty() {
        return settled;
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

    /**
     * True while the person's own version of the code is in the editor: the question and the reveal are about the
     * lesson's own code, so the card is set aside (hidden) meanwhile; the answer given is kept for when it comes back.
     */
    public javafx.beans.property.BooleanProperty asideProperty() {
        return aside;
    }

    /** True when Run may be pressed as far as the prediction is concerned. */
    public BooleanBinding runAllowedProperty() {
        return runAllowed;
    }
}
