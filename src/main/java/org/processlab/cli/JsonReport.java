package org.processlab.cli;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.OutputLog;
import org.processlab.model.ProcessView;
import org.processlab.model.RunEvent.OutputLine;
import org.processlab.model.RunSnapshot;
import org.processlab.model.Span;

/**
 * Writes a finished run as one JSON document (UTF-8), streamed so a million lines of output cost no more
 * memory than the run already holds. Shape (times in seconds from the run's start):
 * <pre>
 * {"exitCode": int|null, "error": str|null, "stoppedBy": null|"user"|"time-limit"|"process-limit",
 *  "startMethods": [str], "processes": [{"pid", "startTicks", "ppid", "parent", "role", "name", "label", "alive",
 *  "exitCode", "signal", "orphan", "startedAt", "endedAt", "states": [{"state","from","to"}],
 *  "kernelStates": [...], "output": [{"t", "stream", "text"(, "untraced": true)}]}]}
 * </pre>
 */
public final class JsonReport {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonReport() {
    }

    /** Writes the document for {@code run} to {@code out} (not closed). */
    public static void write(RunSnapshot run, OutputLog output, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            if (run.rootStatus() == null) {
                g.writeNullField("exitCode");
            } else {
                g.writeNumberField("exitCode", run.rootStatus());
            }
            g.writeStringField("error", run.error());
            g.writeStringField("stoppedBy", run.stoppedBy() == null ? null : run.stoppedBy().id());
            g.writeStringField("title", run.title());
            g.writeArrayFieldStart("startMethods");
            for (String m : run.startMethods()) {
                g.writeString(m);
            }
            g.writeEndArray();
            g.writeNumberField("outputLines", run.outputLines());
            g.writeNumberField("rejectedConnections", run.rejectedConnections());
            g.writeArrayFieldStart("processes");
            for (ProcessView p : run.processes()) {
                writeProcess(g, run, output, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void writeProcess(JsonGenerator g, RunSnapshot run, OutputLog output, ProcessView p) throws IOException {
        g.writeStartObject();
        if (p.notStarted()) {
            g.writeNullField("pid");    // a Process object whose start() was never called: no process, no PID
        } else {
            g.writeNumberField("pid", p.pid());
        }
        g.writeNumberField("startTicks", p.key().startTicks());
        if (p.ppid() < 0) {
            g.writeNullField("ppid");   // never seen by the OS sampler, no agent said, nobody reaped it
        } else {
            g.writeNumberField("ppid", p.ppid());
        }
        g.writeNumberField("parent", p.parent());
        g.writeStringField("role", p.role().id());
        g.writeStringField("name", p.name());
        g.writeStringField("label", p.label());
        g.writeStringField("target", p.target());
        g.writeBooleanField("alive", p.alive());
        if (p.exitCode() == null) {
            g.writeNullField("exitCode");
        } else {
            g.writeNumberField("exitCode", p.exitCode());
        }
        g.writeStringField("signal", p.signal());
        g.writeBooleanField("orphan", p.orphan());
        g.writeBooleanField("traced", p.traced());
        g.writeStringField("startMethod", p.startMethod());
        g.writeStringField("helperKind", p.helperKind());
        time(g, "startedAt", run, p.startedAt());
        time(g, "endedAt", run, p.endedAt());
        time(g, "reapedAt", run, p.reapedAt());
        g.writeArrayFieldStart("states");
        for (Span<LifeState> s : p.states()) {
            span(g, run, s.state().id(), s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("kernelStates");
        for (Span<KernelStateKind> s : p.kernelStates()) {
            span(g, run, s.state().id(), s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("output");
        for (int i : output.linesOf(p.pid())) {
            OutputLine l = output.get(i);
            g.writeStartObject();
            g.writeNumberField("t", seconds(run, l.t()));
            g.writeStringField("stream", l.stream().id());
            g.writeStringField("text", l.text());
            if (l.untraced()) {
                g.writeBooleanField("untraced", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void span(JsonGenerator g, RunSnapshot run, String state, Span<?> s) throws IOException {
        g.writeStartObject();
        g.writeStringField("state", state);
        g.writeNumberField("from", seconds(run, s.from()));
        g.writeNumberField("to", seconds(run, s.toOr(run.horizon())));
        g.writeEndObject();
    }

    private static void time(JsonGenerator g, String field, RunSnapshot run, long t) throws IOException {
        if (t < 0) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, seconds(run, t));
        }
    }

    /** Seconds from the run's start, to the microsecond. */
    static double seconds(RunSnapshot run, long t) {
        return Math.round(t - run.startedAt()) / 1e6;
    }
}
