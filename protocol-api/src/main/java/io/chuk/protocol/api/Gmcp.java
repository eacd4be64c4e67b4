package io.chuk.protocol.api;

import java.util.Map;

/**
 * GMCP (telnet option 201) of one session: JSON messages named by package ({@code Char.Vitals}),
 * both ways. Present on every session; {@link #enabled()} only once a telnet client agreed to it.
 */
public interface Gmcp {

    /** Whether the client agreed to GMCP, so {@link #send} reaches it. */
    boolean enabled();

    /**
     * Sends {@code value} (a {@code Map}, {@code List}, {@code String}, {@code Number},
     * {@code Boolean} or {@code null}, nested freely) as JSON under {@code packageName}.
     * Returns whether it was sent: false when GMCP is not enabled.
     *
     * @throws IllegalArgumentException for a blank or non-printable package name or a value of another type
     */
    boolean send(String packageName, Object value);

    /**
     * What the client's {@code Core.Hello} said ({@code client}, {@code version}); empty until then.
     * This and the supported packages are updated as each read from the client is decoded, before
     * the handler's {@code onGmcp} calls for that read.
     */
    Map<String, String> client();

    /**
     * Whether the client's {@code Core.Supports.Set/Add/Remove} list names {@code packageName} or
     * the package it belongs to ({@code Char} covers {@code Char.Vitals}); case-insensitive.
     */
    boolean supports(String packageName);

    /** The client's supported packages and their versions, as {@code Core.Supports} left them. */
    Map<String, Integer> supported();

    /** GMCP of a session that has none (not telnet): never enabled, sends nothing. */
    static Gmcp none() {
        return NoMudProtocols.GMCP;
    }
}
