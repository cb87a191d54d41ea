package org.processlab.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * One JSON file of ProcessLab's home folder, read whole and written whole: a file that cannot be read is set aside
 * as {@code NAME.bad} (so a person's broken file is kept, and the app starts fresh), and every write goes to a
 * temporary file that is then moved into place, so a crash never leaves half a file.
 *
 * <p>Threading: the callers serialise their own calls; the class keeps no state but the path.
 *
 * @param <T> the file's shape, a Jackson-readable type
 */
final class JsonFile<T> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    private final Class<T> type;

    JsonFile(Path file, Class<T> type) {
        this.file = file;
        this.type = type;
    }

    Path path() {
        return file;
    }

    /** The file's value, or null when there is no file or it could not be read (it is then set aside). */
    T read() {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException | RuntimeException e) {
            try {
                Files.move(file, file.resolveSibling(file.getFileName() + ".bad"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // the app starts fresh either way
            }
            return null;
        }
    }

    /**
     * Writes {@code value} atomically; a failure is told on stderr ({@code what} names the data) and ignored.
     *
     * @return true when written
     */
    boolean write(T value, String what) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            JSON.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException e) {
            System.err.println("ProcessLab: could not save " + what + " to " + file + ": " + e.getMessage());
            return false;
        }
    }
}
