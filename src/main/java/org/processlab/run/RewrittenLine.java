package org.processlab.run;

import java.util.Arrays;

/**
 * A line that a lone carriage return (CR, {@code \r}) sends back to its start, as a terminal shows it: a progress bar
 * ({@code print(f"\r{i}%", end="")}). What follows a CR overwrites the line column by column, one character (code
 * point) a column; what the old text had beyond the new text stays, as on a terminal. A backspace moves back one
 * column. Escape sequences take no column: the erase-in-line one ({@code ESC [ K}, {@code ESC [ 1 K},
 * {@code ESC [ 2 K}) erases as a terminal does, every other one ({@code ESC [ … final}, {@code ESC ] … BEL/ST}, colours
 * among them) is left out, so such a line keeps the text a terminal showed, not the codes that drew it.
 *
 * <p>Bytes come in chunks as they were read: a UTF-8 sequence or an escape sequence may be cut between two; its start
 * waits for its end. At most {@link #MAX_COLUMNS} columns are kept; characters written beyond are counted.
 *
 * <p>Threading: not thread-safe; used by its {@link LineAssembler}'s thread.
 */
final class RewrittenLine {
    /** The most columns kept: every column fits 4 bytes of UTF-8, so the line stays within the assembler's limit. */
    static final int MAX_COLUMNS = LineAssembler.MAX_LINE_BYTES / 4;

    private static final int REPLACEMENT = 0xFFFD;

    /** Where the bytes are, between characters: in text, or inside an escape sequence. */
    private enum Escape { NONE, ESC, CSI, OSC, OSC_ESC }

    private int[] columns = new int[128];
    /** Columns written: the line's width. */
    private int width;
    /** The column the next character goes to. */
    private int cursor;
    /** Characters written beyond {@link #MAX_COLUMNS}. */
    private long dropped;
    /** The code point being decoded, and how many continuation bytes it still needs (0: none begun). */
    private int codePoint;
    private int needs;
    private Escape escape = Escape.NONE;
    /** The first number of the control sequence being read; -1 before its first digit. */
    private int parameter = -1;
    /** True once the control sequence's first number is over. */
    private boolean pastFirst;

    /** Writes {@code len} bytes of UTF-8 at the cursor. */
    void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            int x = b[i] & 0xFF;
            if (needs > 0) {
                if ((x & 0xC0) == 0x80) {
                    codePoint = codePoint << 6 | (x & 0x3F);
                    if (--needs == 0) {
                        put(codePoint);
                    }
                    continue;
                }
                needs = 0;
                put(REPLACEMENT);   // a sequence cut short: its lead alone, then this byte on its own
            }
            if (escape != Escape.NONE) {
                escaped(x);
            } else if (x < 0x80) {
                plain(x);
            } else if ((x & 0xE0) == 0xC0) {
                begin(x & 0x1F, 1);
            } else if ((x & 0xF0) == 0xE0) {
                begin(x & 0x0F, 2);
            } else if ((x & 0xF8) == 0xF0) {
                begin(x & 0x07, 3);
            } else {
                put(REPLACEMENT);
            }
        }
    }

    private void begin(int bits, int continuationBytes) {
        codePoint = bits;
        needs = continuationBytes;
    }

    private void plain(int x) {
        if (x == 0x1B) {
            escape = Escape.ESC;
        } else if (x == '\b') {
            cursor = Math.max(0, cursor - 1);
        } else {
            put(x);
        }
    }

    /** One byte of an escape sequence: CSI ends at its final byte, OSC at BEL or ST, any other after one byte. */
    private void escaped(int x) {
        switch (escape) {
            case ESC -> {
                escape = x == '[' ? Escape.CSI : x == ']' ? Escape.OSC : Escape.NONE;
                parameter = -1;
                pastFirst = false;
            }
            case CSI -> {
                if (x >= '0' && x <= '9' && !pastFirst) {
                    parameter = Math.min(9999, Math.max(0, parameter) * 10 + x - '0');
                } else if (x >= 0x40 && x <= 0x7E) {
                    escape = Escape.NONE;
                    if (x == 'K') {
                        eraseInLine(parameter < 0 ? 0 : parameter);
                    }
                } else if (x == ';' || x == ':') {
                    pastFirst = true;   // only the first number counts
                } else if (x < 0x20 || x == 0x7F) {
                    escape = Escape.NONE;   // not a control sequence after all: it ends here
                }
            }
            case OSC -> escape = x == 0x07 ? Escape.NONE : x == 0x1B ? Escape.OSC_ESC : Escape.OSC;
            case OSC_ESC -> escape = x == '\\' ? Escape.NONE : Escape.OSC;
            case NONE -> throw new IllegalStateException();
        }
    }

    /** {@code ESC [ n K}: 0 erases from the cursor to the end, 1 from the start to the cursor, 2 the whole line. */
    private void eraseInLine(int n) {
        if (n == 0) {
            width = Math.min(width, cursor);
        } else if (n == 1) {
            Arrays.fill(columns, 0, Math.min(width, cursor + 1), ' ');
        } else if (n == 2) {
            width = Math.min(width, cursor);
            Arrays.fill(columns, 0, width, ' ');
        }
    }

    private void put(int c) {
        if (cursor >= MAX_COLUMNS) {
            dropped++;
            return;
        }
        if (cursor == columns.length) {
            columns = Arrays.copyOf(columns, Math.min(MAX_COLUMNS, columns.length * 2));
        }
        columns[cursor++] = c;
        width = Math.max(width, cursor);
    }

    /** A carriage return: the cursor goes back to the line's start (a character cut short by it is a U+FFFD). */
    void carriageReturn() {
        if (needs > 0) {
            needs = 0;
            put(REPLACEMENT);
        }
        cursor = 0;
    }

    /** The line as a terminal shows it now; a character or escape sequence not whole yet is left out. */
    String text() {
        return new String(columns, 0, width);
    }

    /** The line once it ended: as {@link #text}, a character cut short as U+FFFD, and a note when it was too long. */
    String finishedText() {
        if (needs > 0) {
            needs = 0;
            put(REPLACEMENT);
        }
        String text = text();
        return dropped == 0 ? text : text + " \u2026 [line too long: " + (width + dropped) + " characters, first "
                + width + " shown]";
    }

    /** Forgets the line, for the next one. */
    void clear() {
        width = 0;
        cursor = 0;
        dropped = 0;
        needs = 0;
        escape = Escape.NONE;
        if (columns.length > 65536) {
            columns = new int[128];
        }
    }
}
