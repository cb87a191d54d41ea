package org.processlab.ui.shell;

import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.stage.Stage;

import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.shell.editor.CodeTabs;
import org.processlab.ui.shell.editor.EditorView;
import org.processlab.ui.shell.keys.CursorSteps;
import org.processlab.ui.shell.keys.Key;
import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.shell.keys.ShortcutHandler;
import org.processlab.ui.shell.keys.ShortcutsOverlay;
import org.processlab.ui.shell.lessons.LessonListVisibility;
import org.processlab.ui.shell.lessons.WideCodeOverlay;
import org.processlab.ui.shell.presenter.PresenterViewModel;
import org.processlab.ui.shell.run.RunViewModel;
import org.processlab.ui.timeline.Timeline;

/**
 * What each row of the window's shortcut table ({@link Shortcut}) does here: one line a row. The keys, the focus rule
 * and the help overlay are the keys room's ({@code ui.shell.keys}); this class only joins them to the rooms' actions.
 * Esc never stops a run: it closes the help, the wide code, the comparison of two runs or the editor's find bar, lets JavaFX leave full screen, else clears the selected
 * process. Nor do the lesson keys: during a run they say how to stop it first.
 *
 * <p>Threading: FX thread only.
 */
final class ShellKeys {
    private ShellKeys() {
    }

    /** The key handler of the window {@code shell}, to install as an event filter on its root. */
    static ShortcutHandler of(Node shell, ShellViewModel vm, LessonListVisibility lessonList, Timeline timeline,
                              Timeline compared, WideCodeOverlay wideCode, ShortcutsOverlay help, Runnable open,
                              Runnable saveRun, CodeTabs code, EditorView editor) {
        RunViewModel run = vm.run();
        PresenterViewModel presenter = vm.presenter();
        // while two runs are compared over the run views, the keys of the time axis act on the comparison (its two
        // timelines share one axis and one cursor, so moving its first moves both), not on the timeline beneath it
        Supplier<Timeline> front = () -> vm.comparison().openProperty().get() ? compared : timeline;
        CursorSteps runCursor = new CursorSteps(timeline);
        CursorSteps comparedCursor = new CursorSteps(compared);
        Supplier<CursorSteps> cursor = () -> front.get() == compared ? comparedCursor : runCursor;
        return new ShortcutHandler(s -> run.note(s.keysText() + ": " + s.words() + " — coming in a later version"
                + "; Shift+F5 stops the run"))
                .on(Shortcut.ANSWER, pressed -> answer(vm.prediction(), Shortcut.answerOf(pressed.key())))
                .on(Shortcut.NEXT_LESSON, pressed -> changeLesson(run, vm::nextLesson))
                .on(Shortcut.PREVIOUS_LESSON, pressed -> changeLesson(run, vm::previousLesson))
                .on(Shortcut.LESSON_LIST, lessonList::toggleByHand)
                .on(Shortcut.OPEN, open)
                .on(Shortcut.SAVE_RUN, saveRun)
                .on(Shortcut.RELOAD, vm.files()::reload)
                .on(Shortcut.RUN, vm::runExample)
                .on(Shortcut.STOP, vm::stop)
                .on(Shortcut.INTERRUPT, vm::interrupt)
                .on(Shortcut.COMPARE, vm::compareWithPrevious)
                .on(Shortcut.PLAY, pressed -> vm.comparison().openProperty().get() ? playBoth(vm)
                        : run.replay().availableProperty().get() && toggle(run))
                .on(Shortcut.NEXT_EVENT, pressed -> cursor.get().next())
                .on(Shortcut.PREVIOUS_EVENT, pressed -> cursor.get().previous())
                .on(Shortcut.RUN_START, pressed -> cursor.get().toStart())
                .on(Shortcut.RUN_END, pressed -> cursor.get().toEnd())
                .on(Shortcut.SCROLL, pressed -> pan(front.get(), pressed.key() == Key.LEFT ? -0.5 : 0.5))
                .on(Shortcut.ZOOM_IN, () -> front.get().zoomIn())
                .on(Shortcut.ZOOM_OUT, () -> front.get().zoomOut())
                .on(Shortcut.FIT, () -> front.get().fitAll())
                .on(Shortcut.LARGER_TEXT, presenter.scale()::larger)
                .on(Shortcut.SMALLER_TEXT, presenter.scale()::smaller)
                .on(Shortcut.DEFAULT_SIZE, presenter.scale()::reset)
                .on(Shortcut.PRESENTER, presenter::toggle)
                .on(Shortcut.LESSON_PAGE, presenter::togglePage)
                .on(Shortcut.TABLE, presenter::toggleTable)
                .on(Shortcut.HELP, help::toggle)
                .on(Shortcut.CODE, () -> showCode(presenter, code, editor))
                .on(Shortcut.FIND, pressed -> editor.find())
                .on(Shortcut.CLOSE, pressed -> help.hide() || wideCode.hide() || vm.closeComparison() || editor.closeFind()
                        || !fullScreen(shell) && clearSelection(run));
    }

    /**
     * Shows the code editor, its column unfolded, the focus in the code; when it is shown already, the lesson page
     * again.
     */
    private static void showCode(PresenterViewModel presenter, CodeTabs code, EditorView editor) {
        if (code.codeShown() && presenter.pageShownProperty().get()) {
            code.showLesson();
            return;
        }
        presenter.pageShownProperty().set(true);
        code.showCode();
        editor.codeArea().requestFocus();
    }

    /** Answers choice {@code i} while the question is open (asked, not answered, no reveal shown). */
    private static boolean answer(PredictionViewModel p, int i) {
        boolean open = p.predictionProperty().get() != null && p.revealProperty().get() == null
                && p.choiceProperty().get() == PredictionViewModel.UNANSWERED
                && i >= 0 && i < p.predictionProperty().get().choices().size();
        if (open) {
            p.answer(i);
        }
        return open;
    }

    /**
     * Goes to another lesson, unless a run is going: a presentation clicker's Page Down is easily pressed by mistake,
     * and changing lesson ends the run, so the key only says how to stop it first. (The header's buttons and the
     * lesson list still change lesson at once: a click is meant.)
     */
    private static boolean changeLesson(RunViewModel run, Runnable go) {
        if (run.runningProperty().get()) {
            run.note("A run is going: Shift+F5 stops it, then Page Down / Page Up change lesson");
        } else {
            go.run();
        }
        return true;
    }

    /** Plays or pauses the comparison's replay of both runs. */
    private static boolean playBoth(ShellViewModel vm) {
        vm.comparison().togglePlay();
        return true;
    }

    private static boolean toggle(RunViewModel run) {
        run.replay().toggle();
        return true;
    }

    private static boolean pan(Timeline timeline, double fraction) {
        timeline.pan(fraction);
        return true;
    }

    /** True in full screen, where JavaFX itself leaves full screen on Esc. */
    private static boolean fullScreen(Node shell) {
        return shell.getScene() != null && shell.getScene().getWindow() instanceof Stage s && s.isFullScreen();
    }

    private static boolean clearSelection(RunViewModel run) {
        if (run.selectedPidProperty().get() == null) {
            return false;
        }
        run.selectedPidProperty().set(null);
        return true;
    }
}
