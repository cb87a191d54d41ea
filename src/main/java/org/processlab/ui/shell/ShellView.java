package org.processlab.ui.shell;

import java.nio.file.Path;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
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

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import org.processlab.lesson.Example;
import org.processlab.lesson.LessonEntry;
import org.processlab.ui.console.ConsoleRow;
import org.processlab.ui.console.ConsoleView;
import org.processlab.ui.fx.Background;
import org.processlab.ui.fx.CappedScrollPane;
import org.processlab.ui.fx.RunFrame;
import org.processlab.ui.lesson.LessonListView;
import org.processlab.ui.lesson.LessonPageView;
import org.processlab.ui.lesson.PredictionView;
import org.processlab.ui.processes.ProcessRow;
import org.processlab.ui.processes.ProcessTableView;
import org.processlab.ui.timeline.TimeRange;
import org.processlab.ui.timeline.Timeline;

/**
 * The main window's content: a header (title, text size, next lesson), the lesson list and the lesson page on
 * the left, and on the right the prediction card, the error banner, the run toolbar (Run, Stop, example, start
 * method, status) and the three live views of the run: timeline on top, process table and console below.
 *
 * <p>Above the timeline, a bar for time navigation and export: replay (play/pause, speed from 1× to 0.01× or "the
 * whole run in N seconds"), zoom out / in, fit the run, follow now (while live), and Export: the run as a Chrome
 * trace for Perfetto, the timeline as a PNG. Exports ask where to save with a file dialog, unless the system property
 * {@code processlab.exportDir} names a folder: then they go there ({@link #exportTrace()}, {@link #exportTimelinePng()}).
 *
 * <p>Keys: Ctrl+Right or Alt+N next lesson, Ctrl+L shows or hides the lesson list, F5 or Ctrl+R Run, Esc clears the selected process,
 * Ctrl+Plus / Ctrl+Minus text size; on the timeline, + / - zoom, 0 fits, arrows pan, Space plays or pauses a replay.
 *
 * <p>Threading: FX thread only.
 */
public final class ShellView extends BorderPane {
    /** Base font sizes (px) the text-size buttons step through; the first larger than AtlantaFX's 14 px. */
    static final double[] FONT_SIZES = {13, 15, 17, 19, 22, 25, 28};
    private static final int DEFAULT_FONT = 1;

    private final ShellViewModel vm;
    private final Timeline timeline = new Timeline();
    private final org.processlab.ui.lesson.WideCodeView wideCode = new org.processlab.ui.lesson.WideCodeView();
    private final LessonListView lessonList;
    private final LessonPageView page;
    private final ProcessTableView table;
    private final ConsoleView console;
    private int fontIndex = DEFAULT_FONT;
    private int fittedLanes = -1;
    private HBox timelineBar;
    private final MenuButton exportMenu = new MenuButton("Export");
    private final Label exportMessage = new Label();
    private final javafx.animation.PauseTransition exportMessageTimeout =
            new javafx.animation.PauseTransition(javafx.util.Duration.seconds(8));
    /** Shows or hides the lesson list; it follows the window's width until the user uses it. */
    private final ToggleButton lessonsToggle = new ToggleButton();
    private boolean lessonsChosenByHand;
    /** Below this width (in em of the current text size) the lesson list starts hidden, to leave the page room. */
    static final double NARROW_WINDOW_EM = 84;

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
        vm.loadedProperty().addListener((o, a, loaded) -> {
            if (loaded && vm.lessons().isEmpty()) {
                Label none = new Label("No lessons in " + vm.lessonsRoot() + ". Start ProcessLab with --lessons DIR.");
                none.setWrapText(true);
                none.setPadding(new javafx.geometry.Insets(12));
                lessonList.setPlaceholder(none);
            }
        });
        lessonList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        page = new LessonPageView(vm::source, vm::nextLesson, vm.prediction().settledProperty());
        vm.selectedProperty().addListener((o, a, b) -> {
            if (lessonList.getSelectionModel().getSelectedItem() != b) {
                lessonList.getSelectionModel().select(b);
                lessonList.scrollTo(b);
            }
            page.show(b, vm.hasNextProperty().get());
        });

        table = new ProcessTableView(vm.run().table());
        table.setEm(FONT_SIZES[fontIndex]);
        console = new ConsoleView(vm.run().console());
        wireRunViews();

        setTop(header());
        VBox lessonBox = new VBox(paneHeader("Lessons"), lessonList);
        lessonBox.getStyleClass().add("lesson-list-box");
        VBox.setVgrow(lessonList, Priority.ALWAYS);
        timelineBar = timelineBar();
        // the export message floats over the timeline's top right corner for a few seconds
        javafx.scene.layout.StackPane timelineStack = new javafx.scene.layout.StackPane(timeline, exportMessage);
        timelineStack.setPickOnBounds(false);
        javafx.scene.layout.StackPane.setAlignment(exportMessage, Pos.TOP_RIGHT);
        javafx.scene.layout.StackPane.setMargin(exportMessage, new javafx.geometry.Insets(42, 22, 0, 0));
        VBox.setVgrow(timelineStack, Priority.ALWAYS);
        VBox timelineBox = new VBox(timelineBar, timelineStack);
        timelineBox.getStyleClass().add("timeline-box");
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setId("timeline");
        timeline.setMinHeight(120);
        SplitPane views = new SplitPane(timelineBox, table, console);
        // Each view may be squeezed below its least height on a short run side (1024x768, large text); it is cut at
        // its own bottom edge then. With their least heights counted, SplitPane drew the first view over the toolbar.
        for (Region v : List.of(timelineBox, table, console)) {
            v.setMinHeight(0);
            javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
            clip.widthProperty().bind(v.widthProperty());
            clip.heightProperty().bind(v.heightProperty());
            v.setClip(clip);
        }
        views.setOrientation(Orientation.VERTICAL);
        views.setDividerPositions(0.42, 0.66);
        // the views' heights follow the number of lanes (not every change of a lane's texts)
        timeline.getLanes().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            if (c.getList().size() != fittedLanes) {
                fittedLanes = c.getList().size();
                fitViews(views, timelineBox);
            }
        });
        views.heightProperty().addListener((o, a, b) -> fitViews(views, timelineBox));
        views.getStyleClass().add("run-views");
        PredictionView prediction = new PredictionView(vm.prediction());
        CappedScrollPane card = new CappedScrollPane(prediction);
        card.getStyleClass().add("prediction-scroll");
        card.visibleProperty().bind(prediction.visibleProperty());
        card.managedProperty().bind(prediction.managedProperty());
        HBox banner = banner();
        VBox toolbar = toolbar();
        VBox right = new VBox(card, banner, toolbar, views);
        // The reveal may be long: it scrolls (at most 27 % of the height) rather than squeezing the table and the
        // console away: after a run at 1440x900 they showed 1 row and 1 line at 38 %. On a short run side (1024x768,
        // large text) it gets what the views leave above their minimum (viewsMinHeight), down to its first line (the
        // verdict; the rest scrolls). The question comes before any run, while the views are empty: it may take up to
        // 60 %, so every choice shows.
        card.capProperty().bind(Bindings.createDoubleBinding(() -> {
            double h = right.getHeight();
            double em = FONT_SIZES[fontIndex];
            double above = toolbar.getHeight() + (banner.isManaged() ? banner.getHeight() : 0);
            if (vm.prediction().revealProperty().get() == null) {
                // before a run the views are empty: they may shrink to little more than their titles
                return Math.max(2.6 * em, Math.min(0.6 * h, h - above - 8 * em));
            }
            return Math.max(2.6 * em, Math.min(0.27 * h, h - above - viewsMinHeight(views)));
        }, right.heightProperty(), toolbar.heightProperty(), banner.heightProperty(), banner.managedProperty(),
                vm.prediction().revealProperty(), styleProperty(), timelineBar.heightProperty()));
        right.getStyleClass().add("run-side");
        VBox.setVgrow(views, Priority.ALWAYS);
        SplitPane main = new SplitPane(lessonBox, page, right);
        main.setDividerPositions(0.145, 0.43);
        main.getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(lessonBox, false);
        // a code block's "whole code" button shows the code over both sides, wide and large
        javafx.scene.layout.StackPane center = new javafx.scene.layout.StackPane(main, wideCode);
        addEventHandler(org.processlab.ui.lesson.WideCodeEvent.SHOW, e -> {
            LessonEntry lesson = vm.selectedProperty().get();
            String heading = e.title() != null ? e.title()
                    : lesson instanceof org.processlab.lesson.Lesson l ? "Lesson " + l.order() + ": " + l.title() : "Code";
            wideCode.show(heading, e.code(), e.language(), e.getTarget() instanceof javafx.scene.Node n ? n : null);
            e.consume();
        });
        vm.selectedProperty().addListener((o, a, b) -> wideCode.hide());
        setCenter(center);
        wireLessonsToggle(main, lessonBox);

        addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
        warmUpWhenShown();
    }

    private final javafx.beans.property.ReadOnlyBooleanWrapper warmedUp =
            new javafx.beans.property.ReadOnlyBooleanWrapper(this, "warmedUp");

    /**
     * True once the run views have been rehearsed ({@link RunViewsWarmUp}), which starts {@link RunViewsWarmUp#DELAY_MS}
     * after the window first shows (skipped when a run has begun by then); true from the start with
     * {@code -Dprocesslab.warmUp=false}, which skips it.
     */
    public javafx.beans.property.ReadOnlyBooleanProperty warmedUpProperty() {
        return warmedUp.getReadOnlyProperty();
    }

    /**
     * Makes the table's and the console's own cells before the first run: they show {@code rows} and {@code lines}
     * (the rehearsal's), are laid out, and get their own items back, all in this one FX task, so no frame ever shows
     * them. The lists keep the cells they made and reuse them for the first run's rows (as they do from one run to
     * the next), instead of making them in the run's first frames (FxBench: 70–80 ms of FX thread CPU in one frame).
     */
    private void primeCells(List<ProcessRow> rows, List<ConsoleRow> lines) {
        TableView<ProcessRow> t = table.table();
        ObservableList<ProcessRow> ownRows = t.getItems();
        ListView<ConsoleRow> c = console.list();
        ObservableList<ConsoleRow> ownLines = c.getItems();
        t.setItems(FXCollections.observableArrayList(rows));
        c.setItems(FXCollections.observableArrayList(lines));
        t.applyCss();
        t.layout();
        c.applyCss();
        c.layout();
        t.setItems(ownRows);
        c.setItems(ownLines);
        t.layout();
        c.layout();
    }

    private void warmUpWhenShown() {
        if (!Boolean.parseBoolean(System.getProperty("processlab.warmUp", "true"))) {
            warmedUp.set(true);
            return;
        }
        javafx.animation.PauseTransition wait =
                new javafx.animation.PauseTransition(javafx.util.Duration.millis(RunViewsWarmUp.DELAY_MS));
        wait.setOnFinished(e -> {
            if (vm.run().model() != null) {
                warmedUp.set(true);     // a run came first: its own frames have readied the views
            } else {
                RunViewsWarmUp.play(getStylesheets(), getStyle(), w -> {
                    if (vm.run().model() == null) {
                        primeCells(w.tableModel().rows(), w.consoleModel().allRows());
                    }
                    warmedUp.set(true);
                });
            }
        });
        javafx.beans.value.ObservableValue<Boolean> showing = sceneProperty().flatMap(javafx.scene.Scene::windowProperty)
                .flatMap(javafx.stage.Window::showingProperty).orElse(false);
        if (showing.getValue()) {
            wait.play();
            return;
        }
        showing.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    wait.play();
                }
            }
        });
    }

    /**
     * The lesson list goes out of the split (the page and the run side share the room) and comes back at its old
     * width. Until the user presses the toggle, a window narrower than {@link #NARROW_WINDOW_EM} em hides it.
     */
    private void wireLessonsToggle(SplitPane main, VBox lessonBox) {
        double[] listShare = {main.getDividerPositions()[0]};
        lessonsToggle.setSelected(true);
        lessonsToggle.selectedProperty().addListener((o, was, show) -> {
            double[] d = main.getDividerPositions();
            if (show && !main.getItems().contains(lessonBox)) {
                // the page keeps its width (it is what the user reads) while the run side can give the list its
                // room and keep 45 % of the window (or its least width); else the page gives the rest
                double w = main.getWidth();
                double pageShare = d.length > 0 ? d[0] : 0.33;
                double second = listShare[0] + (1 - listShare[0]) * pageShare;
                if (w > 0) {
                    javafx.scene.Node runSide = main.getItems().get(main.getItems().size() - 1);
                    double runLeast = Math.max(0.45 * w, runSide.minWidth(-1) + 8);
                    second = Math.max(second, Math.min(listShare[0] + pageShare, 1 - runLeast / w));
                }
                main.getItems().add(0, lessonBox);
                main.setDividerPositions(listShare[0], second);
                LessonEntry current = vm.selectedProperty().get();
                if (current != null) {
                    // back in view, the list shows where the user is: once it has its size again (a list laid out
                    // with no height cannot scroll, and a list laid out again keeps its old scroll position), on the
                    // next pulses that find it with a height (a fixed 40 ms wait was too short on a busy machine)
                    new javafx.animation.AnimationTimer() {
                        private int scrolled;
                        private long first = -1;

                        @Override
                        public void handle(long now) {
                            first = first < 0 ? now : first;
                            if (lessonList.getHeight() > 0 && lessonList.getScene() != null) {
                                lessonList.scrollTo(current);
                                scrolled++;
                            }
                            if (scrolled >= 3 || now - first > 2_000_000_000L) {
                                stop();
                            }
                        }
                    }.start();
                }
            } else if (!show && main.getItems().contains(lessonBox)) {
                listShare[0] = d[0];
                double pageShare = (d[1] - d[0]) / (1 - d[0]);
                main.getItems().remove(lessonBox);
                main.setDividerPositions(pageShare);
            }
        });
        lessonsToggle.setOnAction(e -> lessonsChosenByHand = true);
        widthProperty().addListener((o, a, w) -> fitLessonList());
        styleProperty().addListener((o, a, b) -> fitLessonList());
    }

    private void fitLessonList() {
        if (!lessonsChosenByHand && getWidth() > 0) {
            lessonsToggle.setSelected(getWidth() >= NARROW_WINDOW_EM * FONT_SIZES[fontIndex]);
        }
    }

    /**
     * What the three views need, in px: the timeline box (its bar, axis and lanes, with the legend when it fits) at
     * best and at least (bar, axis, two lanes); the table with its rows (3 to 8) and at least two; the console's title
     * and two lines.
     */
    private record ViewHeights(double tlNeed, double tlMin, double tbNeed, double tbMin, double conMin) {
    }

    private ViewHeights viewHeights(double width) {
        double em = FONT_SIZES[fontIndex];
        double bar = timelineBar.getHeight() > 0 ? timelineBar.getHeight() : timelineBar.prefHeight(width);
        double tlNeed = 4 + bar + timeline.prefHeight(width);
        double tlMin = Math.min(tlNeed, 4 + bar + timeline.minHeight(width));
        int rows = Math.max(3, Math.min(8, table.table().getItems().size()));
        double tbHead = em * 2.2 + em * 2.4 + 8;
        return new ViewHeights(tlNeed, tlMin, tbHead + rows * em * 2.2, tbHead + 2 * em * 2.2,
                em * 2.4 + 2 * em * 1.9 + 8);
    }

    /** The least height the views need to show two lanes, two table rows and two console lines (px). */
    private double viewsMinHeight(SplitPane views) {
        ViewHeights v = viewHeights(views.getWidth() > 0 ? views.getWidth() : -1);
        return v.tlMin() + v.tbMin() + v.conMin() + 12;
    }

    /**
     * Gives the timeline the height its lanes need (between a quarter and 60 % of the views), the table room for
     * its rows (at most up to 80 %), and the console the rest. When the views are short (a small screen, large
     * text), the table's title, header and two rows and the console's title and two lines come before the timeline's
     * room beyond its own minimum (its bar, axis and two lanes). Called when the number of lanes or the height
     * changes. Heights in px, from the text size (the table's rows are 2.2 em, the console's lines 1.9 em).
     */
    private void fitViews(SplitPane views, VBox timelineBox) {
        double h = views.getHeight();
        if (h < 150) {
            return;
        }
        ViewHeights v = viewHeights(timelineBox.getWidth() > 0 ? timelineBox.getWidth() : -1);
        double tl = Math.max(Math.max(v.tlMin(), 0.25 * h), Math.min(0.6 * h, v.tlNeed()));
        tl = Math.max(v.tlMin(), Math.min(tl, h - v.tbMin() - v.conMin()));
        double tb = Math.max(0.12 * h, Math.min(v.tbNeed(), 0.8 * h - tl));
        tb = Math.max(Math.min(tb, h - tl - v.conMin()), Math.min(v.tbMin(), h - tl));
        views.setDividerPositions(tl / h, (tl + tb) / h);
    }

    private void wireRunViews() {
        RunViewModel run = vm.run();
        timeline.paletteProperty().bind(run.paletteProperty());
        table.paletteProperty().bind(run.paletteProperty());
        console.paletteProperty().bind(run.paletteProperty());
        timeline.selectedPidProperty().bindBidirectional(run.selectedPidProperty());
        timeline.cursorTimeProperty().bindBidirectional(run.cursorTimeProperty());
        timeline.replayingProperty().bind(run.replay().activeProperty());
        table.setOnBackToEnd(run::backToEndOfRun);
        // a replay in a zoomed view pans along with the cursor
        run.cursorTimeProperty().addListener((o, a, b) -> keepCursorInView(b.longValue()));
        table.selectedPidProperty().bindBidirectional(run.selectedPidProperty());
        run.console().filterPidProperty().bind(run.selectedPidProperty());
        run.addResetListener(() -> {
            timeline.setSnapshot(null);
            timeline.clearOutput();
            timeline.fitAll();
        });
        run.frameProperty().addListener((o, a, f) -> feed(f));
    }

    private org.processlab.model.OutputLog tickTexts;

    private void keepCursorInView(long cursor) {
        if (cursor < 0 || !vm.run().replay().playingProperty().get() || timeline.followProperty().get()) {
            return;
        }
        TimeRange r = timeline.getVisibleRange();
        if (r != null && !r.contains(cursor)) {
            timeline.showRange(r.shift(cursor - r.from() - r.span() / 10));
        }
    }

    private void feed(RunFrame f) {
        if (f == null) {
            return;
        }
        if (f.output() != tickTexts) {
            org.processlab.model.OutputLog log = f.output();
            tickTexts = log;
            timeline.setOutputText(n -> n >= 0 && n < log.size() ? log.get(n).text() : "");
        }
        timeline.nowProperty().set(f.nowMicros());
        // a tick for every line, also those a flood kept out of the console (ticks are drawn, not nodes)
        timeline.addOutput(f.skippedMarks());
        timeline.addOutput(f.firstLine(), f.newLines());
        if (f.changed()) {
            timeline.setSnapshot(f.snapshot());
        }
        // The lists lay out their cells now, before this pulse's CSS pass. A cell that changes its index or its
        // look while being laid out asks for CSS up to the scene's root; after the CSS pass, that left the root on
        // JavaFX's dirty list for the next pulse, whose repaint then had no dirty region and painted the whole
        // window (one extra full repaint per frame: -Djavafx.pulseLogger=true, FxBench).
        table.table().layout();
        console.list().layout();
    }


    // ------------------------------------------------------------------ the timeline's bar

    /** "Timeline", then replay, zoom and export controls (wrapping onto a second row when the pane is narrow). */
    private HBox timelineBar() {
        RunViewModel run = vm.run();
        ReplayViewModel replay = run.replay();
        Label title = new Label("Timeline");
        title.getStyleClass().add("pane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);

        Button play = new Button();
        play.setId("replayButton");
        play.getStyleClass().addAll("small", "replay-button");
        play.textProperty().bind(Bindings.when(replay.playingProperty()).then("Pause").otherwise("Replay"));
        play.graphicProperty().bind(Bindings.createObjectBinding(() -> new FontIcon(replay.playingProperty().get()
                ? MaterialDesignP.PAUSE : MaterialDesignP.PLAY), replay.playingProperty()));
        play.setTooltip(new Tooltip("Replay the finished run slowly: the timeline, the table and the console show "
                + "each moment in turn (Space on the timeline plays or pauses)"));
        play.disableProperty().bind(replay.availableProperty().not());
        play.setOnAction(e -> replay.toggle());
        play.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<ReplaySpeed> speed = new ComboBox<>(FXCollections.observableList(ReplaySpeed.CHOICES));
        speed.setId("replaySpeed");
        speed.getStyleClass().add("small");
        speed.valueProperty().bindBidirectional(replay.speedProperty());
        speed.setTooltip(new Tooltip("Replay speed: 0.1× makes 1 ms of the run last 10 ms; "
                + "\"whole run in N s\" stretches the whole run over N seconds"));
        speed.disableProperty().bind(replay.availableProperty().not());
        speed.setMinWidth(60);
        Spinner<Integer> seconds = new Spinner<>(1, 600, (int) Math.round(replay.wholeRunSecondsProperty().get()));
        seconds.setId("replaySeconds");
        seconds.setEditable(true);
        seconds.getStyleClass().add("small");
        seconds.setMinWidth(Region.USE_PREF_SIZE);
        seconds.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                replay.wholeRunSecondsProperty().set(b);
            }
        });
        seconds.setTooltip(new Tooltip("N: how many seconds the whole replay takes"));
        Label secondsUnit = new Label("s");
        secondsUnit.getStyleClass().add("toolbar-caption");
        HBox whole = new HBox(4, seconds, secondsUnit);
        whole.setAlignment(Pos.CENTER_LEFT);
        whole.visibleProperty().bind(Bindings.createBooleanBinding(() -> speed.getValue() != null
                && speed.getValue().wholeRun(), speed.valueProperty()));
        whole.managedProperty().bind(whole.visibleProperty());
        whole.disableProperty().bind(replay.availableProperty().not());

        Button zoomOut = iconButton("zoomOut", MaterialDesignM.MAGNIFY_MINUS_OUTLINE, "Zoom out (- or Ctrl+wheel)");
        zoomOut.setOnAction(e -> timeline.zoomOut());
        Button zoomIn = iconButton("zoomIn", MaterialDesignM.MAGNIFY_PLUS_OUTLINE,
                "Zoom in (+ or Ctrl+wheel); drag with Shift or the right button, or use the arrow keys, to pan");
        zoomIn.setOnAction(e -> timeline.zoomIn());
        Button fit = iconButton("fitAll", MaterialDesignA.ARROW_EXPAND_HORIZONTAL, "Fit the whole run (0)");
        fit.setOnAction(e -> timeline.fitAll());
        ToggleButton follow = new ToggleButton("Follow");
        follow.setId("followNow");
        follow.getStyleClass().add("small");
        follow.setTooltip(new Tooltip("While the run is live, keep \"now\" in view"));
        follow.selectedProperty().bindBidirectional(timeline.followProperty());
        follow.visibleProperty().bind(run.runningProperty());
        follow.managedProperty().bind(follow.visibleProperty());
        follow.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {zoomOut, zoomIn, fit}) {
            b.disableProperty().bind(timeline.snapshotProperty().isNull());
        }

        exportMenu.setId("exportMenu");
        exportMenu.setGraphic(new FontIcon(MaterialDesignE.EXPORT));
        exportMenu.getStyleClass().add("small");
        exportMenu.setMinWidth(Region.USE_PREF_SIZE);
        MenuItem trace = new MenuItem("Save trace (Perfetto)…", new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
        trace.setId("exportTrace");
        trace.setOnAction(e -> exportTrace());
        MenuItem png = new MenuItem("Save timeline PNG…", new FontIcon(MaterialDesignI.IMAGE_OUTLINE));
        png.setId("exportPng");
        png.setOnAction(e -> exportTimelinePng());
        exportMenu.getItems().setAll(trace, png);
        exportMenu.disableProperty().bind(timeline.snapshotProperty().isNull());
        exportMenu.setTooltip(new Tooltip("Save the run as a Chrome trace (open it at ui.perfetto.dev) or the timeline as a picture"));
        exportMessage.setId("exportMessage");
        exportMessage.getStyleClass().add("export-message");
        exportMessage.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        exportMessage.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE));
        exportMessage.setVisible(false);
        exportMessageTimeout.setOnFinished(e -> exportMessage.setVisible(false));

        HBox replayBox = new HBox(6, play, speed, whole);
        replayBox.setAlignment(Pos.CENTER_LEFT);
        // a replay needs a finished run: while one is live, its place goes to Follow
        replayBox.visibleProperty().bind(run.runningProperty().not());
        replayBox.managedProperty().bind(replayBox.visibleProperty());
        HBox zoomBox = new HBox(2, zoomOut, zoomIn, fit, follow);
        zoomBox.setAlignment(Pos.CENTER_LEFT);
        // one row while it fits (Export at the right end); on a narrow run side or with large text the groups wrap
        // onto more rows rather than make the run side wider than the window allows (at 1024 px with the text three
        // steps up, one row needed 817 px and squeezed the lesson page to 180 px)
        javafx.scene.layout.FlowPane groups = new javafx.scene.layout.FlowPane(18, 4, replayBox, zoomBox, exportMenu);
        groups.setAlignment(Pos.CENTER_RIGHT);
        groups.setRowValignment(javafx.geometry.VPos.CENTER);
        groups.setMinWidth(0);
        groups.setPrefWrapLength(10);
        HBox.setHgrow(groups, Priority.ALWAYS);
        HBox bar = new HBox(8, title, groups);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().addAll("pane-header", "timeline-bar");
        return bar;
    }

    private static Button iconButton(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "small");
        b.setTooltip(new Tooltip(tip));
        return b;
    }

    // ------------------------------------------------------------------ export

    /**
     * Saves the run as Chrome Trace Event JSON: to {@code processlab.exportDir} when that property is set, else
     * where a file dialog says. Written in the background; the bar says where it went.
     */
    public void exportTrace() {
        org.processlab.model.RunModel m = vm.run().model();
        if (m == null) {
            return;
        }
        Path target = exportTarget(RunExports.baseName(vm.run().lessonIdProperty().get()) + ".trace.json",
                "Save the run as a trace (open it at ui.perfetto.dev)", "Chrome trace JSON", "*.json");
        if (target == null) {
            return;
        }
        Background.run(() -> {
            try {
                RunExports.writeTrace(m, target);
                return target;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, p -> exported("Trace saved: ", p), this::exportFailed);
    }

    /**
     * Saves the timeline as a PNG (twice its size on screen, sharp on a projector or a slide): to
     * {@code processlab.exportDir} when that property is set, else where a file dialog says.
     */
    public void exportTimelinePng() {
        if (timeline.getSnapshot() == null) {
            return;
        }
        javafx.scene.image.WritableImage img = RunExports.timelineImage(timeline, 2);
        Path target = exportTarget(RunExports.baseName(vm.run().lessonIdProperty().get()) + "-timeline.png",
                "Save the timeline as a picture", "PNG image", "*.png");
        if (target == null) {
            return;
        }
        Background.run(() -> {
            try {
                RunExports.writePng(img, target);
                return target;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, p -> exported("Timeline saved: ", p), this::exportFailed);
    }

    private Path exportTarget(String name, String title, String kind, String pattern) {
        Path dir = RunExports.exportDir();
        if (dir != null) {
            return dir.resolve(name);
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(name);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(kind, pattern));
        Path home = Path.of(System.getProperty("user.home"));
        if (java.nio.file.Files.isDirectory(home)) {
            chooser.setInitialDirectory(home.toFile());
        }
        java.io.File f = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return f == null ? null : f.toPath();
    }

    private void exported(String what, Path file) {
        exportMessage.getStyleClass().remove("error");
        exportMessage.setGraphic(new FontIcon(MaterialDesignC.CHECK_CIRCLE));
        exportMessage.setText(what + file.getFileName());
        exportMessage.setTooltip(new Tooltip(file.toAbsolutePath().toString()));
        exportMessage.setVisible(true);
        exportMessageTimeout.playFromStart();
    }

    private void exportFailed(Throwable e) {
        Throwable c = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (!exportMessage.getStyleClass().contains("error")) {
            exportMessage.getStyleClass().add("error");
        }
        exportMessage.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE));
        exportMessage.setText("Export failed: " + c.getMessage());
        exportMessage.setTooltip(new Tooltip(String.valueOf(c)));
        exportMessage.setVisible(true);
        exportMessageTimeout.playFromStart();
    }

    /** The button that shows or hides the lesson list (selected: shown). */
    public ToggleButton lessonsToggle() {
        return lessonsToggle;
    }

    /** The Export menu (its items fire the export actions). */
    public MenuButton exportMenu() {
        return exportMenu;
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
        larger.disableProperty().bind(Bindings.createBooleanBinding(
                () -> fontIndex >= FONT_SIZES.length - 1 || !largerFits(fontIndex + 1), widthProperty(), styleProperty()));

        smaller.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        larger.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        Button next = new Button("Next lesson", new FontIcon(MaterialDesignA.ARROW_RIGHT));
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.setId("nextLesson");
        next.setTooltip(new Tooltip("Go to the next lesson (Ctrl+Right or Alt+N)"));
        next.disableProperty().bind(vm.hasNextProperty().not());
        next.setOnAction(e -> vm.nextLesson());
        lessonsToggle.setId("lessonsToggle");
        lessonsToggle.setGraphic(new FontIcon(MaterialDesignF.FORMAT_LIST_BULLETED));
        lessonsToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        lessonsToggle.setTooltip(new Tooltip("Show or hide the lesson list (Ctrl+L)"));
        HBox h = new HBox(12, lessonsToggle, brand, new Separator(Orientation.VERTICAL), title, spacer, smaller, larger, next);
        h.setAlignment(Pos.CENTER_LEFT);
        h.getStyleClass().add("app-header");
        return h;
    }

    /** The error banner: what went wrong and what to do (e.g. how to get Python). Closable. */
    private HBox banner() {
        FontIcon icon = new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        icon.getStyleClass().add("error-banner-icon");
        Label title = new Label();
        title.setId("errorTitle");
        title.getStyleClass().add("error-banner-title");
        title.textProperty().bind(vm.run().errorTitleProperty());
        Label message = new Label();
        message.setId("errorMessage");
        message.getStyleClass().add("error-banner-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.run().errorProperty());
        // the "Python field" the how-to message speaks of: shown while Python is missing
        javafx.scene.control.TextField path = new javafx.scene.control.TextField();
        path.setId("pythonField");
        path.setPromptText("/usr/bin/python3");
        path.setPrefColumnCount(22);
        Button use = new Button("Use this Python");
        use.setId("usePython");
        use.setOnAction(e -> vm.usePython(path.getText()));
        path.setOnAction(e -> vm.usePython(path.getText()));
        Label pyLabel = new Label("Python");
        pyLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox pyRow = new HBox(8, pyLabel, path, use);
        pyRow.setAlignment(Pos.CENTER_LEFT);
        pyRow.visibleProperty().bind(vm.pythonProblemProperty().isNotNull());
        pyRow.managedProperty().bind(pyRow.visibleProperty());
        VBox texts = new VBox(3, title, message, pyRow);
        HBox.setHgrow(texts, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        close.setTooltip(new Tooltip("Hide this message"));
        close.setOnAction(e -> vm.run().dismissError());
        HBox b = new HBox(12, icon, texts, close);
        b.setAlignment(Pos.TOP_LEFT);
        b.setId("errorBanner");
        b.getStyleClass().add("error-banner");
        b.setMinHeight(Region.USE_PREF_SIZE);
        b.visibleProperty().bind(vm.run().errorProperty().isNotNull());
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }

    private VBox toolbar() {
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
        run.setMinWidth(Region.USE_PREF_SIZE);
        stop.setMinWidth(Region.USE_PREF_SIZE);

        ComboBox<Example> example = new ComboBox<>(vm.examples());
        example.setId("exampleChooser");
        example.valueProperty().bindBidirectional(vm.exampleProperty());
        example.setCellFactory(l -> new ExampleCell());
        example.setButtonCell(new ExampleCell());
        example.setTooltip(new Tooltip("Which program of this lesson Run starts"));
        example.disableProperty().bind(vm.run().runningProperty());
        Label exLabel = new Label("Example");
        exLabel.getStyleClass().add("toolbar-caption");
        exLabel.setMinWidth(Region.USE_PREF_SIZE);

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
        mLabel.setMinWidth(Region.USE_PREF_SIZE);
        method.setMinWidth(Region.USE_PREF_SIZE);

        Label status = new Label();
        status.setId("status");
        status.getStyleClass().add("run-status");
        status.textProperty().bind(vm.run().statusProperty());
        status.setMinWidth(0);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(status.textProperty());
        statusTip.setWrapText(true);
        statusTip.setMaxWidth(600);
        status.setTooltip(statusTip);
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
        // A run that turned busy was lowered below the window: its later times may be stretched, so say so.
        Label lowered = new Label();
        lowered.setId("priorityNote");
        lowered.getStyleClass().add("priority-note");
        lowered.setGraphic(new FontIcon(MaterialDesignS.SPEEDOMETER_SLOW));
        Tooltip loweredTip = new Tooltip();
        loweredTip.setWrapText(true);
        loweredTip.setMaxWidth(520);
        lowered.setTooltip(loweredTip);
        vm.run().priorityLoweredProperty().addListener((o, a, l) -> {
            if (l == null) {
                return;
            }
            // the frame just shown (a fresh snapshot of a 256-process run is not free on the FX thread)
            RunFrame shown = vm.run().frameProperty().get();
            long started = shown == null ? -1 : shown.snapshot().startedAt();
            double at = started < 0 ? 0 : Math.max(0, (l.t() - started) / 1e6);
            lowered.setText(String.format(java.util.Locale.ROOT, "lowered at %.2f s", at));
            loweredTip.setText("This run turned busy (" + l.reason() + "), so ProcessLab lowered its priority "
                    + l.steps() + " steps (nice) to keep the window drawing. On a busy computer, its times after "
                    + String.format(java.util.Locale.ROOT, "%.2f s", at) + " may be stretched. The CLI lowers a run only when given --nice.");
        });
        lowered.visibleProperty().bind(vm.run().priorityLoweredProperty().isNotNull());
        lowered.managedProperty().bind(lowered.visibleProperty());
        lowered.setMinWidth(Region.USE_PREF_SIZE);

        // A runaway program is stopped after this long: off by default, for a class that tries anything.
        javafx.scene.control.MenuButton limit = new javafx.scene.control.MenuButton();
        limit.setId("timeLimit");
        limit.setGraphic(new FontIcon(MaterialDesignT.TIMER_OUTLINE));
        limit.setTooltip(new Tooltip("Time limit: end the whole run (every process) after this long"));
        javafx.scene.control.ToggleGroup limits = new javafx.scene.control.ToggleGroup();
        for (Integer secs : ShellViewModel.TIME_LIMITS) {
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(
                    secs == null ? "No time limit" : "Stop after " + limitText(secs));
            item.setId("timeLimit-" + (secs == null ? "off" : secs));
            item.setToggleGroup(limits);
            item.setSelected(java.util.Objects.equals(secs, vm.timeLimitProperty().get()));
            item.setOnAction(ev -> vm.timeLimitProperty().set(secs));
            limit.getItems().add(item);
        }
        limit.textProperty().bind(Bindings.createStringBinding(() -> vm.timeLimitProperty().get() == null ? "no limit"
                : limitText(vm.timeLimitProperty().get()), vm.timeLimitProperty()));
        limit.disableProperty().bind(vm.run().runningProperty());
        limit.setMinWidth(Region.USE_PREF_SIZE);

        // Groups that wrap onto more lines when the window is narrow or the text large, so the status is never cut
        // and the run side never needs more width than the window has.
        HBox runStop = new HBox(10, run, stop);
        HBox methodBox = new HBox(10, mLabel, method);
        HBox limitBox = new HBox(10, limit, used, lowered);
        for (HBox g : List.of(runStop, methodBox, limitBox)) {
            g.setAlignment(Pos.CENTER_LEFT);
            g.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label methodNote = new Label();
        methodNote.setId("methodNote");
        methodNote.getStyleClass().addAll("method-note", Styles.WARNING);
        methodNote.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
        methodNote.textProperty().bind(Bindings.createStringBinding(() -> {
            Example ex = vm.exampleProperty().get();
            String m = vm.startMethodProperty().get();
            boolean other = ex != null && !"Default".equals(m) && !ex.isMeantFor(m);
            return other ? "This example is meant for " + String.join(", ", ex.startMethods()) + ": under " + m
                    + " it may not show what the lesson says" : "";
        }, vm.exampleProperty(), vm.startMethodProperty()));
        methodNote.visibleProperty().bind(methodNote.textProperty().isNotEmpty());
        methodNote.managedProperty().bind(methodNote.visibleProperty());
        javafx.scene.layout.FlowPane row = new javafx.scene.layout.FlowPane(14, 6, runStop,
                new Separator(Orientation.VERTICAL), methodBox, limitBox, status, methodNote);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(javafx.geometry.VPos.CENTER);
        // the example chooser (lessons with more than one program) gets a row of its own
        example.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(example, Priority.ALWAYS);
        VBox bar = new VBox(6, row, exBox);
        bar.getStyleClass().add("run-toolbar");
        // never squeezed: a squeezed toolbar drew its second row (the Example chooser, the status) under the views
        bar.setMinHeight(Region.USE_PREF_SIZE);
        return bar;
    }

    private static String limitText(int seconds) {
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
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
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.L) {
            lessonsChosenByHand = true;
            lessonsToggle.setSelected(!lessonsToggle.isSelected());
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
        } else if (e.getCode() == KeyCode.SPACE && timeline.isFocused() && vm.run().replay().availableProperty().get()) {
            vm.run().replay().toggle();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && wideCode.showingProperty().get()) {
            wideCode.hide();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && vm.run().selectedPidProperty().get() != null) {
            vm.run().selectedPidProperty().set(null);
            e.consume();
        }
    }

    /**
     * The least width of the window, in ems of its text size, that the text may be made larger for: at 1024 px, 19 px
     * text is the largest at which the question, its choices, the reveal, the table's headers and the views still
     * fit (at 28 px the question was cut at the right edge and the timeline had no height; at 22 px, after a run,
     * the reveal had two lines and the table's headers read "Exi…"). 25 px at 1440.
     */
    static final double LEAST_WIDTH_EM = 52;

    private void stepFont(int d) {
        int to = Math.max(0, Math.min(FONT_SIZES.length - 1, fontIndex + d));
        if (d > 0 && !largerFits(to)) {
            return;
        }
        fontIndex = to;
        applyFont();
    }

    private boolean largerFits(int index) {
        return getWidth() <= 0 || getWidth() >= LEAST_WIDTH_EM * FONT_SIZES[index];
    }

    private void applyFont() {
        setStyle("-fx-font-size: " + FONT_SIZES[fontIndex] + "px;");
        if (table != null) {
            table.setEm(FONT_SIZES[fontIndex]);
        }
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

    /** The view that shows a code block wide and large. */
    public org.processlab.ui.lesson.WideCodeView wideCode() {
        return wideCode;
    }
}
