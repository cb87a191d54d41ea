package org.processlab.cli;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.processlab.cli.CliRun.Report;

/**
 * Every output line of a run's JSON document with the PID it is on: the listed processes' lines and those of writers
 * the run did not list ({@code otherOutput}), so a test can say whose lane a line landed on, whoever wrote it.
 *
 * @param pid    the PID the line is attributed to
 * @param stream {@code stdout} or {@code stderr}
 * @param text   the line
 * @param flags  the line's own marks: {@code untraced}, {@code shared} (empty when its writer is sure)
 */
record WrittenLines(long pid, String stream, String text, String flags) {

    /** Every line of {@code r}, in each writer's order. */
    static List<WrittenLines> of(Report r) {
        List<WrittenLines> out = new ArrayList<>();
        for (JsonNode p : r.processes()) {
            add(out, p.path("pid").asLong(), p);
        }
        for (JsonNode o : r.json().path("otherOutput")) {
            add(out, o.path("pid").asLong(), o);
        }
        return out;
    }

    /** The lines of {@code r} that begin with {@code prefix}. */
    static List<WrittenLines> starting(Report r, String prefix) {
        return of(r).stream().filter(l -> l.text().startsWith(prefix)).toList();
    }

    private static void add(List<WrittenLines> out, long pid, JsonNode writer) {
        for (JsonNode l : writer.path("output")) {
            String flags = (l.path("untraced").asBoolean() ? "untraced " : "") + (l.path("shared").asBoolean() ? "shared" : "");
            out.add(new WrittenLines(pid, l.path("stream").asText(), l.path("text").asText(), flags.trim()));
        }
    }

    /** The number after the line's last space (a PID the program printed). */
    long lastNumber() {
        return Long.parseLong(text.substring(text.lastIndexOf(' ') + 1));
    }
}
