package io.chuk.protocol.bench;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Lines over telnet from a client that never negotiates: the server's IAC sequences (its opening
 * WILL/DO offers, sub-negotiations, NOPs) are dropped from the input and never answered, so the
 * server keeps treating the client as a plain line client. Requests end in CR LF, as a telnet
 * client sends them.
 */
final class TelnetWire implements Wire {

    private static final byte IAC = (byte) 255;
    private static final byte SB = (byte) 250;
    private static final byte SE = (byte) 240;
    private static final int WILL = 251;
    private static final int DONT = 254;

    private enum State { DATA, IAC, OPTION, SUBNEGOTIATION, SUBNEGOTIATION_IAC }

    private final LineWire lines = new LineWire(new byte[] {'\r', '\n'});
    private State state = State.DATA;
    /** Bytes at the input's position already stripped of telnet commands by an earlier call. */
    private int clean;

    @Override
    public void request(long n, ByteBuffer out) {
        lines.request(n, out);
    }

    @Override
    public void decode(ByteBuffer in, ByteBuffer out, Messages messages) throws IOException {
        byte[] bytes = in.array();
        int base = in.arrayOffset();
        int write = base + in.position() + clean;
        for (int read = write; read < base + in.limit(); read++) {
            byte b = bytes[read];
            switch (state) {
                case DATA -> {
                    if (b == IAC) {
                        state = State.IAC;
                    } else {
                        bytes[write++] = b;
                    }
                }
                case IAC -> {
                    int command = b & 0xff;
                    if (b == IAC) {
                        bytes[write++] = b; // an escaped 255 data byte
                        state = State.DATA;
                    } else if (command >= WILL && command <= DONT) {
                        state = State.OPTION;
                    } else {
                        state = b == SB ? State.SUBNEGOTIATION : State.DATA;
                    }
                }
                case OPTION -> state = State.DATA;
                case SUBNEGOTIATION -> state = b == IAC ? State.SUBNEGOTIATION_IAC : State.SUBNEGOTIATION;
                case SUBNEGOTIATION_IAC -> state = b == SE ? State.DATA : State.SUBNEGOTIATION;
            }
        }
        in.limit(write - base);
        lines.decode(in, out, messages);
        clean = in.remaining();
    }
}
