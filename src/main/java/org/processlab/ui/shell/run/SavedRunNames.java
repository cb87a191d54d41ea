package org.processlab.ui.shell.run;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.processlab.export.SavedRun;
import org.processlab.model.RunSnapshot;

/**
 * How the window names the moment a kept run was made, in the computer's time zone: {@code 04:31:07} for a clock
 * time, {@code 7 Dec, 04:31:07} with the day. Stateless; any thread.
 */
public final class SavedRunNames {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM, HH:mm:ss", Locale.ENGLISH);

    private SavedRunNames() {
    }

    /** {@code 04:31:07}: the clock time of {@code epochMicros}; {@code ?} for a time not known (negative). */
    public static String clock(long epochMicros, ZoneId zone) {
        return epochMicros < 0 ? "?" : at(epochMicros, zone).format(CLOCK);
    }

    /** {@code 7 Dec, 04:31:07}: the day and clock time of {@code epochMicros}; {@code ?} when not known. */
    public static String day(long epochMicros, ZoneId zone) {
        return epochMicros < 0 ? "?" : at(epochMicros, zone).format(DAY);
    }

    /** When the run began, with its day, in the computer's time zone ({@code 7 Dec, 04:31:07}). */
    public static String madeAt(RunSnapshot s) {
        return day(s.startedAt(), ZoneId.systemDefault());
    }

    /** True when {@code epochMicros} falls on today's date in {@code zone}. */
    public static boolean today(long epochMicros, ZoneId zone) {
        return epochMicros >= 0 && at(epochMicros, zone).toLocalDate().equals(LocalDate.now(zone));
    }

    /** What the run's files are named after when it names no lesson: its program's file name without .py, or run. */
    public static String fileStem(SavedRun saved) {
        String p = saved.origin().program();
        if (p == null || p.isBlank()) {
            return "run";
        }
        String name;
        try {
            java.nio.file.Path f = java.nio.file.Path.of(p).getFileName();
            name = f == null ? "run" : f.toString();
        } catch (java.nio.file.InvalidPathException e) {
            return "run";
        }
        return name.endsWith(".py") ? name.substring(0, name.length() - 3) : name;
    }

    private static ZonedDateTime at(long epochMicros, ZoneId zone) {
        return Instant.ofEpochSecond(epochMicros / 1_000_000, (epochMicros % 1_000_000) * 1000).atZone(zone);
    }
}
