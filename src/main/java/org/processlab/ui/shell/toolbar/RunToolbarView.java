package org.processlab.ui.shell.toolbar;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import org.processlab.lesson.Example;
import org.processlab.model.StartMethod;
import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.shell.run.RunViewModel;

/**
 * The run toolbar: Run, Stop and Interrupt, the start method, the time limit, the notes beside them (start methods used, a run
 * lowered because it turned busy, connections to the trace channel refused), the status, the note when the start method is not the example's, and (for
 * lessons with more than one program) the example on a row of its own. Groups wrap onto more rows when the window is
 * narrow or the text large, so the status is never cut. Texts and choices are the {@link RunToolbarViewModel}'s.
 *
 * <p>Threading: FX thread only.
 */
public final class RunToolbarView extends VBox {
    private final FlowPane row;
    private final Label status;

    /**
     * @param vm     the toolbar's state
     * @param canRun true when Run may be pressed
     * @param onRun  what Run (and F5) does
     * @param onStop what Stop does
     * @param onInterrupt what Interrupt (and Ctrl+.) does
     */
    public RunToolbarView(RunToolbarViewModel vm, ObservableBooleanValue canRun, Runnable onRun, Runnable onStop,
                          Runnable onInterrupt) {
        super(6);
        RunViewModel run = vm.run();
        Button runButton = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
        runButton.setId("runButton");
        runButton.getStyleClass().addAll(Styles.SUCCESS, "run-button");
        runButton.setDefaultButton(false);
        runButton.setTooltip(new Tooltip(Shortcut.RUN.tooltip()));
        runButton.disableProperty().bind(Bindings.not(canRun));
        runButton.setOnAction(e -> onRun.run());
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("stopButton");
        stop.getStyleClass().addAll(Styles.DANGER, "stop-button");
        stop.setTooltip(new Tooltip(Shortcut.STOP.tooltip()));
        stop.disableProperty().bind(run.runningProperty().not());
        stop.setOnAction(e -> onStop.run());
        Button interrupt = new Button("Interrupt", new FontIcon(MaterialDesignH.HAND_BACK_RIGHT));
        interrupt.setId("interruptButton");
        interrupt.getStyleClass().add("interrupt-button");    // plain: milder than Stop, as SIGINT is
        interrupt.setTooltip(new Tooltip(Shortcut.INTERRUPT.tooltip()));
        interrupt.disableProperty().bind(run.runningProperty().not());
        interrupt.setOnAction(e -> onInterrupt.run());
        runButton.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);
        interrupt.setMinWidth(Region.USE_PREF_SIZE);

        HBox runStop = new HBox(10, runButton, stop, interrupt);
        HBox methodBox = new HBox(10, caption("Start method"), methodChooser(vm));
        HBox limitBox = new HBox(10, timeLimit(vm), usedMethods(vm), lowered(vm), refused(run));
        for (HBox g : List.of(runStop, methodBox, limitBox)) {
            g.setAlignment(Pos.CENTER_LEFT);
            g.setMinWidth(Region.USE_PREF_SIZE);
        }
        status = status(run);
        row = new FlowPane(14, 6, runStop, new Separator(Orientation.VERTICAL), methodBox, limitBox, status,
                methodNote(vm));
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(VPos.CENTER);
        getChildren().setAll(row, exampleRow(vm));
        getStyleClass().add("run-toolbar");
        // never squeezed: a squeezed toolbar drew its second row (the Example chooser, the status) under the views
        setMinHeight(Region.USE_PREF_SIZE);
    }

    /** Puts {@code node} just before the status (the run list: which run the status speaks of). */
    public void addBeforeStatus(javafx.scene.Node node) {
        row.getChildren().add(row.getChildren().indexOf(status), node);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("toolbar-caption");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    /** The example chooser, on a row of its own, shown when the lesson has more than one program. */
    private static HBox exampleRow(RunToolbarViewModel vm) {
        ComboBox<Example> example = new ComboBox<>(vm.examples());
        example.setId("exampleChooser");
        example.valueProperty().bindBidirectional(vm.exampleProperty());
        example.setCellFactory(l -> new ExampleCell());
        example.setButtonCell(new ExampleCell());
        example.setTooltip(new Tooltip("Which program of this lesson Run starts"));
        example.disableProperty().bind(vm.run().runningProperty());
        example.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(example, Priority.ALWAYS);
        HBox box = new HBox(6, caption("Example"), example);
        box.setAlignment(Pos.CENTER_LEFT);
        box.visibleProperty().bind(Bindings.size(vm.examples()).greaterThan(1));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static ComboBox<Optional<StartMethod>> methodChooser(RunToolbarViewModel vm) {
        ComboBox<Optional<StartMethod>> method =
                new ComboBox<>(FXCollections.observableList(RunToolbarViewModel.START_METHODS));
        method.setId("startMethod");
        method.setCellFactory(l -> new MethodCell());
        method.setButtonCell(new MethodCell());
        method.valueProperty().bindBidirectional(vm.startMethodProperty());
        method.setTooltip(new Tooltip(
                "How multiprocessing makes each child: Default (the interpreter's own), fork, spawn or forkserver"));
        method.disableProperty().bind(vm.run().runningProperty());
        method.setMinWidth(Region.USE_PREF_SIZE);
        return method;
    }

    /** A runaway program is stopped after this long: off by default, for a class that tries anything. */
    private static MenuButton timeLimit(RunToolbarViewModel vm) {
        MenuButton limit = new MenuButton();
        limit.setId("timeLimit");
        limit.setGraphic(new FontIcon(MaterialDesignT.TIMER_OUTLINE));
        limit.setTooltip(new Tooltip("Time limit: end the whole run (every process) after this long"));
        ToggleGroup limits = new ToggleGroup();
        for (Integer secs : RunToolbarViewModel.TIME_LIMITS) {
            RadioMenuItem item = new RadioMenuItem(RunToolbarViewModel.limitChoiceText(secs));
            item.setId("timeLimit-" + (secs == null ? "off" : secs));
            item.setToggleGroup(limits);
            item.setSelected(Objects.equals(secs, vm.timeLimitProperty().get()));
            item.setOnAction(ev -> vm.timeLimitProperty().set(secs));
            limit.getItems().add(item);
        }
        limit.textProperty().bind(vm.timeLimitTextProperty());
        limit.disableProperty().bind(vm.run().runningProperty());
        limit.setMinWidth(Region.USE_PREF_SIZE);
        return limit;
    }

    private static Label usedMethods(RunToolbarViewModel vm) {
        Label used = new Label();
        used.setId("usedStartMethod");
        used.getStyleClass().add("used-method");
        used.textProperty().bind(vm.usedMethodsProperty());
        used.visibleProperty().bind(vm.usedMethodsProperty().isNotEmpty());
        used.managedProperty().bind(used.visibleProperty());
        used.setTooltip(new Tooltip("The start method the program's children really used"));
        used.setMinWidth(Region.USE_PREF_SIZE);
        return used;
    }

    /** A run that turned busy was lowered below the window: its later times may be stretched, so say so. */
    private static Label lowered(RunToolbarViewModel vm) {
        Label lowered = new Label();
        lowered.setId("priorityNote");
        lowered.getStyleClass().add("priority-note");
        lowered.setGraphic(new FontIcon(MaterialDesignS.SPEEDOMETER_SLOW));
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        tip.textProperty().bind(vm.loweredDetailProperty());
        lowered.setTooltip(tip);
        lowered.textProperty().bind(vm.loweredProperty());
        lowered.visibleProperty().bind(vm.run().priorityLoweredProperty().isNotNull());
        lowered.managedProperty().bind(lowered.visibleProperty());
        lowered.setMinWidth(Region.USE_PREF_SIZE);
        return lowered;
    }

    /** Connections to the run's trace channel that ProcessLab refused: a stranger knocked; the run went on. */
    private static Label refused(RunViewModel run) {
        Label refused = new Label();
        refused.setId("refusedNote");
        refused.getStyleClass().add("priority-note");
        refused.setGraphic(new FontIcon(MaterialDesignS.SHIELD_ALERT_OUTLINE));
        Tooltip tip = new Tooltip("Something that is not a process of this run connected to the channel its processes "
                + "report on. ProcessLab closed the connection; the run went on, and what it shows is the run's own.");
        tip.setWrapText(true);
        tip.setMaxWidth(520);
        refused.setTooltip(tip);
        refused.textProperty().bind(run.refusedConnectionsProperty());
        refused.visibleProperty().bind(run.refusedConnectionsProperty().isNotEmpty());
        refused.managedProperty().bind(refused.visibleProperty());
        refused.setMinWidth(Region.USE_PREF_SIZE);
        return refused;
    }

    private static Label status(RunViewModel run) {
        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("run-status");
        status.textProperty().bind(run.statusProperty());
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(status.textProperty());
        tip.setWrapText(true);
        tip.setMaxWidth(600);
        status.setTooltip(tip);
        run.statusKindProperty().addListener((o, a, k) -> styleStatus(status, k));
        styleStatus(status, run.statusKindProperty().get());
        status.setMinWidth(Region.USE_PREF_SIZE);
        return status;
    }

    private static void styleStatus(Label status, RunViewModel.StatusKind k) {
        status.getStyleClass().removeAll("idle", "running", "ok", "stopped", "error");
        status.getStyleClass().add(k.name().toLowerCase(Locale.ROOT));
        status.setGraphic(new FontIcon(switch (k) {
            case RUNNING -> MaterialDesignP.PLAY_CIRCLE;
            case OK -> MaterialDesignC.CHECK_CIRCLE;
            case STOPPED -> MaterialDesignS.STOP_CIRCLE;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE;
            case IDLE -> MaterialDesignC.CIRCLE_OUTLINE;
        }));
    }

    private static Label methodNote(RunToolbarViewModel vm) {
        Label note = new Label();
        note.setId("methodNote");
        note.getStyleClass().addAll("method-note", Styles.WARNING);
        note.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        note.textProperty().bind(vm.methodNoteProperty());
        note.visibleProperty().bind(note.textProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    private static final class ExampleCell extends ListCell<Example> {
        @Override
        protected void updateItem(Example e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : e.file().getFileName() + (e.title() != null ? " — " + e.title() : ""));
        }
    }

    private static final class MethodCell extends ListCell<Optional<StartMethod>> {
        @Override
        protected void updateItem(Optional<StartMethod> m, boolean empty) {
            super.updateItem(m, empty);
            setText(empty || m == null ? null : RunToolbarViewModel.methodText(m));
        }
    }
}
