package io.chuk.protocol.api;

/** Telnet option codes for {@link TelnetControl} (IANA telnet options registry). */
public final class TelnetOptions {

    public static final int BINARY = 0;
    public static final int ECHO = 1;
    public static final int SUPPRESS_GO_AHEAD = 3;
    public static final int STATUS = 5;
    public static final int TIMING_MARK = 6;
    public static final int TERMINAL_TYPE = 24;
    public static final int END_OF_RECORD = 25;
    public static final int NAWS = 31;
    public static final int LINEMODE = 34;
    public static final int NEW_ENVIRON = 39;
    public static final int CHARSET = 42;
    /** MUD Server Data Protocol (see {@link Msdp}). */
    public static final int MSDP = 69;
    /** MUD Server Status Protocol. */
    public static final int MSSP = 70;
    /** Generic MUD Communication Protocol (see {@link Gmcp}). */
    public static final int GMCP = 201;

    private TelnetOptions() {
    }
}
