package org.processlab.lesson;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where in {@code lesson.md} a front matter field is written, for messages about a value the YAML parser accepted but
 * the lesson cannot use (an unknown start method, a missing example): the first line that writes {@code key:} and,
 * from there on, the first line holding the value. A guess from the text, not the parser's position: when the key is
 * not found as written, no line is named.
 *
 * <p>Threading: immutable; any thread.
 */
final class FrontMatterLines {
    private final String[] lines;
    private final int firstLine;

    /**
     * @param yaml      the front matter's text (between the {@code ---} lines)
     * @param firstLine the line of {@code lesson.md} its first line is (2: after the opening {@code ---})
     */
    FrontMatterLines(String yaml, int firstLine) {
        this.lines = yaml.split("\n", -1);
        this.firstLine = firstLine;
    }

    /** The line of {@code lesson.md} where {@code key} is given {@code value}, or -1 when it cannot be told. */
    int lineOf(String key, String value) {
        Pattern k = Pattern.compile("(^|[\\s{,\\-])" + Pattern.quote(key) + "\\s*:");
        for (int i = 0; i < lines.length; i++) {
            if (k.matcher(lines[i]).find()) {
                for (int j = i; j < lines.length && value != null; j++) {
                    if (lines[j].contains(value)) {
                        return firstLine + j;
                    }
                }
                return firstLine + i;
            }
        }
        return -1;
    }

    /** {@code "FILE, line N: "}, or {@code "FILE: "} when the line cannot be told: the start of a message. */
    String at(Path file, String key, String value) {
        int line = lineOf(key, value);
        return file + (line < 0 ? ": " : ", line " + line + ": ");
    }
}
