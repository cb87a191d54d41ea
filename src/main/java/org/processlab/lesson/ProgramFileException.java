package org.processlab.lesson;

/**
 * A file that cannot be opened as a person's own program ({@link ProgramFile#read}). The message is for the person,
 * one sentence that names the file and says why: no such file, a folder, not Python, not UTF-8 (with the line and
 * byte), larger than {@link ProgramFile#MAX_BYTES}, or unreadable. The {@link #kind()} tells the first two apart
 * from the rest, so a command line can answer each with its own exit code.
 */
public final class ProgramFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file is refused, in the two kinds a caller treats differently. */
    public enum Kind {
        /** There is no such file, or it cannot be read (permission denied, an I/O error). */
        CANNOT_READ,
        /** It is there but is not a program we run: a folder, a device, too large, binary, not Python, not UTF-8. */
        NOT_A_PROGRAM
    }

    private final Kind kind;

    public ProgramFileException(Kind kind, String message) {
        super(message);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** Whether the file could not be read at all, or was read and is not a program. */
    public Kind kind() {
        return kind;
    }
}
