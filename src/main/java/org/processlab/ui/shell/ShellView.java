package org.processlab.ui.shell;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.processlab.lesson.LessonEntry;
import org.processlab.lesson.OwnProgram;
import org.processlab.ui.console.ConsoleView;
import org.processlab.ui.lesson.LessonListView;
import org.processlab.ui.lesson.PredictionView;
import org.processlab.ui.lesson.WideCodeView;
import org.processlab.ui.processes.ProcessTableView;
import org.processlab.ui.shell.banner.ErrorBannerView;
import org.processlab.ui.shell.compare.CompareOffer;
import org.processlab.ui.shell.compare.CompareView;
import org.processlab.ui.shell.editor.CodeTabs;
import org.processlab.ui.shell.editor.EditorView;
import org.processlab.ui.shell.export.ExportView;
import org.processlab.ui.shell.file.FileDialogs;
import org.processlab.ui.shell.file.FileDrop;
import org.processlab.ui.shell.file.FileMenuView;
import org.processlab.ui.shell.file.ProgramBarView;
import org.processlab.ui.shell.header.HeaderView;
import org.processlab.ui.shell.keys.ShortcutsOverlay;
import org.processlab.ui.shell.lessons.LessonListVisibility;
import org.processlab.ui.shell.lessons.LessonPane;
import org.processlab.ui.shell.lessons.WideCodeOverlay;
import org.processlab.ui.shell.presenter.IconSizes;
import org.processlab.ui.shell.presenter.PageFold;
import org.processlab.ui.shell.presenter.PresenterViewModel;
import org.processlab.ui.shell.presenter.ScaleViewModel;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.shell.runs.RunListView;
import org.processlab.ui.shell.timelinebar.TimelineBarView;
import org.processlab.ui.shell.toolbar.RunToolbarView;
import org.processlab.ui.shell.views.RunViews;
import org.processlab.ui.shell.views.RunViewsPane;
import org.processlab.ui.shell.views.RunViewsWarmUp;
import org.processlab.ui.timeline.Timeline;

/**
 * The main window's content, assembled from its rooms: the header ({@link HeaderView}, with the File menu
 * {@link FileMenuView}) on top; below it the lesson
 * pane ({@link LessonPane}: the lesson list, and the page and the code editor in tabs: {@link CodeTabs}) on the left
 * and the run side ({@link RunSide}) on the right —
 * the prediction card, the error banner ({@link ErrorBannerView}), the run toolbar ({@link RunToolbarView}, with the
 * program bar {@link ProgramBarView} under it while a person's own program is shown) and the
 * run views ({@link RunViewsPane}: the timeline under its bar ({@link TimelineBarView}, with {@link ExportView}'s
 * menu), the process table and the console); the run list ({@link RunListView}: the lesson's kept runs) sits in the
 * run toolbar, before the status it speaks of. A code block can be shown wide over both sides
 * ({@link WideCodeOverlay}), and two runs compared over everything ({@link CompareView}, started from the timeline
 * bar's Compare… button or the line a lesson's suggestion shows under the toolbar: {@link CompareOffer}). Every size
 * follows the window's one scale ({@link ScaleViewModel}: the root's font size,
 * the icons' sizes, the table's columns); in presenter mode ({@link PresenterViewModel}) the lesson list is hidden,
 * the page folded ({@link PageFold}) and the run views give the timeline the larger part. Every key is listed over
 * everything ({@link ShortcutsOverlay}). Keys: {@link ShellKeys}. The run views are rehearsed once the window shows
 * ({@link RunViewsWarmUp}). A file dropped anywhere on the window opens as a program ({@link FileDrop}).
 *
 * <p>Exports ask where to save with a file dialog, unless the system property {@code processlab.exportDir} names a
 * folder: then they go there ({@link #exportTrace()}, {@link #exportTimelinePng()}).
 *
 * <p>Threading: FX thread only.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel vm;
    private final ScaleViewModel scale;
    private String iconSheet;
    private final RunViews runViews;
    private final HeaderView header;
    private final LessonPane lessonPane;
    private final WideCodeOverlay overlay;
    private final ShortcutsOverlay help = new ShortcutsOverlay();
    private final ExportView export;
    private final RunViewsWarmUp warmUp;
    private final EditorView editor;
    private CodeTabs codeTabs;
    private final FileDialogs dialogs = new FileDialogs();
    private final FileMenuView fileMenu;
    private final CompareView comparison;

    /** Builds the window's content over {@code vm}. */
    public ShellView(ShellViewModel vm) {
        this.vm = vm;
        setId("shell");
        getStyleClass().add("shell");
        getStylesheets().add(ShellView.class.getResource("shell.css").toExternalForm());
        getStylesheets().add(ShellView.class.getResource("/org/processlab/ui/lesson/lesson.css").toExternalForm());
        getStylesheets().add(ShortcutsOverlay.class.getResource("keys.css").toExternalForm());
        RunViewModel run = vm.run();
        runViews = new RunViews(run.views());
        PresenterViewModel presenter = vm.presenter();
        scale = presenter.scale();
        scale.windowWidthProperty().bind(widthProperty());
        scale.windowHeightProperty().bind(heightProperty());
        applyScale();
        scale.pxProperty().addListener(o -> applyScale());

        header = new HeaderView(Bindings.createStringBinding(() -> {
            LessonEntry e = vm.selectedProperty().get();
            OwnProgram own = vm.ownProgramProperty().get();
            return e != null ? e.title() : own != null ? own.name() : "";
        }, vm.selectedProperty(), vm.ownProgramProperty()), vm.hasNextProperty(), vm::nextLesson, presenter);
        LessonListVisibility listShown = new LessonListVisibility(scale.windowWidthProperty(), scale.pxProperty());
        header.addKeyButtons(vm.hasPreviousProperty(), vm::previousLesson, help::toggle);
        header.lessonsToggle().selectedProperty().bindBidirectional(listShown.shownProperty());
        header.lessonsToggle().setOnAction(e -> listShown.choseByHand());
        getStylesheets().add(FileMenuView.class.getResource("file.css").toExternalForm());
        fileMenu = new FileMenuView(vm.files(), dialogs);
        fileMenu.addRuns(vm.runs());
        header.addFileMenu(fileMenu, fileMenu.courseLabel());
        FileDrop.install(this, vm.files());

        export = new ExportView(vm.export(), runViews.timeline(), scale.pxProperty());
        TimelineBarView bar = new TimelineBarView(run.replay(), runViews.timeline(), run.runningProperty(),
                CompareOffer.besideExport(export.menu(), vm.canCompareProperty(), vm::compareWithPrevious));
        RunViewsPane views = new RunViewsPane(runViews, bar, export.note(), scale.pxProperty(),
                presenter.presenterProperty(), presenter.tableShownProperty());
        RunToolbarView toolbar = new RunToolbarView(vm.toolbar(), vm.canRunProperty(), vm::runExample, vm::stop,
                vm::interrupt);
        toolbar.addBeforeStatus(new RunListView(vm.runs(), run.runningProperty()));
        RunSide side = new RunSide(new PredictionView(vm.prediction()), vm.prediction().revealProperty(),
                new ErrorBannerView(run, vm.pythonProblemProperty(), vm::usePython),
                new VBox(toolbar, new ProgramBarView(vm.files(), dialogs),
                        CompareOffer.offerLine(vm.compareOfferedProperty(), vm::compareWithPrevious)), views,
                scale.pxProperty(), presenter.presenterProperty());
        editor = new EditorView(vm.editor());
        lessonPane = new LessonPane(vm.lessonsPane(), vm.prediction().settledProperty(), listShown, side,
                page -> codeTabs = new CodeTabs(page, editor, vm.editor(), vm.ownProgramProperty().isNotNull()));
        new PageFold(lessonPane, lessonPane.middle(), presenter.pageShownProperty());
        // on a projector the code needs room: showing it in presenter mode widens its column (after the fold's own
        // listener has unfolded it)
        codeTabs.getSelectionModel().selectedItemProperty().addListener(o -> widenForCode());
        presenter.pageShownProperty().addListener(o -> widenForCode());
        // presenter mode hides the list (Ctrl+L still shows it)
        presenter.presenterProperty().addListener((o, was, on) -> {
            if (on && listShown.shownProperty().get()) {
                listShown.toggleByHand();
            }
        });
        if (presenter.presenterProperty().get()) {
            listShown.shownProperty().set(false);
        }
        overlay = new WideCodeOverlay(lessonPane, vm.selectedProperty());
        // two runs one above the other, over the lesson and the run views while open (Esc closes it)
        comparison = new CompareView(vm.comparison(), run.paletteProperty());
        setTop(header);
        setCenter(new StackPane(overlay, comparison, help));

        addEventFilter(KeyEvent.KEY_PRESSED,
                ShellKeys.of(this, vm, listShown, runViews.timeline(),
                        comparison.timeline(org.processlab.compare.Side.A), overlay, help, fileMenu::open,
                        fileMenu::saveRun, codeTabs, editor));
        warmUp = new RunViewsWarmUp(this, runViews, () -> run.model() != null);
    }

    /**
     * In presenter mode, while the Code tab is shown in the unfolded middle column, gives the column at least
     * {@link #CODE_SHARE} of the split (a line of a lesson's example, about 60 characters at a projector's size).
     */
    private void widenForCode() {
        PresenterViewModel p = vm.presenter();
        int i = lessonPane.getItems().indexOf(lessonPane.middle());
        if (!p.presenterProperty().get() || !p.pageShownProperty().get() || !codeTabs.codeShown()
                || i < 0 || i >= lessonPane.getDividers().size()) {
            return;
        }
        double[] d = lessonPane.getDividerPositions();
        double left = i > 0 ? d[i - 1] : 0;
        if (d[i] - left < CODE_SHARE) {
            lessonPane.setDividerPosition(i, left + CODE_SHARE);
        }
    }

    /** The least share of the window's split the code's column gets in presenter mode. */
    private static final double CODE_SHARE = 0.45;

    /**
     * The scale as the root's font size (every size in the window is in em of it), the icons' sizes (a stylesheet
     * of their own: {@link IconSizes}) and the table's column widths.
     */
    private void applyScale() {
        setStyle(scale.style());
        String sheet = IconSizes.stylesheet(scale.factor());
        if (iconSheet == null) {
            getStylesheets().add(sheet);
        } else {
            getStylesheets().set(getStylesheets().indexOf(iconSheet), sheet);
        }
        iconSheet = sheet;
        runViews.setEm(scale.pxProperty().get());
    }

    /**
     * True once the run views have been rehearsed ({@link RunViewsWarmUp}), which starts
     * {@link RunViewsWarmUp#DELAY_MS} after the window first shows (skipped when a run has begun by then); true from
     * the start with {@code -Dprocesslab.warmUp=false}, which skips it.
     */
    public ReadOnlyBooleanProperty warmedUpProperty() {
        return warmUp.warmedUpProperty();
    }

    /** Saves the run as a Chrome trace: to {@code processlab.exportDir} when that is set, else where a dialog says. */
    public void exportTrace() {
        export.exportTrace();
    }

    /** Saves the timeline as a PNG, twice its size: to {@code processlab.exportDir}, else where a dialog says. */
    public void exportTimelinePng() {
        export.exportTimelinePng();
    }

    /** The window's header (another part of the app may add a tool to it: {@link HeaderView#addTool}). */
    public HeaderView header() {
        return header;
    }

    // ------------------------------------------------------------------ for tests

    /** The window's state. */
    public ShellViewModel viewModel() {
        return vm;
    }

    /** The code editor. */
    public EditorView editor() {
        return editor;
    }

    /** The middle column's tabs: the lesson page and the code editor. */
    public CodeTabs codeTabs() {
        return codeTabs;
    }

    /** The timeline control. */
    public Timeline timeline() {
        return runViews.timeline();
    }

    /** The process table view. */
    public ProcessTableView processTable() {
        return runViews.table();
    }

    /** The console view. */
    public ConsoleView console() {
        return runViews.console();
    }

    /** The lesson list. */
    public LessonListView lessonList() {
        return lessonPane.list();
    }

    /** The view that shows a code block wide and large. */
    public WideCodeView wideCode() {
        return overlay.wideCode();
    }

    /** The window's one scale. */
    public ScaleViewModel scale() {
        return scale;
    }

    /** The keys overlay ({@code ?} or F1). */
    public ShortcutsOverlay keysHelp() {
        return help;
    }

    /** The button that shows or hides the lesson list (selected: shown). */
    public ToggleButton lessonsToggle() {
        return header.lessonsToggle();
    }

    /**
     * Where the File menu and the program bar ask for files and folders: the system's dialogs, which a test replaces
     * ({@link FileDialogs#use}) because native dialogs cannot be driven headless.
     */
    public FileDialogs fileDialogs() {
        return dialogs;
    }

    /** The File menu (its items fire its actions). */
    public FileMenuView fileMenu() {
        return fileMenu;
    }

    /** The comparison of two runs (shown while {@link ShellViewModel#comparison()} is open). */
    public CompareView comparison() {
        return comparison;
    }

    /** The Export menu (its items fire the export actions). */
    public MenuButton exportMenu() {
        return export.menu();
    }
}
