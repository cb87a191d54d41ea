package org.processlab.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message of the trace protocol (assets/tracer/PROTOCOL.md, "Framing"): a JSON object and the payload that
 * followed it.
 *
 * @param json          the message's JSON object; its {@code k} names the kind
 * @param payload       holds the payload's bytes from index 0; it belongs to this message (output lines keep pointing
 *                      into it), so no transport reuses it. An empty message may share one array with others
 * @param payloadLength the payload's length in bytes (0 when the JSON has no {@code n})
 */
record TraceMessage(JsonNode json, byte[] payload, int payloadLength) {
    /** The message's kind ({@code k}), or "" when it has none. */
    String kind() {
        return json.path("k").asText("");
    }
}
