package org.processlab.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** CommonMark + GFM tables become JavaFX nodes with the expected shapes and style classes. */
class MarkdownRendererTest {
    private static final String MD = """
            # Title with `code`

            Some *emphasis*, **strong** and `inline` text.

            - one
            - two

            1. first
            2. second

            ```python
            import os  # a comment
            print("hi")
            ```

            | kind | rule |
            | --- | --- |
            | daemon | ends with main |
            """;

    @BeforeAll
    static void toolkit() throws Exception {
        org.processlab.ui.UiToolkit.start();
    }

    @Test
    void rendersEveryKindOfBlock() throws Exception {
        VBox page = WaitForAsyncUtils.asyncFx(() -> MarkdownRenderer.render(MD)).get();
        List<Node> all = new ArrayList<>();
        walk(page, all);
        assertThat(classed(all, "md-h1")).hasSize(1);
        assertThat(classed(all, "md-paragraph")).isNotEmpty();
        assertThat(all).filteredOn(n -> n instanceof Text t && t.getStyleClass().contains("md-em"))
                .extracting(n -> ((Text) n).getText()).containsExactly("emphasis");
        assertThat(all).filteredOn(n -> n instanceof Text t && t.getStyleClass().contains("md-strong"))
                .extracting(n -> ((Text) n).getText()).containsExactly("strong");
        assertThat(all).filteredOn(n -> n instanceof Label l && l.getStyleClass().contains("md-code"))
                .extracting(n -> ((Label) n).getText()).containsExactly("code", "inline");
        assertThat(classed(all, "md-bullet-list")).hasSize(1);
        assertThat(all).filteredOn(n -> n instanceof Label l && l.getStyleClass().contains("md-list-marker"))
                .extracting(n -> ((Label) n).getText()).containsExactly("•", "•", "1.", "2.");
        assertThat(classed(all, "md-code-block")).hasSize(1);
        assertThat(all).filteredOn(n -> n instanceof Text t && t.getStyleClass().contains("code-keyword"))
                .extracting(n -> ((Text) n).getText()).contains("import");
        assertThat(all).filteredOn(n -> n instanceof Text t && t.getStyleClass().contains("code-comment"))
                .extracting(n -> ((Text) n).getText()).containsExactly("# a comment");
        MarkdownTable table = (MarkdownTable) classed(all, "md-table").get(0);
        assertThat(table.getChildrenUnmodifiable()).filteredOn(c -> c instanceof TableCellBox
                && !c.getStyleClass().contains("md-table-caption")).hasSize(4);
        assertThat(table.rowCount()).isEqualTo(2);
        // a column is never narrower than its longest word (issue 12: cells wrap between words, the page never
        // scrolls sideways): each cell's least width holds its longest word
        double daemon = WaitForAsyncUtils.asyncFx(() -> new Text("daemon").getLayoutBounds().getWidth()).get();
        assertThat(WaitForAsyncUtils.asyncFx(() -> table.getChildrenUnmodifiable().get(2).minWidth(-1)).get())
                .isGreaterThanOrEqualTo(daemon);
        assertThat(classed(all, "md-th")).hasSize(2);
        assertThat(all).filteredOn(n -> n instanceof TextFlow).isNotEmpty();
    }

    @Test
    void findsWhetherThePageAlreadyShowsTheExample() {
        String code = "import os  # a comment\nprint(\"hi\")\n";
        assertThat(MarkdownRenderer.holdsCode(MD, code)).isTrue();
        assertThat(MarkdownRenderer.holdsCode("# No code here\n", code)).isFalse();
    }

    private static List<Node> classed(List<Node> all, String cls) {
        return all.stream().filter(n -> n.getStyleClass().contains(cls)).toList();
    }

    private static void walk(Node n, List<Node> out) {
        out.add(n);
        if (n instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            walk(sp.getContent(), out);     // a wide table scrolls: its grid is the content
        } else if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, out);
            }
        }
    }
}
