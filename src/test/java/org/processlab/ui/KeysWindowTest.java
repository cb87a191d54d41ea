package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.processlab.lesson.Lesson;
import org.processlab.lesson.LessonEntry;
import org.processlab.model.JoinView;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Span;
import org.processlab.ui.lesson.PredictionViewModel;
import org.processlab.ui.shell.keys.Shortcut;
import org.processlab.ui.timeline.Timeline;

/**
 * Every action on a key (issue 12), pressed as a person presses it: the focus rule, answers, lessons, the time
 * cursor stepped event by event, Esc that never stops a run, the keys overlay, and a focus ring on every Tab stop.
 */
class KeysWindowTest extends WindowTest {
    @TempDir
    Path lessons;

    @Test
    void singleKeysWaitInATextFieldAndActOutsideIt() throws Exception {
        // a missing Python shows the banner with its Python field: a text input in the window
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString(), "--python", "/not/python");
        app.clickLesson("02-");
        LessonEntry second = app.lesson("02-");
        app.waitFor("the Python field", Duration.ofSeconds(30),
                () -> app.robot.lookup("#pythonField").query().isVisible());
        TextField field = app.robot.lookup("#pythonField").query();
        app.robot.clickOn(field);
        app.robot.type(KeyCode.DIGIT1, KeyCode.A, KeyCode.SPACE);
        typeQuestionMark();
        assertThat(app.fx(() -> field.getText())).isEqualTo("1a ?");
        assertThat(app.fx(() -> app.vm().prediction().choiceProperty().get()))
                .as("1 and A typed into a text field answer nothing").isEqualTo(PredictionViewModel.UNANSWERED);
        assertThat(app.fx(() -> app.shell().keysHelp().showingProperty().get())).as("? typed there").isFalse();

        // function keys and paging act everywhere, in the text field too
        app.robot.type(KeyCode.PAGE_DOWN);
        app.waitFor("Page Down: the next lesson", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get() == app.lesson("03-"));
        app.robot.type(KeyCode.PAGE_UP);
        app.waitFor("Page Up: the previous lesson", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get() == second);
        app.robot.type(KeyCode.F1);
        app.waitFor("F1: the keys", Duration.ofSeconds(10), () -> app.shell().keysHelp().showingProperty().get());
        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("Esc: the keys closed", Duration.ofSeconds(10),
                () -> !app.shell().keysHelp().showingProperty().get());

        // the same keys outside the text field act
        app.robot.clickOn(app.shell().timeline());
        app.robot.type(KeyCode.DIGIT2);
        app.waitFor("2: the second answer", Duration.ofSeconds(10),
                () -> app.vm().prediction().choiceProperty().get() == 1);
        app.fx(() -> app.vm().prediction().load(((Lesson) second).predict(), null));
        app.robot.type(KeyCode.C);
        app.waitFor("C: the third answer", Duration.ofSeconds(10),
                () -> app.vm().prediction().choiceProperty().get() == 2);
        typeQuestionMark();
        app.waitFor("?: the keys", Duration.ofSeconds(10), () -> app.shell().keysHelp().showingProperty().get());
        typeQuestionMark();
        app.waitFor("? again: the keys closed", Duration.ofSeconds(10),
                () -> !app.shell().keysHelp().showingProperty().get());

        // the previous lesson also by mouse, and the keys overlay by its button
        app.click("#previousLesson");
        app.waitFor("the previous lesson's button", Duration.ofSeconds(10),
                () -> app.vm().selectedProperty().get() == app.lesson("01-"));
        assertThat(app.fx(() -> app.robot.lookup("#previousLesson").query().isDisabled()))
                .as("no lesson before the first").isTrue();
        app.click("#keysButton");
        app.waitFor("the keys button", Duration.ofSeconds(10), () -> app.shell().keysHelp().showingProperty().get());
        app.robot.type(KeyCode.ESCAPE);
    }

    @Test
    void theKeysOverlayListsEveryShortcutOfTheTable() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.robot.type(KeyCode.F1);
        app.waitFor("the keys", Duration.ofSeconds(10), () -> app.shell().keysHelp().showingProperty().get());
        Node help = app.shell().keysHelp();
        List<String> texts = app.texts(help);
        for (Shortcut s : Shortcut.values()) {
            Label keys = app.robot.from(help).lookup("#keys-" + s.name()).query();
            assertThat(app.fx(() -> keys.getText())).isEqualTo(s.keysText());
            assertThat(app.fx(() -> keys.isVisible())).isTrue();
            assertThat(texts).anySatisfy(t -> assertThat(t).startsWith(s.words()));
        }
        for (Shortcut.Group g : Shortcut.Group.values()) {
            assertThat(texts).contains(g.title());
        }
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith(Shortcut.INTERRUPT.words()).doesNotContain("coming"));
        // readable from the back row: the keys and their words are larger than the window's text
        javafx.scene.control.Labeled run = app.robot.lookup("#runButton").query();
        double base = app.fx(() -> run.getFont().getSize());
        Label any = app.robot.from(help).lookup("#keys-RUN").query();
        assertThat(app.fx(() -> any.getFont().getSize())).isGreaterThan(base * 1.1);
        app.screenshot("keys-overlay");
        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("Esc: the keys closed", Duration.ofSeconds(10),
                () -> !app.shell().keysHelp().showingProperty().get());
    }

    @Test
    void theCursorStepsThroughTheEventsOfARunAsADebuggerThroughLines() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        // after the click the lesson list has the focus: 1 answers, F5 runs
        app.robot.type(KeyCode.DIGIT1);
        app.waitFor("1: the first answer", Duration.ofSeconds(10),
                () -> app.vm().prediction().choiceProperty().get() == 0);
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        Timeline timeline = app.shell().timeline();
        RunSnapshot s = app.fx(() -> timeline.getSnapshot());
        List<Long> expected = expectedEvents(s, app.fx(() -> app.vm().run().model().output()
                .range(0, app.vm().run().model().output().size())));
        assertThat(s.processes()).hasSize(3);
        assertThat(expected).as("3 starts, 3 lines, 2 joins begun and returned, 3 exits (some may share a moment)")
                .hasSizeBetween(8, 13);

        app.robot.clickOn(timeline);
        app.robot.type(KeyCode.HOME);
        app.waitFor("Home: the run's start", Duration.ofSeconds(10), () -> timeline.getCursorTime() == s.startedAt());
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < expected.size() + 2; i++) {
            long before = app.fx(() -> timeline.getCursorTime());
            app.robot.type(KeyCode.RIGHT);
            app.waitForPulses(1);
            long after = app.fx(() -> timeline.getCursorTime());
            if (after != before) {
                seen.add(after);
            }
        }
        assertThat(seen).as("→ steps through every event in order, then stays at the last").isEqualTo(
                expected.stream().filter(t -> t > s.startedAt()).toList());
        app.nodeScreenshot(timeline, "keys-cursor-stepped");
        List<Long> back = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            app.robot.type(KeyCode.LEFT);
            app.waitForPulses(1);
            back.add(app.fx(() -> timeline.getCursorTime()));
        }
        assertThat(back).isEqualTo(List.of(expected.get(expected.size() - 2), expected.get(expected.size() - 3),
                expected.get(expected.size() - 4)));
        app.robot.type(KeyCode.END);
        app.waitFor("End: the run's end", Duration.ofSeconds(10), () -> timeline.getCursorTime() == s.endedAt());
        // Space plays the replay and pauses it
        app.robot.type(KeyCode.SPACE);
        app.waitFor("Space: the replay plays", Duration.ofSeconds(10),
                () -> app.vm().run().replay().playingProperty().get());
        app.robot.type(KeyCode.SPACE);
        app.waitFor("Space again: paused", Duration.ofSeconds(10),
                () -> !app.vm().run().replay().playingProperty().get());
        // the same steps by mouse, with the buttons above the timeline
        app.robot.type(KeyCode.END);
        app.waitFor("End again", Duration.ofSeconds(10), () -> timeline.getCursorTime() == s.endedAt());
        List<Long> beforeEnd = expected.stream().filter(t -> t < s.endedAt()).toList();
        app.click("#previousEvent");
        app.waitFor("the step-back button", Duration.ofSeconds(10),
                () -> timeline.getCursorTime() == beforeEnd.get(beforeEnd.size() - 1));
        app.click("#previousEvent");
        app.click("#nextEvent");
        app.waitFor("the step button", Duration.ofSeconds(10),
                () -> timeline.getCursorTime() == beforeEnd.get(beforeEnd.size() - 1));
    }

    @Test
    void aRightClickOnTheLessonListNeitherChoosesALessonNorDiscardsTheRun() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        var model = app.fx(() -> app.vm().run().model());
        LessonEntry third = app.lesson("03-");
        app.fx(() -> app.shell().lessonList().scrollTo(third));
        Node cell = app.fx(() -> app.shell().lessonList().lookupAll(".lesson-cell").stream()
                .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getItem() == third)
                .findFirst().orElseThrow());
        app.robot.clickOn(cell, MouseButton.SECONDARY);
        app.waitForPulses(3);
        assertThat(app.fx(() -> app.vm().selectedProperty().get())).isEqualTo(app.lesson("02-"));
        assertThat(app.fx(() -> app.vm().run().model())).as("the run is kept").isSameAs(model);
    }

    @Test
    void everyTabStopShowsAFocusRing() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        app.clickLesson("02-");
        app.robot.type(KeyCode.DIGIT1);
        app.robot.type(KeyCode.F5);
        app.waitForRunShown();
        app.dismissReveal();
        app.fx(() -> app.vm().prediction().load(((Lesson) app.lesson("02-")).predict(), null));
        Map<String, Boolean> stops = new LinkedHashMap<>();
        Node first = null;
        Node previous = null;
        javafx.geometry.Insets previousInsets = null;
        for (int i = 0; i < 60; i++) {
            app.robot.type(KeyCode.TAB);
            app.waitForPulses(1);
            Node owner = app.fx(() -> app.shell().getScene().getFocusOwner());
            if (previous instanceof Region r) {
                // the ring goes with the focus, and neither it nor its going moves anything
                Node was = previous;
                assertThat(app.fx(() -> ringShows(was))).as("no ring left on " + describe(was)).isFalse();
                assertThat(app.fx(() -> r.getInsets())).as("the ring moves nothing in " + describe(was))
                        .isEqualTo(previousInsets);
            }
            if (owner == first) {
                break;
            }
            if (first == null) {
                first = owner;
            }
            stops.put(describe(owner), app.fx(() -> ringShows(owner)));
            if ("choice0".equals(owner.getId())) {
                app.nodeScreenshot(app.robot.lookup("#prediction").query(), "keys-focused-answer");
            } else if ("lessonsToggle".equals(owner.getId())) {
                app.nodeScreenshot(app.robot.lookup(".app-header").query(), "keys-focused-header");
            } else if (owner instanceof Timeline) {
                app.screenshot("keys-focused-timeline");
            }
            previous = owner;
            previousInsets = owner instanceof Region r ? app.fx(() -> r.getInsets()) : null;
        }
        app.screenshot("keys-focus-ring");
        System.out.println("Tab stops: " + stops);
        assertThat(stops).as("Tab stops").hasSizeGreaterThan(10);
        assertThat(stops).as("every Tab stop shows a ring").allSatisfy((k, v) -> assertThat(v).as(k).isTrue());
    }

    @Test
    void escapeNeverStopsARunAndShiftF5Does() throws Exception {
        AppDriver.writeSleeperLesson(lessons);
        AppDriver.writeLesson(lessons, "02-hello", "Hello", "hello.py", "print('hello')\n");
        app.launch(home, "--lessons", lessons.toString());
        app.clickLesson("01-");
        app.robot.type(KeyCode.F5);
        app.waitFor("main and its child", Duration.ofSeconds(60), () -> app.vm().run().model() != null
                && app.vm().run().model().snapshot().processes().stream().filter(ProcessView::alive).count() >= 2);
        long child = app.fx(() -> app.vm().run().model().snapshot().processes().get(1).pid());
        app.fx(() -> app.vm().run().selectedPidProperty().set(child));
        app.robot.type(KeyCode.F1);
        app.waitFor("the keys", Duration.ofSeconds(10), () -> app.shell().keysHelp().showingProperty().get());
        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("Esc: the keys closed first", Duration.ofSeconds(10),
                () -> !app.shell().keysHelp().showingProperty().get());
        assertThat(app.fx(() -> app.vm().run().selectedPidProperty().get())).isEqualTo(child);
        app.robot.type(KeyCode.ESCAPE);
        app.waitFor("Esc: then the selection cleared", Duration.ofSeconds(10),
                () -> app.vm().run().selectedPidProperty().get() == null);
        app.robot.type(KeyCode.ESCAPE);
        app.robot.type(KeyCode.ESCAPE);
        app.waitForPulses(10);
        assertThat(app.fx(() -> app.vm().run().runningProperty().get())).as("Esc never stops a run").isTrue();
        assertThat(app.fx(() -> app.vm().run().model().snapshot().processes().stream().filter(ProcessView::alive)
                .count())).isGreaterThanOrEqualTo(2);

        // nor does a clicker's Page Down: it says how to stop the run first, and the lesson stays
        app.robot.type(KeyCode.PAGE_DOWN);
        app.waitFor("Page Down to say how to stop first", Duration.ofSeconds(10),
                () -> app.vm().run().statusProperty().get().contains("Shift+F5"));
        assertThat(app.fx(() -> app.vm().selectedProperty().get().id())).isEqualTo("01-sleeper");
        assertThat(app.fx(() -> app.vm().run().runningProperty().get())).as("Page Down never stops a run").isTrue();

        // (Ctrl+., Interrupt, is InterruptWindowTest's)
        app.robot.press(KeyCode.SHIFT, KeyCode.F5).release(KeyCode.F5, KeyCode.SHIFT);
        app.waitFor("Shift+F5 to stop the run", Duration.ofSeconds(30),
                () -> !app.vm().run().runningProperty().get());
        assertThat(app.fx(() -> app.vm().run().statusProperty().get())).isEqualTo("Stopped");
    }

    private void typeQuestionMark() {
        app.robot.press(KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT);
    }

    /** The moments of the run's events, in order: starts, output lines, joins begun and returned, exits. */
    private static List<Long> expectedEvents(RunSnapshot s, List<RunEvent.OutputLine> lines) {
        TreeSet<Long> t = new TreeSet<>();
        for (ProcessView p : s.processes()) {
            t.add(p.startedAt());
            t.add(p.endedAt());
            for (JoinView j : p.joins()) {
                t.add(j.from());
                if (j.to() != Span.OPEN) {
                    t.add(j.to());
                }
            }
        }
        lines.forEach(l -> t.add(l.t()));
        return new ArrayList<>(t.subSet(s.startedAt(), true, s.endedAt(), true));
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + n.getStyleClass();
    }

    /** True when {@code n} shows a ring: a border stroke at least 2 px wide in an opaque colour. */
    private static boolean ringShows(Node n) {
        if (!(n instanceof Region r) || r.getBorder() == null) {
            return false;
        }
        for (BorderStroke s : r.getBorder().getStrokes()) {
            if (s.getTopStroke() instanceof Color c && c.getOpacity() > 0.9 && s.getWidths().getTop() >= 2) {
                return true;
            }
        }
        return false;
    }
}
