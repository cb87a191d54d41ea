package org.processlab.run;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The protocol's framing over a byte stream (assets/tracer/PROTOCOL.md, "Framing"): reads {@link TraceMessage}s, each a
 * JSON line of at most {@link #MAX_LINE} bytes, followed by {@code n} payload bytes when the JSON has a field {@code n}
 * (at most {@link #MAX_PAYLOAD}). The limits are the protocol's, for every transport.
 *
 * <p>Threading: one reader thread per connection; not thread-safe.
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
    private final InputStream in;
    /**
     * Read buffer: starts small (a run of hundreds of processes has as many connections, most of them quiet) and
     * doubles, up to 64 KiB, each time one read fills it (a flood).
     */
    private byte[] buf = new byte[4096];
    private int pos;
    private int lim;
    /** The message line being read; grows (up to {@link #MAX_LINE}) for a long one. */
    private byte[] line = new byte[1024];
    private byte[] payload = new byte[0];

    MessageReader(InputStream in) {
        this.in = in;
    }

    /**
     * The next message, or null at a clean end of stream. Each payload gets its own array, never reused.
     *
     * @throws ProtocolException for a line too long, bad JSON, or a payload size out of range
     * @throws java.io.EOFException when the stream ends inside a message
     */
    TraceMessage next() throws IOException {
        int len = 0;
        while (true) {
            if (pos == lim && !fill()) {
                if (len == 0) {
                    return null;
                }
                throw new EOFException("connection ended inside a message");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                break;
            }
            if (len == MAX_LINE - 1) {
                throw new ProtocolException("message line longer than " + MAX_LINE + " bytes");
            }
            if (len == line.length) {
                line = java.util.Arrays.copyOf(line, Math.min(MAX_LINE, line.length * 2));
            }
            line[len++] = b;
        }
        JsonNode json;
        try {
            json = JSON.readTree(line, 0, len);
        } catch (IOException e) {
            throw new ProtocolException("malformed JSON message");
        }
        if (json == null || !json.isObject()) {
            throw new ProtocolException("message is not a JSON object");
        }
        JsonNode n = json.get("n");
        if (n == null) {
            return new TraceMessage(json, payload, 0);
        }
        if (!n.canConvertToInt() || n.asInt() < 0 || n.asInt() > MAX_PAYLOAD) {
            throw new ProtocolException("payload size out of range");
        }
        int size = n.asInt();
        payload = new byte[size];       // owned by the message: lines keep pointing into it
        int got = 0;
        while (got < size) {
            if (pos == lim && !fill()) {
                throw new EOFException("connection ended inside a payload");
            }
            int k = Math.min(size - got, lim - pos);
            System.arraycopy(buf, pos, payload, got, k);
            pos += k;
            got += k;
        }
        return new TraceMessage(json, payload, size);
    }

    private boolean fill() throws IOException {
        if (lim == buf.length && buf.length < (1 << 16)) {
            buf = new byte[buf.length * 2];   // the last read filled the buffer: a busy connection
        }
        int r = in.read(buf, 0, buf.length);
        if (r <= 0) {
            return false;
        }
        pos = 0;
        lim = r;
        return true;
    }
}
