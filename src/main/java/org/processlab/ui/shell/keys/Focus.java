package org.processlab.ui.shell.keys;

/**
 * What has the keyboard focus, as far as the window's shortcuts care (the focus rule):
 * a text input keeps every single key ({@link Chord#single()}) for typing; a button keeps Space and Enter, which
 * press it; anywhere else every shortcut acts.
 */
public enum Focus {
    /** No control that keeps keys of its own (the timeline, the table, the lesson page, nothing). */
    ELSEWHERE,
    /** A button, toggle, link, check box or chooser: Space and Enter press it. */
    BUTTON,
    /** A text input (a text field, the console's input line): it keeps every single key. */
    TEXT,
    /**
     * A code editor: it keeps every single key, and the keys that move through a text of many lines too (Page Up,
     * Page Down, Ctrl with an arrow, Home or End), which a one-line input does not need.
     */
    CODE
}
