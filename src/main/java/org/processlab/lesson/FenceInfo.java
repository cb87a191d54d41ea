package org.processlab.lesson;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The info string of a fenced code block ({@code ```python file=square_cube.py}): its language (the first word) and
 * the file it includes, if any ({@code file=NAME}, or {@code file="NAME with spaces"}). lessons/FORMAT.md.
 *
 * @param language the first word, lower case; empty when there is none
 * @param file     the file named by {@code file=}, or null
 */
public record FenceInfo(String language, String file) {
    private static final Pattern FILE = Pattern.compile("(?:^|\\s)file=(?:\"([^\"]*)\"|(\\S+))");

    /** Reads {@code info} (null: none). */
    public static FenceInfo parse(String info) {
        String s = info == null ? "" : info.strip();
        String first = s.isEmpty() ? "" : s.split("\\s+", 2)[0];
        String language = first.contains("=") ? "" : first.toLowerCase(java.util.Locale.ROOT);
        Matcher m = FILE.matcher(s);
        String file = m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)) : null;
        return new FenceInfo(language, file);
    }
}
