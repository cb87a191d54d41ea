package org.processlab.ui.shell;

import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import org.processlab.ui.shell.lessons.LessonListVisibility;
import org.processlab.ui.shell.lessons.WideCodeOverlay;
import org.processlab.ui.shell.presenter.PresenterViewModel;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.timeline.Timeline;

/**
 * The window's keys, seen before any control takes them: Ctrl+Right or Alt+N next lesson, Ctrl+L shows or hides the
 * lesson list, F5 or Ctrl+R Run, Ctrl+Plus / Ctrl+Minus / Ctrl+0 the window's scale (larger, smaller, the default),
 * F11 presenter mode, Ctrl+P folds or unfolds the lesson page, Ctrl+T shows the process table or the console under
 * the timeline (presenter mode), Space on the timeline plays or pauses a replay,
 * Esc closes the wide code, else clears the selected process. (The timeline's own keys, + - 0 and the arrows, are
 * its control's.)
 *
 * <p>Threading: FX thread only.
 */
final class ShellKeys implements EventHandler<KeyEvent> {
    private final ShellViewModel vm;
    private final PresenterViewModel presenter;
    private final LessonListVisibility lessonList;
    private final Timeline timeline;
    private final WideCodeOverlay wideCode;

    ShellKeys(ShellViewModel vm, LessonListVisibility lessonList, Timeline timeline, WideCodeOverlay wideCode) {
        this.vm = vm;
        this.presenter = vm.presenter();
        this.lessonList = lessonList;
        this.timeline = timeline;
        this.wideCode = wideCode;
    }

    @Override
    public void handle(KeyEvent e) {
        KeyCode k = e.getCode();
        boolean shortcut = e.isShortcutDown();
        RunViewModel run = vm.run();
        if ((shortcut && k == KeyCode.RIGHT) || (e.isAltDown() && k == KeyCode.N)) {
            vm.nextLesson();
        } else if (shortcut && k == KeyCode.L) {
            lessonList.toggleByHand();
        } else if (k == KeyCode.F5 || (shortcut && k == KeyCode.R)) {
            vm.runExample();
        } else if (shortcut && (k == KeyCode.PLUS || k == KeyCode.EQUALS || k == KeyCode.ADD)) {
            presenter.scale().larger();
        } else if (shortcut && (k == KeyCode.MINUS || k == KeyCode.SUBTRACT)) {
            presenter.scale().smaller();
        } else if (shortcut && (k == KeyCode.DIGIT0 || k == KeyCode.NUMPAD0)) {
            presenter.scale().reset();
        } else if (k == KeyCode.F11) {
            presenter.toggle();
        } else if (shortcut && k == KeyCode.P) {
            presenter.togglePage();
        } else if (shortcut && k == KeyCode.T) {
            presenter.toggleTable();
        } else if (k == KeyCode.SPACE && timeline.isFocused() && run.replay().availableProperty().get()) {
            run.replay().toggle();
        } else if (k == KeyCode.ESCAPE && wideCode.hide()) {
            // the wide code is closed first
        } else if (k == KeyCode.ESCAPE && run.selectedPidProperty().get() != null) {
            run.selectedPidProperty().set(null);
        } else {
            return;
        }
        e.consume();
    }
}
