package org.processlab.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a person's edits belong to: a lesson's example, or a program of their own. Each names one file of
 * {@link EditsStore}.
 */
public sealed interface EditKey {
    /** The name of the file the edits are kept in (letters, digits, {@code . _ -} only). */
    String fileName();

    /** The program's file name ({@code multiprocessing_s1_e1.py}), as the editor's tab shows it. */
    String shownName();

    /**
     * An example of a lesson.
     *
     * @param lessonId the lesson's folder name ({@code 02-first-processes})
     * @param file     the example's path inside the lesson's folder ({@code example.py})
     */
    record LessonExample(String lessonId, String file) implements EditKey {
        @Override
        public String fileName() {
            return "lesson-" + FileNames.safe(lessonId, "lesson") + "--" + FileNames.safe(file, "example.py");
        }

        @Override
        public String shownName() {
            return Path.of(file).getFileName().toString();
        }
    }

    /**
     * A person's own program, by its absolute path.
     *
     * @param file the program file (absolute, normalised)
     */
    record OwnFile(Path file) implements EditKey {
        public OwnFile {
            file = file.toAbsolutePath().normalize();
        }

        @Override
        public String fileName() {
            // the path's hash tells two mine.py apart; the name helps a person who looks in the folder
            try {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(file.toString().getBytes(StandardCharsets.UTF_8));
                return "own-" + HexFormat.of().formatHex(h, 0, 8) + "--" + FileNames.safe(shownName(), "program.py");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public String shownName() {
            return file.getFileName().toString();
        }
    }
}
