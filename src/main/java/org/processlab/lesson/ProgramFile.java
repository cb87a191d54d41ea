package org.processlab.lesson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.processlab.lesson.ProgramFileException.Kind;

/**
 * Reads a file a person opens as their own program (File ▸ Open, a file dropped on the window,
 * {@code processlab FILE.py}) and checks that it is one, so that every way of opening says the same thing about a
 * file that is not. In this order: it exists; it is a file, not a folder; it is at most {@link #MAX_BYTES}; it can be
 * read; it holds no NUL byte (a binary file); its name ends in {@code .py} or {@code .pyw} or its first line is a
 * {@code #!} line naming python; it is UTF-8 (a mistake is told by line and byte, as an editor counts them).
 *
 * <p>Stateless; any thread. Reads the file once, whole.
 */
public final class ProgramFile {
    /** The largest program that may be opened: 1 MiB (1,048,576 bytes), far beyond any program a class writes. */
    public static final long MAX_BYTES = 1L << 20;

    private ProgramFile() {
    }

    /**
     * The program in {@code file}, with no arguments and the window's interpreter.
     *
     * @throws ProgramFileException when it cannot be opened, with one sentence saying why; of kind
     *         {@link Kind#CANNOT_READ} when it is missing or unreadable, else {@link Kind#NOT_A_PROGRAM}
     */
    public static OwnProgram read(Path file) throws ProgramFileException {
        Path abs = file.toAbsolutePath().normalize();
        String name = abs.getFileName() == null ? abs.toString() : abs.getFileName().toString();
        if (!Files.exists(abs)) {
            throw missing(abs);
        }
        if (Files.isDirectory(abs)) {
            throw new ProgramFileException(Kind.NOT_A_PROGRAM, abs + " is a folder, not a program: open a .py file inside it"
                    + " (a folder of lessons opens with File ▸ Open lessons folder…).");
        }
        if (!Files.isRegularFile(abs)) {
            throw new ProgramFileException(Kind.NOT_A_PROGRAM, abs + " is not a regular file (a device, a pipe or a socket),"
                    + " so it cannot be a program.");
        }
        byte[] bytes = readAtMost(abs, name);
        int nul = indexOf(bytes, (byte) 0);
        if (nul >= 0) {
            throw new ProgramFileException(Kind.NOT_A_PROGRAM, name + " is not a Python program: it holds a NUL byte (byte "
                    + (nul + 1) + "), as binary files do.");
        }
        if (!pythonName(name) && !pythonShebang(bytes)) {
            throw new ProgramFileException(Kind.NOT_A_PROGRAM, name + " is not a Python program: its name does not end in .py"
                    + " and its first line is not a #! line naming python.");
        }
        return new OwnProgram(abs, utf8(bytes, name), List.of(), null);
    }

    private static byte[] readAtMost(Path file, String name) throws ProgramFileException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw tooLarge(name, size);
            }
            // read at most one byte more than allowed: a file that grows (or a /proc file that says 0) is still bounded
            try (var in = Files.newInputStream(file)) {
                byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw tooLarge(name, bytes.length);
                }
                return bytes;
            }
        } catch (AccessDeniedException e) {
            throw new ProgramFileException(Kind.CANNOT_READ, name + " cannot be read: permission denied.");
        } catch (NoSuchFileException e) {
            throw missing(file);
        } catch (IOException e) {
            throw new ProgramFileException(Kind.CANNOT_READ, name + " cannot be read: " + reason(e) + ".");
        }
    }

    private static ProgramFileException missing(Path file) {
        return new ProgramFileException(Kind.CANNOT_READ, file + " does not exist.");
    }

    private static ProgramFileException tooLarge(String name, long size) {
        return new ProgramFileException(Kind.NOT_A_PROGRAM, name + " is " + String.format(Locale.ROOT, "%.1f", size / 1048576.0)
                + " MB: larger than the 1 MB a program opened here may be.");
    }

    private static String reason(IOException e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        // "/path/x.py: Input/output error" says the path twice in our sentence
        int colon = m.lastIndexOf(": ");
        return (colon >= 0 ? m.substring(colon + 2) : m).toLowerCase(Locale.ROOT);
    }

    private static boolean pythonName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".py") || n.endsWith(".pyw");
    }

    /** True when the first line is a {@code #!} line whose command names python ({@code #!/usr/bin/env python3}). */
    static boolean pythonShebang(byte[] bytes) {
        if (bytes.length < 2 || bytes[0] != '#' || bytes[1] != '!') {
            return false;
        }
        int end = indexOf(bytes, (byte) '\n');
        String line = new String(bytes, 2, (end < 0 ? bytes.length : end) - 2, StandardCharsets.ISO_8859_1);
        for (String word : line.strip().split("\\s+")) {
            String base = word.substring(word.lastIndexOf('/') + 1);
            if (base.matches("python[0-9.]*")) {
                return true;
            }
        }
        return false;
    }

    /** The text of {@code bytes}, which must be UTF-8; else says where the first mistake is, by line and byte. */
    private static String utf8(byte[] bytes, String name) throws ProgramFileException {
        try {
            return Utf8Text.decode(bytes);
        } catch (Utf8Text.NotUtf8 e) {
            throw new ProgramFileException(Kind.NOT_A_PROGRAM, name + " is not UTF-8 text (line " + e.at().line()
                    + ", byte " + e.at().column() + "): save it as UTF-8 in your editor and open it again.");
        }
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
