package org.processlab.compare;

/**
 * Two lines printed by two different processes in one order in run A and in the other order in run B: in A
 * {@code first} was printed strictly before {@code second}, in B strictly after it (print times, one clock per run).
 *
 * @param first  the line printed first in A
 * @param second the line printed second in A (first in B)
 * @param firstName  who printed {@code first}, as a person tells the processes apart ({@code p1})
 * @param secondName who printed {@code second}
 */
public record OrderDifference(MatchedLine first, MatchedLine second, String firstName, String secondName) {
    /** The longest quote of a line in {@link #sentence()}, characters. */
    static final int QUOTE = 40;

    /**
     * The difference in a student's words: {@code in A p1 printed 'Square of 3' before p2 printed 'Square of 4'; in B
     * after}.
     */
    public String sentence() {
        return "in A " + firstName + " printed " + quote(first.textA()) + " before " + secondName + " printed "
                + quote(second.textA()) + "; in B after";
    }

    /** {@code text} in quotes, cut to {@link #QUOTE} characters. */
    static String quote(String text) {
        String t = text.strip();
        return "'" + (t.length() > QUOTE ? t.substring(0, QUOTE - 1) + "…" : t) + "'";
    }
}
