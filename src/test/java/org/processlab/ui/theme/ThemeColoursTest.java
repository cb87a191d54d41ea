package org.processlab.ui.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.processlab.ui.fx.ProcessPalette;
import org.processlab.ui.theme.ColourMaths.Vision;
import org.processlab.ui.timeline.Timeline;
import org.processlab.ui.timeline.TimelineFixture;

/**
 * Each theme's colours hold what a classroom needs, taken from the timeline's properties as its stylesheet resolves
 * them under the theme (AtlantaFX's stylesheet and ours, as {@link ThemeSwitch} loads them), and from the palette the
 * theme gives ({@link Theme#processColours()}). The arithmetic and its sources are {@link ColourMaths}'.
 *
 * <p>Thresholds, per theme:
 * <ul>
 *   <li>Process marks: every two of the eight differ by ΔE00 ≥ {@value #MARKS_APART} for normal vision and under
 *       simulated protanopia, deuteranopia and tritanopia; each stands off the lanes' backgrounds by ΔE00 ≥
 *       {@value #MARK_OFF_LANE} (a washed-out projector takes contrast, not that much).</li>
 *   <li>Process text shades (lane titles, the console's names): contrast ≥ 4.5:1 (WCAG AA; 7:1, AAA, in high contrast)
 *       on the lanes, the alternate lanes and a selected lane.</li>
 *   <li>The timeline's painted text (titles, PIDs, the axis, exit labels, notes, the zombie label, the cursor's badge,
 *       a lost band's "?" marks and its lane's detail) on what it is painted on: ≥ 4.5:1.</li>
 *   <li>States: each lane state's colour differs from the states it meets on a bar (created → running ⇄ waiting,
 *       running → zombie → ended, running or waiting → lost; lost also from created and ended, the other outlines
 *       and lines) by ΔE00 ≥ {@value #STATES_APART}, and every two kernel states by as much, for normal
 *       vision; under the three dichromacies by ΔE00 ≥ {@value #STATES_APART_CVD} (each state also has its own
 *       pattern, {@code Marks}, so colour only adds to it).</li>
 * </ul>
 */
class ThemeColoursTest {
    static final double MARKS_APART = 10;
    static final double MARK_OFF_LANE = 20;
    static final double STATES_APART = 10;
    static final double STATES_APART_CVD = 5;

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    @AfterAll
    static void backToLight() throws Exception {
        TimelineFixture.fx(() -> {
            Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
            return null;
        });
    }

    @Test
    void theArithmeticMatchesItsPublishedExamples() {
        // Sharma, Wu & Dalal 2005, table 1, pairs 1, 7 and 17
        assertThat(ColourMaths.deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485}))
                .isCloseTo(2.0425, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ColourMaths.deltaE2000(new double[] {50, 0, 0}, new double[] {50, -1, 2}))
                .isCloseTo(2.3669, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ColourMaths.deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18}))
                .isCloseTo(27.1492, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(ColourMaths.contrast(Color.BLACK, Color.WHITE)).isCloseTo(21, org.assertj.core.data.Offset.offset(1e-9));
        // #767676 is the lightest grey that passes AA on white; #777777 is not
        assertThat(ColourMaths.contrast(Color.web("#767676"), Color.WHITE)).isGreaterThanOrEqualTo(4.5);
        assertThat(ColourMaths.contrast(Color.web("#777777"), Color.WHITE)).isLessThan(4.5);
        // a dichromat cannot tell pure red from a matching olive as a normal viewer does
        assertThat(ColourMaths.deltaE2000(Color.web("#d00000"), Color.web("#7a7000"), Vision.DEUTERANOPIA))
                .isLessThan(ColourMaths.deltaE2000(Color.web("#d00000"), Color.web("#7a7000"), Vision.NORMAL) / 2);
    }

    @Test
    void processMarksStayApartForEveryViewerAndOffTheLanes() throws Exception {
        List<String> report = new ArrayList<>();
        for (Theme t : Theme.values()) {
            Map<String, Color> tl = timelineColours(t);
            List<Color> marks = t.processColours().marks();
            assertThat(marks).hasSize(8);
            for (Vision v : Vision.values()) {
                double min = Double.MAX_VALUE;
                String pair = "";
                for (int i = 0; i < marks.size(); i++) {
                    for (int j = i + 1; j < marks.size(); j++) {
                        double d = ColourMaths.deltaE2000(marks.get(i), marks.get(j), v);
                        if (d < min) {
                            min = d;
                            pair = ColourMaths.hex(marks.get(i)) + "/" + ColourMaths.hex(marks.get(j));
                        }
                    }
                }
                report.add(String.format("%s %s: marks ΔE00 min %.1f (%s)", t.id(), v, min, pair));
                assertThat(min).as("%s, %s: the closest two process marks (%s)", t.id(), v, pair)
                        .isGreaterThanOrEqualTo(MARKS_APART);
            }
            for (Color m : marks) {
                for (String bg : List.of("lane", "laneAlt")) {
                    assertThat(ColourMaths.deltaE2000(m, tl.get(bg), Vision.NORMAL))
                            .as("%s: mark %s off the %s %s", t.id(), ColourMaths.hex(m), bg, ColourMaths.hex(tl.get(bg)))
                            .isGreaterThanOrEqualTo(MARK_OFF_LANE);
                }
            }
        }
        report.forEach(System.out::println);
    }

    @Test
    void processNamesAndTheTimelinesPaintedTextAreReadableInEveryTheme() throws Exception {
        for (Theme t : Theme.values()) {
            Map<String, Color> c = timelineColours(t);
            double least = Double.MAX_VALUE;
            double names = t == Theme.HIGH_CONTRAST ? 7 : 4.5;
            for (Color text : t.processColours().texts()) {
                for (String bg : List.of("lane", "laneAlt", "selection")) {
                    double r = ColourMaths.contrast(text, c.get(bg));
                    assertThat(r).as("%s: process name %s on %s", t.id(), ColourMaths.hex(text), bg)
                            .isGreaterThanOrEqualTo(names);
                }
            }
            List<String[]> pairs = List.of(
                    new String[] {"text", "lane"}, new String[] {"text", "laneAlt"}, new String[] {"text", "selection"},
                    new String[] {"mutedText", "lane"}, new String[] {"mutedText", "laneAlt"},
                    new String[] {"mutedText", "selection"}, new String[] {"warning", "lane"},
                    new String[] {"warning", "laneAlt"}, new String[] {"warning", "note"},
                    new String[] {"error", "lane"}, new String[] {"lost", "lane"}, new String[] {"lost", "laneAlt"},
                    new String[] {"lost", "selection"}, new String[] {"emphasisText", "zombie"},
                    new String[] {"emphasisText", "cursor"});
            for (String[] p : pairs) {
                double r = ColourMaths.contrast(c.get(p[0]), c.get(p[1]));
                least = Math.min(least, r);
                assertThat(r).as("%s: timeline %s %s on %s %s", t.id(), p[0], ColourMaths.hex(c.get(p[0])), p[1],
                        ColourMaths.hex(c.get(p[1]))).isGreaterThanOrEqualTo(4.5);
            }
            System.out.printf("%s: timeline painted text contrast min %.2f%n", t.id(), least);
        }
    }

    @Test
    void eachStateColourDiffersFromItsNeighbours() throws Exception {
        List<String[]> lane = List.of(new String[] {"created", "running"}, new String[] {"running", "waiting"},
                new String[] {"running", "zombie"}, new String[] {"zombie", "ended"},
                new String[] {"waiting", "zombie"}, new String[] {"running", "lost"},
                new String[] {"waiting", "lost"}, new String[] {"created", "lost"}, new String[] {"ended", "lost"});
        List<String> kernel = List.of("kernelRunning", "kernelSleeping", "kernelDiskWait", "kernelStopped",
                "kernelZombie");
        for (Theme t : Theme.values()) {
            Map<String, Color> c = timelineColours(t);
            List<String[]> pairs = new ArrayList<>(lane);
            for (int i = 0; i < kernel.size(); i++) {
                for (int j = i + 1; j < kernel.size(); j++) {
                    pairs.add(new String[] {kernel.get(i), kernel.get(j)});
                }
            }
            double leastNormal = Double.MAX_VALUE;
            double leastCvd = Double.MAX_VALUE;
            for (String[] p : pairs) {
                for (Vision v : Vision.values()) {
                    double d = ColourMaths.deltaE2000(c.get(p[0]), c.get(p[1]), v);
                    double min = v == Vision.NORMAL ? STATES_APART : STATES_APART_CVD;
                    if (v == Vision.NORMAL) {
                        leastNormal = Math.min(leastNormal, d);
                    } else {
                        leastCvd = Math.min(leastCvd, d);
                    }
                    assertThat(d).as("%s, %s: %s %s vs %s %s", t.id(), v, p[0], ColourMaths.hex(c.get(p[0])), p[1],
                            ColourMaths.hex(c.get(p[1]))).isGreaterThanOrEqualTo(min);
                }
            }
            System.out.printf("%s: state colours ΔE00 min %.1f (normal), %.1f (dichromacies)%n", t.id(), leastNormal,
                    leastCvd);
        }
    }

    /** The timeline's colours under theme {@code t}: a timeline in a scene styled as the window is. */
    static Map<String, Color> timelineColours(Theme t) throws Exception {
        Map<String, Function<Timeline, Color>> props = new LinkedHashMap<>();
        props.put("lane", Timeline::getLaneColor);
        props.put("laneAlt", Timeline::getLaneAltColor);
        props.put("selection", Timeline::getSelectionColor);
        props.put("text", Timeline::getTextColor);
        props.put("mutedText", Timeline::getMutedTextColor);
        props.put("emphasisText", Timeline::getEmphasisTextColor);
        props.put("warning", Timeline::getWarningColor);
        props.put("note", Timeline::getNoteColor);
        props.put("error", Timeline::getErrorColor);
        props.put("cursor", Timeline::getCursorColor);
        props.put("running", Timeline::getRunningColor);
        props.put("waiting", Timeline::getWaitingColor);
        props.put("zombie", Timeline::getZombieColor);
        props.put("created", Timeline::getCreatedColor);
        props.put("ended", Timeline::getEndedColor);
        props.put("lost", Timeline::getLostColor);
        props.put("kernelRunning", Timeline::getKernelRunningColor);
        props.put("kernelSleeping", Timeline::getKernelSleepingColor);
        props.put("kernelDiskWait", Timeline::getKernelDiskWaitColor);
        props.put("kernelStopped", Timeline::getKernelStoppedColor);
        props.put("kernelZombie", Timeline::getKernelZombieColor);
        return TimelineFixture.fx(() -> {
            Application.setUserAgentStylesheet(t.userAgentStylesheet());
            Timeline tl = new Timeline();
            Scene scene = new Scene(new StackPane(tl), 800, 400);
            scene.getStylesheets().addAll(t.stylesheets());
            tl.applyCss();
            Map<String, Color> m = new LinkedHashMap<>();
            Color lane = tl.getLaneColor();
            // a translucent token (Primer Dark's "subtle" ones) is seen over the lane
            props.forEach((k, f) -> {
                Color c = f.apply(tl);
                assertThat(c).as("%s: %s is set", t.id(), k).isNotNull();
                m.put(k, c.getOpacity() < 1 ? ColourMaths.over(c, lane) : c);
            });
            return m;
        });
    }
}
