package org.processlab.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;

import org.processlab.model.KernelStateKind;
import org.processlab.model.LifeState;
import org.processlab.model.Role;
import org.processlab.model.StopReason;

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
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    private final JsonParser json;
    private final CountingInput input;

    private RunDocumentReader(JsonParser json, CountingInput input) {
        this.json = json;
        this.input = input;
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
        CountingInput counted = new CountingInput(in);
        try (JsonParser json = FACTORY.createParser(counted)) {
            return new RunDocumentReader(json, counted).document();
        }
    }

    private RunDocument document() throws IOException {
        try {
            if (json.nextToken() == null) {
                throw new RunDocumentException("the document is empty", "", -1, -1, null);
            }
            RunDocument doc = run();
            if (json.nextToken() != null) {
                throw broken("something follows the end of the document: " + found());
            }
            return doc;
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            boolean atTheEnd = e instanceof JsonEOFException || at != null && input.cutAt(at.getByteOffset());
            String problem = atTheEnd ? "the document ends too early" : "bad JSON: " + e.getOriginalMessage();
            throw new RunDocumentException(problem, where(), line(at), column(at), e);
        }
    }

    private RunDocument run() throws IOException {
        expect(JsonToken.START_OBJECT, "an object (a run document is one JSON object)");
        Integer exitCode = null;
        String error = null;
        StopReason stoppedBy = null;
        String title = null;
        List<String> startMethods = null;
        Long outputLines = null;
        Long rejectedConnections = null;
        List<RunDocument.Process> processes = null;
        while (nextField()) {
            switch (json.currentName()) {
                case "exitCode" -> exitCode = intOrNull();
                case "error" -> error = textOrNull();
                case "stoppedBy" -> stoppedBy = json.currentToken() == JsonToken.VALUE_NULL ? null
                        : oneOf(StopReason.values(), StopReason::id, "reason for a stop");
                case "title" -> title = textOrNull();
                case "startMethods" -> startMethods = list(this::text);
                case "outputLines" -> outputLines = integer();
                case "rejectedConnections" -> rejectedConnections = integer();
                case "processes" -> processes = list(this::process);
                default -> json.skipChildren();
            }
        }
        return new RunDocument(exitCode, error, stoppedBy, title, required(startMethods, "startMethods"),
                required(outputLines, "outputLines"), required(rejectedConnections, "rejectedConnections"),
                required(processes, "processes"));
    }

    private RunDocument.Process process() throws IOException {
        expect(JsonToken.START_OBJECT, "an object (a process)");
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
        while (nextField()) {
            switch (json.currentName()) {
                case "pid" -> pid = integerOrNull();
                case "startTicks" -> startTicks = integer();
                case "ppid" -> ppid = integerOrNull();
                case "parent" -> parent = integer();
                case "role" -> role = oneOf(Role.values(), Role::id, "role");
                case "name" -> name = textOrNull();
                case "label" -> label = textOrNull();
                case "target" -> target = textOrNull();
                case "alive" -> alive = bool();
                case "exitCode" -> exitCode = intOrNull();
                case "signal" -> signal = textOrNull();
                case "orphan" -> orphan = bool();
                case "traced" -> traced = bool();
                case "startMethod" -> startMethod = textOrNull();
                case "helperKind" -> helperKind = textOrNull();
                case "startedAt" -> startedAt = secondsOrNull();
                case "endedAt" -> endedAt = secondsOrNull();
                case "reapedAt" -> reapedAt = secondsOrNull();
                case "states" -> states = list(() -> span(LifeState.values(), LifeState::id, "lifecycle state"));
                case "kernelStates" -> kernelStates = list(() -> span(KernelStateKind.values(), KernelStateKind::id,
                        "kernel state"));
                case "output" -> output = list(this::line);
                default -> json.skipChildren();
            }
        }
        return new RunDocument.Process(pid, required(startTicks, "startTicks"), ppid, required(parent, "parent"),
                required(role, "role"), name, label, target, required(alive, "alive"), exitCode, signal,
                required(orphan, "orphan"), required(traced, "traced"), startMethod, helperKind, startedAt, endedAt,
                reapedAt, required(states, "states"), required(kernelStates, "kernelStates"),
                required(output, "output"));
    }

    private <S extends Enum<S>> RunDocument.StateSpan<S> span(S[] states, Function<S, String> id, String what)
            throws IOException {
        expect(JsonToken.START_OBJECT, "an object (a state and its times)");
        S state = null;
        Double from = null;
        Double to = null;
        while (nextField()) {
            switch (json.currentName()) {
                case "state" -> state = oneOf(states, id, what);
                case "from" -> from = seconds();
                case "to" -> to = seconds();
                default -> json.skipChildren();
            }
        }
        return new RunDocument.StateSpan<>(required(state, "state"), required(from, "from"), required(to, "to"));
    }

    private RunDocument.Line line() throws IOException {
        expect(JsonToken.START_OBJECT, "an object (a line of output)");
        Double t = null;
        org.processlab.model.Stream stream = null;
        String text = null;
        boolean untraced = false;
        while (nextField()) {
            switch (json.currentName()) {
                case "t" -> t = seconds();
                case "stream" -> stream = oneOf(org.processlab.model.Stream.values(), org.processlab.model.Stream::id,
                        "stream");
                case "text" -> text = text();
                case "untraced" -> untraced = bool();
                default -> json.skipChildren();
            }
        }
        return new RunDocument.Line(required(t, "t"), required(stream, "stream"), required(text, "text"), untraced);
    }

    /**
     * Counts the bytes read and sees the end, so that a parser's error at the end of the input is named a cut:
     * the parser names most cuts with a {@link JsonEOFException}, but not one after the last byte of a value
     * ({@code tru}) or inside a number ({@code 0.}).
     */
    private static final class CountingInput extends java.io.FilterInputStream {
        private long count;
        private boolean ended;
        private int last = -1;

        CountingInput(InputStream in) {
            super(in);
        }

        /** True when the input has ended and an error at byte {@code offset} is its end or a number it cuts. */
        boolean cutAt(long offset) {
            return ended && (offset >= count || offset == count - 1 && ".eE+-".indexOf(last) >= 0);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b < 0) {
                ended = true;
            } else {
                count++;
                last = b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n < 0) {
                ended = true;
            } else if (n > 0) {
                count += n;
                last = buffer[off + n - 1] & 0xff;
            }
            return n;
        }
    }

    /** One value of a list's elements, read from its first token on. */
    private interface Element<T> {
        T read() throws IOException;
    }

    private <T> List<T> list(Element<T> element) throws IOException {
        expect(JsonToken.START_ARRAY, "a list");
        List<T> out = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            out.add(element.read());
        }
        return Collections.unmodifiableList(out);
    }

    /** Moves to the next field's value; false at the object's end. */
    private boolean nextField() throws IOException {
        if (json.nextToken() != JsonToken.FIELD_NAME) {
            return false;
        }
        json.nextToken();
        return true;
    }

    private String textOrNull() throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : text();
    }

    private String text() throws IOException {
        expect(JsonToken.VALUE_STRING, "text");
        return json.getText();
    }

    private boolean bool() throws IOException {
        JsonToken t = json.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw broken("expected true or false, found " + found());
        }
        return t == JsonToken.VALUE_TRUE;
    }

    private Long integerOrNull() throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : integer();
    }

    private long integer() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        try {
            return json.getLongValue();
        } catch (InputCoercionException e) {
            throw broken("the number " + json.getText() + " is too large");
        }
    }

    private Integer intOrNull() throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        try {
            return json.getIntValue();
        } catch (InputCoercionException e) {
            throw broken("the number " + json.getText() + " is too large for an exit code");
        }
    }

    private Double secondsOrNull() throws IOException {
        return json.currentToken() == JsonToken.VALUE_NULL ? null : seconds();
    }

    private double seconds() throws IOException {
        JsonToken t = json.currentToken();
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw broken("expected a time in seconds, found " + found());
        }
        double s = json.getDoubleValue();
        if (!Double.isFinite(s)) {
            throw broken("the time " + json.getText() + " is out of range");
        }
        return s;
    }

    private <E> E oneOf(E[] values, Function<E, String> id, String what) throws IOException {
        String name = text();
        for (E v : values) {
            if (id.apply(v).equals(name)) {
                return v;
            }
        }
        throw broken("\"" + name + "\" is not a " + what + " ("
                + Stream.of(values).map(id).collect(Collectors.joining(", ")) + ")");
    }

    private void expect(JsonToken token, String what) throws IOException {
        if (json.currentToken() != token) {
            throw broken("expected " + what + ", found " + found());
        }
    }

    /** {@code value}, or the error that the object being read has no field {@code field}. */
    private <T> T required(T value, String field) throws RunDocumentException {
        if (value == null) {
            throw broken("the field \"" + field + "\" is missing");
        }
        return value;
    }

    /** The current token, as a person would name it. */
    private String found() throws IOException {
        JsonToken t = json.currentToken();
        if (t == null) {
            return "nothing";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "the text \"" + shortened(json.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + shortened(json.getText());
            case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> json.getText();
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static String shortened(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
    }

    private RunDocumentException broken(String problem) {
        JsonLocation at = json.currentTokenLocation();
        return new RunDocumentException(problem, where(), line(at), column(at), null);
    }

    /**
     * Where the parser is, as {@code processes[1].output[7].t}: the value it reads, or at the end of an object the
     * object, or after a cut the last place it reached. The parser's own record of it, which is right even when it
     * fails part-way through a token (it reads a field's name and value in one step).
     */
    private String where() {
        List<String> steps = new ArrayList<>();
        JsonStreamContext inside = json.getParsingContext();
        boolean opening = json.currentToken() == JsonToken.START_OBJECT || json.currentToken() == JsonToken.START_ARRAY;
        for (JsonStreamContext c = opening ? inside.getParent() : inside; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                steps.add("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                steps.add(c.getCurrentName());
            }
        }
        Collections.reverse(steps);
        StringBuilder b = new StringBuilder();
        for (String step : steps) {
            b.append(b.length() == 0 || step.startsWith("[") ? "" : ".").append(step);
        }
        return b.toString();
    }

    private static long line(JsonLocation at) {
        return at == null ? -1 : at.getLineNr();
    }

    private static long column(JsonLocation at) {
        return at == null ? -1 : at.getColumnNr();
    }
}
