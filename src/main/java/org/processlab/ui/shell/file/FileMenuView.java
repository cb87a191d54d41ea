package org.processlab.ui.shell.file;

import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import org.processlab.ui.shell.keys.Shortcut;

/**
 * The header's File menu: Open… (Ctrl+O), Open recent ▸ (the files opened lately, newest first), Open lessons
 * folder…, Built-in lessons, Reload (Ctrl+R); and the label that names the course shown when it is not the built-in
 * lessons ({@link #courseLabel()}). What each does is the {@link FileViewModel}'s; the files and folders are asked for
 * through {@link FileDialogs} (the tests' seam). Ids: {@code fileMenu}, {@code openFile}, {@code openRecent} (items
 * {@code recent-0}, {@code recent-1}, …), {@code openLessonsFolder}, {@code builtInLessons}, {@code reload},
 * {@code courseName}.
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
