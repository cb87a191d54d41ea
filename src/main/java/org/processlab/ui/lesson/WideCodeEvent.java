package org.processlab.ui.lesson;

import javafx.event.Event;
import javafx.event.EventType;

/**
 * Asks the window to show a code block wide and large ({@link WideCodeView}). A code block's "whole code" button fires
 * it at itself; it bubbles up to whatever holds the page (the window), which shows it. Nothing happens where no
 * parent handles it.
 */
public final class WideCodeEvent extends Event {
    /** The only type. */
    public static final EventType<WideCodeEvent> SHOW = new EventType<>(Event.ANY, "WIDE_CODE_SHOW");

    private final String code;
    private final String language;
    private final String title;

    /**
     * @param code     the block's text, as on the page
     * @param language the fence's language ({@code python}), or "" for plain text
     * @param title    what the code is (an example's file name), or null when the block has no name of its own
     */
    public WideCodeEvent(String code, String language, String title) {
        super(SHOW);
        this.code = code;
        this.language = language == null ? "" : language;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String language() {
        return language;
    }

    /** The block's own name, or null. */
    public String title() {
        return title;
    }
}
