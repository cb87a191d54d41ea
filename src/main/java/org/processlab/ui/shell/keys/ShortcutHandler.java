package org.processlab.ui.shell.keys;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's key handler: turns a key press into a {@link Chord}, finds its {@link Shortcut} under the focus rule
 * and runs what the window bound to it ({@link #on}). Installed as an event filter on the window's root, so it sees a
 * key before any control does; a key it does not use, or whose action did not act (Space with no replay to play),
 * goes on to the control with the focus.
 *
 * <p>Focus rule: the focus is in a text input ({@link Focus#TEXT}) when the focused node, or one of its parents, is a
 * {@link TextInputControl} or has been marked with {@link #keepTypingKeys(Node)} (the console's input line calls it);
 * in a code editor ({@link Focus#CODE}) when marked with {@link #keepEditingKeys(Node)}; on a button, toggle, link or chooser it is {@link Focus#BUTTON}.
 *
 * <p>A {@linkplain Shortcut#coming() coming} shortcut without an action is handed to {@code coming}, which says so.
 *
 * <p>Threading: FX thread only.
 */
public final class ShortcutHandler implements EventHandler<KeyEvent> {
    /** The key of a node's property that marks it as keeping its typing keys ({@link #keepTypingKeys(Node)}). */
    public static final String KEEPS_TYPING_KEYS = "processlab.keepsTypingKeys";

    /** The key of a node's property that marks it as a code editor ({@link #keepEditingKeys(Node)}). */
    public static final String KEEPS_EDITING_KEYS = "processlab.keepsEditingKeys";

    /** What a shortcut does. */
    @FunctionalInterface
    public interface Action {
        /** Acts on {@code pressed} (one of the shortcut's chords); false when there was nothing to do. */
        boolean act(Chord pressed);
    }

    private final Map<Shortcut, Action> actions = new EnumMap<>(Shortcut.class);
    private final Consumer<Shortcut> coming;

    /** @param coming says (in the window's status) that a pressed {@linkplain Shortcut#coming() coming} key is coming */
    public ShortcutHandler(Consumer<Shortcut> coming) {
        this.coming = coming;
    }

    /** Binds {@code s} to {@code action}; returns this handler. */
    public ShortcutHandler on(Shortcut s, Action action) {
        actions.put(s, action);
        return this;
    }

    /** Binds {@code s} to {@code action}, which always acts; returns this handler. */
    public ShortcutHandler on(Shortcut s, Runnable action) {
        return on(s, pressed -> {
            action.run();
            return true;
        });
    }

    /** Marks {@code node} (a code editor, an input line) as keeping its typing keys, as a text input does. */
    public static void keepTypingKeys(Node node) {
        node.getProperties().put(KEEPS_TYPING_KEYS, Boolean.TRUE);
    }

    /**
     * Marks {@code node} (a code editor) as keeping its typing keys and the keys that move through its lines: Page
     * Up/Down and Ctrl with an arrow, Home or End ({@link Focus#CODE}).
     */
    public static void keepEditingKeys(Node node) {
        node.getProperties().put(KEEPS_EDITING_KEYS, Boolean.TRUE);
    }

    @Override
    public void handle(KeyEvent e) {
        Chord pressed = chordOf(e);
        Optional<Shortcut> found = pressed == null ? Optional.empty()
                : Shortcut.find(pressed, focusOf(e.getTarget() instanceof Node n ? n : null));
        if (found.isEmpty()) {
            return;
        }
        Shortcut s = found.get();
        Action a = actions.get(s);
        if (a == null && s.coming()) {
            coming.accept(s);
            e.consume();
        } else if (a != null && a.act(pressed)) {
            e.consume();
        }
    }

    /** What the focus is on, for the focus rule; {@code owner} may be null (nothing has the focus). */
    public static Focus focusOf(Node owner) {
        for (Node n = owner; n != null; n = n.getParent()) {
            if (Boolean.TRUE.equals(n.getProperties().get(KEEPS_EDITING_KEYS))) {
                return Focus.CODE;
            }
            if (n instanceof TextInputControl || Boolean.TRUE.equals(n.getProperties().get(KEEPS_TYPING_KEYS))) {
                return Focus.TEXT;
            }
        }
        return owner instanceof ButtonBase || owner instanceof ComboBoxBase<?> || owner instanceof ChoiceBox<?>
                ? Focus.BUTTON : Focus.ELSEWHERE;
    }

    /** The chord of a key press, or null when its key is none of {@link Key}'s. */
    public static Chord chordOf(KeyEvent e) {
        if (e.getEventType() != KeyEvent.KEY_PRESSED) {
            return null;
        }
        Key key = keyOf(e.getCode(), e.getText(), e.isShiftDown());
        if (key == null) {
            return null;
        }
        // + and ? take Shift on most layouts: the character counts, not how it was typed
        boolean shift = e.isShiftDown() && key != Key.PLUS && key != Key.QUESTION;
        return new Chord(key, e.isShortcutDown(), shift, e.isAltDown());
    }

    private static Key keyOf(KeyCode code, String text, boolean shift) {
        if ("?".equals(text) || code == KeyCode.SLASH && shift) {
            return Key.QUESTION;
        }
        if (code.isDigitKey()) {     // the row of digits and the keypad's
            return Key.valueOf("DIGIT" + code.getName().charAt(code.getName().length() - 1));
        }
        return switch (code) {
            case PLUS, EQUALS, ADD -> Key.PLUS;
            case MINUS, SUBTRACT -> Key.MINUS;
            case KP_LEFT -> Key.LEFT;
            case KP_RIGHT -> Key.RIGHT;
            case KP_UP -> Key.UP;
            case KP_DOWN -> Key.DOWN;
            default -> {
                try {
                    yield Key.valueOf(code.name());
                } catch (IllegalArgumentException notOurs) {
                    yield null;
                }
            }
        };
    }
}
