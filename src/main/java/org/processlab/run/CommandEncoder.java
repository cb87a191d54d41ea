package org.processlab.run;

import java.util.Arrays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a {@link SupervisorCommand} as one message of the trace protocol: a JSON object whose {@code k} comes first,
 * then a newline. Its bytes are at most {@link MessageReader#MAX_LINE}, the longest line the supervisor reads.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class CommandEncoder {
    private static final ObjectWriter WRITER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)   // Kill has no field but its k
            .writerFor(SupervisorCommand.class);

    private CommandEncoder() {
    }

    /**
     * The command's wire line, UTF-8, ending in {@code '\n'}.
     *
     * @throws IllegalArgumentException when the line would be longer than {@link MessageReader#MAX_LINE} bytes (a
     *                                  program whose command line and variables add up to more than that)
     */
    static byte[] encode(SupervisorCommand command) {
        byte[] json;
        try {
            json = WRITER.writeValueAsBytes(command);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + command, e);   // a bug: every command is plain data
        }
        if (json.length + 1 > MessageReader.MAX_LINE) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "the command for the supervisor is %,d bytes, more than the protocol's %,d", json.length + 1,
                    MessageReader.MAX_LINE));
        }
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }
}
