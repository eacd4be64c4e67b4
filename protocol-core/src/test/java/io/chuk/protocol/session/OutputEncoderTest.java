package io.chuk.protocol.session;

import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class OutputEncoderTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAsciiLineEndsWithCrLf() {
        OutputEncoder encoder = new OutputEncoder(Transport.TCP, null, new SessionTaps());
        assertArrayEquals(utf8("Echo: hello\r\n"), encoder.line("Echo: hello"));
        assertArrayEquals(utf8("\r\n"), encoder.line(""));
        assertArrayEquals(new byte[] {0x7f, '\r', '\n'}, encoder.line("\u007f"), "the last ASCII char");
    }

    @Test
    void aLineBeyondAsciiIsUtf8ThenCrLf() {
        OutputEncoder encoder = new OutputEncoder(Transport.TCP, null, new SessionTaps());
        assertArrayEquals(utf8("caf\u00e9 \u2713 \uD83D\uDE00\r\n"), encoder.line("caf\u00e9 \u2713 \uD83D\uDE00"));
        assertArrayEquals(utf8("\u0080\r\n"), encoder.line("\u0080"), "the first char past ASCII");
    }

    @Test
    void aWebSocketLineIsItsFrameWithoutLineEnd() {
        OutputEncoder encoder = new OutputEncoder(Transport.WEBSOCKET, null, new SessionTaps());
        assertArrayEquals(utf8("caf\u00e9"), encoder.line("caf\u00e9"));
        assertArrayEquals(utf8("plain"), encoder.line("plain"));
    }
}
