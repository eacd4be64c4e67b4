package io.chuk.protocol.config;

import java.time.Duration;

/**
 * The protective limits of a server entry beyond the original's {@code max_connections}, each a
 * YAML key with a safe default (declared in {@link ServerKeys}), so nothing a client does (or fails
 * to do) can take memory or connections without bound. A view built by {@link ServerConfig}.
 *
 * @param maxConnectionsPerIp      {@code max_connections_per_ip}: concurrent sessions from one address, 0 = no limit
 * @param maxConnectionRatePerIp   {@code max_connection_rate_per_ip}: new connections per second from one address, 0 = no limit
 * @param maxOutputBuffer          {@code max_output_buffer}: bytes of output waiting for a client that does not read before the session is closed
 * @param maxSubnegotiationLength  {@code max_subnegotiation_length}: longest telnet sub-negotiation kept, in bytes
 * @param drainTimeout             {@code drain_timeout}: how long a stopping server lets sessions take their goodbye
 * @param writeTimeout             {@code write_timeout}: how long a write may wait for a client that does not read
 *                                 before the session is closed; zero = only {@code max_output_buffer} applies
 * @param handlerThreads           {@code handler_threads}: on Java 17, the most platform threads this entry's
 *                                 handler callbacks may hold at once (Java 21+ uses virtual threads instead)
 * @param tlsHandshakeTimeout      {@code tls_handshake_timeout}: how long a TLS client may take to complete its handshake before the socket is closed; always positive
 * @param maxPendingConnections    {@code max_pending_connections}: HTTP connections of a WebSocket entry's port not
 *                                 (yet) upgraded to WebSocket, 0 = no limit
 * @param requestHeaderTimeout     {@code request_header_timeout}: how long an HTTP connection may take to send a complete
 *                                 request header, zero = no deadline
 */
public record Limits(int maxConnectionsPerIp, int maxConnectionRatePerIp, int maxOutputBuffer,
                     int maxSubnegotiationLength, Duration drainTimeout, Duration writeTimeout, int handlerThreads,
                     Duration tlsHandshakeTimeout, int maxPendingConnections, Duration requestHeaderTimeout) {
}
