package io.chuk.protocol.line;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Utf8StreamDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"é", "€", "😀", "a€b", "x😀y€zé"})
    void textSplitAtEveryByteBoundaryDecodesWhole(String text) {
        byte[] bytes = utf8(text);
        for (int split = 0; split <= bytes.length; split++) {
            Utf8StreamDecoder decoder = new Utf8StreamDecoder();
            String decoded = decoder.decode(bytes, 0, split) + decoder.decode(bytes, split, bytes.length - split);
            assertEquals(text, decoded, "split at byte " + split);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"😀", "€", "a😀€é"})
    void textFedOneByteAtATimeDecodesWhole(String text) {
        byte[] bytes = utf8(text);
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            out.append(decoder.decode(bytes, i, 1));
        }
        assertEquals(text, out.toString());
    }

    @Test
    void incompleteCharacterIsHeldBackUntilItsLastByte() {
        byte[] emoji = utf8("😀");
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        assertEquals("", decoder.decode(emoji, 0, 3));
        assertEquals("😀", decoder.decode(emoji, 3, 1));
    }

    @Test
    void offsetAndCountSelectTheRange() {
        byte[] data = utf8("XXhéllo€YY");
        assertEquals("héllo€", new Utf8StreamDecoder().decode(data, 2, data.length - 4));
    }

    @Test
    void longInputIsDecodedCompletely() {
        String text = "ab€😀é".repeat(5000);
        byte[] bytes = utf8(text);
        assertEquals(text, new Utf8StreamDecoder().decode(bytes, 0, bytes.length));
    }

    @Test
    void longInputInOddChunksIsDecodedCompletely() {
        String text = "ab€😀é".repeat(500);
        byte[] bytes = utf8(text);
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < bytes.length; i += 7) {
            out.append(decoder.decode(bytes, i, Math.min(7, bytes.length - i)));
        }
        assertEquals(text, out.toString());
    }

    @Test
    void malformedByteBecomesReplacementCharacter() {
        byte[] data = {'a', (byte) 0xFF, 'b'};
        assertEquals("a\uFFFDb", new Utf8StreamDecoder().decode(data, 0, data.length));
    }

    @Test
    void strayContinuationByteBecomesReplacementCharacter() {
        byte[] data = {(byte) 0x80, 'z'};
        assertEquals("\uFFFDz", new Utf8StreamDecoder().decode(data, 0, data.length));
    }

    @Test
    void truncatedSequenceFollowedByAsciiBecomesReplacementThenAscii() {
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        byte[] first = {(byte) 0xE2, (byte) 0x82};
        byte[] second = {'A'};
        String decoded = decoder.decode(first, 0, 2) + decoder.decode(second, 0, 1);
        assertTrue(decoded.endsWith("A"), decoded);
        assertTrue(decoded.startsWith("\uFFFD"), decoded);
        assertEquals(-1, decoded.indexOf('\u20AC'), "no euro sign from a truncated sequence");
    }

    @Test
    void decoderRecoversAfterMalformedInput() {
        Utf8StreamDecoder decoder = new Utf8StreamDecoder();
        byte[] bad = {(byte) 0xC3, 'x'};
        assertEquals("\uFFFDx", decoder.decode(bad, 0, bad.length));
        byte[] good = utf8("é");
        assertEquals("é", decoder.decode(good, 0, good.length));
    }

    @Test
    void emptyInputGivesEmptyString() {
        assertEquals("", new Utf8StreamDecoder().decode(new byte[0], 0, 0));
    }
}
