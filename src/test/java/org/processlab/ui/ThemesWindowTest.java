package org.processlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.application.Application;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.Test;

import org.processlab.model.ProcessView;
import org.processlab.store.SettingsStore;
import org.processlab.ui.theme.Theme;

/**
 * The window in each theme, chosen from the header's menu as a person does: every text it shows meets WCAG AA
 * contrast against what is behind it ({@link ContrastWalk}: 4.5:1, large text 3:1, icons 3:1), when it opens and
 * after a run of lesson 02 (prediction skipped), when the table, console, timeline legend and the reveal have text.
 * The switch is live (no restart), the processes' colours follow it, the choice is kept for the next start, and a
 * PNG of each state is written: {@code theme-<id>-start.png}, {@code theme-<id>-lesson-02.png} and the timeline
 * at twice its size, {@code theme-<id>-timeline-lesson-02.png}.
 */
class ThemesWindowTest extends WindowTest {

    @Test
    void everyTextReadsInEveryThemeBeforeAndAfterARun() throws Exception {
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        List<ContrastWalk.Seen> failed = new ArrayList<>();
        for (Theme t : Theme.values()) {
            failed.addAll(check(t, "start"));
        }

        choose(Theme.LIGHT);
        app.clickLesson("02-");
        app.click("#skipPrediction");
        app.click("#runButton");
        app.waitForRunShown();
        for (Theme t : Theme.values()) {
            failed.addAll(check(t, "lesson-02"));
            app.nodeScreenshot(app.shell().timeline(), "theme-" + t.id() + "-timeline-lesson-02");
            // the processes' colours follow the theme: the console writes each name in the theme's shade
            ProcessView p1 = app.fx(() -> app.vm().run().model().snapshot().processes().stream()
                    .filter(p -> "p1".equals(p.label())).findFirst().orElseThrow());
            Color name = app.fx(() -> app.shell().console().list().lookupAll(".console-who").stream()
                    .map(n -> (Label) n).filter(l -> shown(l) && l.getText().contains("p1"))
                    .map(l -> (Color) l.getTextFill()).findFirst().orElseThrow());
            assertThat(name).as("%s: p1's name in the console", t.id())
                    .isEqualTo(app.fx(() -> app.shell().timeline().paletteProperty().get().textColorOf(p1.pid())));
            assertThat(t.processColours().texts()).contains(name);
        }
        assertThat(failed).as("texts under WCAG AA contrast").isEmpty();

        // kept for the next start
        choose(Theme.HIGH_CONTRAST);
        assertThat(Files.readString(home.resolve(SettingsStore.FILE))).contains("high-contrast");
        app.close();
        app.launch(home, "--lessons", AppDriver.repo().resolve("lessons").toString());
        assertThat(app.fx(Application::getUserAgentStylesheet)).isEqualTo(Theme.HIGH_CONTRAST.userAgentStylesheet());
        assertThat(app.fx(() -> app.shell().getScene().getStylesheets())).containsAll(Theme.HIGH_CONTRAST.stylesheets());
        choose(Theme.LIGHT);
    }

    /** Whether {@code n} and every parent up to the scene's root are visible (a cell kept aside is not). */
    private static boolean shown(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Chooses {@code t} from the header's theme menu and waits for the window to wear it. */
    private void choose(Theme t) {
        app.click("#themeMenu");
        app.click("#theme-" + t.id());
        app.waitFor("the " + t.id() + " theme", Duration.ofSeconds(10),
                () -> t.userAgentStylesheet().equals(Application.getUserAgentStylesheet())
                        && app.shell().getScene().getStylesheets().containsAll(t.stylesheets())
                        && app.shell().timeline().paletteProperty().get().colours() == t.processColours());
    }

    /** Switches to {@code t}, takes a PNG and returns the texts under their required contrast (printing the least). */
    private List<ContrastWalk.Seen> check(Theme t, String when) {
        choose(t);
        app.screenshot("theme-" + t.id() + "-" + when);
        List<ContrastWalk.Seen> seen = app.fx(() -> {
            app.shell().getScene().getRoot().applyCss();
            app.shell().getScene().getRoot().layout();
            List<ContrastWalk.Seen> all = new ArrayList<>(ContrastWalk.of(app.shell().getScene()));
            // Stop and Interrupt are enabled only during a run: their words are held to what they are then
            all.addAll(ContrastWalk.asIfEnabled(app.shell().getScene(), app.shell().lookup("#stopButton")));
            all.addAll(ContrastWalk.asIfEnabled(app.shell().getScene(), app.shell().lookup("#interruptButton")));
            return all;
        });
        assertThat(seen).as("texts found").hasSizeGreaterThan(20);
        ContrastWalk.Seen least = seen.stream().filter(s -> s.required() == 4.5)
                .min(Comparator.comparingDouble(ContrastWalk.Seen::ratio)).orElseThrow();
        ContrastWalk.Seen leastIcon = seen.stream().filter(s -> s.required() < 4.5)
                .min(Comparator.comparingDouble(ContrastWalk.Seen::ratio)).orElse(null);
        System.out.printf("%s, %s: %d texts; least text %s; least large text or icon %s%n", t.id(), when, seen.size(),
                least, leastIcon);
        List<ContrastWalk.Seen> failed = seen.stream().filter(s -> !s.passes()).map(s -> s).toList();
        failed.forEach(f -> System.out.println("  FAILS " + t.id() + ", " + when + ": " + f));
        return failed;
    }
}
