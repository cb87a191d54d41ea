package org.processlab.ui.lesson;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * A cell of a Markdown table: its text wraps between words, and its least width is its longest word in the font
 * the cell has now (so a column follows the window's text size), but never more than {@link #MOST_EM} em: a longer
 * word (a long name in code) breaks rather than push the table off the page.
 *
 * <p>Threading: FX thread only.
 */
final class TableCellBox extends VBox {
    /** The widest a cell's least width gets, in em of its font. */
    static final double MOST_EM = 14;

    /** Measures words; FX thread only, like every cell. */
    private static final Text MEASURE = new Text();

    private final int row;

    /** A cell of row {@code row} (0: the header) showing {@code text}. */
    TableCellBox(int row, TextFlow text) {
        super(text);
        this.row = row;
        setFillWidth(true);
    }

    /** Its row: 0 is the header. */
    int row() {
        return row;
    }

    @Override
    protected double computeMinWidth(double height) {
        double longest = 0;
        double em = Font.getDefault().getSize();
        for (Node part : getChildren()) {
            if (part instanceof TextFlow flow) {
                for (Node n : flow.getChildren()) {
                    if (n instanceof Text t) {
                        em = t.getFont().getSize();
                        longest = Math.max(longest, longestWord(t.getText(), t.getFont()));
                    } else if (n instanceof Labeled l) {
                        longest = Math.max(longest, l.prefWidth(-1));
                    }
                }
            }
        }
        return snappedLeftInset() + Math.min(longest, MOST_EM * em) + snappedRightInset() + 1;
    }

    private static double longestWord(String s, Font font) {
        double longest = 0;
        MEASURE.setFont(font);
        for (String word : s.split("\\s+")) {
            if (!word.isEmpty()) {
                MEASURE.setText(word);
                longest = Math.max(longest, MEASURE.getLayoutBounds().getWidth());
            }
        }
        return longest;
    }
}
