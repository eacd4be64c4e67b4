package io.chuk.protocol.session;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the monitor's terminal stream keeps of telnet output: the terminal's bytes only. */
class TelnetOutputFilterTest {

    private static final byte IAC = (byte) 255;

    @Test
    void outputWithoutTelnetCommandsIsPassedOnAsItIs() {
        byte[] text = "\u001b[1mHi\u001b[0m\r\n> ".getBytes(StandardCharsets.UTF_8);
        assertSame(text, TelnetOutputFilter.strip(text));
    }

    @Test
    void negotiationSubnegotiationAndCommandsGoAndAnEscapedIacStaysAsOneByte() {
        byte[] telnet = {IAC, (byte) 251, 1, 'a', IAC, IAC, 'b', IAC, (byte) 250, 24, 1, IAC, IAC, 7, IAC, (byte) 240,
            'c', IAC, (byte) 249, '>', ' ', IAC, (byte) 241};
        assertArrayEquals(new byte[] {'a', IAC, 'b', 'c', '>', ' '}, TelnetOutputFilter.strip(telnet));
    }

    @Test
    void aTruncatedCommandAtTheEndIsDroppedWithoutFailing() {
        assertArrayEquals(new byte[] {'x'}, TelnetOutputFilter.strip(new byte[] {'x', IAC}));
        assertArrayEquals(new byte[] {'x'}, TelnetOutputFilter.strip(new byte[] {'x', IAC, (byte) 253}));
        assertArrayEquals(new byte[] {'x'}, TelnetOutputFilter.strip(new byte[] {'x', IAC, (byte) 250, 31, 0}));
    }
}
