package org.processlab.lesson;

import java.nio.file.Path;

/**
 * A lesson folder that could not be loaded. Shown as an error card in the lesson's place.
 *
 * @param message what is wrong and where (file, and line when known)
 */
public record LessonError(String id, Path dir, int order, String message) implements LessonEntry {
    @Override
    public String title() {
        return id + " (cannot be loaded)";
    }
}
