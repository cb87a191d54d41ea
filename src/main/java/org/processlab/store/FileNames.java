package org.processlab.store;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How ProcessLab names the files it writes for a run: a lesson's id made safe, a local time stamp. */
public final class FileNames {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT);

    private FileNames() {
    }

    /**
     * {@code id} as part of a file name: every character but letters, digits, {@code .}, {@code _} and {@code -}
     * becomes {@code _}; {@code fallback} for null or blank.
     */
    public static String safe(String id, String fallback) {
        return id == null || id.isBlank() ? fallback : id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** {@code 20261130-072953}. */
    public static String stampSeconds(LocalDateTime at) {
        return at.format(SECONDS);
    }

    /** {@code 20261130-072953-123}: milliseconds too, so that two runs in one second get two files. */
    public static String stampMillis(LocalDateTime at) {
        return at.format(MILLIS);
    }
}
