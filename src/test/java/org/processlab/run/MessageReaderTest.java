package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MessageReaderTest {
    private static MessageReader reader(byte[] bytes) {
        return new MessageReader(new ByteArrayInputStream(bytes));
    }

    @Test
    void readsJsonLinesAndRawPayloads() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("{\"k\":\"hello\",\"pid\":1}\n{\"k\":\"out\",\"n\":4}\nab\ncd{\"k\":\"exit\"}\n".getBytes(StandardCharsets.UTF_8));
        MessageReader r = reader(b.toByteArray());
        assertThat(r.next().kind()).isEqualTo("hello");
        TraceMessage out = r.next();
        assertThat(out.kind()).isEqualTo("out");
        assertThat(new String(out.payload(), 0, out.payloadLength(), StandardCharsets.UTF_8)).isEqualTo("ab\nc");
        // the payload is 4 bytes: "ab\nc"; "d" then starts the next line
        assertThatThrownBy(r::next).isInstanceOf(MessageReader.ProtocolException.class);
    }

    @Test
    void rejectsOverLongLinesBadJsonAndHugePayloads() {
        byte[] longLine = new byte[MessageReader.MAX_LINE + 10];
        java.util.Arrays.fill(longLine, (byte) 'a');
        assertThatThrownBy(() -> reader(longLine).next()).isInstanceOf(MessageReader.ProtocolException.class);
        assertThatThrownBy(() -> reader("not json\n".getBytes(StandardCharsets.UTF_8)).next())
                .isInstanceOf(MessageReader.ProtocolException.class);
        assertThatThrownBy(() -> reader("{\"n\":99999999}\n".getBytes(StandardCharsets.UTF_8)).next())
                .isInstanceOf(MessageReader.ProtocolException.class);
    }

    @Test
    void cleanEndGivesNull() throws IOException {
        assertThat(reader(new byte[0]).next()).isNull();
    }
}
