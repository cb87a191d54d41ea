package org.processlab.ui.shell.lessons;

import java.util.function.UnaryOperator;

import javafx.animation.AnimationTimer;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.processlab.lesson.LessonEntry;
import org.processlab.ui.lesson.LessonListView;
import org.processlab.ui.lesson.LessonPageView;

/**
 * The window's body: the lesson list and the lesson page on the left, the run side (given) on the right, in one
 * split. The list goes out of the split when hidden ({@link LessonListVisibility}; the page and the run side share
 * its room) and comes back at its old width ({@link ListShare}), showing where the person is. The list and the page
 * follow the lesson shown ({@link LessonsViewModel#selectedProperty()}), and a click in the list chooses it.
 *
 * <p>Threading: FX thread only; {@code listShare} is written there.
 */
public final class LessonPane extends SplitPane {
    private final LessonsViewModel vm;
    private final LessonListView list;
    private final VBox listBox;
    private final Region middle;
    /** The list's share of the split when it was last shown. */
    private double listShare;

    /**
     * @param vm         the lessons
     * @param settled    true when the page may show what a run will show (the lesson's prediction is settled)
     * @param visibility whether the list is shown
     * @param runSide    the right side (prediction card, banner, toolbar, run views)
     */
    public LessonPane(LessonsViewModel vm, ObservableBooleanValue settled, LessonListVisibility visibility,
                      Node runSide) {
        this(vm, settled, visibility, runSide, UnaryOperator.identity());
    }

    /**
     * @param vm         the lessons
     * @param settled    true when the page may show what a run will show (the lesson's prediction is settled)
     * @param visibility whether the list is shown
     * @param runSide    the right side (prediction card, banner, toolbar, run views)
     * @param middle     makes the middle column from the lesson page (e.g. the page and the code editor in tabs)
     */
    public LessonPane(LessonsViewModel vm, ObservableBooleanValue settled, LessonListVisibility visibility,
                      Node runSide, UnaryOperator<Region> middle) {
        this.vm = vm;
        list = new LessonListView(vm.lessons(), id -> vm.progress().of(id));
        vm.progressRevisionProperty().addListener(o -> list.refreshMarks());
        vm.loadedProperty().addListener((o, a, loaded) -> {
            if (loaded && vm.lessons().isEmpty()) {
                Label none = new Label("No lessons in " + vm.root() + ". Start ProcessLab with --lessons DIR.");
                none.setWrapText(true);
                none.setPadding(new Insets(12));
                list.setPlaceholder(none);
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        LessonPageView page = new LessonPageView(vm::source, vm::next, settled);
        vm.selectedProperty().addListener((o, a, b) -> {
            if (list.getSelectionModel().getSelectedItem() != b) {
                list.getSelectionModel().select(b);
                list.scrollTo(b);
            }
            page.show(b, vm.hasNextProperty().get());
        });

        Label title = new Label("Lessons");
        title.getStyleClass().add("pane-title");
        title.setMaxWidth(Double.MAX_VALUE);
        listBox = new VBox(title, list);
        listBox.getStyleClass().add("lesson-list-box");
        VBox.setVgrow(list, Priority.ALWAYS);

        this.middle = middle.apply(page);
        getItems().setAll(listBox, this.middle, runSide);
        setDividerPositions(0.145, 0.43);
        getStyleClass().add("main-split");
        SplitPane.setResizableWithParent(listBox, false);
        listShare = getDividerPositions()[0];
        visibility.shownProperty().addListener((o, was, show) -> showList(show));
    }

    private void showList(boolean show) {
        double[] d = getDividerPositions();
        if (show && !getItems().contains(listBox)) {
            Node runSide = getItems().get(getItems().size() - 1);
            double[] to = ListShare.withList(listShare, d, getWidth(), runSide.minWidth(-1));
            getItems().add(0, listBox);
            setDividerPositions(to);
            LessonEntry current = vm.selectedProperty().get();
            if (current != null) {
                scrollToOnceSized(current);
            }
        } else if (!show && getItems().contains(listBox)) {
            listShare = d[0];
            double pageShare = ListShare.pageShareWithoutList(d);
            getItems().remove(listBox);
            setDividerPositions(pageShare);
        }
    }

    /**
     * Back in view, the list shows where the person is: once it has its size again (a list laid out with no height
     * cannot scroll, and a list laid out again keeps its old scroll position), on the next pulses that find it with a
     * height (a fixed 40 ms wait was too short on a busy machine).
     */
    private void scrollToOnceSized(LessonEntry current) {
        new AnimationTimer() {
            private int scrolled;
            private long first = -1;

            @Override
            public void handle(long now) {
                first = first < 0 ? now : first;
                if (list.getHeight() > 0 && list.getScene() != null) {
                    list.scrollTo(current);
                    scrolled++;
                }
                if (scrolled >= 3 || now - first > 2_000_000_000L) {
                    stop();
                }
            }
        }.start();
    }

    /** The middle column: the lesson page, or what holds it. */
    public Region middle() {
        return middle;
    }

    /** The lesson list. */
    public LessonListView list() {
        return list;
    }
}
