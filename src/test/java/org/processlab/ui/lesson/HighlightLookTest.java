package org.processlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A code block with every kind of Python token, drawn as on a lesson page (highlight-sample.png), to look at. */
class HighlightLookTest {
    static final String SAMPLE = """
            import multiprocessing as mp  # the module
            from os import getpid

            @mp.some_decorator
            def print_square(num: int) -> None:
                \"\"\"Prints the square of num.\"\"\"
                print(f"Square of {num}: {num * num}", 'single', r'raw\\d', b"bytes")
                x = 0x1F + 3.14 + 1e-3 + 10_000 + 2j
                return None

            class Worker(mp.Process):
                pass

            if __name__ == "__main__":
                p1 = mp.Process(target=print_square, args=(10,))
                p1.start(); p1.join()
                print('''three
            lines''', len([1, 2]), sorted(range(3)), isinstance(p1, object), True, self)
            """;

    @BeforeAll
    static void toolkit() throws Exception {
        org.processlab.ui.UiToolkit.start();
    }

    @Test
    void aCodeBlockWithEveryKindOfToken() throws Exception {
        var file = PageSnapshots.fx(() -> {
            VBox box = new VBox(MarkdownRenderer.codeBlock(SAMPLE, "python"));
            box.setPrefWidth(860);
            return PageSnapshots.save(PageSnapshots.scene(box, 900, 480, 15), "highlight-sample");
        });
        assertThat(file).exists();
    }

    @Test
    void aMegabyteStringLiteralHighlightsAndLaysOut() throws Exception {
        String code = "big = '" + "x".repeat(1 << 20) + "'\nprint(len(big))\n";
        List<Text> runs = PageSnapshots.fx(() -> PythonHighlighter.highlight(code));
        assertThat(runs.stream().map(Text::getText).collect(java.util.stream.Collectors.joining())).isEqualTo(code);
        assertThat(runs).filteredOn(t -> t.getStyleClass().contains("code-string")).singleElement()
                .extracting(t -> t.getText().length()).isEqualTo((1 << 20) + 2);
        double height = PageSnapshots.fx(() -> {
            VBox box = new VBox(MarkdownRenderer.codeBlock(code, "python"));
            box.setPrefWidth(860);
            PageSnapshots.scene(box, 900, 300, 15);
            return box.getHeight();
        });
        assertThat(height).isPositive();
    }
}
