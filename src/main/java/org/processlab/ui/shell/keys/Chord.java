package org.processlab.ui.shell.keys;

import java.util.Locale;

/**
 * A key pressed with modifiers: {@code F5}, {@code Shift+F5}, {@code Ctrl+R}. {@code shortcut} is the platform's
 * shortcut modifier: Ctrl, or Cmd on macOS. A chord matches a key press only with exactly its modifiers.
 *
 * <p>A <em>single key</em> is a typing {@link Key} without Ctrl or Alt: a text input would take it as typing, so it
 * acts only while no text input has the focus ({@link #reaches(Focus)}). Function keys, Page Up/Down, Esc and every
 * Ctrl or Alt chord act wherever the focus is — but in a code editor, where Page Up/Down and Ctrl with an arrow move
 * through the code ({@link #movesInText()}).
 *
 * @param key      the key
 * @param shortcut Ctrl (Cmd on macOS) held
 * @param shift    Shift held (never for {@link Key#QUESTION}, which is matched by its character)
 * @param alt      Alt (Option) held
 */
public record Chord(Key key, boolean shortcut, boolean shift, boolean alt) {
    private static final boolean MAC = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac");

    /** The key alone. */
    public static Chord of(Key key) {
        return new Chord(key, false, false, false);
    }

    /** Ctrl (Cmd on macOS) and the key. */
    public static Chord ctrl(Key key) {
        return new Chord(key, true, false, false);
    }

    /** Shift and the key. */
    public static Chord shift(Key key) {
        return new Chord(key, false, true, false);
    }

    /** Alt and the key. */
    public static Chord alt(Key key) {
        return new Chord(key, false, false, true);
    }

    /** True for a typing key without Ctrl or Alt (see the class comment). */
    public boolean single() {
        return key.typing() && !shortcut && !alt;
    }

    /** True when this chord acts while the focus is on {@code focus}. */
    public boolean reaches(Focus focus) {
        return switch (focus) {
            case ELSEWHERE -> true;
            case BUTTON -> !(this.equals(of(Key.SPACE)) || this.equals(of(Key.ENTER)));
            case TEXT -> !single();
            case CODE -> !single() && !movesInText();
        };
    }

    /**
     * True for a key that moves the caret through a text of many lines: Page Up or Page Down (Shift selects), or
     * Ctrl with an arrow, Home or End (a word, the text's start or end).
     */
    public boolean movesInText() {
        boolean paging = (key == Key.PAGE_UP || key == Key.PAGE_DOWN) && !shortcut && !alt;
        boolean byWord = shortcut && !alt && (key == Key.LEFT || key == Key.RIGHT || key == Key.UP || key == Key.DOWN
                || key == Key.HOME || key == Key.END);
        return paging || byWord;
    }

    /** As a person reads it: {@code Ctrl+R} ({@code Cmd+R} on macOS), {@code Shift+F5}, {@code →}. */
    public String text() {
        StringBuilder b = new StringBuilder();
        if (shortcut) {
            b.append(MAC ? "Cmd+" : "Ctrl+");
        }
        if (alt) {
            b.append(MAC ? "Option+" : "Alt+");
        }
        if (shift) {
            b.append("Shift+");
        }
        return b.append(key.label()).toString();
    }
}
