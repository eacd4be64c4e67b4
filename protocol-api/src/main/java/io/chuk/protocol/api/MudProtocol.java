package io.chuk.protocol.api;

/**
 * The MUD telnet protocols a handler can declare with
 * {@link io.chuk.protocol.handlers.MudProtocols}. The server offers ({@code WILL}) each declared
 * protocol at connect, after the opening negotiation; a client that refuses gets nothing of it.
 */
public enum MudProtocol {
    /** Generic MUD Communication Protocol: JSON messages by package name ({@link Gmcp}). */
    GMCP(201),
    /** MUD Server Data Protocol: variables the client can list, send and have reported ({@link Msdp}). */
    MSDP(69),
    /** MUD Server Status Protocol: name, players and uptime for MUD crawlers. */
    MSSP(70),
    /** MUD Client Compression Protocol v2: compressed output. */
    MCCP2(86),
    /** MUD Client Compression Protocol v3: compressed input. */
    MCCP3(87);

    private final int option;

    MudProtocol(int option) {
        this.option = option;
    }

    /** The telnet option code. */
    public int option() {
        return option;
    }
}
