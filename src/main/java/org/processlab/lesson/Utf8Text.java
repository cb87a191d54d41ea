package org.processlab.lesson;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Bytes read as UTF-8 text, and where the first byte that is not UTF-8 stands, as an editor counts it (line and
 * column from 1), so a message can point at it ("byte 0xE9 on line 4") instead of the JDK's "Input length = 1".
 *
 * <p>Threading: stateless; any thread.
 */
public final class Utf8Text {
    private Utf8Text() {
    }

    /**
     * The first byte that is not UTF-8.
     *
     * @param value  the byte, 0–255
     * @param line   its line, from 1
     * @param column its byte in that line, from 1
     */
    public record BadByte(int value, int line, int column) {
        /** "byte 0xE9 on line 4": where to look, in an author's words. */
        public String where() {
            return String.format(Locale.ROOT, "byte 0x%02X on line %d", value, line);
        }
    }

    /** Thrown by {@link #decode} for bytes that are not UTF-8. */
    public static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient BadByte at;

        NotUtf8(BadByte at) {
            super(at.where());
            this.at = at;
        }

        /** Where the first bad byte is. */
        public BadByte at() {
            return at;
        }
    }

    /**
     * The text of {@code bytes}.
     *
     * @throws NotUtf8 naming the first byte that is not UTF-8 (a byte-order mark is text, as Python reads it)
     */
    public static String decode(byte[] bytes) throws NotUtf8 {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (!r.isError()) {
            r = d.flush(out);
        }
        if (r.isError()) {
            int at = Math.min(in.position(), bytes.length - 1);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            throw new NotUtf8(new BadByte(bytes[at] & 0xFF, line, at - lineStart + 1));
        }
        out.flip();
        return out.toString();
    }
}
