package io.chuk.protocol.api;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.api.TerminalInfo;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One connected client, whatever transport it came over. Handlers see their own session;
 * the registry and the monitor see all of them.
 */
public interface Session {

    /** A unique id (a random UUID), stable for the session's life. */
    String id();

    /** The name of the server entry that accepted it (the key under {@code servers:}). */
    String serverName();

    Transport transport();

    /** The client's address as the transport sees it. */
    InetSocketAddress remoteAddress();

    /** When the session was opened (wall-clock). */
    Instant startTime();

    /** When input last arrived from the client. */
    Instant lastActivity();

    /** Free-form per-session values for the application; thread-safe. */
    Map<String, Object> attributes();

    /**
     * What a telnet client told about its terminal (type, window size, environment), on the
     * {@code telnet} and {@code ws_telnet} transports; empty on the others.
     */
    Optional<TerminalInfo> terminal();

    /** Whether the session is still open. */
    boolean isOpen();
}
