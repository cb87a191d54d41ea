package org.processlab.ui.lesson;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.text.Text;

/**
 * Turns Python source into styled {@link Text} runs for a code block: every run has {@code code-text}, and a token
 * ({@link PythonTokens}) also its kind's class ({@code code-keyword}, {@code code-builtin}, {@code code-string},
 * {@code code-comment}, {@code code-number}, {@code code-decorator}, {@code code-definition}); the colours live in
 * {@code lesson.css}.
 *
 * <p>Threading: stateless; call on the FX thread (it makes nodes).
 */
public final class PythonHighlighter {
    private PythonHighlighter() {
    }

    /** The runs of {@code code}, in order; joined they give back {@code code}. */
    public static List<Text> highlight(String code) {
        List<Text> out = new ArrayList<>();
        int at = 0;
        for (PythonTokens.Token t : PythonTokens.scan(code)) {
            if (t.start() > at) {
                out.add(run(code.substring(at, t.start()), null));
            }
            out.add(run(code.substring(t.start(), t.end()), t.kind().styleClass()));
            at = t.end();
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

    private static Text run(String s, String styleClass) {
        Text t = new Text(s);
        t.getStyleClass().add("code-text");
        if (styleClass != null) {
            t.getStyleClass().add(styleClass);
        }
        return t;
    }
}
