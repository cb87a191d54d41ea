package org.processlab.export;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * A JSON parser that reads typed values and names the place of every error ({@code processes[1].output[7].t}, line
 * and column) in a {@link RunDocumentException}. The value methods read the current token, the value of the field
 * {@link #nextField()} moved to or the element {@link #list} is at. Streamed: one token at a time.
 *
 * <p>Threading: one thread, one document.
 */
final class DocumentCursor implements Closeable {

    /** Reads one value from its first token on. */
    interface Reader<T> {
        T read() throws IOException;
    }

    private final CountingInput input;
    private final JsonParser json;
    private final ReadLimits limits;
    /** The field names read so far in each object being read, by depth (arrays reused), and how many. */
    private String[][] names = new String[8][];
    private int[] counts = new int[8];
    /** The depth of the object being read: 0 for the document, -1 outside it. */
    private int depth = -1;

    /** A cursor before the first token of {@code in}, which it does not close, reading within {@code limits}. */
    DocumentCursor(InputStream in, ReadLimits limits) throws IOException {
        this.limits = limits;
        input = new CountingInput(in, limits.bytes());
        json = JsonFactory.builder()
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.depth())
                        .maxStringLength(limits.textChars())
                        .build())
                .build()
                .createParser(input);
    }

    /**
     * Reads one document with {@code document}, which must read all of it, and checks that nothing follows.
     *
     * @throws RunDocumentException when the input is empty, not JSON, cut short or followed by more, or
     *                              {@code document} finds it wrong
     */
    <T> T readAll(Reader<T> document) throws IOException {
        try {
            if (json.nextToken() == null) {
                throw new RunDocumentException("the document is empty", "", -1, -1, null);
            }
            T value = document.read();
            if (json.nextToken() != null) {
                throw broken("something follows the end of the document: " + found());
            }
            return value;
        } catch (StreamConstraintsException e) {
            throw overLimit(e);
        } catch (StreamReadException e) {
            JsonLocation at = e.getLocation();
            boolean cut = e instanceof JsonEOFException || at != null && input.cutAt(at.getByteOffset());
            String problem = cut ? "the document ends too early" : "bad JSON: " + e.getOriginalMessage();
            throw new RunDocumentException(problem, where(), line(at), column(at), e);
        }
    }

    /** A document over the nesting or text limit, in words: the parser's own message names a setting of its own. */
    private RunDocumentException overLimit(StreamConstraintsException e) {
        String said = String.valueOf(e.getOriginalMessage());
        String problem = said.contains("nesting depth")
                ? "it is nested deeper than a run document is (more than " + limits.depth()
                        + " levels of objects and lists)"
                : said.contains("String value length")
                        ? "it holds a text longer than " + String.format(java.util.Locale.ROOT, "%,d", limits.textChars())
                                + " characters (the longest line ProcessLab keeps is about a million)"
                        : "it is over a limit: " + said;
        JsonLocation at = e.getLocation() != null ? e.getLocation() : json.currentLocation();
        return new RunDocumentException(RunDocumentException.Kind.TOO_LARGE, problem, where(), line(at), column(at), e);
    }

    /** Checks that the current token opens an object, {@code what} naming it for the message. */
    void startObject(String what) throws IOException {
        expect(JsonToken.START_OBJECT, "an object (" + what + ")");
        depth++;
        if (depth == names.length) {
            names = java.util.Arrays.copyOf(names, depth * 2);
            counts = java.util.Arrays.copyOf(counts, depth * 2);
        }
        if (names[depth] == null) {
            names[depth] = new String[16];
        }
        counts[depth] = 0;
    }

    /**
     * Moves to the next field's value; false at the end of the object (opened by {@link #startObject}). A field
     * given twice in one object is refused.
     */
    boolean nextField() throws IOException {
        if (json.nextToken() != JsonToken.FIELD_NAME) {
            depth--;
            return false;
        }
        once(json.currentName());
        json.nextToken();
        return true;
    }

    /**
     * Refuses a field the object being read has had already. The parser's own check makes a hash set for every object
     * with more than two fields (a million lines, a million sets); an object has a few dozen fields at most, and the
     * parser gives each name as one shared string (its hash computed once), so a scan of the names so far is cheaper.
     */
    private void once(String name) throws RunDocumentException {
        String[] seen = names[depth];
        int n = counts[depth];
        for (int i = 0; i < n; i++) {
            if (seen[i] == name || seen[i].hashCode() == name.hashCode() && seen[i].equals(name)) {
                throw broken("bad JSON: Duplicate field '" + name + "'");
            }
        }
        if (n == seen.length) {
            seen = names[depth] = java.util.Arrays.copyOf(seen, n * 2);
        }
        seen[n] = name;
        counts[depth] = n + 1;
    }

    /** The name of the field whose value the cursor is at. */
    String field() throws IOException {
        return json.currentName();
    }

    /** Passes over the current value, however deep. */
    void skip() throws IOException {
        json.skipChildren();
    }

    /** True when the current value is {@code null}. */
    boolean isNull() {
        return json.currentToken() == JsonToken.VALUE_NULL;
    }

    /** A list whose elements {@code element} reads; read-only. */
    <T> List<T> list(Reader<T> element) throws IOException {
        expect(JsonToken.START_ARRAY, "a list");
        List<T> out = new ArrayList<>();
        while (json.nextToken() != JsonToken.END_ARRAY) {
            out.add(element.read());
        }
        return Collections.unmodifiableList(out);
    }

    /** A list of text; read-only. */
    List<String> texts() throws IOException {
        return list(this::text);
    }

    /** The error that the document is over one of its limits ({@code problem} says which), at the current place. */
    RunDocumentException tooLarge(String problem) {
        JsonLocation at = json.currentTokenLocation();
        return new RunDocumentException(RunDocumentException.Kind.TOO_LARGE, problem, where(), line(at), column(at),
                null);
    }

    String textOrNull() throws IOException {
        return isNull() ? null : text();
    }

    String text() throws IOException {
        expect(JsonToken.VALUE_STRING, "text");
        return json.getText();
    }

    boolean bool() throws IOException {
        JsonToken t = json.currentToken();
        if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
            throw broken("expected true or false, found " + found());
        }
        return t == JsonToken.VALUE_TRUE;
    }

    Long integerOrNull() throws IOException {
        return isNull() ? null : integer();
    }

    long integer() throws IOException {
        expect(JsonToken.VALUE_NUMBER_INT, "a whole number");
        try {
            return json.getLongValue();
        } catch (InputCoercionException e) {
            throw broken("the number " + json.getText() + " is too large");
        }
    }

    /** A whole number in {@code int}'s range; {@code what} names it for the message. */
    int smallInteger(String what) throws IOException {
        long n = integer();
        if (n != (int) n) {
            throw broken("the number " + n + " is too large for " + what);
        }
        return (int) n;
    }

    /** An exit code or status: a whole number in {@code int}'s range, or null. */
    Integer exitCodeOrNull() throws IOException {
        if (isNull()) {
            return null;
        }
        long n = integer();
        if (n != (int) n) {
            throw broken("the number " + n + " is too large for an exit code");
        }
        return (int) n;
    }

    Double secondsOrNull() throws IOException {
        return isNull() ? null : seconds();
    }

    /** A time: any finite JSON number. */
    double seconds() throws IOException {
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

    /** The one of {@code values} whose {@code id} is the current text, {@code what} naming the set for the message. */
    <E> E oneOf(E[] values, Function<E, String> id, String what) throws IOException {
        String name = text();
        for (E v : values) {
            if (id.apply(v).equals(name)) {
                return v;
            }
        }
        throw broken("\"" + name + "\" is not a " + what + " ("
                + Stream.of(values).map(id).collect(Collectors.joining(", ")) + ")");
    }

    /** {@code value}, or the error that the object just read has no field {@code field}. */
    <T> T required(T value, String field) throws RunDocumentException {
        if (value == null) {
            throw broken("the field \"" + field + "\" is missing");
        }
        return value;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }

    private void expect(JsonToken token, String what) throws IOException {
        if (json.currentToken() != token) {
            throw broken("expected " + what + ", found " + found());
        }
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

    /** The error that the document is broken ({@code problem} says how), at the current place. */
    RunDocumentException broken(String problem) {
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

    /**
     * Counts the bytes read and sees the end, so that a parser's error at the end of the input is named a cut:
     * the parser names most cuts with a {@link JsonEOFException}, but not one after the last byte of a value
     * ({@code tru}) or inside a number ({@code 0.}).
     */
    private static final class CountingInput extends FilterInputStream {
        private final long max;
        private long count;
        private boolean ended;
        private int last = -1;

        /** {@code max}: the most bytes a document may have; a longer one is a {@link RunDocumentException.Kind#TOO_LARGE}. */
        CountingInput(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        private void checkSize() throws RunDocumentException {
            if (count > max) {
                throw new RunDocumentException(RunDocumentException.Kind.TOO_LARGE, ReadLimits.tooManyBytes(count, max,
                        false), "", -1, -1, null);
            }
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
                checkSize();
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
                checkSize();
            }
            return n;
        }
    }
}
