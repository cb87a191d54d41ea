package org.processlab.ui.lesson;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.scene.text.TextFlow;

import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import org.processlab.lesson.FenceInfo;
import org.processlab.lesson.PageBounds;

/**
 * Renders CommonMark (with GFM tables) into JavaFX nodes, no WebView: headings and paragraphs become
 * {@link TextFlow}s of {@link Text} runs (emphasis, strong, links styled by class), inline code a small label,
 * lists rows of bullet + content, fenced code blocks monospace on a light background (Python highlighted; the
 * language is the info string's first word, so {@code python file=x.py} is Python), tables a {@link MarkdownTable}
 * whose cells wrap, images from the lesson's folder ({@link PageImage}). Every node carries an {@code md-...} style
 * class; the look is in {@code lesson.css}.
 *
 * <p>A page is checked against {@link PageBounds} before it is parsed for drawing (the lessons were checked when
 * they were loaded; this keeps the renderer bounded whatever it is given), so the recursion of the drawing stays
 * shallow.
 *
 * <p>Threading: call on the FX thread (it makes nodes); parsing is cheap for a lesson page.
 */
public final class MarkdownRenderer {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownRenderer() {
    }

    /** The page for {@code markdown}, with no folder to draw images from; see {@link #render(String, Path)}. */
    public static VBox render(String markdown) {
        return render(markdown, null);
    }

    /**
     * The page for {@code markdown}: a VBox with one child per block. Images are drawn from files in {@code folder}
     * (the lesson's; null: none is drawn) by {@link PageImage}'s rule; anything else shows its alt text.
     *
     * @throws OutOfBounds when the page is outside {@link PageBounds} (nested too deep, too many parts, a line too
     *                     long): drawing it would exhaust the stack or the memory, so nothing is drawn
     */
    public static VBox render(String markdown, Path folder) {
        String md = markdown == null ? "" : markdown;
        String problem = PageBounds.check(md, 1);
        if (problem != null) {
            throw new OutOfBounds(problem);
        }
        VBox root = new VBox();
        root.getStyleClass().add("markdown");
        new Builder(root, folder).render(PARSER.parse(md));
        return root;
    }

    /**
     * A page outside {@link PageBounds}; the message says which bound and where ("line 3: the page nests lists 100000
     * deep; …"), its line counted from the first line of the Markdown given.
     */
    public static final class OutOfBounds extends RuntimeException {
        private static final long serialVersionUID = 1L;

        OutOfBounds(String message) {
            super(message, null, false, false);
        }
    }

    /** The literal text of every fenced or indented code block of {@code markdown}, in order. */
    public static List<String> codeBlocks(String markdown) {
        List<String> out = new java.util.ArrayList<>();
        PARSER.parse(markdown == null ? "" : markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock b) {
                out.add(b.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock b) {
                out.add(b.getLiteral());
            }
        });
        return out;
    }

    /**
     * True when one code block of {@code markdown} already holds (nearly: 90 %) every non-blank line of {@code code},
     * compared without leading and trailing blanks: the page shows that program, so it is not shown again below.
     */
    public static boolean holdsCode(String markdown, String code) {
        List<String> lines = code.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return true;
        }
        for (String block : codeBlocks(markdown)) {
            java.util.Set<String> have = new java.util.HashSet<>(block.lines().map(String::strip).toList());
            long found = lines.stream().filter(have::contains).count();
            if (found >= lines.size() * 0.9) {
                return true;
            }
        }
        return false;
    }

    /** A code block with no name of its own; see {@link #codeBlock(String, String, String)}. */
    public static Node codeBlock(String code, String language) {
        return codeBlock(code, language, null);
    }

    /**
     * A code block: {@code python} (or {@code py}) gets highlighting, anything else is plain monospace. Lines never
     * wrap: one wider than the page scrolls sideways, and then a "whole code" button shows in the block's top right
     * corner; it fires a {@link WideCodeEvent} (with {@code title}, which may be null) that the window answers with a
     * {@link WideCodeView}.
     */
    public static Node codeBlock(String code, String language, String title) {
        String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        TextFlow flow = codeFlow(code, lang);
        // Code never wraps (a wrapped line of Python reads wrong, and a long name was cut in two): a line wider
        // than the page scrolls sideways (Shift+wheel, or the bar). An up/down wheel goes on to the page.
        ScrollPane sideways = new ScrollPane(flow);
        sideways.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            javafx.scene.Parent up = sideways.getParent();
            if (up != null && Math.abs(e.getDeltaY()) > Math.abs(e.getDeltaX())) {
                e.consume();
                javafx.event.Event.fireEvent(up, e.copyFor(e.getSource(), up));
            }
        });
        sideways.getStyleClass().add("md-code-scroll");
        sideways.setFitToWidth(false);
        sideways.setFitToHeight(true);
        sideways.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        sideways.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideways.setMinWidth(0);

        javafx.scene.control.Button wide = new javafx.scene.control.Button(null,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignA.ARROW_EXPAND));
        wide.getStyleClass().add("md-code-wide");
        wide.setTooltip(new javafx.scene.control.Tooltip("Show the whole code, wide and large (Esc closes)"));
        wide.setAccessibleText("Show the whole code");
        // only where some line is cut: a block that fits shows nothing more
        wide.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> flow.getLayoutBounds().getWidth() > sideways.getViewportBounds().getWidth() + 1,
                flow.layoutBoundsProperty(), sideways.viewportBoundsProperty()));
        wide.setOnAction(e -> wide.fireEvent(new WideCodeEvent(code, lang, title)));
        javafx.scene.layout.StackPane stack = new javafx.scene.layout.StackPane(sideways, wide);
        javafx.scene.layout.StackPane.setAlignment(wide, Pos.TOP_RIGHT);
        stack.setMinWidth(0);
        VBox box = new VBox(stack);
        box.getStyleClass().add("md-code-block");
        box.setMinWidth(0);
        return box;
    }

    /**
     * The text of a code block as one {@link TextFlow} of {@link Text} runs, highlighted when {@code language} is
     * {@code python} or {@code py} (the last newline dropped; style class {@code md-code-flow}).
     */
    public static TextFlow codeFlow(String code, String language) {
        String lang = language == null ? "" : language.trim().toLowerCase(Locale.ROOT);
        String body = code.endsWith("\n") ? code.substring(0, code.length() - 1) : code;
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-code-flow");
        flow.getChildren().addAll(lang.startsWith("py") ? PythonHighlighter.highlight(body) : PythonHighlighter.plain(body));
        return flow;
    }

    /** Walks the tree, keeping a stack of block containers and the paragraph being filled. */
    private static final class Builder extends AbstractVisitor {
        private final Deque<Pane> blocks = new ArrayDeque<>();
        private final Deque<String> inlineStyles = new ArrayDeque<>();
        private final Path folder;
        private TextFlow inline;
        /** Filling a paragraph, whose images become blocks of their own (elsewhere they stay in the line). */
        private boolean inParagraph;

        Builder(VBox root, Path folder) {
            blocks.push(root);
            this.folder = folder;
        }

        void render(org.commonmark.node.Node doc) {
            doc.accept(this);
        }

        private void addBlock(Node n) {
            blocks.peek().getChildren().add(n);
        }

        private TextFlow flow(String... classes) {
            TextFlow f = new TextFlow();
            f.getStyleClass().addAll(classes);
            f.setMinWidth(0);
            return f;
        }

        private void fill(TextFlow f, org.commonmark.node.Node n) {
            TextFlow saved = inline;
            inline = f;
            visitChildren(n);
            inline = saved;
        }

        private void text(String s) {
            if (inline == null) {
                inline = flow("md-paragraph");
                addBlock(inline);
            }
            Text t = new Text(s);
            t.getStyleClass().add("md-text");
            t.getStyleClass().addAll(inlineStyles);
            inline.getChildren().add(t);
        }

        @Override
        public void visit(Heading h) {
            TextFlow f = flow("md-heading", "md-h" + Math.min(h.getLevel(), 4));
            addBlock(f);
            fill(f, h);
        }

        @Override
        public void visit(Paragraph p) {
            boolean was = inParagraph;
            inParagraph = true;
            if (onlyImages(p)) {
                visitChildren(p);
            } else {
                TextFlow f = flow("md-paragraph");
                addBlock(f);
                fill(f, p);
            }
            inParagraph = was;
        }

        /** True when {@code p} holds images and blanks only: no empty line of text goes before them. */
        private static boolean onlyImages(Paragraph p) {
            boolean image = false;
            for (org.commonmark.node.Node n = p.getFirstChild(); n != null; n = n.getNext()) {
                if (n instanceof Image) {
                    image = true;
                } else if (!(n instanceof SoftLineBreak || n instanceof HardLineBreak
                        || n instanceof org.commonmark.node.Text t && t.getLiteral().isBlank())) {
                    return false;
                }
            }
            return image;
        }

        @Override
        public void visit(org.commonmark.node.Text t) {
            String s = inline == null ? t.getLiteral().stripLeading() : t.getLiteral();
            if (s.isEmpty()) {
                return;     // the blank between two images, or after one
            }
            text(s);
        }


        @Override
        public void visit(HardLineBreak b) {
            text("\n");
        }

        @Override
        public void visit(Emphasis e) {
            styled("md-em", e);
        }

        @Override
        public void visit(StrongEmphasis e) {
            styled("md-strong", e);
        }

        @Override
        public void visit(Link l) {
            styled("md-link", l);
        }

        private void styled(String cls, org.commonmark.node.Node n) {
            inlineStyles.push(cls);
            visitChildren(n);
            inlineStyles.pop();
        }

        @Override
        public void visit(Code c) {
            if (inline == null) {
                text("");
            }
            Label l = new Label(c.getLiteral());
            l.getStyleClass().add("md-code");
            l.getStyleClass().addAll(inlineStyles);
            l.setMinWidth(Label.USE_PREF_SIZE);
            inline.getChildren().add(l);
        }

        @Override
        public void visit(HtmlInline h) {
            text(h.getLiteral());
        }

        @Override
        public void visit(SoftLineBreak b) {
            if (inline != null) {
                text(" ");
            }
        }

        /**
         * An image: in a paragraph, a block of its own between the text before and after it (so it can take the
         * page's width); in a heading or a table cell, part of the line.
         */
        @Override
        public void visit(Image i) {
            Node image = PageImage.of(i.getDestination(), plainText(i), folder);
            if (inParagraph) {
                addBlock(image);
                inline = null;     // text after the image starts a new line of text below it
            } else {
                if (inline == null) {
                    text("");
                }
                inline.getChildren().add(image);
            }
        }

        @Override
        public void visit(FencedCodeBlock b) {
            // an included file's block is the lesson's code: its wide view keeps the lesson's title
            addBlock(codeBlock(b.getLiteral(), FenceInfo.parse(b.getInfo()).language()));
        }

        @Override
        public void visit(IndentedCodeBlock b) {
            addBlock(codeBlock(b.getLiteral(), null));
        }

        @Override
        public void visit(HtmlBlock b) {
            TextFlow f = flow("md-paragraph", "md-html");
            addBlock(f);
            TextFlow saved = inline;
            inline = f;
            text(b.getLiteral().strip());
            inline = saved;
        }

        @Override
        public void visit(ThematicBreak b) {
            Separator s = new Separator();
            s.getStyleClass().add("md-rule");
            addBlock(s);
        }

        @Override
        public void visit(BlockQuote q) {
            VBox box = new VBox();
            box.getStyleClass().add("md-quote");
            box.setMinWidth(0);
            nested(box, q);
        }

        @Override
        public void visit(BulletList l) {
            list(l, -1);
        }

        @Override
        public void visit(OrderedList l) {
            Integer start = l.getMarkerStartNumber();
            list(l, start == null ? 1 : start);
        }

        private void list(org.commonmark.node.Node l, int number) {
            VBox box = new VBox();
            box.getStyleClass().add(number < 0 ? "md-bullet-list" : "md-ordered-list");
            box.setMinWidth(0);
            addBlock(box);
            int n = number;
            for (org.commonmark.node.Node item = l.getFirstChild(); item != null; item = item.getNext()) {
                if (!(item instanceof ListItem)) {
                    continue;
                }
                Label marker = new Label(number < 0 ? "•" : n++ + ".");
                marker.getStyleClass().add("md-list-marker");
                marker.setMinWidth(Label.USE_PREF_SIZE);
                VBox content = new VBox();
                content.getStyleClass().add("md-list-content");
                content.setMinWidth(0);
                HBox.setHgrow(content, Priority.ALWAYS);
                HBox row = new HBox(marker, content);
                row.getStyleClass().add("md-list-item");
                row.setAlignment(Pos.TOP_LEFT);
                row.setMinWidth(0);
                box.getChildren().add(row);
                blocks.push(content);
                TextFlow saved = inline;
                inline = null;
                visitChildren(item);
                inline = saved;
                blocks.pop();
            }
        }

        private void nested(Pane box, org.commonmark.node.Node n) {
            addBlock(box);
            blocks.push(box);
            TextFlow saved = inline;
            inline = null;
            visitChildren(n);
            inline = saved;
            blocks.pop();
        }

        @Override
        public void visit(CustomBlock b) {
            if (b instanceof TableBlock t) {
                table(t);
            } else {
                visitChildren(b);
            }
        }

        private String plainText(org.commonmark.node.Node n) {
            StringBuilder b = new StringBuilder();
            n.accept(new AbstractVisitor() {
                @Override
                public void visit(org.commonmark.node.Text text) {
                    b.append(text.getLiteral()).append(' ');
                }

                @Override
                public void visit(org.commonmark.node.Code code) {
                    b.append(code.getLiteral()).append(' ');
                }
            });
            return b.toString().trim();
        }

        /**
         * A table ({@link MarkdownTable}): every row whole, its cells wrapped between words; each body cell also gets
         * a copy of its column's heading, for the stacked layout of a narrow page.
         */
        private void table(TableBlock t) {
            MarkdownTable table = new MarkdownTable();
            table.setMinWidth(0);
            List<TableCell> headings = new java.util.ArrayList<>();
            int r = 0;
            for (org.commonmark.node.Node section = t.getFirstChild(); section != null; section = section.getNext()) {
                for (org.commonmark.node.Node row = section.getFirstChild(); row != null; row = row.getNext()) {
                    if (!(row instanceof TableRow)) {
                        continue;
                    }
                    for (org.commonmark.node.Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                        if (!(cell instanceof TableCell tc)) {
                            continue;
                        }
                        TextFlow f = flow(tc.isHeader() ? "md-th-text" : "md-td-text");
                        if (tc.getAlignment() == TableCell.Alignment.CENTER) {
                            f.setTextAlignment(TextAlignment.CENTER);
                        } else if (tc.getAlignment() == TableCell.Alignment.RIGHT) {
                            f.setTextAlignment(TextAlignment.RIGHT);
                        }
                        fill(f, tc);
                        TableCellBox box = new TableCellBox(r, f);
                        box.getStyleClass().addAll(tc.isHeader() ? "md-th" : "md-td", r % 2 == 0 ? "md-row-even" : "md-row-odd");
                        TableCellBox caption = null;
                        if (tc.isHeader()) {
                            headings.add(tc);
                        } else {
                            int column = table.columnsOf(r);
                            TextFlow heading = flow("md-th-text");
                            if (column < headings.size()) {
                                fill(heading, headings.get(column));
                            }
                            caption = new TableCellBox(r, heading);
                            caption.getStyleClass().add(r % 2 == 0 ? "md-row-even" : "md-row-odd");
                        }
                        table.add(r, box, caption);
                    }
                    r++;
                }
            }
            addBlock(table);
        }
    }
}
