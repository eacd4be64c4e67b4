package io.chuk.protocol.session;

import java.io.ByteArrayOutputStream;

/**
 * Takes the telnet layer out of one piece of output, leaving what the client's terminal shows:
 * {@code IAC IAC} becomes 0xFF, option negotiation, subnegotiation and other commands go. The
 * session encodes every piece whole (no command is split across two), so no state is kept.
 */
final class TelnetOutputFilter {

    private static final int IAC = 255;
    private static final int SB = 250;
    private static final int SE = 240;
    private static final int WILL = 251;
    private static final int DONT = 254;

    private TelnetOutputFilter() {
    }

    /** The terminal's bytes of {@code telnet}; the same array when it holds no IAC. */
    static byte[] strip(byte[] telnet) {
        int first = indexOfIac(telnet);
        if (first < 0) {
            return telnet;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(telnet.length);
        out.write(telnet, 0, first);
        int i = first;
        while (i < telnet.length) {
            int b = telnet[i] & 0xFF;
            if (b != IAC) {
                out.write(b);
                i++;
                continue;
            }
            int command = i + 1 < telnet.length ? telnet[i + 1] & 0xFF : -1;
            if (command == IAC) {
                out.write(IAC);
                i += 2;
            } else if (command == SB) {
                i = afterSubnegotiation(telnet, i + 2);
            } else if (command >= WILL && command <= DONT) {
                i += 3;
            } else {
                i += 2;
            }
        }
        return out.toByteArray();
    }

    /** The index after the {@code IAC SE} that ends a subnegotiation whose body starts at {@code from}. */
    private static int afterSubnegotiation(byte[] telnet, int from) {
        for (int i = from; i + 1 < telnet.length; i++) {
            if ((telnet[i] & 0xFF) == IAC) {
                if ((telnet[i + 1] & 0xFF) == SE) {
                    return i + 2;
                }
                i++; // IAC IAC inside the body is data
            }
        }
        return telnet.length;
    }

    private static int indexOfIac(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == IAC) {
                return i;
            }
        }
        return -1;
    }
}
