package io.chuk.protocol.line;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 that arrives in arbitrary pieces: a character split across two reads is
 * decoded whole once its last byte arrives, instead of becoming two replacement characters.
 * Malformed input becomes U+FFFD. At most three bytes are carried between calls.
 */
public final class Utf8StreamDecoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8);

    /** Decodes {@code count} bytes, returning every complete character so far. */
    public String decode(byte[] data, int offset, int count) {
        StringBuilder out = new StringBuilder(count);
        CharBuffer chars = CharBuffer.allocate(Math.max(8, count + 4));
        int index = offset;
        int end = offset + count;
        while (index < end) {
            // Top up the small carry buffer and decode what is complete.
            int take = Math.min(pending.remaining(), end - index);
            pending.put(data, index, take);
            index += take;
            pending.flip();
            decoder.decode(pending, chars, false);
            pending.compact();
            chars.flip();
            out.append(chars);
            chars.clear();
        }
        return out.toString();
    }
}
