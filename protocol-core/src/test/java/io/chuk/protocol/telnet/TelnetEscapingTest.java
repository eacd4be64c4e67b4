package io.chuk.protocol.telnet;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output escaping on its own: IAC doubled always, a bare CR padded with NUL only in text mode. */
class TelnetEscapingTest {

    private static byte[] escape(byte[] data, boolean binary) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TelnetEscaping.escape(data, 0, data.length, binary, out);
        return out.toByteArray();
    }

    @Test
    void doublesIacAndPadsABareCrInTextMode() {
        byte[] data = {'a', (byte) 0xFF, 'b', '\r', 'c', '\r', '\n', '\r'};
        assertArrayEquals(new byte[] {'a', (byte) 0xFF, (byte) 0xFF, 'b', '\r', 0, 'c', '\r', '\n', '\r', 0},
                escape(data, false));
        assertTrue(TelnetEscaping.needed(data, false));
    }

    @Test
    void inBinaryModeOnlyIacIsSpecial() {
        assertArrayEquals(new byte[] {'\r', (byte) 0xFF, (byte) 0xFF}, escape(new byte[] {'\r', (byte) 0xFF}, true));
        assertFalse(TelnetEscaping.needed(new byte[] {'\r', 'x'}, true));
        assertFalse(TelnetEscaping.needed("plain line\r\n".getBytes(), false));
    }
}
