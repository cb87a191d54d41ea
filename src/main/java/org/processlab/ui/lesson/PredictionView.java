package org.processlab.ui.lesson;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import org.processlab.lesson.ExpectationCheck;
import org.processlab.lesson.Prediction;
import org.processlab.lesson.Reveal;

/**
 * The "predict, then reveal" card below the Run button. Before a run: the question, one button per choice and
 * "Skip". After an answer: a one-line reminder. After the run: the right answer beside the one given (green when
 * right, red when not), the lesson's explanation, and what really happened (the expectation check). Hidden when
 * the lesson asks nothing and there is nothing to reveal.
 *
 * <p>Threading: FX thread only.
 */
public final class PredictionView extends VBox {
    private final PredictionViewModel vm;

    /** A card showing {@code vm}. */
    public PredictionView(PredictionViewModel vm) {
        this.vm = vm;
        setId("prediction");
        getStyleClass().add("prediction-card");
        // never squeezed to one line by the views below: they give way instead
        setMinHeight(Region.USE_PREF_SIZE);
        vm.predictionProperty().addListener(o -> rebuild());
        vm.choiceProperty().addListener(o -> rebuild());
        vm.revealProperty().addListener(o -> rebuild());
        vm.checkedProperty().addListener(o -> rebuild());
        vm.asideProperty().addListener(o -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        getStyleClass().removeAll("asking", "answered", "revealed", "right", "wrong");
        Prediction p = vm.predictionProperty().get();
        Reveal r = vm.revealProperty().get();
        boolean show = (p != null || r != null) && !vm.asideProperty().get();
        setVisible(show);
        setManaged(show);
        if (!show) {
            return;
        }
        if (r != null) {
            buildReveal(r);
        } else if (!isAnswerOf(vm.choiceProperty().get(), p)) {
            buildQuestion(p);
        } else {
            buildAnswered(p);
        }
    }

    /** True when {@code choice} is "skipped" or one of {@code p}'s choices. */
    private static boolean isAnswerOf(int choice, Prediction p) {
        return choice == PredictionViewModel.SKIPPED || choice >= 0 && choice < p.choices().size();
    }

    private void buildQuestion(Prediction p) {
        getStyleClass().add("asking");
        Label title = new Label("Predict first, then press Run", new FontIcon(MaterialDesignL.LIGHTBULB_ON));
        title.getStyleClass().add("prediction-title");
        Label q = new Label(p.question());
        q.getStyleClass().add("prediction-question");
        q.setWrapText(true);
        // one choice a line, each as wide as the card and wrapped: a FlowPane was never narrower than its longest
        // choice, and pushed the window's right side off the screen
        VBox choices = new VBox(6);
        choices.getStyleClass().add("prediction-choices");
        choices.setFillWidth(true);
        choices.setMinWidth(0);
        ToggleGroup group = new ToggleGroup();
        for (int i = 0; i < p.choices().size(); i++) {
            int k = i;
            ToggleButton b = new ToggleButton((char) ('A' + i) + "   " + p.choices().get(i));
            b.setMnemonicParsing(false);     // "os.cpu_count()" must keep its underscore
            b.setToggleGroup(group);
            b.getStyleClass().add("prediction-choice");
            b.setId("choice" + i);
            b.setWrapText(true);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setMinWidth(0);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setOnAction(e -> vm.answer(k));
            choices.getChildren().add(b);
        }
        Hyperlink skip = new Hyperlink("Skip the question");
        skip.setId("skipPrediction");
        skip.setOnAction(e -> vm.skip());
        getChildren().addAll(title, q, choices, skip);
    }

    private void buildAnswered(Prediction p) {
        getStyleClass().add("answered");
        int c = vm.choiceProperty().get();
        boolean checked = vm.checkedProperty().get();
        String text;
        if (c == PredictionViewModel.SKIPPED) {
            text = checked ? "You skipped the question; the answer: " + p.answerText() + "."
                    : "You skipped the question: press Run and watch.";
        } else if (!checked) {
            text = "Your prediction: " + p.choices().get(c) + " — press Run to check it.";
        } else if (c == p.answer()) {
            text = "Your prediction: " + p.choices().get(c) + " — right.";
        } else {
            text = "Your prediction: " + p.choices().get(c) + " — the answer: " + p.answerText() + ".";
        }
        Label l = new Label(text, new FontIcon(MaterialDesignL.LIGHTBULB_ON));
        l.getStyleClass().add("prediction-reminder");
        l.setWrapText(true);
        l.setId("predictionReminder");
        HBox.setHgrow(l, Priority.ALWAYS);
        l.setMaxWidth(Double.MAX_VALUE);
        Hyperlink change = new Hyperlink("change");
        change.setOnAction(e -> vm.load(p, null));
        HBox row = new HBox(8, l, change);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(row);
    }

    private void buildReveal(Reveal r) {
        getStyleClass().add("revealed");
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll("flat", "small", "button-icon");
        close.setTooltip(new Tooltip("Hide"));
        close.setOnAction(e -> vm.clearReveal());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        if (r.question() != null) {
            boolean answered = r.chosen() != null;
            getStyleClass().add(!answered ? "answered" : r.right() ? "right" : "wrong");
            Label verdict = new Label(!answered ? "The answer" : r.right() ? "Right!" : "Not quite",
                    new FontIcon(!answered ? MaterialDesignH.HELP_CIRCLE
                            : r.right() ? MaterialDesignC.CHECK_CIRCLE : MaterialDesignC.CLOSE_CIRCLE));
            verdict.getStyleClass().addAll("prediction-verdict", !answered ? "neutral" : r.right() ? "right" : "wrong");
            verdict.setId("verdict");
            HBox head = new HBox(8, verdict, spacer, close);
            head.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(head);
            Label q = new Label(r.question());
            q.getStyleClass().add("prediction-question");
            q.setWrapText(true);
            getChildren().add(q);
            if (answered && !r.right()) {
                getChildren().add(answerLine("You said:", r.chosen(), "wrong"));
            }
            getChildren().add(answerLine(answered && r.right() ? "You said:" : "Right answer:", r.answer(), "right"));
            if (r.explain() != null && !r.explain().isBlank()) {
                Label ex = new Label(r.explain().strip());
                ex.getStyleClass().add("prediction-explain");
                ex.setWrapText(true);
                getChildren().add(ex);
            }
        }
        Label what = new Label("What really happened");
        what.getStyleClass().add("prediction-subtitle");
        if (r.question() == null) {
            HBox head = new HBox(8, what, spacer, close);
            head.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(head);
        } else {
            getChildren().add(what);
        }
        Label summary = new Label(r.summary());
        summary.setWrapText(true);
        summary.getStyleClass().add("prediction-summary");
        summary.setId("revealSummary");
        getChildren().add(summary);
        if (r.checked()) {
            if (r.problems().isEmpty()) {
                Label ok = new Label(ExpectationCheck.ALL_HELD, new FontIcon(MaterialDesignC.CHECK));
                ok.getStyleClass().addAll("prediction-check", "right");
                ok.setWrapText(true);
                ok.setId("expectationResult");
                getChildren().add(ok);
            } else {
                VBox list = new VBox(2);
                list.setId("expectationResult");
                for (String problem : r.problems()) {
                    Label l = new Label(problem, new FontIcon(MaterialDesignA.ALERT));
                    l.getStyleClass().addAll("prediction-check", "wrong");
                    l.setWrapText(true);
                    list.getChildren().add(l);
                }
                getChildren().add(list);
            }
        }
    }

    private static HBox answerLine(String caption, String text, String kind) {
        Label c = new Label(caption);
        c.getStyleClass().add("prediction-answer-caption");
        c.setMinWidth(Region.USE_PREF_SIZE);
        Label t = new Label(text);
        t.setWrapText(true);
        t.getStyleClass().addAll("prediction-answer", kind);
        t.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(t, Priority.ALWAYS);
        HBox row = new HBox(8, c, t);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }
}
