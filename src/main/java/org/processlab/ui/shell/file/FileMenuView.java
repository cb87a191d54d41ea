package org.processlab.ui.shell.file;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

import atlantafx.base.theme.Styles;

import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.shell.runs.RunsViewModel;

/**
 * The header's File menu: Open… (Ctrl+O: a program or a saved run), Open recent ▸ (the files opened lately, newest
 * first), Open lessons folder…, Built-in lessons, Reload (Ctrl+R); once {@link #addRuns} is called, Save run… (Ctrl+S)
 * and Kept runs ▸ (where runs are kept, how many, how large, and Clear kept runs…); and the label that names the course shown when it is not the built-in
 * lessons ({@link #courseLabel()}). What each does is the {@link FileViewModel}'s; the files and folders are asked for
 * through {@link FileDialogs} (the tests' seam). Ids: {@code fileMenu}, {@code openFile}, {@code openRecent} (items
 * {@code recent-0}, {@code recent-1}, …), {@code openLessonsFolder}, {@code builtInLessons}, {@code reload},
 * {@code courseName}, {@code saveRun}, {@code keptRuns} (with {@code keptRunsUsage}, {@code keptRunsFolder},
 * {@code clearKeptRuns}).
 *
 * <p>Kept runs are here, not in a settings page of their own: they are files ProcessLab writes, beside Save run… and
 * Open…, where a person looks for files; and the window has no other settings menu.
 *
 * <p>The items show no accelerators of their own: the keys are the window's ({@code ShellKeys}, the one table in
 * {@link Shortcut}), and the items' texts name them.
 *
 * <p>Threading: FX thread only.
 */
public final class FileMenuView extends MenuButton {
    private final FileViewModel vm;
    private final FileDialogs dialogs;
    private final Menu recentMenu = new Menu("Open recent");
    private final Label course = new Label();
    private RunsViewModel runs;

    /** The menu over {@code vm}, asking for files with {@code dialogs}. */
    public FileMenuView(FileViewModel vm, FileDialogs dialogs) {
        super("File", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        this.vm = vm;
        this.dialogs = dialogs;
        setId("fileMenu");
        getStyleClass().addAll(Styles.FLAT, "file-menu");
        setTooltip(new Tooltip("Open your own program or a course of your own; reload the lessons"));
        setMinWidth(Region.USE_PREF_SIZE);

        MenuItem open = item("openFile", "Open…  (" + Shortcut.OPEN.keysText() + ")",
                new FontIcon(MaterialDesignF.FILE_OUTLINE));
        open.setOnAction(e -> open());
        recentMenu.setId("openRecent");
        recentMenu.setGraphic(new FontIcon(MaterialDesignF.FILE_CLOCK_OUTLINE));
        vm.recent().addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
        MenuItem lessons = item("openLessonsFolder", "Open lessons folder…",
                new FontIcon(MaterialDesignF.FOLDER_OUTLINE));
        lessons.setOnAction(e -> openLessonsFolder());
        MenuItem builtIn = item("builtInLessons", "Built-in lessons", new FontIcon(MaterialDesignB.BOOK_OPEN_VARIANT));
        builtIn.setOnAction(e -> vm.builtInLessons());
        builtIn.disableProperty().bind(vm.courseProperty().isEmpty());
        MenuItem reload = item("reload", "Reload  (" + Shortcut.RELOAD.keysText() + ")",
                new FontIcon(MaterialDesignR.RELOAD));
        reload.setOnAction(e -> vm.reload());
        getItems().setAll(open, recentMenu, new SeparatorMenuItem(), lessons, builtIn, new SeparatorMenuItem(), reload);

        course.setId("courseName");
        course.getStyleClass().add("course-name");
        course.setGraphic(new FontIcon(MaterialDesignS.SCHOOL_OUTLINE));
        course.textProperty().bind(Bindings.concat("Course: ", vm.courseProperty()));
        Tooltip where = new Tooltip();
        where.textProperty().bind(Bindings.createStringBinding(() -> "Lessons from "
                + vm.lessonsFolderProperty().get() + " (File ▸ Built-in lessons goes back)", vm.lessonsFolderProperty()));
        course.setTooltip(where);
        course.visibleProperty().bind(vm.courseProperty().isNotEmpty());
        course.managedProperty().bind(course.visibleProperty());
        course.setMinWidth(Region.USE_PREF_SIZE);
    }

    private static MenuItem item(String id, String text, FontIcon icon) {
        MenuItem i = new MenuItem(text, icon);
        i.setId(id);
        return i;
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        int i = 0;
        for (Path p : vm.recent()) {
            MenuItem item = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            item.setId("recent-" + i++);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.openRecent(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(vm.recent().isEmpty());
    }

    /** File ▸ Open…: asks for a program, then opens it. */
    public void open() {
        Path p = dialogs.ask(FileDialogs.Ask.PROGRAM, getScene() == null ? null : getScene().getWindow());
        if (p != null) {
            vm.open(p);
        }
    }

    /**
     * Adds the items of the kept runs: Save run… (after Open recent) and Kept runs ▸ (before Reload), over
     * {@code runs}.
     */
    public void addRuns(RunsViewModel runs) {
        this.runs = runs;
        MenuItem save = item("saveRun", "Save run…  (" + Shortcut.SAVE_RUN.keysText() + ")",
                new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setOnAction(e -> saveRun());
        getItems().add(getItems().indexOf(recentMenu) + 1, save);

        Menu kept = new Menu("Kept runs", new FontIcon(MaterialDesignD.DATABASE_OUTLINE));
        kept.setId("keptRuns");
        Label usage = new Label();
        usage.textProperty().bind(runs.usageProperty());
        usage.getStyleClass().add("kept-runs-usage");
        CustomMenuItem usageItem = new CustomMenuItem(usage, false);
        usageItem.setId("keptRunsUsage");
        Label folder = new Label("Kept in " + runs.folder());
        folder.getStyleClass().add("kept-runs-folder");
        CustomMenuItem folderItem = new CustomMenuItem(folder, false);
        folderItem.setId("keptRunsFolder");
        MenuItem clear = item("clearKeptRuns", "Clear kept runs…", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        clear.setOnAction(e -> clearKeptRuns());
        kept.getItems().setAll(usageItem, folderItem, new SeparatorMenuItem(), clear);
        kept.setOnShowing(e -> runs.showUsage());
        getItems().add(getItems().size() - 1, kept);
        getItems().add(getItems().size() - 1, new SeparatorMenuItem());
    }

    /** File ▸ Save run…: asks where, then writes the run shown there. */
    public void saveRun() {
        if (runs == null) {
            return;
        }
        Path p = dialogs.askToSave(FileDialogs.Ask.SAVE_RUN, getScene() == null ? null : getScene().getWindow(),
                runs.suggestedName());
        if (p != null) {
            runs.save(p);
        }
    }

    /** File ▸ Kept runs ▸ Clear kept runs…: asks first, then deletes every kept run and run log. */
    public void clearKeptRuns() {
        if (runs == null) {
            return;
        }
        String usage = runs.usageProperty().get();
        if (dialogs.confirm("Delete every kept run?", "Every kept run of every lesson and program"
                        + (usage.isEmpty() ? "" : " (" + usage + ")") + " is deleted from " + runs.folder()
                        + ", with the run logs. The run shown stays on screen until you leave it.", "Delete",
                getScene() == null ? null : getScene().getWindow())) {
            runs.clear();
        }
    }

    /** File ▸ Open lessons folder…: asks for a folder, then shows its lessons. */
    public void openLessonsFolder() {
        Path p = dialogs.ask(FileDialogs.Ask.LESSONS_FOLDER, getScene() == null ? null : getScene().getWindow());
        if (p != null) {
            vm.openLessonsFolder(p);
        }
    }

    /** The label naming the course shown, for the header; hidden while the built-in lessons are shown. */
    public Label courseLabel() {
        return course;
    }
}
