package org.processlab.lesson;

import java.util.List;

/**
 * One promise of a lesson's {@code expect} checked against a run: what it promises, in words, and what did not hold of
 * it. The window lists what did not hold under "What really happened" ({@link Reveal#problems()}); the command line
 * lists every promise, held or not. Immutable.
 *
 * @param promise  what the lesson promises, in words ({@code the program's exit status is 0})
 * @param problems what did not hold, one sentence each, in the window's words; empty when the promise held
 */
public record ExpectationResult(String promise, List<String> problems) {
    public ExpectationResult {
        problems = List.copyOf(problems);
    }

    /** True when the run kept this promise. */
    public boolean held() {
        return problems.isEmpty();
    }
}
