package org.processlab.ui.shell.editor;

import java.util.Collection;
import java.util.List;

import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

import org.processlab.ui.lesson.PythonTokens;

/**
 * The editor's colours: the lesson page's one-pass highlighter ({@link PythonTokens}) as the code area's style spans,
 * each token's kind one style class ({@code code-keyword}, …) whose colour is in {@code editor.css}, so the editor
 * and the page colour code alike.
 *
 * <p>Threading: stateless; any thread (the spans are plain values).
 */
final class PythonStyles {
    private static final List<String> PLAIN = List.of();

    private PythonStyles() {
    }

    /** The style spans of {@code code}: every character covered once, plain between the tokens. */
    static StyleSpans<Collection<String>> of(String code) {
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        int at = 0;
        for (PythonTokens.Token t : PythonTokens.scan(code)) {
            if (t.start() > at) {
                b.add(PLAIN, t.start() - at);
            }
            b.add(List.of(t.kind().styleClass()), t.end() - t.start());
            at = t.end();
        }
        // a builder needs one span at least; the last one runs to the end
        b.add(PLAIN, code.length() - at);
        return b.create();
    }
}
