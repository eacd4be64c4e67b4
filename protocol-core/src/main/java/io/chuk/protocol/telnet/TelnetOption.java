package io.chuk.protocol.telnet;

/**
 * Telnet option codes the engine knows by name.
 *
 * <p>Options are plain {@code int}s (0..255) rather than an enum because the wire carries any of
 * 256 values and a peer may name options we have never heard of; those must still be answered
 * (refused), logged and tested by number. The constants exist so callers of
 * {@link TelnetEngine#requestLocal(int, boolean)} and {@link TelnetEngine#isEnabledRemotely(int)}
 * don't sprinkle magic numbers.
 */
public final class TelnetOption {
    /** RFC 856: 8-bit clean data in one direction. */
    public static final int BINARY = 0;
    /** RFC 857: the side that has it enabled echoes the data it receives. */
    public static final int ECHO = 1;
    /** RFC 858: suppress go-ahead, i.e. full-duplex character-at-a-time operation. */
    public static final int SGA = 3;
    /** RFC 859. */
    public static final int STATUS = 5;
    /** RFC 860: a synchronisation point, answered but never kept on. */
    public static final int TIMING_MARK = 6;
    /** RFC 1091 (and the MTTS convention): the client's terminal type name(s). */
    public static final int TTYPE = 24;
    /** RFC 885: end of record; MUD clients take {@code IAC EOR} as the end of a prompt. */
    public static final int EOR = 25;
    /** RFC 1073: negotiate about window size. */
    public static final int NAWS = 31;
    /** RFC 1079: terminal speed (client to server only). */
    public static final int TSPEED = 32;
    /** RFC 1372: remote flow control. */
    public static final int LFLOW = 33;
    /** RFC 1184: client-side line editing; this server refuses it. */
    public static final int LINEMODE = 34;
    /** RFC 1096: X display location. */
    public static final int XDISPLOC = 35;
    /** RFC 1408: the old environment option (not supported, refused). */
    public static final int ENVIRON = 36;
    /** RFC 1572: environment variables such as USER or LANG. */
    public static final int NEW_ENVIRON = 39;
    /** RFC 2066: agree on a character set (in practice: UTF-8). */
    public static final int CHARSET = 42;

    /** MUD Server Data Protocol. */
    public static final int MSDP = 69;
    /** MUD Server Status Protocol. */
    public static final int MSSP = 70;
    /** Generic MUD Communication Protocol (JSON by package). */
    public static final int GMCP = 201;

    private TelnetOption() {
    }

    /** A readable name for logs and test messages: the RFC name, or the number. */
    public static String name(int option) {
        switch (option) {
            case BINARY: return "BINARY";
            case ECHO: return "ECHO";
            case SGA: return "SGA";
            case STATUS: return "STATUS";
            case TIMING_MARK: return "TIMING-MARK";
            case TTYPE: return "TTYPE";
            case EOR: return "EOR";
            case NAWS: return "NAWS";
            case TSPEED: return "TSPEED";
            case LFLOW: return "LFLOW";
            case LINEMODE: return "LINEMODE";
            case XDISPLOC: return "XDISPLOC";
            case ENVIRON: return "ENVIRON";
            case NEW_ENVIRON: return "NEW-ENVIRON";
            case CHARSET: return "CHARSET";
            case MSDP: return "MSDP";
            case MSSP: return "MSSP";
            case GMCP: return "GMCP";
            default: return Integer.toString(option);
        }
    }
}
