package org.processlab.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class MessageReaderTest {
    /** Every message in {@code bytes}, fed in pieces of {@code piece} bytes (as a socket may deliver them). */
    private static List<TraceMessage> read(byte[] bytes, int piece) throws IOException {
        MessageReader r = new MessageReader();
        List<TraceMessage> got = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += piece) {
            ByteBuffer in = ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at)).slice();
            for (TraceMessage m; (m = r.next(in)) != null; ) {
                got.add(m);
            }
            assertThat(in.hasRemaining()).as("a piece is used up").isFalse();
        }
        return got;
    }

    private static List<TraceMessage> read(byte[] bytes) throws IOException {
        return read(bytes, Math.max(1, bytes.length));
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsJsonLinesAndRawPayloads() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(utf8("{\"k\":\"hello\",\"pid\":1}\n{\"k\":\"out\",\"n\":4}\nab\ncd{\"k\":\"exit\"}\n"));
        for (int piece : new int[] {b.size(), 1, 2, 7}) {
            MessageReader r = new MessageReader();
            ByteBuffer all = ByteBuffer.wrap(b.toByteArray());
            List<TraceMessage> got = new ArrayList<>();
            assertThatThrownBy(() -> {
                for (int at = 0; at < all.capacity(); at += piece) {
                    ByteBuffer in = all.duplicate().position(at).limit(Math.min(all.capacity(), at + piece)).slice();
                    for (TraceMessage m; (m = r.next(in)) != null; ) {
                        got.add(m);
                    }
                }
            }).as("in pieces of %d", piece).isInstanceOf(MessageReader.ProtocolException.class);
            // the payload is 4 bytes: "ab\nc"; "d" then starts the next line, which is not JSON
            assertThat(got).hasSize(2);
            assertThat(got.get(0).kind()).isEqualTo("hello");
            TraceMessage out = got.get(1);
            assertThat(out.kind()).isEqualTo("out");
            assertThat(new String(out.payload(), 0, out.payloadLength(), StandardCharsets.UTF_8)).isEqualTo("ab\nc");
        }
    }

    @Test
    void aMessageInManyPiecesIsOneMessage() throws IOException {
        byte[] bytes = utf8("{\"k\":\"out\",\"n\":3,\"text\":\"" + "x".repeat(5000) + "\"}\nabc{\"k\":\"exit\"}\n");
        for (int piece : new int[] {1, 3, 1000, bytes.length}) {
            List<TraceMessage> got = read(bytes, piece);
            assertThat(got).extracting(TraceMessage::kind).as("in pieces of %d", piece).containsExactly("out", "exit");
            assertThat(new String(got.get(0).payload(), 0, 3, StandardCharsets.UTF_8)).isEqualTo("abc");
        }
    }

    @Test
    void rejectsOverLongLinesBadJsonAndHugePayloads() {
        byte[] longLine = new byte[MessageReader.MAX_LINE + 10];
        java.util.Arrays.fill(longLine, (byte) 'a');
        assertThatThrownBy(() -> read(longLine)).isInstanceOf(MessageReader.ProtocolException.class);
        assertThatThrownBy(() -> read(longLine, 100)).as("in pieces").isInstanceOf(MessageReader.ProtocolException.class);
        assertThatThrownBy(() -> read(utf8("not json\n"))).isInstanceOf(MessageReader.ProtocolException.class);
        assertThatThrownBy(() -> read(utf8("{\"n\":99999999}\n"))).isInstanceOf(MessageReader.ProtocolException.class);
    }

    @Test
    void theLongestLineIsRead() throws IOException {
        String json = "{\"k\":\"x\",\"pad\":\"";
        String pad = "p".repeat(MessageReader.MAX_LINE - 1 - json.length() - 2);
        byte[] line = utf8(json + pad + "\"}\n");
        assertThat(line).hasSize(MessageReader.MAX_LINE);
        assertThat(read(line, 4096)).hasSize(1);
        byte[] longer = utf8(json + pad + "p\"}\n");
        assertThatThrownBy(() -> read(longer, 4096)).isInstanceOf(MessageReader.ProtocolException.class);
    }

    @Test
    void tellsWhetherItStopsInsideAMessage() throws IOException {
        MessageReader r = new MessageReader();
        assertThat(r.next(ByteBuffer.wrap(new byte[0]))).isNull();
        assertThat(r.midMessage()).isFalse();
        assertThat(r.next(ByteBuffer.wrap(utf8("{\"k\":\"out\",\"n\":2}\na")))).isNull();
        assertThat(r.midMessage()).as("inside a payload").isTrue();
        assertThat(r.next(ByteBuffer.wrap(utf8("b")))).isNotNull();
        assertThat(r.midMessage()).isFalse();
        assertThat(r.next(ByteBuffer.wrap(utf8("{\"k\"")))).isNull();
        assertThat(r.midMessage()).as("inside a line").isTrue();
    }
}
