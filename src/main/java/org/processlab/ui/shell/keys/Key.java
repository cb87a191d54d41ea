package org.processlab.ui.shell.keys;

/**
 * A key of the keyboard, named as JavaFX's {@code KeyCode} names it (so the window maps one to the other by name),
 * with the label printed on it. {@link #QUESTION} is a character, not a key: on most layouts it is Shift plus
 * another key, so it is matched by the character it types.
 *
 * <p>A key is a <em>typing</em> key when a text input uses it on its own (letters, digits, Space, arrows, Home/End,
 * punctuation): the focus rule ({@link Focus}) gives such keys to a text input that has the focus. Function keys,
 * Page Up/Down and Esc are not typing keys.
 *
 * <p>Immutable; no toolkit needed.
 */
public enum Key {
    DIGIT0("0"), DIGIT1("1"), DIGIT2("2"), DIGIT3("3"), DIGIT4("4"), DIGIT5("5"), DIGIT6("6"), DIGIT7("7"),
    DIGIT8("8"), DIGIT9("9"),
    A("A"), B("B"), C("C"), D("D"), E("E"), F("F"), G("G"), H("H"), I("I"), J("J"), K("K"), L("L"), M("M"), N("N"),
    O("O"), P("P"), Q("Q"), R("R"), S("S"), T("T"), U("U"), V("V"), W("W"), X("X"), Y("Y"), Z("Z"),
    SPACE("Space"), LEFT("←"), RIGHT("→"), UP("↑"), DOWN("↓"), HOME("Home"), END("End"),
    PLUS("+"), MINUS("−"), PERIOD("."), QUESTION("?"),
    PAGE_UP("Page Up", false), PAGE_DOWN("Page Down", false), ESCAPE("Esc", false), ENTER("Enter", false),
    F1("F1", false), F2("F2", false), F3("F3", false), F4("F4", false), F5("F5", false), F6("F6", false),
    F7("F7", false), F8("F8", false), F9("F9", false), F10("F10", false), F11("F11", false), F12("F12", false);

    private final String label;
    private final boolean typing;

    Key(String label) {
        this(label, true);
    }

    Key(String label, boolean typing) {
        this.label = label;
        this.typing = typing;
    }

    /** What is printed on the key ({@code F5}, {@code →}, {@code Page Down}). */
    public String label() {
        return label;
    }

    /** True when a text input uses this key on its own (see the class comment). */
    public boolean typing() {
        return typing;
    }

    /** The number on a digit key (0–9), or -1 for any other key. */
    public int digit() {
        return ordinal() <= DIGIT9.ordinal() ? ordinal() - DIGIT0.ordinal() : -1;
    }

    /** The place of a letter key in the alphabet (A: 0), or -1 for any other key. */
    public int letter() {
        return ordinal() >= A.ordinal() && ordinal() <= Z.ordinal() ? ordinal() - A.ordinal() : -1;
    }
}
