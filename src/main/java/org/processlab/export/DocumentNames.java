package org.processlab.export;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.processlab.model.RunStatus;

/**
 * The document's words for values the model has no JSON name for: a run's status ({@code ended}) and an absolute time
 * (ISO-8601 in UTC to the microsecond, {@code 2026-12-07T04:28:07.123456Z}). Stateless.
 */
final class DocumentNames {
    private static final DateTimeFormatter MICROSECONDS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DocumentNames() {
    }

    /** {@code not-started}, {@code starting}, {@code running}, {@code stopping}, {@code ended}, {@code failed}. */
    static String status(RunStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Epoch microseconds as ISO-8601 in UTC, always six digits after the second. */
    static String instant(long micros) {
        return MICROSECONDS.format(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                Math.floorMod(micros, 1_000_000L) * 1_000L));
    }

    /**
     * The epoch microseconds of an ISO-8601 instant in UTC ({@link DateTimeFormatter#ISO_INSTANT}: any number of
     * digits after the second; what is finer than a microsecond is dropped), or null when {@code text} is none.
     */
    static Long micros(String text) {
        try {
            Instant t = Instant.parse(text);
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }
}
