package org.processlab.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The one rule for a file a lesson names (its examples, a page's images and included files): it must be a readable file inside
 * the lesson's own folder. Refused, with the reason in an author's words: a URL of any scheme ({@code http:},
 * {@code https:}, {@code file:}, {@code data:}, …: nothing is ever fetched), an absolute path, a path whose
 * {@code ..} leaves the folder, a symbolic link (or a link on the way) that leads out of it, a missing file, a
 * folder, a file that cannot be read. Only {@link #find} looks at the disk; nothing is opened.
 *
 * <p>Threading: stateless; any thread (it does file I/O, so a window calls it off the FX thread where it can).
 */
public final class LessonFiles {
    /** A URI scheme ({@code https:}, {@code file:}) or a Windows drive ({@code C:}) at the start of a name. */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    private LessonFiles() {
    }

    /** What {@link #find} found. */
    public sealed interface Lookup permits Found, Refused {
    }

    /**
     * A file inside the folder.
     *
     * @param file its real path (links resolved), inside the folder's real path
     */
    public record Found(Path file) implements Lookup {
    }

    /**
     * A name that may not be used, or that names no readable file.
     *
     * @param name the name as written
     * @param why  why, in a phrase that follows the name ("is a URL; …")
     */
    public record Refused(String name, String why) implements Lookup {
        /** "'name' why". */
        public String message() {
            return "'" + name + "' " + why;
        }
    }

    /** Looks up {@code name} (as a lesson writes it: relative, '/' between folders) inside {@code folder}. */
    public static Lookup find(Path folder, String name) {
        if (name == null || name.isBlank()) {
            return new Refused(name == null ? "" : name, "is not a file name");
        }
        if (SCHEME.matcher(name).find() || name.startsWith("//")) {
            return new Refused(name, "is a URL: a page shows only files in its lesson's folder, and fetches nothing");
        }
        if (name.startsWith("/") || name.startsWith("\\")) {
            return new Refused(name, "is an absolute path: name a file in the lesson's folder, relative to it");
        }
        Path dir = folder.toAbsolutePath().normalize();
        Path file;
        try {
            file = dir.resolve(name).normalize();
        } catch (InvalidPathException e) {
            return new Refused(name, "is not a file name here (" + e.getReason() + ")");
        }
        if (!file.startsWith(dir) || file.equals(dir)) {
            return new Refused(name, "leaves the lesson's folder (to " + file + "): a lesson uses only files inside it");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Refused(name, "is missing from the lesson's folder " + dir);
        }
        Path real;
        try {
            real = file.toRealPath();
            if (!real.startsWith(dir.toRealPath())) {
                return new Refused(name, "is a link that leads out of the lesson's folder (to " + real
                        + "): a lesson uses only files inside it");
            }
        } catch (IOException e) {
            return new Refused(name, Files.isSymbolicLink(file) ? "is a link to nothing"
                    : "cannot be read (" + e.getMessage() + ")");
        }
        if (!Files.isRegularFile(real)) {
            return new Refused(name, "is not a file");
        }
        if (!Files.isReadable(real)) {
            return new Refused(name, "cannot be read (no permission)");
        }
        return new Found(real);
    }
}
