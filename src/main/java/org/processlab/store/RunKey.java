package org.processlab.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Whose runs these are: a lesson (by its id, the folder name {@code 02-first-processes}) or a person's own program (by
 * its file's absolute path). Each key has a folder of its own under the kept runs' folder ({@link #folder()}).
 *
 * @param kind a lesson or a file
 * @param name the lesson's id, or the file's absolute, normalised path
 */
public record RunKey(Kind kind, String name) {
    /** What a key names. */
    public enum Kind {
        /** A lesson of the course shown, by id. */
        LESSON,
        /** A person's own program, by its file. */
        FILE
    }

    /** @throws NullPointerException for a null kind or name */
    public RunKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** The runs of lesson {@code id}. */
    public static RunKey lesson(String id) {
        return new RunKey(Kind.LESSON, id);
    }

    /** The runs of the program in {@code file} (made absolute and normalised). */
    public static RunKey file(Path file) {
        return new RunKey(Kind.FILE, file.toAbsolutePath().normalize().toString());
    }

    /**
     * The key's folder, relative to the kept runs' folder: {@code lessons/02-first-processes}, or
     * {@code files/square.py-1a2b3c4d} (the file's name made safe, then 8 hex digits of the SHA-256 of its whole path,
     * so that two {@code main.py} in two folders keep their runs apart).
     */
    public String folder() {
        if (kind == Kind.LESSON) {
            return "lessons/" + FileNames.safe(name, "lesson");
        }
        Path fileName = Path.of(name).getFileName();
        return "files/" + FileNames.safe(fileName == null ? null : fileName.toString(), "program") + "-" + hash(name);
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
