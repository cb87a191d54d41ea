package org.processlab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The timeline's colours come from the theme: under PrimerLight (the app's theme) each is the colour the timeline
 * had before its colours became aliases of the theme's tokens, within a stated difference (CIE76 ΔE: under 1 cannot
 * be seen, under 2.3 is barely seen side by side); under PrimerDark the same stylesheet gives the dark theme's
 * colours, with no code.
 */
class TimelineThemeTest {

    /** A colour property, the colour it had before (hard-coded in timeline.css), and how far it may be from it. */
    private record Was(Function<Timeline, Color> property, String old, double maxDeltaE) {
    }

    private static final Map<String, Was> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put("lane", new Was(Timeline::getLaneColor, "#ffffff", 0.5));
        TABLE.put("laneAlt", new Was(Timeline::getLaneAltColor, "#f6f8fa", 0.5));
        TABLE.put("selection", new Was(Timeline::getSelectionColor, "#ddf4ff", 0.5));
        TABLE.put("text", new Was(Timeline::getTextColor, "#1f2328", 3.5));
        TABLE.put("mutedText", new Was(Timeline::getMutedTextColor, "#57606a", 0.5));
        TABLE.put("emphasisText (was Color.WHITE in the skin)", new Was(Timeline::getEmphasisTextColor, "#ffffff", 0.5));
        TABLE.put("grid", new Was(Timeline::getGridColor, "#d8dee4", 0.5));
        TABLE.put("treeLine (was grid.darker() in the skin)", new Was(Timeline::getTreeLineColor, "#979ba0", 1));
        TABLE.put("warning", new Was(Timeline::getWarningColor, "#9a6700", 0.5));
        TABLE.put("note (was #fff8c5 in the skin)", new Was(Timeline::getNoteColor, "#fff8c5", 0.5));
        TABLE.put("running", new Was(Timeline::getRunningColor, "#218bff", 0.5));
        TABLE.put("waiting", new Was(Timeline::getWaitingColor, "#c8e6ff", 1));
        TABLE.put("zombie", new Was(Timeline::getZombieColor, "#a0656e", 1));
        TABLE.put("created", new Was(Timeline::getCreatedColor, "#afb8c1", 0.5));
        TABLE.put("ended", new Was(Timeline::getEndedColor, "#8c959f", 0.5));
        TABLE.put("error", new Was(Timeline::getErrorColor, "#cf222e", 0.5));
        TABLE.put("arrow", new Was(Timeline::getArrowColor, "#57606a", 0.5));
        TABLE.put("joinArrow (was running.darker() in the skin)", new Was(Timeline::getJoinArrowColor, "#1761b2", 1));
        TABLE.put("tick", new Was(Timeline::getTickColor, "#24292f", 0.5));
        TABLE.put("stderrTick", new Was(Timeline::getStderrTickColor, "#e5534b", 6.5));
        TABLE.put("now", new Was(Timeline::getNowColor, "#bf8700", 0.5));
        // darkened a little for issue 12: the badge's white text on it reads at 4.5:1 (ThemeColoursTest)
        TABLE.put("cursor", new Was(Timeline::getCursorColor, "#c2410c", 9.5));
        TABLE.put("kernelRunning", new Was(Timeline::getKernelRunningColor, "#2da44e", 0.5));
        TABLE.put("kernelSleeping", new Was(Timeline::getKernelSleepingColor, "#b7c3cf", 1));
        TABLE.put("kernelDiskWait", new Was(Timeline::getKernelDiskWaitColor, "#f08c00", 10.5));
        TABLE.put("kernelStopped", new Was(Timeline::getKernelStoppedColor, "#8250df", 13.5));
        TABLE.put("kernelZombie", new Was(Timeline::getKernelZombieColor, "#a0656e", 1));
    }

    @BeforeAll
    static void toolkit() throws Exception {
        TimelineFixture.toolkit();
    }

    @Test
    void underPrimerLightEveryColourIsTheOneTheTimelineHadWithinAStatedDifference() throws Exception {
        Map<String, Color> colours = TimelineFixture.fx(() -> {
            Timeline t = styled();
            Map<String, Color> m = new LinkedHashMap<>();
            TABLE.forEach((name, was) -> m.put(name, was.property().apply(t)));
            return m;
        });
        TABLE.forEach((name, was) -> {
            Color c = colours.get(name);
            assertThat(c).as(name + " is set by the stylesheet").isNotNull();
            assertThat(deltaE(c, Color.web(was.old())))
                    .as("%s: %s under PrimerLight, was %s", name, hex(c), was.old())
                    .isLessThanOrEqualTo(was.maxDeltaE());
        });
        assertThat(TimelineFixture.fx(() -> styled().getStyleClass())).containsExactly(Timeline.STYLE_CLASS);
    }

    @Test
    void underPrimerDarkTheSameStylesheetGivesTheDarkThemesColours() throws Exception {
        Map<String, Color> dark = tokens(new PrimerDark().getUserAgentStylesheet());
        try {
            Map<String, Color> got = TimelineFixture.fx(() -> {
                Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet());
                Timeline t = styled();
                return Map.of("lane", t.getLaneColor(), "laneAlt", t.getLaneAltColor(), "text", t.getTextColor(),
                        "running", t.getRunningColor(), "error", t.getErrorColor());
            });
            assertThat(got.get("lane")).isEqualTo(dark.get("-color-bg-default"));
            assertThat(got.get("laneAlt")).isEqualTo(dark.get("-color-bg-subtle"));
            assertThat(got.get("text")).isEqualTo(dark.get("-color-fg-default"));
            assertThat(got.get("running")).isEqualTo(dark.get("-color-accent-4"));
            assertThat(got.get("error")).isEqualTo(dark.get("-color-danger-fg"));
        } finally {
            TimelineFixture.fx(() -> {
                Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
                return null;
            });
        }
    }

    /** A timeline in a scene of its own (never shown), its CSS applied. FX thread. */
    private static Timeline styled() {
        Timeline t = new Timeline();
        new Scene(new StackPane(t), 800, 400);
        t.applyCss();
        return t;
    }

    /** The {@code -color-*: #rrggbb} tokens of a theme's stylesheet (a resource path, as AtlantaFX gives it). */
    private static Map<String, Color> tokens(String stylesheet) throws Exception {
        String css;
        try (InputStream in = PrimerDark.class.getResourceAsStream(stylesheet)) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Color> m = new LinkedHashMap<>();
        Matcher k = Pattern.compile("(-color-[a-z0-9-]+):\\s*(#[0-9a-fA-F]{6});").matcher(css);
        while (k.find()) {
            m.putIfAbsent(k.group(1), Color.web(k.group(2)));
        }
        return m;
    }

    private static String hex(Color c) {
        return String.format("#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    /** CIE76 ΔE between two colours (sRGB, D65). */
    static double deltaE(Color a, Color b) {
        double[] x = lab(a);
        double[] y = lab(b);
        return Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2) + Math.pow(x[2] - y[2], 2));
    }

    private static double[] lab(Color c) {
        double[] rgb = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.04045 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        double x = f((rgb[0] * 0.4124 + rgb[1] * 0.3576 + rgb[2] * 0.1805) / 0.95047);
        double y = f(rgb[0] * 0.2126 + rgb[1] * 0.7152 + rgb[2] * 0.0722);
        double z = f((rgb[0] * 0.0193 + rgb[1] * 0.1192 + rgb[2] * 0.9505) / 1.08883);
        return new double[] {116 * y - 16, 500 * (x - y), 200 * (y - z)};
    }

    private static double f(double t) {
        return t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116.0;
    }
}
