package org.processlab.lesson;

/**
 * A file that cannot be opened as a person's own program ({@link ProgramFile#read}). The message is for the person,
 * one sentence that names the file and says why: no such file, a folder, not Python, not UTF-8 (with the line and
 * byte), larger than {@link ProgramFile#MAX_BYTES}, or unreadable.
 */
public final class ProgramFileException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramFileException(String message) {
        super(message);
    }
}
