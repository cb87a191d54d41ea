package org.processlab.lesson;

import java.util.List;
import java.util.Locale;

import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Block;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

/**
 * The shape a lesson page may have, so that reading and drawing it are bounded in time, stack and memory: lists and
 * quotes nested at most {@link #MAX_NESTING} deep, styles (emphasis, links) at most {@link #MAX_STYLE_NESTING} deep,
 * at most {@link #MAX_PARTS} parts and {@link #MAX_BLOCKS} blocks. A real lesson is far inside every bound; a page
 * outside one is an error card that says which, and where. A line is not bounded on its own: within the 1 MiB a
 * lesson file may have ({@link LessonLibrary#MAX_LESSON_BYTES}), the longest line costs a page under a second.
 *
 * <p>Checked in two steps. First the text, line by line, before any parsing: a line that opens many lists or quotes
 * at once ({@code - - - - …}, {@code >>>>…}) costs the CommonMark parser time that grows with the square of their
 * number, and a paragraph full of emphasis marks nests its parser's recursion as deep. Then the parsed page is walked
 * without recursion, counting how deep its lists, quotes and styles go and how many parts it has: what the window's
 * renderer, which recurses, would meet.
 *
 * <p>Threading: stateless; any thread. A page of 1 MiB is checked in well under a second.
 */
public final class PageBounds {
    /** Lists and quotes, one inside another: a lesson uses two or three. */
    public static final int MAX_NESTING = 16;
    /** Emphasis, strong emphasis, links and images, one inside another. */
    public static final int MAX_STYLE_NESTING = 16;
    /** Emphasis and link marks ({@code * _ [ ]}) in one paragraph, counted before it is parsed. */
    public static final int MAX_MARKS_PER_PARAGRAPH = 4000;
    /** Parts of the page (paragraphs, list items, runs of text, styles, code, …): the longest lesson has 353. */
    public static final int MAX_PARTS = 10_000;
    /** Blocks of the page (paragraphs, headings, list items, quotes, code blocks, table cells): the longest has 49. */
    public static final int MAX_BLOCKS = 1_000;

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create()))
            .includeSourceSpans(IncludeSourceSpans.BLOCKS).build();

    private PageBounds() {
    }

    /**
     * What is wrong with the shape of {@code markdown}, as {@code "line N: …"} in an author's words (the line counted
     * in {@code lesson.md}), or null when it is within every bound.
     *
     * @param firstLine the line of {@code lesson.md} the Markdown's first line is
     */
    public static String check(String markdown, int firstLine) {
        String before = checkText(markdown, firstLine);
        return before != null ? before : checkTree(PARSER.parse(markdown), firstLine);
    }

    /** The checks made on the text itself, before it is parsed. */
    private static String checkText(String markdown, int firstLine) {
        int lineIndex = 0;
        int marks = 0;
        int paragraphLine = -1;
        boolean inFence = false;
        char fenceChar = 0;
        int from = 0;
        while (from <= markdown.length()) {
            int nl = markdown.indexOf('\n', from);
            int to = nl < 0 ? markdown.length() : nl;
            int line = firstLine + lineIndex;
            char fence = fenceOf(markdown, from, to);
            if (inFence) {
                inFence = fence != fenceChar;
            } else if (fence != 0) {
                inFence = true;
                fenceChar = fence;
            } else {
                int[] opened = containersOpened(markdown, from, to);
                if (opened[0] + opened[1] > MAX_NESTING) {
                    return nestingProblem(line, opened[0], opened[1]);
                }
                if (isBlank(markdown, from, to)) {
                    marks = 0;
                    paragraphLine = -1;
                } else {
                    if (paragraphLine < 0) {
                        paragraphLine = line;
                    }
                    marks += styleMarks(markdown, from, to);
                    if (marks > MAX_MARKS_PER_PARAGRAPH) {
                        return String.format(Locale.ROOT, "line %d: the paragraph that starts here has more than %,d "
                                + "marks of emphasis and links (* _ [ ]); ProcessLab reads at most %,d in one paragraph",
                                paragraphLine, MAX_MARKS_PER_PARAGRAPH, MAX_MARKS_PER_PARAGRAPH);
                    }
                }
            }
            if (nl < 0) {
                break;
            }
            from = nl + 1;
            lineIndex++;
        }
        return null;
    }

    /** The checks made on the parsed page, walked without recursion. */
    private static String checkTree(Node doc, int firstLine) {
        int parts = 0;
        int blocks = 0;
        int lists = 0;
        int quotes = 0;
        int styles = 0;
        Node n = doc.getFirstChild();
        while (n != null) {
            parts++;
            if (parts > MAX_PARTS) {
                return String.format(Locale.ROOT, "line %d: the page has more than %,d parts (paragraphs, list items, "
                        + "runs of text, styles) by here; ProcessLab shows at most %,d (split it into lessons)",
                        lineOf(n, firstLine), MAX_PARTS, MAX_PARTS);
            }
            if (n instanceof Block && ++blocks > MAX_BLOCKS) {
                return String.format(Locale.ROOT, "line %d: the page has more than %,d blocks (paragraphs, headings, "
                        + "list items, code blocks, table cells) by here; ProcessLab shows at most %,d on a page (split it "
                        + "into lessons)", lineOf(n, firstLine), MAX_BLOCKS, MAX_BLOCKS);
            }
            if (n instanceof ListBlock) {
                lists++;
            } else if (n instanceof BlockQuote) {
                quotes++;
            } else if (isStyle(n)) {
                styles++;
            }
            if (lists + quotes > MAX_NESTING) {
                return nestingProblem(lineOf(n, firstLine), lists, quotes) + " (counted to here)";
            }
            if (styles > MAX_STYLE_NESTING) {
                return String.format(Locale.ROOT, "line %d: emphasis and links nest more than %d deep here; "
                        + "ProcessLab shows at most %d levels", lineOf(n, firstLine), MAX_STYLE_NESTING, MAX_STYLE_NESTING);
            }
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                continue;
            }
            // leave every node that has no next sibling, then go on to the next
            while (n != null && n != doc) {
                if (n instanceof ListBlock) {
                    lists--;
                } else if (n instanceof BlockQuote) {
                    quotes--;
                } else if (isStyle(n)) {
                    styles--;
                }
                if (n.getNext() != null) {
                    n = n.getNext();
                    break;
                }
                n = n.getParent();
            }
            if (n == doc) {
                break;
            }
        }
        return null;
    }

    private static boolean isStyle(Node n) {
        return n instanceof Emphasis || n instanceof StrongEmphasis || n instanceof Link || n instanceof Image;
    }

    /** The line of {@code lesson.md} where {@code n}, or the nearest block around it, begins. */
    private static int lineOf(Node n, int firstLine) {
        for (Node at = n; at != null; at = at.getParent()) {
            List<SourceSpan> spans = at.getSourceSpans();
            if (!spans.isEmpty()) {
                return firstLine + spans.get(0).getLineIndex();
            }
        }
        return firstLine;
    }

    private static String nestingProblem(int line, int lists, int quotes) {
        String what = quotes == 0 ? "lists" : lists == 0 ? "quotes" : "lists and quotes";
        return String.format(Locale.ROOT, "line %d: the page nests %s %d deep; ProcessLab shows at most %d levels "
                + "of lists and quotes", line, what, lists + quotes, MAX_NESTING);
    }

    /**
     * How many lists ([0]) and quotes ([1]) the line {@code [from, to)} opens at its start: {@code >}, {@code -},
     * {@code *}, {@code +}, {@code 1.}, {@code 1)}, each after any blanks. A thematic break ({@code * * *}) opens none.
     */
    private static int[] containersOpened(String s, int from, int to) {
        int lists = 0;
        int quotes = 0;
        int[] breakFrom = null;
        int i = from;
        while (true) {
            while (i < to && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i >= to) {
                break;
            }
            char c = s.charAt(i);
            if (c == '>') {
                quotes++;
                i++;
            } else if ((c == '-' || c == '*' || c == '+') && i + 1 < to && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                if (breakFrom == null) {
                    breakFrom = breakFrom(s, from, to);
                }
                if (i >= breakFrom[c == '-' ? 0 : c == '*' ? 1 : 2]) {
                    break;      // the rest is a thematic break
                }
                lists++;
                i += 2;
            } else if (c >= '0' && c <= '9') {
                int j = i;
                while (j < to && j - i < 9 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j + 1 < to && (s.charAt(j) == '.' || s.charAt(j) == ')') && (s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                    lists++;
                    i = j + 2;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        return new int[] {lists, quotes};
    }

    /**
     * For {@code -}, {@code *} and {@code +}: where the line's tail of that character and blanks only begins (a tail
     * from a marker on is a thematic break, not a list). One pass from the end, so a line of 100,000 markers costs
     * no more than its length.
     */
    private static int[] breakFrom(String s, int from, int to) {
        int[] out = new int[3];
        char[] marks = {'-', '*', '+'};
        for (int m = 0; m < 3; m++) {
            int k = to;
            while (k > from && (s.charAt(k - 1) == marks[m] || s.charAt(k - 1) == ' ' || s.charAt(k - 1) == '\t')) {
                k--;
            }
            out[m] = k;
        }
        return out;
    }

    /** The fence character ({@code `} or {@code ~}) when the line starts (after up to 3 spaces) with a fence, else 0. */
    private static char fenceOf(String s, int from, int to) {
        int i = from;
        while (i < to && i - from < 3 && s.charAt(i) == ' ') {
            i++;
        }
        if (i + 2 < to + 0 && i + 3 <= to) {
            char c = s.charAt(i);
            if ((c == '`' || c == '~') && s.charAt(i + 1) == c && s.charAt(i + 2) == c) {
                return c;
            }
        }
        return 0;
    }

    private static boolean isBlank(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int styleMarks(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '_' || c == '[' || c == ']') {
                n++;
            }
        }
        return n;
    }
}
