package io.chuk.protocol.telnet;

import java.io.ByteArrayOutputStream;

import static io.chuk.protocol.telnet.TelnetCommand.IAC;
import static io.chuk.protocol.telnet.TelnetCommand.SB;
import static io.chuk.protocol.telnet.TelnetCommand.SE;

/** The wire form of a sub-negotiation, for the engine's own and for the MUD protocols' messages. */
public final class Subnegotiation {

    private Subnegotiation() {
    }

    /** {@code IAC SB option body IAC SE}, every 0xFF in the body doubled. */
    public static byte[] frame(int option, byte[] body) {
        if (option < 0 || option > 255) {
            throw new IllegalArgumentException("a telnet option is 0..255: " + option);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 6);
        out.write(IAC);
        out.write(SB);
        out.write(option);
        TelnetEscaping.escape(body, 0, body.length, true, out); // binary: only 0xFF is special
        out.write(IAC);
        out.write(SE);
        return out.toByteArray();
    }
}
