package org.processlab.export;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.processlab.model.JoinView;
import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Signals;
import org.processlab.model.Span;

/**
 * Writes a run as Chrome Trace Event JSON (the "JSON Object Format" of the Trace Event Format document
 * by the Chromium authors), which Perfetto and chrome://tracing open. Each process becomes a trace
 * process with one thread:
 * <ul>
 *   <li>{@code M} metadata: {@code process_name} ("label name PID n"), {@code process_sort_index} (tree order);</li>
 *   <li>{@code X} complete events, one per lifecycle span ({@code running}, {@code waiting-join},
 *       {@code zombie}, {@code ended} up to the run's end);</li>
 *   <li>{@code i} instant events, one per output line (at most {@link #MAX_LINE_EVENTS} per process);</li>
 *   <li>{@code s}/{@code f} flow events from the parent's {@code start()} to the child's start, and from
 *       the child's end to the {@code join()} that reaped it.</li>
 * </ul>
 * {@code ts} and {@code dur} are microseconds from the run's start, never negative.
 */
public final class ChromeTrace {
    /** Output lines exported per process as instant events; the rest are counted in the process's args. */
    public static final int MAX_LINE_EVENTS = 20_000;
    private static final JsonFactory FACTORY = new JsonFactory();

    private ChromeTrace() {
    }

    /** Writes the trace of {@code run} (a finished or running snapshot) to {@code out} (not closed). */
    public static void write(RunSnapshot run, OutputLog output, OutputStream out) throws IOException {
        long t0 = run.startedAt();
        long end = run.horizon();
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeStringField("displayTimeUnit", "ms");
            g.writeArrayFieldStart("traceEvents");
            int index = 0;
            long flowId = 1;
            for (ProcessView p : run.processes()) {
                if (p.notStarted()) {
                    continue;   // a Process object that never got a process: nothing to show as one
                }
                String label = (p.label() != null ? p.label() + " " : "") + p.name() + " PID " + p.pid();
                meta(g, "process_name", p.pid(), "name", label);
                meta(g, "thread_name", p.pid(), "name", p.displayName());
                g.writeStartObject();
                g.writeStringField("name", "process_sort_index");
                g.writeStringField("ph", "M");
                ids(g, p.pid());
                g.writeObjectFieldStart("args");
                g.writeNumberField("sort_index", index++);
                g.writeEndObject();
                g.writeEndObject();
                for (Span<LifeState> s : p.states()) {
                    long from = Math.max(0, s.from() - t0);
                    long to = Math.max(from, s.toOr(end) - t0);
                    g.writeStartObject();
                    g.writeStringField("name", s.state().id());
                    g.writeStringField("cat", "state");
                    g.writeStringField("ph", "X");
                    g.writeNumberField("ts", from);
                    g.writeNumberField("dur", to - from);
                    ids(g, p.pid());
                    g.writeObjectFieldStart("args");
                    g.writeNumberField("pid", p.pid());
                    g.writeNumberField("ppid", p.ppid());
                    g.writeStringField("role", p.role().id());
                    if (s.state() == LifeState.ENDED || s.state() == LifeState.ZOMBIE) {
                        g.writeStringField("exitCode", Signals.describe(p.exitCode()));
                    }
                    g.writeEndObject();
                    g.writeEndObject();
                }
                int[] lines = output.linesOf(p.pid());
                for (int k = 0; k < Math.min(lines.length, MAX_LINE_EVENTS); k++) {
                    OutputLine l = output.get(lines[k]);
                    g.writeStartObject();
                    g.writeStringField("name", l.stream().id());
                    g.writeStringField("cat", "output");
                    g.writeStringField("ph", "i");
                    g.writeStringField("s", "t");
                    g.writeNumberField("ts", Math.max(0, l.t() - t0));
                    ids(g, p.pid());
                    g.writeObjectFieldStart("args");
                    g.writeStringField("text", l.text());
                    g.writeEndObject();
                    g.writeEndObject();
                }
                if (p.startCalledAt() >= 0 && p.startedAt() >= 0 && p.parent() > 0) {
                    flow(g, flowId++, "start", p.parent(), p.startCalledAt() - t0, p.pid(), p.startedAt() - t0);
                }
                for (JoinView j : p.joins()) {
                    if (j.reaped() && j.to() != Span.OPEN) {
                        ProcessView child = run.byPid(j.child()).orElse(null);
                        if (child != null && child.endedAt() >= 0) {
                            flow(g, flowId++, "join", child.pid(), child.endedAt() - t0, p.pid(), j.to() - t0);
                        }
                    }
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    private static void meta(JsonGenerator g, String name, long pid, String key, String value) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", name);
        g.writeStringField("ph", "M");
        ids(g, pid);
        g.writeObjectFieldStart("args");
        g.writeStringField(key, value);
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void ids(JsonGenerator g, long pid) throws IOException {
        g.writeNumberField("pid", pid);
        g.writeNumberField("tid", pid);
    }

    private static void flow(JsonGenerator g, long id, String name, long fromPid, long fromTs, long toPid, long toTs)
            throws IOException {
        long a = Math.max(0, fromTs);
        long b = Math.max(a, toTs);
        for (int k = 0; k < 2; k++) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("cat", "flow");
            g.writeStringField("ph", k == 0 ? "s" : "f");
            if (k == 1) {
                g.writeStringField("bp", "e");
            }
            g.writeNumberField("id", id);
            g.writeNumberField("ts", k == 0 ? a : b);
            ids(g, k == 0 ? fromPid : toPid);
            g.writeEndObject();
        }
    }
}
