package org.processlab.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import org.processlab.model.ChannelRefusal;
import org.processlab.model.ChannelRefusals;
import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;

/**
 * Writes a {@link RunDocument} as JSON, in the current format ({@link RunDocument#FORMAT_VERSION}) and the field
 * order {@link RunDocument} gives, on one line followed by a line feed. The same document always gives the same bytes,
 * so a document read back by {@link RunDocumentReader} and written again is what was read. Streamed: the output lines
 * are written as they are read from the document. Stateless; safe to call from any thread.
 */
public final class RunDocumentWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RunDocumentWriter() {
    }

    /**
     * Writes {@code doc} to {@code out} as UTF-8 and flushes it; {@code out} stays open. A document read from an
     * earlier version is written in the current one, with what that version did not have as unknown.
     *
     * @throws IOException when {@code out} fails
     */
    public static void write(RunDocument doc, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeNumberField("formatVersion", RunDocument.FORMAT_VERSION);
            number(g, "exitCode", doc.exitCode());
            g.writeStringField("error", doc.error());
            g.writeStringField("stoppedBy", doc.stoppedBy() == null ? null : doc.stoppedBy().id());
            g.writeStringField("title", doc.title());
            texts(g, "startMethods", doc.startMethods());
            g.writeNumberField("outputLines", doc.outputLines());
            g.writeNumberField("rejectedConnections", doc.rejectedConnections());
            g.writeArrayFieldStart("processes");
            for (RunDocument.Process p : doc.processes()) {
                process(g, p);
            }
            g.writeEndArray();
            g.writeStringField("status", doc.status() == null ? null : DocumentNames.status(doc.status()));
            g.writeStringField("startTime", doc.startTime() == null ? null : DocumentNames.instant(doc.startTime()));
            seconds(g, "endedAt", doc.endedAt());
            seconds(g, "now", doc.now());
            g.writeStringField("startMethodAsked", doc.startMethodAsked());
            number(g, "supervisorPid", doc.supervisorPid());
            priority(g, doc.priorityLowered());
            g.writeNumberField("inputDroppedBytes", doc.inputDroppedBytes());
            g.writeArrayFieldStart("unfinishedLines");
            for (RunDocument.Unfinished u : doc.unfinishedLines()) {
                g.writeStartObject();
                g.writeNumberField("t", u.t());
                g.writeNumberField("pid", u.pid());
                g.writeStringField("stream", u.stream().id());
                g.writeStringField("text", u.text());
                g.writeNumberField("bytes", u.bytes());
                g.writeBooleanField("untraced", u.untraced());
                if (u.shared()) {
                    g.writeBooleanField("shared", true);
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("otherOutput");
            for (RunDocument.OtherOutput o : doc.otherOutput()) {
                g.writeStartObject();
                g.writeNumberField("pid", o.pid());
                lines(g, o.output());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("origin");
            g.writeStringField("lesson", doc.origin().lessonId());
            g.writeStringField("program", doc.origin().program());
            texts(g, "arguments", doc.origin().arguments());
            g.writeEndObject();
            refusals(g, doc.refusedConnections());
            g.writeStringField("containment", doc.containment() == null ? null : doc.containment().id());
            g.writeNumberField("processesPastLimit", doc.processesPastLimit());
            number(g, "forksRefused", doc.forksRefused());
            RunDocument.SupervisorLost lost = doc.supervisorLost();
            if (lost == null) {
                g.writeNullField("supervisorLost");
            } else {
                g.writeObjectFieldStart("supervisorLost");
                g.writeNumberField("t", lost.t());
                g.writeNumberField("exitStatus", lost.exitStatus());
                g.writeStringField("signal", lost.signal());
                g.writeStringField("endedBy", lost.endedBy());
                g.writeNumberField("found", lost.found());
                g.writeNumberField("left", lost.left());
                g.writeBooleanField("byProcessLab", lost.byProcessLab());
                g.writeEndObject();
            }
            expectations(g, doc.expectations());
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
        if (p.alive() == null) {
            g.writeNullField("alive");
        } else {
            g.writeBooleanField("alive", p.alive());
        }
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
        lines(g, p.output());
        number(g, "standIn", p.standIn());
        g.writeStringField("args", p.args());
        g.writeStringField("command", p.command());
        g.writeBooleanField("daemon", p.daemon());
        seconds(g, "startCalledAt", p.startCalledAt());
        seconds(g, "orphanedAt", p.orphanedAt());
        number(g, "depth", p.depth());
        g.writeArrayFieldStart("joins");
        for (RunDocument.Join j : p.joins()) {
            g.writeStartObject();
            g.writeNumberField("child", j.child());
            g.writeNumberField("from", j.from());
            seconds(g, "to", j.to());
            g.writeBooleanField("reaped", j.reaped());
            g.writeEndObject();
        }
        g.writeEndArray();
        if (p.startFailed() == null) {
            g.writeNullField("startFailed");
        } else {
            g.writeObjectFieldStart("startFailed");
            g.writeNumberField("t", p.startFailed().t());
            g.writeStringField("error", p.startFailed().error());
            g.writeStringField("message", p.startFailed().message());
            g.writeEndObject();
        }
        seconds(g, "lostAt", p.lostAt());
        g.writeArrayFieldStart("execs");
        for (RunDocument.Exec e : p.execs()) {
            g.writeStartObject();
            g.writeNumberField("t", e.t());
            g.writeStringField("path", e.path());
            g.writeStringField("command", e.command());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeBooleanField("named", p.named());
        g.writeStringField("shownLabel", p.shownLabel());
        g.writeEndObject();
    }

    /** The field {@code output}: the lines, each with its number in the run's output. */
    private static void lines(JsonGenerator g, List<RunDocument.Line> lines) throws IOException {
        g.writeArrayFieldStart("output");
        for (RunDocument.Line l : lines) {
            g.writeStartObject();
            g.writeNumberField("t", l.t());
            g.writeStringField("stream", l.stream().id());
            g.writeStringField("text", l.text());
            if (l.untraced()) {
                g.writeBooleanField("untraced", true);
            }
            g.writeNumberField("n", l.n());
            if (l.shared()) {
                g.writeBooleanField("shared", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void span(JsonGenerator g, String state, RunDocument.StateSpan<?> s) throws IOException {
        g.writeStartObject();
        g.writeStringField("state", state);
        g.writeNumberField("from", s.from());
        g.writeNumberField("to", s.to());
        if (s.open()) {
            g.writeBooleanField("open", true);
        }
        g.writeEndObject();
    }

    private static void expectations(JsonGenerator g, RunDocument.Expectations e) throws IOException {
        if (e == null) {
            g.writeNullField("expectations");
            return;
        }
        g.writeObjectFieldStart("expectations");
        if (e.held() == null) {
            g.writeNullField("held");
        } else {
            g.writeBooleanField("held", e.held());
        }
        g.writeStringField("notChecked", e.notChecked());
        g.writeArrayFieldStart("results");
        for (RunDocument.Expected r : e.results()) {
            g.writeStartObject();
            g.writeStringField("promise", r.promise());
            g.writeBooleanField("held", r.held());
            texts(g, "problems", r.problems());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void refusals(JsonGenerator g, ChannelRefusals r) throws IOException {
        g.writeObjectFieldStart("refusedConnections");
        for (ChannelRefusal why : ChannelRefusal.values()) {
            g.writeNumberField(why.jsonName(), r.of(why));
        }
        g.writeEndObject();
    }

    private static void priority(JsonGenerator g, RunDocument.PriorityChange p) throws IOException {
        if (p == null) {
            g.writeNullField("priorityLowered");
            return;
        }
        g.writeObjectFieldStart("priorityLowered");
        g.writeNumberField("t", p.t());
        g.writeNumberField("steps", p.steps());
        g.writeStringField("reason", p.reason());
        g.writeEndObject();
    }

    private static void texts(JsonGenerator g, String field, List<String> texts) throws IOException {
        g.writeArrayFieldStart(field);
        for (String s : texts) {
            g.writeString(s);
        }
        g.writeEndArray();
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
