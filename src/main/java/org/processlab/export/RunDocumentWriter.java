package org.processlab.export;

import java.io.IOException;
import java.io.OutputStream;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;

/**
 * Writes a {@link RunDocument} as JSON, in the field order {@link RunDocument} gives, on one line followed by a
 * line feed. The same document always gives the same bytes, so a document read back by {@link RunDocumentReader}
 * and written again is what was read. Streamed: the output lines are written as they are read from the document.
 * Stateless; safe to call from any thread.
 */
public final class RunDocumentWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RunDocumentWriter() {
    }

    /**
     * Writes {@code doc} to {@code out} as UTF-8 and flushes it; {@code out} stays open.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(RunDocument doc, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            number(g, "exitCode", doc.exitCode());
            g.writeStringField("error", doc.error());
            g.writeStringField("stoppedBy", doc.stoppedBy() == null ? null : doc.stoppedBy().id());
            g.writeStringField("title", doc.title());
            g.writeArrayFieldStart("startMethods");
            for (String m : doc.startMethods()) {
                g.writeString(m);
            }
            g.writeEndArray();
            g.writeNumberField("outputLines", doc.outputLines());
            g.writeNumberField("rejectedConnections", doc.rejectedConnections());
            g.writeArrayFieldStart("processes");
            for (RunDocument.Process p : doc.processes()) {
                process(g, p);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write('\n');
        out.flush();
    }

    private static void process(JsonGenerator g, RunDocument.Process p) throws IOException {
        g.writeStartObject();
        number(g, "pid", p.pid());
        g.writeNumberField("startTicks", p.startTicks());
        number(g, "ppid", p.ppid());
        g.writeNumberField("parent", p.parent());
        g.writeStringField("role", p.role().id());
        g.writeStringField("name", p.name());
        g.writeStringField("label", p.label());
        g.writeStringField("target", p.target());
        g.writeBooleanField("alive", p.alive());
        number(g, "exitCode", p.exitCode());
        g.writeStringField("signal", p.signal());
        g.writeBooleanField("orphan", p.orphan());
        g.writeBooleanField("traced", p.traced());
        g.writeStringField("startMethod", p.startMethod());
        g.writeStringField("helperKind", p.helperKind());
        seconds(g, "startedAt", p.startedAt());
        seconds(g, "endedAt", p.endedAt());
        seconds(g, "reapedAt", p.reapedAt());
        g.writeArrayFieldStart("states");
        for (RunDocument.StateSpan<LifeState> s : p.states()) {
            span(g, s.state().id(), s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("kernelStates");
        for (RunDocument.StateSpan<KernelStateKind> s : p.kernelStates()) {
            span(g, s.state().id(), s);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("output");
        for (RunDocument.Line l : p.output()) {
            g.writeStartObject();
            g.writeNumberField("t", l.t());
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

    private static void span(JsonGenerator g, String state, RunDocument.StateSpan<?> s) throws IOException {
        g.writeStartObject();
        g.writeStringField("state", state);
        g.writeNumberField("from", s.from());
        g.writeNumberField("to", s.to());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String field, Number n) throws IOException {
        if (n == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, n.longValue());
        }
    }

    private static void seconds(JsonGenerator g, String field, Double t) throws IOException {
        if (t == null) {
            g.writeNullField(field);
        } else {
            g.writeNumberField(field, t.doubleValue());
        }
    }
}
