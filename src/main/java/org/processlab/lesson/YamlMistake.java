package org.processlab.lesson;

import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A front matter that is not YAML, said as an author can act on it. The parser reports where it gave up, which for the
 * commonest slip, a quote opened and not closed, is the next quote several lines down; so a line whose value opens a
 * quote it does not close is named first, and otherwise the parser's line with its one-line reason.
 *
 * <p>Stateless; any thread.
 */
final class YamlMistake {
    private YamlMistake() {
    }

    /** True when {@code e} says the text is not YAML (rather than YAML that does not fit a lesson's fields). */
    static boolean isSyntax(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException) {
                return true;
            }
        }
        return e instanceof com.fasterxml.jackson.core.JsonParseException;
    }

    /**
     * {@code ", line N: …"}, to follow the file's name.
     *
     * @param yaml      the front matter's text, between the {@code ---} lines
     * @param firstLine the line of lesson.md its first line is (1-based)
     * @param e         what the YAML parser threw
     */
    static String describe(String yaml, int firstLine, JsonProcessingException e) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            char quote = unclosedQuote(lines.get(i));
            if (quote != 0) {
                return ", line " + (firstLine + i) + ": the value on this line opens a quote (" + quote
                        + ") that the line does not close; a quoted value ends with the same quote on its own line";
            }
        }
        return where(firstLine, e) + ": the front matter is not valid YAML here (" + reason(e) + "); look at this line and the"
                + " one above it for a missing ':', a space missing after ':' or '-', or an indentation that does not"
                + " line up";
    }

    /** Where to look: the line the parser stopped at (the mistake is there or on the line above). */
    private static String where(int firstLine, JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m) {
                Mark at = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
                return at == null ? "" : ", line " + (firstLine + at.getLine());
            }
        }
        JsonLocation loc = e.getLocation();
        return loc == null || loc.getLineNr() < 1 ? "" : ", line " + (firstLine - 1 + loc.getLineNr());
    }

    /** The quote character a {@code key: "value} or {@code - 'value} line opens and leaves open, or 0. */
    static char unclosedQuote(String line) {
        String t = line.strip();
        if (t.startsWith("#")) {
            return 0;
        }
        String value;
        if (t.startsWith("- ")) {
            value = t.substring(2).strip();
        } else {
            int colon = t.indexOf(": ");
            value = colon < 0 ? "" : t.substring(colon + 2).strip();
        }
        if (value.isEmpty() || (value.charAt(0) != '"' && value.charAt(0) != '\'')) {
            return 0;
        }
        char q = value.charAt(0);
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (q == '"' && c == '\\') {
                i++;                    // an escaped character
            } else if (c == q) {
                if (q == '\'' && i + 1 < value.length() && value.charAt(i + 1) == '\'') {
                    i++;                // '' is one quote inside '…'
                } else {
                    return 0;
                }
            }
        }
        return q;
    }

    /** The parser's reason in one line, without its marks ("in 'reader', line 3, column 5:" and the quoted text). */
    private static String reason(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        if (m == null) {
            return "it cannot be read";
        }
        StringBuilder out = new StringBuilder();
        for (String l : m.lines().toList()) {
            String t = l.strip();
            if (t.isEmpty() || t.startsWith("in '") || t.equals("^") || l.startsWith("    ")) {
                continue;
            }
            out.append(out.length() > 0 ? ", " : "").append(t.endsWith(":") ? t.substring(0, t.length() - 1) : t);
        }
        return out.length() == 0 ? "it cannot be read" : out.toString();
    }
}
