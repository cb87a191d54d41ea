package org.processlab.export;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.processlab.model.OutputLog;
import org.processlab.model.Stream;

/**
 * The texts a bounded {@link OutputLog} let go from memory ({@link OutputLog#DROPPED}: the window keeps the latest
 * lines of each process), read back from its run log file, so that a saved run has every line's text. The run log has
 * one line per output line, in the same order ({@code seconds.micros PID stream text}), so line {@code i} of the one is
 * line {@code i} of the other; an index of where each line begins (8 bytes a line) is made once, by one pass over the
 * file.
 *
 * <p>Threading: one thread; closed by its user.
 */
final class LoggedTexts implements Closeable {
    private final FileChannel file;
    private final long[] starts;

    private LoggedTexts(FileChannel file, long[] starts) {
        this.file = file;
        this.starts = starts;
    }

    /**
     * The texts of {@code output}'s dropped lines, or null when it dropped none, has no run log, or its run log does
     * not hold one line per output line (it could not all be written: then the lines keep {@link OutputLog#DROPPED}).
     * {@code pids}: the writers of the run, whose oldest line is dropped first.
     */
    static LoggedTexts of(OutputLog output, Iterable<Long> pids) {
        Path log = output.logFile();
        if (log == null || !dropsAny(output, pids)) {
            return null;
        }
        int size = output.size();
        long[] starts = new long[size + 1];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(log), 1 << 16)) {
            int line = 0;
            long at = 0;
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        if (line == size) {
                            return null;   // more lines than the output: not its log
                        }
                        starts[++line] = at + i + 1;
                    }
                }
                at += n;
            }
            if (line != size) {
                return null;
            }
            return new LoggedTexts(FileChannel.open(log, StandardOpenOption.READ), starts);
        } catch (IOException e) {
            return null;
        }
    }

    private static boolean dropsAny(OutputLog output, Iterable<Long> pids) {
        for (long pid : pids) {
            if (output.count(pid, Stream.STDOUT) + output.count(pid, Stream.STDERR) > 0) {
                int first = output.linesOf(pid)[0];
                if (output.get(first).text() == OutputLog.DROPPED) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text of output line {@code i} as its run log has it; {@code fallback} when it cannot be read. */
    String text(int i, String fallback) {
        int length = (int) Math.min(Integer.MAX_VALUE, starts[i + 1] - starts[i]);
        ByteBuffer b = ByteBuffer.allocate(length);
        try {
            while (b.hasRemaining() && file.read(b, starts[i] + b.position()) > 0) {
                // a positional read may return fewer bytes than asked
            }
        } catch (IOException e) {
            return fallback;
        }
        String line = new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
        int end = line.endsWith("\r\n") ? line.length() - 2 : line.endsWith("\n") ? line.length() - 1 : line.length();
        int text = line.indexOf(' ', line.indexOf(' ', line.indexOf(' ') + 1) + 1) + 1;
        return text <= 0 || text > end ? fallback : line.substring(text, end);
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
