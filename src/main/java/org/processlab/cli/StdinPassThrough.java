package org.processlab.cli;

import java.io.IOException;
import java.io.InputStream;

import org.processlab.run.RunSession;

/**
 * Passes the CLI's own stdin (a terminal or a pipe) through to the program's main process, as a shell would: what
 * arrives is sent at once, whatever it holds, and the end of input (end of the pipe, Ctrl+D on a terminal) becomes
 * end-of-file for the program. A program that never reads leaves it unread.
 *
 * <p>Threading: one daemon thread ({@code processlab-stdin}) reads and sends; it never keeps the run or the JVM
 * alive: a read blocked on a terminal that stays open simply goes with the JVM. It stops once the run has ended.
 */
final class StdinPassThrough {
    /** Bytes read at a time: a pipe's usual chunk. */
    private static final int CHUNK = 8192;

    private StdinPassThrough() {
    }

    /** Starts passing {@code in} to {@code session}, whose spec takes its stdin from the app. */
    static void start(InputStream in, RunSession session) {
        Thread reader = new Thread(() -> pass(in, session), "processlab-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private static void pass(InputStream in, RunSession session) {
        byte[] buf = new byte[CHUNK];
        try {
            int n;
            while ((n = in.read(buf)) >= 0 && !session.ended().isDone()) {
                session.sendInput(buf, 0, n);
            }
        } catch (IOException e) {
            // stdin broke (closed under us): the program gets end-of-file, as at its end
        }
        session.endInput();
    }
}
