package io.chuk.protocol.api;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One connected client, whatever transport it came over, as its handler sees it. Every method is
 * safe to call from any thread.
 */
public interface Session {

    /** A unique id (a random UUID), stable for the session's life. */
    String id();

    /** The name of the server entry that accepted it (the key under {@code servers:}). */
    String serverName();

    Transport transport();

    /** The client's address as the transport sees it (after a trusted PROXY header or {@code X-Forwarded-For}). */
    InetSocketAddress remoteAddress();

    /** The server's address this client connected to. */
    InetSocketAddress localAddress();

    /** When the session was opened (wall-clock). */
    Instant startTime();

    /**
     * When input last arrived from the client, to within the host's 100 ms tick: input is timed by
     * the tick, not per message.
     */
    Instant lastActivity();

    /**
     * Free-form per-session values for the application, thread-safe. The session directory and
     * the operator monitor show them (a user name, a room), as text.
     */
    Map<String, Object> attributes();

    /**
     * What a telnet client told about its terminal (type, window size, environment, capabilities),
     * on the {@code telnet} and {@code ws_telnet} transports; empty on the others.
     */
    Optional<TerminalInfo> terminal();

    /** The WebSocket handshake request ({@code websocket} and {@code ws_telnet}); empty on raw sockets. */
    Optional<RequestInfo> request();

    /** Whether the session is still open. */
    boolean isOpen();
}
