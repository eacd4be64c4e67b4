package io.chuk.protocol.telnet;

import java.io.ByteArrayOutputStream;

import static io.chuk.protocol.telnet.TelnetCommand.CR;
import static io.chuk.protocol.telnet.TelnetCommand.IAC;
import static io.chuk.protocol.telnet.TelnetCommand.LF;
import static io.chuk.protocol.telnet.TelnetCommand.NUL;

/**
 * Bytes made safe to send inside the telnet stream: every 0xFF doubled and, in text (not BINARY)
 * mode, a CR not followed by LF in the same array sent as {@code CR NUL} (RFC 854). Pure code.
 */
final class TelnetEscaping {

    private TelnetEscaping() {
    }

    /** Whether {@link #escape} would change {@code data}. */
    static boolean needed(byte[] data, boolean binary) {
        for (int i = 0; i < data.length; i++) {
            if (escapes(data, i, data.length, binary)) {
                return true;
            }
        }
        return false;
    }

    /** The slice of {@code data}, escaped, appended to {@code out}. */
    static void escape(byte[] data, int off, int len, boolean binary, ByteArrayOutputStream out) {
        int end = off + len;
        int run = off;
        for (int i = off; i < end; i++) {
            if (escapes(data, i, end, binary)) {
                out.write(data, run, i + 1 - run);
                out.write((data[i] & 0xFF) == IAC ? IAC : NUL);
                run = i + 1;
            }
        }
        out.write(data, run, end - run);
    }

    private static boolean escapes(byte[] data, int i, int end, boolean binary) {
        int b = data[i] & 0xFF;
        return b == IAC || b == CR && !binary && (i + 1 >= end || data[i + 1] != LF);
    }
}
