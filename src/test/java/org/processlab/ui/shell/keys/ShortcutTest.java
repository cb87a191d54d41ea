package org.processlab.ui.shell.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The table of shortcuts and the focus rule, without a toolkit. */
class ShortcutTest {
    @Test
    void noChordStartsTwoShortcuts() {
        List<Chord> all = new ArrayList<>();
        for (Shortcut s : Shortcut.values()) {
            all.addAll(s.chords());
        }
        assertThat(all).doesNotHaveDuplicates();
    }

    @Test
    void theKeysTheIssueAsksForAreInTheTable() {
        assertThat(find(Chord.of(Key.F5))).contains(Shortcut.RUN);
        assertThat(find(Chord.ctrl(Key.ENTER))).contains(Shortcut.RUN);
        assertThat(find(Chord.ctrl(Key.R))).as("Reload, since the window opens files").contains(Shortcut.RELOAD);
        assertThat(find(Chord.ctrl(Key.O))).contains(Shortcut.OPEN);
        assertThat(find(Chord.shift(Key.F5))).contains(Shortcut.STOP);
        assertThat(find(Chord.of(Key.PAGE_DOWN))).contains(Shortcut.NEXT_LESSON);
        assertThat(find(Chord.ctrl(Key.RIGHT))).contains(Shortcut.NEXT_LESSON);
        assertThat(find(Chord.alt(Key.N))).contains(Shortcut.NEXT_LESSON);
        assertThat(find(Chord.of(Key.PAGE_UP))).contains(Shortcut.PREVIOUS_LESSON);
        assertThat(find(Chord.ctrl(Key.L))).contains(Shortcut.LESSON_LIST);
        assertThat(find(Chord.of(Key.SPACE))).contains(Shortcut.PLAY);
        assertThat(find(Chord.of(Key.RIGHT))).contains(Shortcut.NEXT_EVENT);
        assertThat(find(Chord.of(Key.LEFT))).contains(Shortcut.PREVIOUS_EVENT);
        assertThat(find(Chord.of(Key.HOME))).contains(Shortcut.RUN_START);
        assertThat(find(Chord.of(Key.END))).contains(Shortcut.RUN_END);
        assertThat(find(Chord.of(Key.QUESTION))).contains(Shortcut.HELP);
        assertThat(find(Chord.of(Key.F1))).contains(Shortcut.HELP);
        assertThat(find(Chord.of(Key.ESCAPE))).contains(Shortcut.CLOSE);
        for (Key k : List.of(Key.DIGIT1, Key.DIGIT5, Key.A, Key.E)) {
            assertThat(find(Chord.of(k))).contains(Shortcut.ANSWER);
        }
        assertThat(find(Chord.of(Key.DIGIT6))).isEmpty();
        assertThat(find(Chord.of(Key.F))).isEmpty();
    }

    @Test
    void escapeNeverStopsARun() {
        assertThat(find(Chord.of(Key.ESCAPE))).isNotEqualTo(Optional.of(Shortcut.STOP));
        assertThat(Shortcut.STOP.chords()).noneMatch(c -> c.key() == Key.ESCAPE);
    }

    @Test
    void interruptIsOnCtrlPeriodNotOnCtrlCWhichCopies() {
        assertThat(Shortcut.INTERRUPT.coming()).as("Interrupt is here (issue 15)").isFalse();
        assertThat(Shortcut.INTERRUPT.chords()).containsExactly(Chord.ctrl(Key.PERIOD));
        assertThat(find(Chord.ctrl(Key.PERIOD))).contains(Shortcut.INTERRUPT);
        assertThat(find(Chord.ctrl(Key.C))).isEmpty();
        assertThat(Shortcut.values()).filteredOn(Shortcut::coming).isEmpty();
    }

    @Test
    void singleKeysWaitWhileATextInputHasTheFocus() {
        for (Chord single : List.of(Chord.of(Key.A), Chord.of(Key.DIGIT1), Chord.of(Key.SPACE), Chord.of(Key.LEFT),
                Chord.of(Key.RIGHT), Chord.of(Key.HOME), Chord.of(Key.END), Chord.of(Key.QUESTION),
                Chord.shift(Key.LEFT), Chord.of(Key.PLUS))) {
            assertThat(single.single()).as(single.text()).isTrue();
            assertThat(Shortcut.find(single, Focus.TEXT)).as(single.text()).isEmpty();
            assertThat(Shortcut.find(single, Focus.ELSEWHERE)).as(single.text()).isPresent();
        }
    }

    @Test
    void functionKeysPagingEscapeAndCtrlChordsActEverywhere() {
        for (Chord c : List.of(Chord.of(Key.F5), Chord.shift(Key.F5), Chord.of(Key.F1), Chord.of(Key.PAGE_DOWN),
                Chord.of(Key.PAGE_UP), Chord.of(Key.ESCAPE), Chord.ctrl(Key.R), Chord.ctrl(Key.ENTER), Chord.ctrl(Key.O),
                Chord.ctrl(Key.RIGHT),
                Chord.alt(Key.N), Chord.ctrl(Key.PLUS), Chord.ctrl(Key.PERIOD))) {
            assertThat(c.single()).as(c.text()).isFalse();
            for (Focus f : Focus.values()) {
                // a code editor keeps the keys that move through its lines (below)
                if (f != Focus.CODE || !c.movesInText()) {
                    assertThat(Shortcut.find(c, f)).as(c.text() + " on " + f).isPresent();
                }
            }
        }
    }

    @Test
    void aCodeEditorKeepsTypingKeysAndTheKeysThatMoveThroughItsLines() {
        for (Chord c : List.of(Chord.of(Key.PAGE_DOWN), Chord.of(Key.PAGE_UP), Chord.ctrl(Key.RIGHT),
                Chord.ctrl(Key.LEFT), Chord.of(Key.A), Chord.of(Key.DIGIT1), Chord.of(Key.SPACE), Chord.of(Key.LEFT),
                Chord.shift(Key.LEFT))) {
            assertThat(Shortcut.find(c, Focus.CODE)).as(c.text()).isEmpty();
        }
        for (Chord c : List.of(Chord.of(Key.F5), Chord.shift(Key.F5), Chord.ctrl(Key.R), Chord.ctrl(Key.F),
                Chord.alt(Key.N), Chord.ctrl(Key.PLUS), Chord.of(Key.ESCAPE), Chord.of(Key.F1))) {
            assertThat(Shortcut.find(c, Focus.CODE)).as(c.text()).isPresent();
        }
    }

    @Test
    void aFocusedButtonKeepsSpaceWhichPressesIt() {
        assertThat(Shortcut.find(Chord.of(Key.SPACE), Focus.BUTTON)).isEmpty();
        assertThat(Shortcut.find(Chord.of(Key.DIGIT2), Focus.BUTTON)).contains(Shortcut.ANSWER);
        assertThat(Shortcut.find(Chord.of(Key.RIGHT), Focus.BUTTON)).contains(Shortcut.NEXT_EVENT);
    }

    @Test
    void keysReadAsAPersonSaysThem() {
        assertThat(Shortcut.ANSWER.keysText()).isEqualTo("1–5 or A–E");
        assertThat(Shortcut.NEXT_LESSON.keysText()).startsWith("Page Down, ").endsWith("+→ or " + altName() + "N");
        assertThat(Shortcut.STOP.keysText()).isEqualTo("Shift+F5");
        assertThat(Shortcut.HELP.keysText()).isEqualTo("? or F1");
        assertThat(Shortcut.RUN.tooltip("Run")).isEqualTo("Run (F5 or " + Chord.ctrl(Key.ENTER).text() + ")");
    }

    @Test
    void answerKeysGiveTheirChoice() {
        assertThat(Shortcut.answerOf(Key.DIGIT1)).isZero();
        assertThat(Shortcut.answerOf(Key.A)).isZero();
        assertThat(Shortcut.answerOf(Key.DIGIT5)).isEqualTo(4);
        assertThat(Shortcut.answerOf(Key.E)).isEqualTo(4);
        assertThat(Shortcut.answerOf(Key.F)).isEqualTo(-1);
        assertThat(Shortcut.answerOf(Key.DIGIT0)).isEqualTo(-1);
    }

    @Test
    void everyRowSaysWhatItDoesAndHasAKey() {
        for (Shortcut s : Shortcut.values()) {
            assertThat(s.words()).as(s.name()).isNotBlank();
            assertThat(s.chords()).as(s.name()).isNotEmpty();
        }
    }

    private static Optional<Shortcut> find(Chord c) {
        return Shortcut.find(c, Focus.ELSEWHERE);
    }

    private static String altName() {
        return Chord.alt(Key.N).text().replace("N", "");
    }
}
