package org.processlab.model;

/**
 * The terminal escape sequences programs print to colour their text (coloured logging, rich, colorama): a terminal
 * reads them as commands and shows none of their characters; a window's text or a file shows them as boxes and
 * {@code [31m}. {@link #strip} leaves the text a terminal shows. The sequences (ECMA-48): a control sequence
 * {@code ESC [ parameters final} (the final byte is {@code @} to {@code ~}; SGR, the colours, end in {@code m}), an
 * operating system command {@code ESC ] … BEL} or {@code ESC ] … ESC \} (a window title, a link), and any other
 * {@code ESC} with the one character after it.
 *
 * <p>The run keeps the text as written (the run document, the run log); only what is shown to people is stripped.
 *
 * <p>Threading: stateless.
 */
public final class EscapeCodes {
    /** The escape character, {@code \x1b}, that begins every sequence. */
    public static final char ESC = '\u001b';

    private EscapeCodes() {
    }

    /** True when {@code text} holds an escape character. */
    public static boolean in(String text) {
        return text.indexOf(ESC) >= 0;
    }

    /** {@code text} without its escape sequences; {@code text} itself (no copy) when it has none. */
    public static String strip(String text) {
        int esc = text.indexOf(ESC);
        if (esc < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (esc >= 0) {
            out.append(text, i, esc);
            i = end(text, esc);
            esc = text.indexOf(ESC, i);
        }
        return out.append(text, i, text.length()).toString();
    }

    /**
     * {@code text} as a window shows it: without escape sequences ({@link #strip}), without the other control
     * characters a terminal acts on rather than draws (C0 but tab, DEL: a bell, a backspace), and without the
     * bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069), which would turn the
     * rest of a console row around (Unicode UAX #9; a line could then read as another process's). {@code text}
     * itself (no copy) when it has none of them.
     */
    public static String forWindow(String text) {
        String t = strip(text);
        int n = t.length();
        int i = 0;
        while (i < n && !hidden(t.charAt(i))) {
            i++;
        }
        if (i == n) {
            return t;
        }
        StringBuilder out = new StringBuilder(n).append(t, 0, i);
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (!hidden(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** A control character a window must not draw: C0 but tab, DEL, a bidirectional formatting control. */
    private static boolean hidden(char c) {
        return (c < 0x20 && c != '\t') || c == 0x7F || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    /**
     * Where the sequence beginning at {@code esc} (an {@code ESC}) ends: the index after its last character, or the
     * text's end when it is cut short there.
     */
    public static int end(String text, int esc) {
        int n = text.length();
        if (esc + 1 >= n) {
            return n;
        }
        char kind = text.charAt(esc + 1);
        if (kind == '[') {
            for (int i = esc + 2; i < n; i++) {
                char c = text.charAt(i);
                if (c >= 0x40 && c <= 0x7E) {
                    return i + 1;
                }
                if (c < 0x20 || c > 0x7E) {
                    return i;   // not a control sequence after all: the character is text again
                }
            }
            return n;
        }
        if (kind == ']') {
            for (int i = esc + 2; i < n; i++) {
                char c = text.charAt(i);
                if (c == '\u0007') {
                    return i + 1;
                }
                if (c == ESC) {
                    return i + 1 < n && text.charAt(i + 1) == '\\' ? i + 2 : i;
                }
            }
            return n;
        }
        return esc + 2;
    }
}
