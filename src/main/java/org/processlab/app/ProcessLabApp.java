package org.processlab.app;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

import org.processlab.lesson.LessonLibrary;
import org.processlab.run.RunSession;
import org.processlab.store.EditsStore;
import org.processlab.store.ProcessLabHome;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunLogs;
import org.processlab.store.SettingsStore;
import org.processlab.store.ScratchFolder;
import org.processlab.ui.fx.FrameSource;
import org.processlab.ui.fx.FxTaskExecutor;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.shell.ShellView;
import org.processlab.ui.shell.ShellViewModel;
import org.processlab.ui.shell.presenter.PresenterStage;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.theme.ThemeChoice;
import org.processlab.ui.theme.ThemeMenu;
import org.processlab.ui.theme.ThemeSwitch;

/**
 * The ProcessLab window. Arguments ({@link WindowOptions}): {@code --lessons DIR} (default:
 * {@link LessonLibrary#defaultRoot()}), {@code --python PATH} (default: {@code python3} on the PATH),
 * {@code --presenter} (presenter mode: full screen, large text), {@code --lesson ID} (the lesson to open),
 * {@code FILE.py} (a program of one's own to open instead) or {@code RUN.json} (a saved run to show: with its lesson
 * when it names one of this course). Progress, kept runs ({@code runs/}),
 * run logs and the window's settings ({@link SettingsStore}: presenter mode, scale, theme) are kept in ProcessLab's
 * home folder ({@link ProcessLabHome#fromSystem()}).
 *
 * <p>The stage follows presenter mode ({@link PresenterStage}): full screen while it is on (Esc leaves full screen, as
 * JavaFX has it; the window stays in presenter mode until F11 or the header's toggle).
 *
 * <p>Lessons are read and Python is looked for off the FX thread. Closing the window ends every run
 * ({@link RunSession#closeAll()}, never leaving a process behind), then the JavaFX platform.
 */
public final class ProcessLabApp extends Application {
    private ShellViewModel vm;

    @Override
    public void start(Stage stage) {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        WindowOptions options = WindowOptions.parse(raw).orElseThrow(
                () -> new IllegalArgumentException("not the window's arguments: " + raw));
        Path root = options.lessons() != null ? options.lessons().toAbsolutePath().normalize()
                : LessonLibrary.defaultRoot();
        vm = viewModel(root, options.python(), ProcessLabHome.fromSystem(), new FxTaskExecutor());
        // one SettingsStore for the whole window: each instance writes the whole file. The theme is applied before
        // the window shows, so its nodes are styled once, in it
        ThemeChoice theme = new ThemeChoice(vm.settings());
        if (options.presenter()) {
            vm.presenter().setPresenter(true);
        }
        if (options.lesson() != null) {
            vm.openAtStart(options.lesson());
        }
        if (options.program() != null) {
            vm.files().openAtStart(options.program());
        }
        if (options.run() != null) {
            vm.openRun(options.run().toAbsolutePath().normalize());
        }
        ShellView view = new ShellView(vm);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        ThemeSwitch.follow(theme, scene, vm.run().views()::usePaletteColours);
        view.header().addTool(new ThemeMenu(theme));
        stage.setTitle("ProcessLab");
        stage.setScene(scene);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setOnCloseRequest(e -> {
            e.consume();
            stage.hide();
            endRunsThenExit();
        });
        stage.show();
        PresenterStage.follow(stage, vm.presenter().presenterProperty());
        vm.loadLessons();
        vm.checkPython();
    }

    /**
     * The window's state as the app wires it: slow work on {@code tasks}, frames from a {@code ModelPulse} per run,
     * progress, run logs, settings, edits and the scratch folder under {@code home}.
     */
    public static ShellViewModel viewModel(Path lessons, String python, ProcessLabHome home, TaskExecutor tasks) {
        RunLogs logs = new RunLogs(home.runLogs());
        // run logs of earlier versions lay in runs/ itself, where the kept runs now have their folders
        tasks.run(() -> logs.adopt(home.runs()));
        RunViewModel run = new RunViewModel(tasks, FrameSource.pulses(), logs);
        return new ShellViewModel(lessons, python, ProgressStore.open(home.dir()), SettingsStore.open(home.dir()),
                EditsStore.open(home.dir()), new ScratchFolder(home.dir()), run, tasks);
    }

    /** Ends every run off the FX thread (it may wait a little for processes to go), then exits. */
    private void endRunsThenExit() {
        if (vm != null) {
            vm.close();
        }
        Thread t = new Thread(() -> {
            RunSession.closeAll();
            Platform.exit();
        }, "processlab-close");
        t.setDaemon(false);
        t.start();
    }

    @Override
    public void stop() {
        if (vm != null) {
            vm.close();
        }
        RunSession.closeAll();
    }
}
