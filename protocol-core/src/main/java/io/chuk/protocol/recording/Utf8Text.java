package io.chuk.protocol.recording;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a byte stream that arrives in chunks as UTF-8: a character split between two chunks
 * comes out whole with the second one, malformed bytes as U+FFFD. Not thread-safe.
 */
final class Utf8Text {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a character whose remaining bytes have not arrived (at most 3 bytes). */
    private byte[] pending = new byte[0];

    /** The text of {@code chunk}, holding back an incomplete character at its end. */
    String decode(byte[] chunk) {
        ByteBuffer in = ByteBuffer.allocate(pending.length + chunk.length).put(pending).put(chunk).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        return out.flip().toString();
    }

    /** Whatever is held back, as U+FFFD (the stream ended or text that cannot continue it follows). */
    String flush() {
        if (pending.length == 0) {
            return "";
        }
        pending = new byte[0];
        decoder.reset();
        return "\uFFFD";
    }
}
