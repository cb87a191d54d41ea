package org.processlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.Role;
import org.processlab.model.StopReason;
import org.processlab.model.Stream;

/**
 * Reads a run document ({@link RunDocument} gives its shape) back into a {@link RunDocument}, streamed: one output
 * line at a time, never a tree of the whole document.
 *
 * <p>What it accepts: every document {@link RunDocumentWriter} writes, and documents that differ from one only in
 * field order, white space, fields this version does not know (skipped: a later version's document opens,
 * without what this one cannot show), and fields that may be null being left out (read as null; {@code untraced}
 * as false). What it rejects, with a {@link RunDocumentException} saying what and where: anything that is not one
 * JSON object, a document cut short, a field given twice, a missing field that may not be null, a value of the
 * wrong type (a time must be a number, every other number an integer in range), and a name that is not one of
 * the closed set its field allows (a role, a state, a stream, a stop reason).
 *
 * <p>Each call reads on the caller's thread with a parser of its own; calls on several threads do not interfere.
 */
public final class RunDocumentReader {
    private final DocumentCursor in;

    private RunDocumentReader(DocumentCursor in) {
        this.in = in;
    }

    /**
     * Reads the document in {@code file} (UTF-8).
     *
     * @throws RunDocumentException when it is not a run document
     * @throws IOException          when the file cannot be read
     */
    public static RunDocument read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Reads the document in {@code in} (UTF-8, or any encoding JSON allows) up to its end; {@code in} stays open.
     *
     * @throws RunDocumentException when it is not a run document
     * @throws IOException          when {@code in} fails
     */
    public static RunDocument read(InputStream in) throws IOException {
        try (DocumentCursor cursor = new DocumentCursor(in)) {
            return cursor.readAll(new RunDocumentReader(cursor)::run);
        }
    }

    private RunDocument run() throws IOException {
        in.startObject("a run document is one JSON object");
        Integer exitCode = null;
        String error = null;
        StopReason stoppedBy = null;
        String title = null;
        List<String> startMethods = null;
        Long outputLines = null;
        Long rejectedConnections = null;
        List<RunDocument.Process> processes = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "exitCode" -> exitCode = in.exitCodeOrNull();
                case "error" -> error = in.textOrNull();
                case "stoppedBy" -> stoppedBy = in.isNull() ? null
                        : in.oneOf(StopReason.values(), StopReason::id, "reason for a stop");
                case "title" -> title = in.textOrNull();
                case "startMethods" -> startMethods = in.list(in::text);
                case "outputLines" -> outputLines = in.integer();
                case "rejectedConnections" -> rejectedConnections = in.integer();
                case "processes" -> processes = in.list(this::process);
                default -> in.skip();
            }
        }
        return new RunDocument(exitCode, error, stoppedBy, title, in.required(startMethods, "startMethods"),
                in.required(outputLines, "outputLines"), in.required(rejectedConnections, "rejectedConnections"),
                in.required(processes, "processes"));
    }

    private RunDocument.Process process() throws IOException {
        in.startObject("a process");
        Long pid = null;
        Long startTicks = null;
        Long ppid = null;
        Long parent = null;
        Role role = null;
        String name = null;
        String label = null;
        String target = null;
        Boolean alive = null;
        Integer exitCode = null;
        String signal = null;
        Boolean orphan = null;
        Boolean traced = null;
        String startMethod = null;
        String helperKind = null;
        Double startedAt = null;
        Double endedAt = null;
        Double reapedAt = null;
        List<RunDocument.StateSpan<LifeState>> states = null;
        List<RunDocument.StateSpan<KernelStateKind>> kernelStates = null;
        List<RunDocument.Line> output = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "pid" -> pid = in.integerOrNull();
                case "startTicks" -> startTicks = in.integer();
                case "ppid" -> ppid = in.integerOrNull();
                case "parent" -> parent = in.integer();
                case "role" -> role = in.oneOf(Role.values(), Role::id, "role");
                case "name" -> name = in.textOrNull();
                case "label" -> label = in.textOrNull();
                case "target" -> target = in.textOrNull();
                case "alive" -> alive = in.bool();
                case "exitCode" -> exitCode = in.exitCodeOrNull();
                case "signal" -> signal = in.textOrNull();
                case "orphan" -> orphan = in.bool();
                case "traced" -> traced = in.bool();
                case "startMethod" -> startMethod = in.textOrNull();
                case "helperKind" -> helperKind = in.textOrNull();
                case "startedAt" -> startedAt = in.secondsOrNull();
                case "endedAt" -> endedAt = in.secondsOrNull();
                case "reapedAt" -> reapedAt = in.secondsOrNull();
                case "states" -> states = in.list(() -> span(LifeState.values(), LifeState::id, "lifecycle state"));
                case "kernelStates" -> kernelStates = in.list(() -> span(KernelStateKind.values(),
                        KernelStateKind::id, "kernel state"));
                case "output" -> output = in.list(this::line);
                default -> in.skip();
            }
        }
        return new RunDocument.Process(pid, in.required(startTicks, "startTicks"), ppid, in.required(parent, "parent"),
                in.required(role, "role"), name, label, target, in.required(alive, "alive"), exitCode, signal,
                in.required(orphan, "orphan"), in.required(traced, "traced"), startMethod, helperKind, startedAt,
                endedAt, reapedAt, in.required(states, "states"), in.required(kernelStates, "kernelStates"),
                in.required(output, "output"));
    }

    private <S extends Enum<S>> RunDocument.StateSpan<S> span(S[] states, Function<S, String> id, String what)
            throws IOException {
        in.startObject("a state and its times");
        S state = null;
        Double from = null;
        Double to = null;
        while (in.nextField()) {
            switch (in.field()) {
                case "state" -> state = in.oneOf(states, id, what);
                case "from" -> from = in.seconds();
                case "to" -> to = in.seconds();
                default -> in.skip();
            }
        }
        return new RunDocument.StateSpan<>(in.required(state, "state"), in.required(from, "from"),
                in.required(to, "to"));
    }

    private RunDocument.Line line() throws IOException {
        in.startObject("a line of output");
        Double t = null;
        Stream stream = null;
        String text = null;
        boolean untraced = false;
        while (in.nextField()) {
            switch (in.field()) {
                case "t" -> t = in.seconds();
                case "stream" -> stream = in.oneOf(Stream.values(), Stream::id, "stream");
                case "text" -> text = in.text();
                case "untraced" -> untraced = in.bool();
                default -> in.skip();
            }
        }
        return new RunDocument.Line(in.required(t, "t"), in.required(stream, "stream"), in.required(text, "text"),
                untraced);
    }
}
