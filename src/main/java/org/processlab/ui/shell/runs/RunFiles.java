package org.processlab.ui.shell.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.processlab.export.RunDocumentException;
import org.processlab.export.SavedRun;

/**
 * Run files as background work: reading one (its failure carried out of the task as an
 * {@link UncheckedIOException}), and what the error banner says about one that cannot be opened, by kind (from a
 * newer ProcessLab, too large, broken). Stateless; any thread.
 */
final class RunFiles {
    private RunFiles() {
    }

    /** The run in {@code file}; a failure to read it is an {@link UncheckedIOException} around its cause. */
    static SavedRun read(Path file) {
        return io(() -> SavedRun.read(file)).get();
    }

    /** File work that may fail. */
    @FunctionalInterface
    interface Io<T> {
        T get() throws IOException;
    }

    /** {@code work} as a background task: its {@link IOException} travels as an {@link UncheckedIOException}. */
    static <T> Supplier<T> io(Io<T> work) {
        return () -> {
            try {
                return work.get();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** What the error banner says about a run file that cannot be opened, by kind. */
    static String whyNot(String name, Throwable ex) {
        Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof RunDocumentException d) {
            return switch (d.kind()) {
                case NEWER_VERSION -> name + " was " + d.getMessage()
                        + ". Open it with that ProcessLab. Nothing shown was changed.";
                case TOO_LARGE -> name + " is too large to open: " + d.getMessage() + ". Nothing shown was changed.";
                case BROKEN -> name + " is not a run ProcessLab can read: " + d.getMessage()
                        + ". Nothing shown was changed.";
            };
        }
        return name + " cannot be read: " + cause.getMessage() + ". Nothing shown was changed.";
    }

    /** The message of a background task's failure: its cause's, for an {@link UncheckedIOException}. */
    /**
     * Why a file could not be written, in words: {@code permission denied: /home/x/.processlab/runs} rather than
     * the bare path an {@link java.nio.file.AccessDeniedException} gives as its message.
     */
    static String whyNotWritten(Throwable ex) {
        Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (cause instanceof java.nio.file.FileAlreadyExistsException f) {
            return "a file is where a folder should be: " + f.getFile();
        }
        if (cause instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT) + ": " + f.getFile();
        }
        return messageOf(cause);
    }

    static String messageOf(Throwable ex) {
        Throwable cause = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        return String.valueOf(cause.getMessage());
    }
}
