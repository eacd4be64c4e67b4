package io.chuk.protocol.telnet;

/**
 * Per-connection limits and choices for a {@link TelnetEngine}.
 *
 * <p>The limits exist because every buffer the engine keeps is filled by the peer: an
 * {@code IAC SB} that never ends, or a client that answers each terminal-type query with a new
 * name, must not be able to grow memory. The two switches exist because some
 * clients misbehave when asked for NEW-ENVIRON or CHARSET (Windows telnet, telnetlib3 #24), so a
 * deployment can turn those requests off without touching code.
 *
 * @param maxSubnegotiationLength bytes of one {@code IAC SB ... IAC SE} body kept (after
 *                                unescaping); a longer body is discarded whole. 16..65536.
 * @param maxTerminalTypes        how many {@code TTYPE SEND} queries are sent while cycling through
 *                                the client's terminal types (MTTS), and how many names are kept. 1..64.
 * @param requestEnvironment      ask for NEW-ENVIRON (once the client has answered TTYPE)
 * @param requestCharset          offer CHARSET and request UTF-8 (once the client has answered TTYPE)
 * @param offeredOptions          options the server offers ({@code WILL}) at connect after the opening
 *                                six commands, and agrees to when the client asks (MUD protocols such
 *                                as GMCP, MSDP, MSSP, MCCP2); empty = the opening negotiation only
 */
public record TelnetSettings(int maxSubnegotiationLength, int maxTerminalTypes,
                             boolean requestEnvironment, boolean requestCharset,
                             java.util.Set<Integer> offeredOptions) {

    public static final int DEFAULT_MAX_SUBNEGOTIATION_LENGTH = 1024;
    public static final int DEFAULT_MAX_TERMINAL_TYPES = 8;

    /** Settings that offer nothing beyond the opening negotiation. */
    public TelnetSettings(int maxSubnegotiationLength, int maxTerminalTypes, boolean requestEnvironment,
                          boolean requestCharset) {
        this(maxSubnegotiationLength, maxTerminalTypes, requestEnvironment, requestCharset, java.util.Set.of());
    }

    public TelnetSettings {
        offeredOptions = java.util.Set.copyOf(offeredOptions);
        for (int option : offeredOptions) {
            if (option < 0 || option > 255) {
                throw new IllegalArgumentException("a telnet option is 0..255: " + option);
            }
        }
        if (maxSubnegotiationLength < 16 || maxSubnegotiationLength > 65536) {
            throw new IllegalArgumentException("maxSubnegotiationLength must be 16..65536: " + maxSubnegotiationLength);
        }
        if (maxTerminalTypes < 1 || maxTerminalTypes > 64) {
            throw new IllegalArgumentException("maxTerminalTypes must be 1..64: " + maxTerminalTypes);
        }
    }

    /** 1024-byte sub-negotiations, 8 terminal-type rounds, NEW-ENVIRON and CHARSET requested. */
    public static TelnetSettings defaults() {
        return new TelnetSettings(DEFAULT_MAX_SUBNEGOTIATION_LENGTH, DEFAULT_MAX_TERMINAL_TYPES, true, true);
    }
}
