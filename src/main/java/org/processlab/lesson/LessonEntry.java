package org.processlab.lesson;

import java.nio.file.Path;

/** One folder of {@code lessons/}: a lesson, or an error card for a lesson that could not be read. */
public sealed interface LessonEntry permits Lesson, LessonError {
    /** The folder name, e.g. {@code 02-first-processes}: the lesson's id. */
    String id();

    /** The lesson's folder. */
    Path dir();

    /** Where it sorts in the list. */
    int order();

    /** What the list shows. */
    String title();
}
