package org.processlab.run;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reading a message's fields the way the protocol means them: a field that is missing or {@code null} is "unknown",
 * which the model's events say with null or -1. Stateless.
 */
final class WireFields {
    private WireFields() {
    }

    /** The field as text, or null when missing or null. */
    static String text(JsonNode j, String field) {
        JsonNode v = j.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The field as a whole number, or -1 when it is not one (missing, null). */
    static long wholeOrMinusOne(JsonNode j, String field) {
        JsonNode v = j.path(field);
        return v.isIntegralNumber() ? v.asLong() : -1;
    }

    /** A start time in clock ticks ({@code startTicks}), or -1 when unknown (null where there is no /proc). */
    static long startTicks(JsonNode j) {
        return j.path("startTicks").isNumber() ? j.path("startTicks").asLong() : -1;
    }

    /** A list of strings joined by single spaces (an argv as one command line). */
    static String joined(JsonNode list) {
        StringBuilder b = new StringBuilder();
        for (JsonNode a : list) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(a.asText());
        }
        return b.toString();
    }

    /** A list of PIDs as a set, or null when the field is not a list. */
    static Set<Long> pids(JsonNode list) {
        if (list == null || !list.isArray()) {
            return null;
        }
        Set<Long> out = new HashSet<>();
        list.forEach(n -> out.add(n.asLong()));
        return out;
    }
}
