package org.processlab.ui.console;

/**
 * What a terminal shows of a prompt once the person has answered it: the prompt and the answer stay on their line, and
 * the program's output goes on from the next one. The program's own line is longer ({@code "number? 49"}: the answer
 * is not in the program's output), so the console remembers how much of the main process's unfinished stdout line it
 * has already shown with typed input (the <em>echoed</em> start) and shows only the rest, of the unfinished line and
 * then of the line once finished. The run's log, counts and exports keep the program's whole line.
 *
 * <p>Threading: FX thread only (as {@link ConsoleViewModel}).
 */
final class TerminalEcho {
    /** The start of the main process's unfinished stdout line already shown before typed input; "" for none. */
    private String echoed = "";

    /** The part of the main process's unfinished stdout line {@code text} not shown yet. */
    String rest(String text) {
        return text.startsWith(echoed) ? text.substring(echoed.length()) : text;
    }

    /** The person answered {@code prompt} (what was shown of the unfinished line, maybe empty): it is shown now. */
    void answered(String prompt) {
        echoed += prompt;
    }

    /** The main process finished its stdout line {@code text}: what of it is left to show. Forgets the echoed start. */
    String finished(String text) {
        String shown = rest(text);
        echoed = "";
        return shown;
    }

    /** A new run. */
    void clear() {
        echoed = "";
    }
}
