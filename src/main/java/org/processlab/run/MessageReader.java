package org.processlab.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The protocol's framing (assets/tracer/PROTOCOL.md, "Framing"), fed with bytes as they arrive: {@link TraceMessage}s,
 * each a JSON line of at most {@link #MAX_LINE} bytes, followed by {@code n} payload bytes when the JSON has a field
 * {@code n} (at most {@link #MAX_PAYLOAD}). A message may arrive in any number of pieces; the reader keeps the part
 * already seen. The limits are the protocol's, for every transport.
 *
 * <p>Threading: one per connection, used by one thread at a time (the transport's); not thread-safe.
 */
final class MessageReader {
    /** Longest JSON line, in bytes, including its newline. */
    static final int MAX_LINE = 65_536;
    /** Largest payload of one message, in bytes. */
    static final int MAX_PAYLOAD = 1 << 20;

    /** A message that breaks the protocol; the connection is closed and counted. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_PAYLOAD = new byte[0];

    /** The start of a line that did not fit in one piece; made on first need (most connections never need it). */
    private byte[] line;
    private int lineLength;
    /** The message whose payload is being read, or null while a line is. */
    private JsonNode waiting;
    private byte[] payload;
    private int payloadGot;

    /**
     * The next whole message in {@code in} (from its position to its limit), or null when {@code in} ends before one
     * does: what was read of it is kept for the next call. The bytes used are consumed; those after the message stay
     * in {@code in} for the next call. Each payload gets its own array, never reused.
     *
     * @throws ProtocolException for a line too long, bad JSON, or a payload size out of range
     */
    TraceMessage next(ByteBuffer in) throws ProtocolException {
        if (waiting == null && !readLine(in)) {
            return null;
        }
        if (payloadGot < payload.length) {
            int k = Math.min(payload.length - payloadGot, in.remaining());
            in.get(payload, payloadGot, k);
            payloadGot += k;
            if (payloadGot < payload.length) {
                return null;
            }
        }
        TraceMessage m = new TraceMessage(waiting, payload, payload.length);
        waiting = null;
        return m;
    }

    /** True when part of a message has been read and the rest has not come (the stream must not end here). */
    boolean midMessage() {
        return waiting != null || lineLength > 0;
    }

    /** Reads up to the end of a line; true when one is whole and parsed into {@link #waiting} (and its payload set up). */
    private boolean readLine(ByteBuffer in) throws ProtocolException {
        byte[] a = in.array();
        int from = in.arrayOffset() + in.position();
        int end = in.arrayOffset() + in.limit();
        int nl = from;
        while (nl < end && a[nl] != '\n') {
            nl++;
        }
        int piece = nl - from;
        if (lineLength + piece >= MAX_LINE) {
            throw new ProtocolException("message line longer than " + MAX_LINE + " bytes");
        }
        if (nl == end) {
            keep(a, from, piece);
            in.position(in.limit());
            return false;
        }
        in.position(nl + 1 - in.arrayOffset());
        if (lineLength == 0) {
            parse(a, from, piece);      // the whole line in this piece: read in place
        } else {
            keep(a, from, piece);
            int n = lineLength;
            lineLength = 0;
            parse(line, 0, n);
        }
        return true;
    }

    private void keep(byte[] a, int from, int n) {
        if (n == 0) {
            return;
        }
        int need = lineLength + n;
        if (line == null || line.length < need) {
            int size = Math.max(need, line == null ? 1024 : line.length * 2);
            line = Arrays.copyOf(line == null ? new byte[0] : line, Math.min(MAX_LINE, size));
        }
        System.arraycopy(a, from, line, lineLength, n);
        lineLength = need;
    }

    private void parse(byte[] a, int off, int len) throws ProtocolException {
        JsonNode json;
        try {
            json = JSON.readTree(a, off, len);
        } catch (IOException e) {
            throw new ProtocolException("malformed JSON message");
        }
        if (json == null || !json.isObject()) {
            throw new ProtocolException("message is not a JSON object");
        }
        JsonNode n = json.get("n");
        if (n == null) {
            payload = NO_PAYLOAD;
        } else if (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() > MAX_PAYLOAD) {
            throw new ProtocolException("payload size out of range");
        } else {
            payload = n.asInt() == 0 ? NO_PAYLOAD : new byte[n.asInt()];  // owned by the message: lines point into it
        }
        payloadGot = 0;
        waiting = json;
    }
}
