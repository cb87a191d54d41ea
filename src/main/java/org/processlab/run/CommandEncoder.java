package org.processlab.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes a {@link SupervisorCommand} as one message of the trace protocol: a JSON object whose {@code k} comes first,
 * then a newline. Its bytes are at most {@link MessageReader#MAX_LINE}, the longest line the supervisor reads.
 *
 * <p>Jackson's streaming writer, not its data binding: binding costs a fresh JVM (every CLI run) hundreds of
 * milliseconds of class loading and introspection on the way to the program's start.
 *
 * <p>Threading: stateless, safe from any thread.
 */
final class CommandEncoder {
    private static final JsonFactory JSON = new JsonFactory();

    private CommandEncoder() {
    }

    /**
     * The command's wire line, UTF-8, ending in {@code '\n'}.
     *
     * @throws IllegalArgumentException when the line would be longer than {@link MessageReader#MAX_LINE} bytes (a
     *                                  program whose command line and variables add up to more than that)
     */
    static byte[] encode(SupervisorCommand command) {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        try (JsonGenerator g = JSON.createGenerator(line)) {
            g.writeStartObject();
            if (command instanceof SupervisorCommand.Run run) {
                g.writeStringField("k", "run");
                g.writeArrayFieldStart("argv");
                for (String a : run.argv()) {
                    g.writeString(a);
                }
                g.writeEndArray();
                if (run.cwd() != null) {
                    g.writeStringField("cwd", run.cwd());
                }
                g.writeObjectFieldStart("env");
                for (Map.Entry<String, String> e : run.env().entrySet()) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
                if (run.stdinFromApp()) {
                    g.writeStringField("stdin", "app");
                }
            } else if (command instanceof SupervisorCommand.Stdin stdin) {
                g.writeStringField("k", "stdin");
                g.writeStringField("data", Base64.getEncoder().encodeToString(stdin.data()));
            } else if (command instanceof SupervisorCommand.StdinEnd) {
                g.writeStringField("k", "stdinEnd");
            } else if (command instanceof SupervisorCommand.Stop stop) {
                g.writeStringField("k", "stop");
                g.writeNumberField("graceMs", stop.graceMs());
            } else if (command instanceof SupervisorCommand.Kill) {
                g.writeStringField("k", "kill");
            } else if (command instanceof SupervisorCommand.Interrupt) {
                g.writeStringField("k", "interrupt");
            } else if (command instanceof SupervisorCommand.Nice nice) {
                g.writeStringField("k", "nice");
                g.writeNumberField("steps", nice.steps());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // not from memory
        }
        line.write('\n');
        if (line.size() > MessageReader.MAX_LINE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the command for the supervisor is %,d bytes, more than the protocol's %,d", line.size(),
                    MessageReader.MAX_LINE));
        }
        return line.toByteArray();
    }
}
