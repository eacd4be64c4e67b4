package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One server entry: a listener with its transport and the handler class every session gets.
 * Keys and defaults follow the original's YAML (see the README's configuration table).
 *
 * @param name              the entry's name under {@code servers:} (the transport name in the single-server form)
 * @param host              bind address ({@code host})
 * @param port              listen port ({@code port}); 0 asks the system for a free port
 * @param transport         {@code transport}
 * @param handlerClass      the handler's Java class name, as resolved from {@code handler_class}
 * @param handlerType       the loaded handler class
 * @param maxConnections    {@code max_connections}: concurrent sessions, 0 = unlimited
 * @param connectionTimeout {@code connection_timeout}: idle time without input before a session is closed, zero = never
 * @param welcomeMessage    {@code welcome_message}, or {@code null}
 * @param wsPath            {@code ws_path}: endpoint path of a WebSocket transport, {@code null} for raw ones
 * @param allowOrigins      {@code allow_origins}: accepted {@code Origin} headers, {@code *} for any
 * @param useSsl            {@code use_ssl}
 * @param sslCert           {@code ssl_cert}: PEM certificate chain, or {@code null}
 * @param sslKey            {@code ssl_key}: PEM private key, or {@code null}
 * @param pingInterval      {@code ping_interval}: WebSocket keepalive ping period, zero = off
 * @param pingTimeout       {@code ping_timeout}: close a WebSocket peer whose pong is this late
 * @param enableMonitoring  {@code enable_monitoring}: serve the session monitor on this entry's port
 * @param monitorPath       {@code monitor_path}
 * @param maxLineLength     {@code max_line_length}: longest input line in bytes; longer lines are refused with a message
 * @param keepalive         {@code keepalive}: what idle telnet sessions are sent
 * @param keepaliveInterval {@code keepalive_interval}: how often, zero = never
 * @param maxMessageSize    {@code max_message_size}: largest WebSocket message in bytes; larger ones close the connection with 1009
 * @param monitorToken      {@code monitor_token}: the secret a monitor viewer must present, or {@code null}
 * @param limits            per-address, output and protocol limits
 * @param proxyProtocol     {@code proxy_protocol}: raw listeners expect a PROXY protocol (v1 or v2) header from a load balancer
 * @param trustedProxies    {@code trusted_proxies}: addresses whose {@code X-Forwarded-For} is believed on WebSocket handshakes
 * @param observability     opt-in metrics and health endpoints on a WebSocket entry's port
 */
public record ServerConfig(
        String name,
        String host,
        int port,
        Transport transport,
        String handlerClass,
        Class<? extends BaseHandler> handlerType,
        int maxConnections,
        Duration connectionTimeout,
        String welcomeMessage,
        String wsPath,
        List<String> allowOrigins,
        boolean useSsl,
        String sslCert,
        String sslKey,
        Duration pingInterval,
        Duration pingTimeout,
        boolean enableMonitoring,
        String monitorPath,
        int maxLineLength,
        TelnetKeepalive keepalive,
        Duration keepaliveInterval,
        int maxMessageSize,
        String monitorToken,
        Limits limits,
        boolean proxyProtocol,
        List<String> trustedProxies,
        Observability observability) implements io.chuk.protocol.api.ServerSettings {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_MAX_CONNECTIONS = 100;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(300);
    public static final Duration DEFAULT_PING_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_PING_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_MONITOR_PATH = "/monitor";
    public static final int DEFAULT_MAX_LINE_LENGTH = 8192;
    public static final TelnetKeepalive DEFAULT_KEEPALIVE = TelnetKeepalive.NOP;
    public static final Duration DEFAULT_KEEPALIVE_INTERVAL = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 64 * 1024;

    public ServerConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(handlerType, "handlerType");
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(pingInterval, "pingInterval");
        Objects.requireNonNull(pingTimeout, "pingTimeout");
        Objects.requireNonNull(keepalive, "keepalive");
        Objects.requireNonNull(keepaliveInterval, "keepaliveInterval");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(observability, "observability");
        allowOrigins = List.copyOf(allowOrigins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * A server entry with every optional key at its default, as used by the launcher's
     * direct-handler mode ({@code protocol-server.jar com.example.MyHandler --port 8000}).
     */
    public static ServerConfig defaults(String name, String host, int port, Transport transport,
                                        Class<? extends BaseHandler> handlerType) {
        return new ServerConfig(name, host, port, transport, handlerType.getName(), handlerType,
                DEFAULT_MAX_CONNECTIONS, DEFAULT_CONNECTION_TIMEOUT, null, transport.defaultWsPath(),
                List.of("*"), false, null, null, DEFAULT_PING_INTERVAL, DEFAULT_PING_TIMEOUT,
                false, DEFAULT_MONITOR_PATH, DEFAULT_MAX_LINE_LENGTH, DEFAULT_KEEPALIVE, DEFAULT_KEEPALIVE_INTERVAL,
                DEFAULT_MAX_MESSAGE_SIZE, null, Limits.DEFAULTS, false, List.of(), Observability.OFF);
    }

    /** This entry with another bind address and port (used by the CLI's overrides and by tests). */
    public ServerConfig withAddress(String newHost, int newPort) {
        return new ServerConfig(name, newHost, newPort, transport, handlerClass, handlerType, maxConnections,
                connectionTimeout, welcomeMessage, wsPath, allowOrigins, useSsl, sslCert, sslKey, pingInterval,
                pingTimeout, enableMonitoring, monitorPath, maxLineLength, keepalive, keepaliveInterval,
                maxMessageSize, monitorToken, limits, proxyProtocol, trustedProxies, observability);
    }

    /** Whether a session may stay idle forever. */
    public boolean hasConnectionTimeout() {
        return !connectionTimeout.isZero();
    }
}
