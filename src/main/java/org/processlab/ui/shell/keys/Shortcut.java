package org.processlab.ui.shell.keys;

import static org.processlab.ui.shell.keys.Chord.alt;
import static org.processlab.ui.shell.keys.Chord.ctrl;
import static org.processlab.ui.shell.keys.Chord.of;
import static org.processlab.ui.shell.keys.Chord.shift;
import static org.processlab.ui.shell.keys.Key.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every shortcut of the window, one row each: its keys, what it does in a student's words, and the group the help
 * overlay lists it under. The key handler, the help overlay ({@code ?}) and the buttons' tooltips all read this table,
 * so they cannot disagree; a new shortcut is one new row here plus the one line in the window that says what it does.
 *
 * <p>Which keys act where is the focus rule ({@link Chord#reaches(Focus)}): single keys (letters, digits, Space,
 * arrows, Home/End, ?) act only while no text input has the focus; function keys, Page Up/Down, Esc and Ctrl or Alt
 * chords act everywhere. A row marked {@link #coming()} is reserved: its key only says that it is coming. A row the
 * window binds to no action (undo, redo) is listed for people to read and left to the control with the focus.
 *
 * <p>Immutable; no toolkit needed.
 */
public enum Shortcut {
    ANSWER(Group.LESSON, "Answer the question",
            of(DIGIT1), of(DIGIT2), of(DIGIT3), of(DIGIT4), of(DIGIT5), of(A), of(B), of(C), of(D), of(E)),
    NEXT_LESSON(Group.LESSON, "Go to the next lesson", of(PAGE_DOWN), ctrl(RIGHT), alt(N)),
    PREVIOUS_LESSON(Group.LESSON, "Go back to the previous lesson", of(PAGE_UP), ctrl(LEFT), alt(P)),
    LESSON_LIST(Group.LESSON, "Show or hide the lesson list", ctrl(L)),

    OPEN(Group.FILES, "Open your own program (a .py file) or a saved run (.json)", ctrl(O)),
    SAVE_RUN(Group.FILES, "Save the run shown as a file (.json), to open again later", ctrl(S)),
    RELOAD(Group.FILES, "Reload: read the lessons (or your program) again from their files", ctrl(R)),

    RUN(Group.RUN, "Run the example as real processes", of(F5), ctrl(ENTER)),
    STOP(Group.RUN, "Stop the run: end every process (SIGTERM, then SIGKILL)", shift(F5)),
    COMPARE(Group.RUN, "Compare this run with the previous run of the same lesson or program", alt(C)),
    INTERRUPT(Group.RUN, "Interrupt the program (SIGINT), as Ctrl+C in a terminal; again: SIGTERM, then SIGKILL",
            ctrl(PERIOD)),
    CODE(Group.CODE, "Show the code editor (again: the lesson page)", ctrl(E)),
    FIND(Group.CODE, "Find in the code (Enter or F3: the next match)", ctrl(F)),
    UNDO(Group.CODE, "Undo the last change to the code (the editor's own key)", ctrl(Z)),
    REDO(Group.CODE, "Redo the change undone (the editor's own key)", ctrl(Y), new Chord(Z, true, true, false)),

    PLAY(Group.TIMELINE, "Play or pause the replay", of(SPACE)),
    NEXT_EVENT(Group.TIMELINE, "Step to the next event: a start, a print, a join, an exit", of(RIGHT)),
    PREVIOUS_EVENT(Group.TIMELINE, "Step back to the previous event", of(LEFT)),
    RUN_START(Group.TIMELINE, "Go to the start of the run", of(HOME)),
    RUN_END(Group.TIMELINE, "Go to the end of the run", of(END)),
    SCROLL(Group.TIMELINE, "Scroll the timeline earlier or later", shift(LEFT), shift(RIGHT)),
    ZOOM_IN(Group.TIMELINE, "Zoom the timeline in", of(PLUS)),
    ZOOM_OUT(Group.TIMELINE, "Zoom the timeline out", of(MINUS)),
    FIT(Group.TIMELINE, "Fit the whole run in the timeline", of(DIGIT0)),

    LARGER_TEXT(Group.WINDOW, "Larger text", ctrl(PLUS)),
    SMALLER_TEXT(Group.WINDOW, "Smaller text", ctrl(MINUS)),
    DEFAULT_SIZE(Group.WINDOW, "Text back to the default size", ctrl(DIGIT0)),
    PRESENTER(Group.WINDOW, "Presenter mode: full screen, large text, the timeline first", of(F11)),
    LESSON_PAGE(Group.WINDOW, "Fold or unfold the lesson page", ctrl(P)),
    TABLE(Group.WINDOW, "Show the process table or the console under the timeline (presenter mode)", ctrl(T)),
    HELP(Group.WINDOW, "Show or hide these keys", of(QUESTION), of(F1)),
    CLOSE(Group.WINDOW, "Close the help, the wide code, the comparison or the find bar; else clear the selected"
            + " process (never stops a run)",
            of(ESCAPE));

    /** The groups of the help overlay, in its order. */
    public enum Group {
        LESSON("The lesson"), FILES("Files"), RUN("The run"), CODE("The code editor"), TIMELINE("The timeline"),
        WINDOW("The window");

        private final String title;

        Group(String title) {
            this.title = title;
        }

        /** The group's heading in the help overlay. */
        public String title() {
            return title;
        }
    }

    private final Group group;
    private final String words;
    private final boolean coming;
    private final List<Chord> chords;

    Shortcut(Group group, String words, Chord... chords) {
        this(group, words, false, chords);
    }

    Shortcut(Group group, String words, boolean coming, Chord... chords) {
        this.group = group;
        this.words = words;
        this.coming = coming;
        this.chords = List.of(chords);
    }

    /** The shortcut that {@code pressed} starts while the focus is on {@code focus}, if any. */
    public static Optional<Shortcut> find(Chord pressed, Focus focus) {
        if (!pressed.reaches(focus)) {
            return Optional.empty();
        }
        for (Shortcut s : values()) {
            if (s.chords.contains(pressed)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Where the help overlay lists it. */
    public Group group() {
        return group;
    }

    /** What it does, in a student's words. */
    public String words() {
        return words;
    }

    /** True for a reserved key whose action is not there yet: pressing it says so. */
    public boolean coming() {
        return coming;
    }

    /** Its keys, the first the one to learn. */
    public List<Chord> chords() {
        return chords;
    }

    /**
     * Its keys as a person reads them: {@code Page Down, Ctrl+→ or Alt+N}; three or more consecutive digits or
     * letters read as a range ({@code 1–5 or A–E}).
     */
    public String keysText() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < chords.size(); ) {
            int j = i;
            while (j + 1 < chords.size() && follows(chords.get(j), chords.get(j + 1))) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(chords.get(i).text() + "–" + chords.get(j).text());
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(chords.get(k).text());
                }
            }
            i = j + 1;
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    private static boolean follows(Chord a, Chord b) {
        boolean sameMods = a.shortcut() == b.shortcut() && a.shift() == b.shift() && a.alt() == b.alt();
        boolean digits = a.key().digit() >= 0 && b.key().digit() == a.key().digit() + 1;
        boolean letters = a.key().letter() >= 0 && b.key().letter() == a.key().letter() + 1;
        return sameMods && (digits || letters);
    }

    /** A button's tooltip: {@code text} and this shortcut's keys, {@code Run the example (F5 or Ctrl+Enter)}. */
    public String tooltip(String text) {
        return text + " (" + keysText() + ")";
    }

    /** A button's tooltip in the table's words: {@code Go to the next lesson (Page Down, Ctrl+→ or Alt+N)}. */
    public String tooltip() {
        return tooltip(words);
    }

    /** The answer a key of {@link #ANSWER} gives: 0 for {@code 1} or {@code A}; -1 for any other key. */
    public static int answerOf(Key key) {
        if (key.digit() >= 1 && key.digit() <= 5) {
            return key.digit() - 1;
        }
        return key.letter() >= 0 && key.letter() <= 4 ? key.letter() : -1;
    }
}
