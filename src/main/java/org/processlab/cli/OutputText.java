package org.processlab.cli;

import org.processlab.model.ShownPaths;
import org.processlab.model.EscapeCodes;

/**
 * The text of a program's output line as the CLI's text report prints it: a lesson's files named as the lesson names
 * them ({@link ShownPaths}: {@code lessons/02-first-processes/x.py}, not the cache copy's path), and the terminal's
 * escape sequences (colours) left in only when ProcessLab's stdout is a terminal, which reads them as a terminal
 * would for the program itself; a file or a pipe gets the text without them ({@link EscapeCodes}). The run document
 * ({@code --format json}) keeps every line as written.
 *
 * <p>On a terminal the live output also draws a line the program rewrites (a progress bar's {@code \r}) again in place
 * ({@link LiveOutput}); elsewhere a line is printed once it stops changing or is finished.
 *
 * @param paths    how paths are shown
 * @param terminal true when stdout is a terminal: the escape sequences pass through, and a line can be drawn again
 */
record OutputText(ShownPaths paths, boolean terminal) {
    /** Every line as written. */
    static final OutputText AS_WRITTEN = new OutputText(ShownPaths.AS_WRITTEN, true);

    /**
     * The text for ProcessLab's stdout: a terminal's when the JVM's stdin and stdout are terminals (its console), as
     * when a person runs {@code processlab run} at a prompt; a file, a pipe or a test's capture gets it stripped.
     */
    static OutputText forStdout(ShownPaths paths) {
        return new OutputText(paths, System.console() != null);
    }

    /** {@code line} as printed; {@code line} itself when nothing in it changes. */
    String of(String line) {
        return paths.shown(terminal ? line : EscapeCodes.strip(line));
    }
}
