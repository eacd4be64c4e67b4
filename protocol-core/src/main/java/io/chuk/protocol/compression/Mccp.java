package io.chuk.protocol.compression;

/** The telnet options and the marker sequence of the MUD Client Compression Protocol, versions 2 and 3. */
public final class Mccp {

    /** MCCP2: the server's output is compressed. */
    public static final int MCCP2 = 86;
    /** MCCP3: the client's input is compressed. */
    public static final int MCCP3 = 87;

    private Mccp() {
    }

    /** {@code IAC SB option IAC SE}: every byte after it is part of a zlib stream. */
    public static byte[] startSequence(int option) {
        return new byte[] {(byte) 255, (byte) 250, (byte) option, (byte) 255, (byte) 240};
    }
}
