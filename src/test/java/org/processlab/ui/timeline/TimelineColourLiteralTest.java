package org.processlab.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The timeline's drawing code holds no colour: every colour is in {@code timeline.css}, as an alias of the theme's
 * tokens. Scans the sources of the timeline's package and its sub-packages (the control, its skin, behaviour and
 * painters) for colour literals: {@code Color.web(…)}, {@code Color.rgb(…)}, {@code Color.hsb(…)},
 * {@code Color.color(…)}, {@code Color.gray(…)}, {@code new Color(…)}, the named constants ({@code Color.WHITE}…),
 * hex colours ({@code "#fff8c5"}) and CSS colour functions in strings ({@code "rgb(…)"}).
 */
class TimelineColourLiteralTest {
    private static final Path SOURCES = Path.of("src/main/java/org/processlab/ui/timeline");

    /** What a colour literal looks like in Java source. */
    static final Pattern LITERAL = Pattern.compile(String.join("|",
            "\\bColor\\s*\\.\\s*(web|rgb|hsb|color|gray|grayRgb|valueOf)\\s*\\(",
            "\\bnew\\s+Color\\s*\\(",
            "\\bColor\\s*\\.\\s*[A-Z][A-Z_]+\\b",
            "#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\\b",
            "\"\\s*(rgb|rgba|hsb|hsba)\\s*\\("));

    @Test
    void thePatternFindsEveryKindOfColourLiteral() {
        for (String code : List.of("g.setFill(Color.WHITE);", "Color.web(\"#218bff\")", "Color.rgb(1, 2, 3)",
                "Color.color(r, g, b, 0.55)", "Color.hsb(200, 0.5, 1)", "new Color(0, 0, 0, 1)",
                "Color.TRANSPARENT", "String c = \"#fff8c5\";", "Paint.valueOf(\"#fff\")", "\"rgba(0,0,0,.5)\"",
                "Color . BLACK")) {
            assertThat(LITERAL.matcher(code).find()).as(code).isTrue();
        }
        for (String code : List.of("Color c = st.running();", "s.setFill(color);", "Color::darker",
                "import javafx.scene.paint.Color;", "@param color the colour", "issue #14")) {
            assertThat(LITERAL.matcher(code).find()).as(code).isFalse();
        }
    }

    @Test
    void theTimelinesDrawingCodeHoldsNoColourLiteral() throws IOException {
        assertThat(SOURCES).isDirectory();
        List<Path> files;
        try (Stream<Path> s = Files.walk(SOURCES)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("Timeline.java", "TimelineSkin.java", "LanesPainter.java", "OverlayPainter.java",
                        "TimelineLegend.java", "Marks.java", "TimelineStyle.java");
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LITERAL.matcher(lines.get(i));
                if (m.find()) {
                    found.add(SOURCES.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("colour literals in the timeline's code (they belong in timeline.css)").isEmpty();
    }
}
