package org.processlab.ui.shell.toolbar;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.processlab.lesson.Example;
import org.processlab.model.RunEvent;
import org.processlab.model.StartMethod;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * The run toolbar's state and its texts: which example Run starts, with which start method and time limit, and the
 * notes beside them — the start methods the children really used, that a busy run was lowered (and when), that the
 * chosen start method is not the one the example is meant for. The status itself is the run's
 * ({@link RunViewModel#statusProperty()}).
 *
 * <p>Threading: UI thread only; every field is written there. No toolkit needed.
 */
public final class RunToolbarViewModel {
    /** The start-method choices: the interpreter's default (empty), then the three of multiprocessing. */
    public static final List<Optional<StartMethod>> START_METHODS = List.of(Optional.empty(),
            Optional.of(StartMethod.FORK), Optional.of(StartMethod.SPAWN), Optional.of(StartMethod.FORKSERVER));
    /** The time limits offered, in seconds (null: none, the default). */
    public static final List<Integer> TIME_LIMITS = Collections.unmodifiableList(Arrays.asList(null, 5, 10, 30, 60, 300));

    private final RunViewModel run;
    private final ObservableList<Example> examples = FXCollections.observableArrayList();
    private final ObjectProperty<Example> example = new SimpleObjectProperty<>(this, "example");
    private final ObjectProperty<Optional<StartMethod>> startMethod =
            new SimpleObjectProperty<>(this, "startMethod", Optional.empty());
    private final ObjectProperty<Integer> timeLimit = new SimpleObjectProperty<>(this, "timeLimit", null);
    private final StringBinding methodNote;
    private final StringBinding usedMethods;
    private final StringBinding timeLimitText;
    private final ReadOnlyStringWrapper lowered = new ReadOnlyStringWrapper(this, "lowered", "");
    private final ReadOnlyStringWrapper loweredDetail = new ReadOnlyStringWrapper(this, "loweredDetail", "");

    /** The toolbar of {@code run}: no example yet, the default start method, no time limit. */
    public RunToolbarViewModel(RunViewModel run) {
        this.run = run;
        startMethod.addListener((o, a, b) -> {
            if (b == null) {
                startMethod.set(Optional.empty());   // "none" is the default, never null
            }
        });
        methodNote = Bindings.createStringBinding(() -> methodNote(example.get(), startMethod.get()),
                example, startMethod);
        usedMethods = Bindings.createStringBinding(() -> run.startMethodsUsedProperty().get().isEmpty() ? ""
                : "used: " + run.startMethodsUsedProperty().get(), run.startMethodsUsedProperty());
        timeLimitText = Bindings.createStringBinding(() -> limitText(timeLimit.get()), timeLimit);
        run.priorityLoweredProperty().addListener((o, a, l) -> {
            if (l != null) {
                // the run's start from the frame just shown (a fresh snapshot of a 256-process run is not free on
                // the FX thread)
                RunFrame shown = run.frameProperty().get();
                double at = secondsIn(l, shown == null ? -1 : shown.snapshot().startedAt());
                lowered.set(loweredText(at));
                loweredDetail.set(loweredDetail(l, at));
            }
        });
    }

    /** Offers {@code list}'s examples (a lesson's, main first); the first is chosen. */
    public void offer(List<Example> list) {
        examples.clear();
        example.set(null);
        examples.setAll(list);
        example.set(examples.isEmpty() ? null : examples.get(0));
    }

    /**
     * {@code This example is meant for fork, spawn: under forkserver it may not show what the lesson says}, or empty
     * when the example is meant for {@code method} (the default is always meant).
     */
    static String methodNote(Example ex, Optional<StartMethod> method) {
        if (ex == null || method.isEmpty() || ex.isMeantFor(method.get())) {
            return "";
        }
        return "This example is meant for " + String.join(", ", ex.startMethods()) + ": under "
                + method.get().wireName() + " it may not show what the lesson says";
    }

    /** How a start-method choice reads: {@code Default} (the interpreter's own) or the method's wire name. */
    public static String methodText(Optional<StartMethod> method) {
        return method == null || method.isEmpty() ? "Default" : method.get().wireName();
    }

    /** {@code 30 s}, {@code 5 min}, or {@code no limit} for null. */
    static String limitText(Integer seconds) {
        if (seconds == null) {
            return "no limit";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }

    /** A time-limit choice in the menu: {@code Stop after 30 s}, or {@code No time limit}. */
    public static String limitChoiceText(Integer seconds) {
        return seconds == null ? "No time limit" : "Stop after " + limitText(seconds);
    }

    /** Seconds from the run's start ({@code startedAt}, epoch µs; negative: unknown) to the lowering; at least 0. */
    static double secondsIn(RunEvent.PriorityLowered l, long startedAt) {
        return startedAt < 0 ? 0 : Math.max(0, (l.t() - startedAt) / 1e6);
    }

    /** {@code lowered at 1.25 s}. */
    static String loweredText(double at) {
        return String.format(Locale.ROOT, "lowered at %.2f s", at);
    }

    /** Why, and what it means for the times shown after it. */
    static String loweredDetail(RunEvent.PriorityLowered l, double at) {
        return "This run turned busy (" + l.reason() + "), so ProcessLab lowered its priority " + l.steps()
                + " steps (nice) to keep the window drawing. On a busy computer, its times after "
                + String.format(Locale.ROOT, "%.2f s", at) + " may be stretched. The CLI lowers a run only when given --nice.";
    }

    // ------------------------------------------------------------------ what the view reads

    /** The run the toolbar starts and stops (its status, whether it is running). */
    public RunViewModel run() {
        return run;
    }

    /** The chosen lesson's examples (main first). */
    public ObservableList<Example> examples() {
        return examples;
    }

    /** The example Run starts. */
    public ObjectProperty<Example> exampleProperty() {
        return example;
    }

    /** The start method Run asks for; empty for the interpreter's default (never null). One of {@link #START_METHODS}. */
    public ObjectProperty<Optional<StartMethod>> startMethodProperty() {
        return startMethod;
    }

    /** Seconds after which Run ends the whole run (SIGTERM, then SIGKILL); null for no limit. */
    public ObjectProperty<Integer> timeLimitProperty() {
        return timeLimit;
    }

    /** The note when the start method chosen is not one the example is meant for; empty when it is. */
    public StringBinding methodNoteProperty() {
        return methodNote;
    }

    /** {@code used: fork}: the start methods the run's children used; empty before any. */
    public StringBinding usedMethodsProperty() {
        return usedMethods;
    }

    /** The time limit as the menu button reads: {@code no limit}, {@code 30 s}, {@code 5 min}. */
    public StringBinding timeLimitTextProperty() {
        return timeLimitText;
    }

    /** {@code lowered at 1.25 s} once the run was lowered (shown while {@link RunViewModel#priorityLoweredProperty()} is set). */
    public ReadOnlyStringProperty loweredProperty() {
        return lowered.getReadOnlyProperty();
    }

    /** Why the run was lowered and what it means, for the note's tooltip. */
    public ReadOnlyStringProperty loweredDetailProperty() {
        return loweredDetail.getReadOnlyProperty();
    }
}
