package org.processlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.text.Text;

/**
 * Splits Python source into styled {@link Text} runs for a code block: keywords, built-ins, strings, comments,
 * numbers and decorators get the style classes {@code code-keyword}, {@code code-builtin}, {@code code-string},
 * {@code code-comment}, {@code code-number}, {@code code-decorator} (colours live in {@code lesson.css}); every run
 * has {@code code-text}. A lexer good enough for teaching examples, not a parser.
 *
 * <p>Threading: stateless; call on the FX thread (it makes nodes).
 */
public final class PythonHighlighter {
    private static final Pattern TOKENS = Pattern.compile(
            "(?<comment>#[^\\n]*)"
                    + "|(?<string>[rRbBuUfF]{0,2}(?:'''[\\s\\S]*?'''|\"\"\"[\\s\\S]*?\"\"\"|'(?:\\\\.|[^'\\\\\\n])*'|\"(?:\\\\.|[^\"\\\\\\n])*\"))"
                    + "|(?<keyword>\\b(?:False|None|True|and|as|assert|async|await|break|class|continue|def|del|elif|else"
                    + "|except|finally|for|from|global|if|import|in|is|lambda|nonlocal|not|or|pass|raise|return|try|while"
                    + "|with|yield)\\b)"
                    + "|(?<builtin>\\b(?:print|range|len|int|str|float|list|dict|set|tuple|sum|min|max|sorted|enumerate"
                    + "|zip|open|isinstance|super|self|__name__|__main__)\\b)"
                    + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)"
                    + "|(?<decorator>@[A-Za-z_][\\w.]*)");

    private PythonHighlighter() {
    }

    /** The runs of {@code code}, in order; joined they give back {@code code}. */
    public static List<Text> highlight(String code) {
        List<Text> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(code);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(run(code.substring(at, m.start()), null));
            }
            String kind = m.group("comment") != null ? "code-comment"
                    : m.group("string") != null ? "code-string"
                    : m.group("keyword") != null ? "code-keyword"
                    : m.group("builtin") != null ? "code-builtin"
                    : m.group("number") != null ? "code-number" : "code-decorator";
            out.add(run(m.group(), kind));
            at = m.end();
        }
        if (at < code.length()) {
            out.add(run(code.substring(at), null));
        }
        return out;
    }

    /** One unstyled run of {@code code}. */
    public static List<Text> plain(String code) {
        return List.of(run(code, null));
    }

    private static Text run(String s, String kind) {
        Text t = new Text(s);
        t.getStyleClass().add("code-text");
        if (kind != null) {
            t.getStyleClass().add(kind);
        }
        return t;
    }
}
