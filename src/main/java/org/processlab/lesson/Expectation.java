package org.processlab.lesson;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What every run of a lesson's example must show (lessons/FORMAT.md). Only what must hold is written
 * here; what may vary between runs is described in {@link #varies} and not checked.
 *
 * @param exitCode  the root's status as a shell reports it, or null (not checked)
 * @param roles     exact number of processes per role ({@code main}, {@code child}, {@code helper})
 * @param minRoles  least number of processes per role
 * @param exitCodes exit codes per process group
 * @param lines     lines that must appear
 * @param order     pairs {@code [a, b]}: the first line equal to a (or matching it as a regex) is printed before b's
 * @param varies    prose: what may differ between runs and why
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Expectation(Integer exitCode, Map<String, Integer> roles, Map<String, Integer> minRoles,
                          List<ExitCodeRule> exitCodes, List<LineRule> lines, List<List<String>> order, String varies) {
    public Expectation {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        minRoles = minRoles == null ? Map.of() : Map.copyOf(minRoles);
        exitCodes = exitCodes == null ? List.of() : List.copyOf(exitCodes);
        lines = lines == null ? List.of() : List.copyOf(lines);
        order = order == null ? List.of() : List.copyOf(order);
        for (List<String> pair : order) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("each expect.order entry needs two lines, got " + pair);
            }
        }
    }

    /**
     * @param who      which processes (see {@link Who})
     * @param exitCode the exit code each of them must have (Python style)
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ExitCodeRule(String who, int exitCode) {
    }

    /**
     * @param text   the exact line (or null when {@code regex} is given)
     * @param regex  a regular expression the whole line must match
     * @param who    which processes may print it (default {@code any})
     * @param count  exact number of such lines, or null for at least one
     * @param stream {@code stdout} or {@code stderr}, or null for either
     */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record LineRule(String text, String regex, String who, Integer count, String stream) {
        public LineRule {
            if ((text == null) == (regex == null)) {
                throw new IllegalArgumentException("each expect.lines entry needs exactly one of text or regex");
            }
            if (regex != null) {
                java.util.regex.Pattern.compile(regex);
            }
        }

        /** What a person reads in a report. */
        public String describe() {
            return text != null ? "\"" + text + "\"" : "/" + regex + "/";
        }
    }
}
