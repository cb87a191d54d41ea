package org.processlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.lesson.Example;
import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.ui.console.ConsoleView;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.lesson.LessonListView;
import org.processlab.ui.lesson.LessonPageView;
import org.processlab.ui.lesson.PredictionView;
import org.processlab.ui.processes.ProcessTableView;
import org.processlab.ui.timeline.Timeline;

/**
 * The main window's content: a header (title, text size, next lesson), the lesson list and the lesson page on
 * the left, and on the right the prediction card, the error banner, the run toolbar (Run, Stop, example, start
 * method, status) and the three live views of the run: timeline on top, process table and console below.
 *
 * <p>Keys: Ctrl+Right or Alt+N next lesson, F5 or Ctrl+R Run, Esc clears the selected process,
 * Ctrl+Plus / Ctrl+Minus text size.
 *
 * <p>Threading: FX thread only.
 */
public final class ShellView extends BorderPane {
    /** Base font sizes (px) the text-size buttons step through; the first larger than AtlantaFX's 14 px. */
    static final double[] FONT_SIZES = {13, 15, 17, 19, 22, 25, 28};
    private static final int DEFAULT_FONT = 1;

    private final ShellViewModel vm;
    private final Timeline timeline = new Timeline();
    private final LessonListView lessonList;
    private final LessonPageView page;
    private final ProcessTableView table;
    private final ConsoleView console;
    private int fontIndex = DEFAULT_FONT;

    /** Builds the window's content over {@code vm}. */
    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        setId("shell");
        getStyleClass().add("shell");
        getStylesheets().add(ShellView.class.getResource("shell.css").toExternalForm());
        getStylesheets().add(ShellView.class.getResource("/org/processlab/ui/lesson/lesson.css").toExternalForm());
        applyFont();

        lessonList = new LessonListView(vm.lessons(), id -> vm.progress().of(id));
        vm.progressRevisionProperty().addListener(o -> lessonList.refreshMarks());
        lessonList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        page = new LessonPageView(vm::source, vm::nextLesson);
        vm.selectedProperty().addListener((o, a, b) -> {
            if (lessonList.getSelectionModel().getSelectedItem() != b) {
                lessonList.getSelectionModel().select(b);
                lessonList.scrollTo(b);
            }
            page.show(b, vm.hasNextProperty().get());
        });

        table = new ProcessTableView(vm.run().table());
        console = new ConsoleView(vm.run().console());
        wireRunViews();

        setTop(header());
        VBox lessonBox = new VBox(paneHeader("Lessons"), lessonList);
        lessonBox.getStyleClass().add("lesson-list-box");
        VBox.setVgrow(lessonList, Priority.ALWAYS);
        VBox timelineBox = new VBox(paneHeader("Timeline"), timeline);
        timelineBox.getStyleClass().add("timeline-box");
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setId("timeline");
        timeline.setMinHeight(120);
        SplitPane views = new SplitPane(timelineBox, table, console);
        views.setOrientation(Orientation.VERTICAL);
        views.setDividerPositions(0.46, 0.7);
        views.getStyleClass().add("run-views");
        VBox right = new VBox(new PredictionView(vm.prediction()), banner(), toolbar(), views);
        right.getStyleClass().add("run-side");
        VBox.setVgrow(views, Priority.ALWAYS);
        SplitPane main = new SplitPane(lessonBox, page, right);
        main.setDividerPositions(0.17, 0.47);
        main.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(lessonBox, false);
        setCenter(main);

        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void wireRunViews() {
        RunViewModel run = vm.run();
        timeline.paletteProperty().bind(run.paletteProperty());
        table.paletteProperty().bind(run.paletteProperty());
        console.paletteProperty().bind(run.paletteProperty());
        timeline.selectedPidProperty().bindBidirectional(run.selectedPidProperty());
        table.selectedPidProperty().bindBidirectional(run.selectedPidProperty());
        run.console().filterPidProperty().bind(run.selectedPidProperty());
        run.addResetListener(() -> {
            timeline.setSnapshot(null);
            timeline.clearOutput();
        });
        run.frameProperty().addListener((o, a, f) -> feed(f));
    }

    private void feed(RunFrame f) {
        if (f == null) {
            return;
        }
        timeline.nowProperty().set(f.nowMicros());
        timeline.addOutput(f.newLines());
        if (f.changed()) {
            timeline.setSnapshot(f.snapshot());
        }
    }

    // ------------------------------------------------------------------ parts

    private HBox header() {
        Label brand = new Label("ProcessLab", new FontIcon(MaterialDesignS.SOURCE_FORK));
        brand.getStyleClass().add("brand");
        Label title = new Label();
        title.getStyleClass().add("header-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            LessonEntry e = vm.selectedProperty().get();
            return e == null ? "" : e.title();
        }, vm.selectedProperty()));
        title.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button smaller = new Button(null, new FontIcon(MaterialDesignF.FORMAT_FONT_SIZE_DECREASE));
        smaller.setTooltip(new Tooltip("Smaller text (Ctrl+Minus)"));
        smaller.setOnAction(e -> stepFont(-1));
        smaller.setId("smallerText");
        Button larger = new Button(null, new FontIcon(MaterialDesignF.FORMAT_FONT_SIZE_INCREASE));
        larger.setTooltip(new Tooltip("Larger text for a projector (Ctrl+Plus)"));
        larger.setOnAction(e -> stepFont(+1));
        larger.setId("largerText");
        smaller.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        larger.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Button next = new Button("Next lesson", new FontIcon(MaterialDesignA.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setId("nextLesson");
        next.setTooltip(new Tooltip("Go to the next lesson (Ctrl+Right or Alt+N)"));
        next.disableProperty().bind(vm.hasNextProperty().not());
        next.setOnAction(e -> vm.nextLesson());
        HBox h = new HBox(12, brand, new Separator(Orientation.VERTICAL), title, spacer, smaller, larger, next);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("app-header");
        return h;
    }

    private Message banner() {
        Message m = new Message("", "", new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        m.getStyleClass().addAll(Styles.DANGER, "error-banner");
        m.setId("errorBanner");
        m.titleProperty().bind(Bindings.createStringBinding(() -> vm.pythonProblemProperty().get() != null
                && vm.pythonProblemProperty().get().equals(vm.run().errorProperty().get())
                ? "Python was not found" : "The run could not start", vm.run().errorProperty(), vm.pythonProblemProperty()));
        m.descriptionProperty().bind(vm.run().errorProperty());
        m.visibleProperty().bind(vm.run().errorProperty().isNotNull());
        m.managedProperty().bind(m.visibleProperty());
        m.setOnClose(e -> vm.run().dismissError());
        return m;
    }

    private HBox toolbar() {
        Button run = new Button("Run", new FontIcon(MaterialDesignP.PLAY));
        run.setId("runButton");
        run.getStyleClass().addAll(Styles.SUCCESS, "run-button");
        run.setDefaultButton(false);
        run.setTooltip(new Tooltip("Run the example as real processes (F5)"));
        run.disableProperty().bind(vm.canRunProperty().not());
        run.setOnAction(e -> vm.runExample());
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("stopButton");
        stop.getStyleClass().addAll(Styles.DANGER, "stop-button");
        stop.setTooltip(new Tooltip("End every process of the run: SIGTERM, then SIGKILL"));
        stop.disableProperty().bind(vm.run().runningProperty().not());
        stop.setOnAction(e -> vm.stop());

        ComboBox<Example> example = new ComboBox<>(vm.examples());
        example.setId("exampleChooser");
        example.valueProperty().bindBidirectional(vm.exampleProperty());
        example.setCellFactory(l -> new ExampleCell());
        example.setButtonCell(new ExampleCell());
        example.setTooltip(new Tooltip("Which program of this lesson Run starts"));
        example.disableProperty().bind(vm.run().runningProperty());
        Label exLabel = new Label("Example");
        exLabel.getStyleClass().add("toolbar-caption");
        HBox exBox = new HBox(6, exLabel, example);
        exBox.setAlignment(Pos.CENTER_LEFT);
        exBox.visibleProperty().bind(Bindings.size(vm.examples()).greaterThan(1));
        exBox.managedProperty().bind(exBox.visibleProperty());

        ComboBox<String> method = new ComboBox<>(javafx.collections.FXCollections.observableList(ShellViewModel.START_METHODS));
        method.setId("startMethod");
        method.valueProperty().bindBidirectional(vm.startMethodProperty());
        method.setTooltip(new Tooltip("How multiprocessing makes each child: Default (the interpreter's own), fork, spawn or forkserver"));
        method.disableProperty().bind(vm.run().runningProperty());
        Label mLabel = new Label("Start method");
        mLabel.getStyleClass().add("toolbar-caption");

        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("run-status");
        status.textProperty().bind(vm.run().statusProperty());
        status.setMinWidth(0);
        vm.run().statusKindProperty().addListener((o, a, k) -> styleStatus(status, k));
        styleStatus(status, vm.run().statusKindProperty().get());
        Label used = new Label();
        used.setId("usedStartMethod");
        used.getStyleClass().add("used-method");
        used.textProperty().bind(Bindings.createStringBinding(() -> vm.run().startMethodsUsedProperty().get().isEmpty()
                ? "" : "used: " + vm.run().startMethodsUsedProperty().get(), vm.run().startMethodsUsedProperty()));
        used.visibleProperty().bind(vm.run().startMethodsUsedProperty().isNotEmpty());
        used.managedProperty().bind(used.visibleProperty());
        used.setTooltip(new Tooltip("The start method the program's children really used"));
        used.setMinWidth(Region.USE_PREF_SIZE);

        HBox bar = new HBox(10, run, stop, new Separator(Orientation.VERTICAL), exBox, mLabel, method, used,
                new Separator(Orientation.VERTICAL), status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("run-toolbar");
        return bar;
    }

    private static void styleStatus(Label status, RunViewModel.StatusKind k) {
        status.getStyleClass().removeAll("idle", "running", "ok", "stopped", "error");
        status.getStyleClass().add(k.name().toLowerCase(java.util.Locale.ROOT));
        status.setGraphic(new FontIcon(switch (k) {
            case RUNNING -> MaterialDesignP.PLAY_CIRCLE;
            case OK -> MaterialDesignC.CHECK_CIRCLE;
            case STOPPED -> MaterialDesignS.STOP_CIRCLE;
            case ERROR -> MaterialDesignA.ALERT_CIRCLE;
            case IDLE -> MaterialDesignC.CIRCLE_OUTLINE;
        }));
    }

    private static Label paneHeader(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static final class ExampleCell extends ListCell<Example> {
        @Override
        protected void updateItem(Example e, boolean empty) {
            super.updateItem(e, empty);
            setText(empty || e == null ? null : e.file().getFileName() + (e.title() != null ? " — " + e.title() : ""));
        }
    }

    // ------------------------------------------------------------------ keys and text size

    private void keys(KeyEvent e) {
        boolean next = (e.isShortcutDown() && e.getCode() == KeyCode.RIGHT) || (e.isAltDown() && e.getCode() == KeyCode.N);
        if (next) {
            vm.nextLesson();
            e.consume();
        } else if (e.getCode() == KeyCode.F5 || (e.isShortcutDown() && e.getCode() == KeyCode.R)) {
            vm.runExample();
            e.consume();
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.ADD)) {
            stepFont(+1);
            e.consume();
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            stepFont(-1);
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.run().selectedPidProperty().get() != null) {
            vm.run().selectedPidProperty().set(null);
            e.consume();
        }
    }

    private void stepFont(int d) {
        fontIndex = Math.max(0, Math.min(FONT_SIZES.length - 1, fontIndex + d));
        applyFont();
    }

    private void applyFont() {
        setStyle("-fx-font-size: " + FONT_SIZES[fontIndex] + "px;");
    }

    // ------------------------------------------------------------------ for tests

    /** The window's state. */
    public ShellViewModel viewModel() {
        return vm;
    }

    /** The timeline control. */
    public Timeline timeline() {
        return timeline;
    }

    /** The process table view. */
    public ProcessTableView processTable() {
        return table;
    }

    /** The console view. */
    public ConsoleView console() {
        return console;
    }

    /** The lesson list. */
    public LessonListView lessonList() {
        return lessonList;
    }

    /** Whether {@code e} is a lesson with something to run. */
    static boolean runnable(LessonEntry e) {
        return e instanceof Lesson l && l.example() != null;
    }
}
