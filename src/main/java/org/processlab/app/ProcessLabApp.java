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
import org.processlab.store.ProcessLabHome;
import org.processlab.store.ProgressStore;
import org.processlab.store.RunLogs;
import org.processlab.store.SettingsStore;
import org.processlab.ui.fx.FrameSource;
import org.processlab.ui.fx.FxTaskExecutor;
import org.processlab.ui.fx.TaskExecutor;
import org.processlab.ui.shell.ShellView;
import org.processlab.ui.shell.ShellViewModel;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.theme.ThemeChoice;
import org.processlab.ui.theme.ThemeMenu;
import org.processlab.ui.theme.ThemeSwitch;

/**
 * The ProcessLab window. Arguments: {@code --lessons DIR} (default: {@link LessonLibrary#defaultRoot()}) and
 * {@code --python PATH} (default: {@code python3} on the PATH); both also as {@code --name=value}. Progress and run
 * logs are kept in ProcessLab's home folder ({@link ProcessLabHome#fromSystem()}).
 *
 * <p>Lessons are read and Python is looked for off the FX thread. Closing the window ends every run
 * ({@link RunSession#closeAll()}, never leaving a process behind), then the JavaFX platform.
 */
public final class ProcessLabApp extends Application {
    private ShellViewModel vm;

    @Override
    public void start(Stage stage) {
        List<String> raw = getParameters() == null ? List.of() : getParameters().getRaw();
        String lessons = option(raw, "--lessons");
        String python = option(raw, "--python");
        Path root = lessons != null ? Path.of(lessons).toAbsolutePath().normalize() : LessonLibrary.defaultRoot();
        ProcessLabHome home = ProcessLabHome.fromSystem();
        // the theme is applied before the window shows, so its nodes are styled once, in it
        ThemeChoice theme = new ThemeChoice(SettingsStore.open(home.dir()));
        vm = viewModel(root, python, home, new FxTaskExecutor());
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
        vm.loadLessons();
        vm.checkPython();
    }

    /**
     * The window's state as the app wires it: slow work on {@code tasks}, frames from a {@code ModelPulse} per run,
     * progress and run logs under {@code home}.
     */
    public static ShellViewModel viewModel(Path lessons, String python, ProcessLabHome home, TaskExecutor tasks) {
        RunViewModel run = new RunViewModel(tasks, FrameSource.pulses(), new RunLogs(home.runs()));
        return new ShellViewModel(lessons, python, ProgressStore.open(home.dir()), run, tasks);
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

    /** The value of {@code --name VALUE} or {@code --name=VALUE} in {@code args}, or null. */
    static String option(List<String> args, String name) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        return null;
    }
}
