package org.processlab.model;

/**
 * A line a process has begun but not finished: the text it has written since its last line end, on one stream. A
 * prompt ({@code input('number? ')}) or a progress message ({@code print('Working', end='', flush=True)}) is one while
 * the program waits. It is not an output line: it is counted, logged and exported only once finished (by a line end,
 * or by its writer's end), as an ordinary line of {@link OutputLog}.
 *
 * @param t        when its latest bytes arrived, epoch microseconds
 * @param pid      the process writing it (the model's best guess when {@code untraced})
 * @param stream   stdout or stderr
 * @param text     its text so far, decoded as UTF-8 (a character cut between two chunks is left out until it is
 *                 whole); its first {@link #KEPT_BYTES} bytes, then {@code " …"} when it is longer
 * @param bytes    its length so far in bytes, also beyond what {@code text} keeps
 * @param untraced true when no agent said who is writing it
 * @param shared   true when {@code pid} or one of its untraced children is writing it (see
 *                 {@link RunEvent.OutputLine#shared})
 */
public record UnfinishedLine(long t, long pid, Stream stream, String text, long bytes, boolean untraced,
                             boolean shared) {
    /** A line not written on a shared channel. */
    public UnfinishedLine(long t, long pid, Stream stream, String text, long bytes, boolean untraced) {
        this(t, pid, stream, text, bytes, untraced, false);
    }

    /** The bytes of an unfinished line kept for showing; a line finished keeps up to its own limit. */
    public static final int KEPT_BYTES = 8192;
}
