package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.chuk.protocol.config.ConfigKey.Scope.ALL;
import static io.chuk.protocol.config.ConfigKey.Scope.RAW_ONLY;
import static io.chuk.protocol.config.ConfigKey.Scope.TELNET_ONLY;
import static io.chuk.protocol.config.ConfigKey.Scope.WEBSOCKET_ONLY;
import static io.chuk.protocol.config.ConfigKey.optional;
import static io.chuk.protocol.config.ConfigKey.perTransport;
import static io.chuk.protocol.config.ConfigKey.required;
import static io.chuk.protocol.config.ValueType.bool;
import static io.chuk.protocol.config.ValueType.integer;
import static io.chuk.protocol.config.ValueType.nonBlankString;
import static io.chuk.protocol.config.ValueType.optionalString;
import static io.chuk.protocol.config.ValueType.path;
import static io.chuk.protocol.config.ValueType.positiveSeconds;
import static io.chuk.protocol.config.ValueType.seconds;
import static io.chuk.protocol.config.ValueType.string;
import static io.chuk.protocol.config.ValueType.stringList;

/**
 * Every key of a server entry, each declared once: name, type and bounds, default, the transports
 * it applies to, and a line of documentation (the README's configuration table says more, and a
 * test keeps the two in step). {@link ConfigLoader} reads an entry through this list, and
 * {@link ServerConfig} holds one value per key.
 */
public final class ServerKeys {

    private static final int MAX = Integer.MAX_VALUE;
    private static final int SIXTEEN_MIB = 16 * 1024 * 1024;

    public static final ConfigKey<Transport> TRANSPORT = required("transport", ValueType.transport(),
            "telnet, tcp, websocket or ws_telnet");
    public static final ConfigKey<String> HANDLER_CLASS = required("handler_class", string(),
            "the handler's Java class name, or package:ClassName");
    public static final ConfigKey<String> HOST = optional("host", nonBlankString(), "127.0.0.1", ALL,
            "bind address");
    public static final ConfigKey<Integer> PORT = perTransport("port", integer(0, 65535),
            transport -> transport == null ? 0 : transport.defaultPort(), ALL,
            "listen port, 0 = any free port");
    public static final ConfigKey<Integer> MAX_CONNECTIONS = optional("max_connections", integer(0, MAX), 100, ALL,
            "concurrent sessions of this entry, 0 = unlimited");
    public static final ConfigKey<Duration> CONNECTION_TIMEOUT = optional("connection_timeout", seconds(),
            Duration.ofSeconds(300), ALL, "idle time without input before a session is closed, 0 = never");
    public static final ConfigKey<String> WELCOME_MESSAGE = optional("welcome_message", string(), null, ALL,
            "greeting sent by the handler's sendWelcome()");
    public static final ConfigKey<String> WS_PATH = perTransport("ws_path", path(),
            transport -> transport == null ? null : transport.defaultWsPath(), WEBSOCKET_ONLY,
            "WebSocket endpoint path");
    public static final ConfigKey<List<String>> ALLOW_ORIGINS = optional("allow_origins", stringList(), List.of("*"),
            WEBSOCKET_ONLY, "accepted Origin headers of WebSocket handshakes, * for any");
    public static final ConfigKey<Boolean> USE_SSL = optional("use_ssl", bool(), false, ALL,
            "TLS from ssl_cert and ssl_key");
    public static final ConfigKey<String> SSL_CERT = optional("ssl_cert", optionalString(), null, ALL,
            "PEM certificate chain");
    public static final ConfigKey<String> SSL_KEY = optional("ssl_key", optionalString(), null, ALL,
            "PEM private key");
    public static final ConfigKey<Duration> PING_INTERVAL = optional("ping_interval", seconds(),
            Duration.ofSeconds(30), WEBSOCKET_ONLY, "WebSocket keepalive ping period, 0 = off");
    public static final ConfigKey<Duration> PING_TIMEOUT = optional("ping_timeout", seconds(),
            Duration.ofSeconds(10), WEBSOCKET_ONLY, "close a WebSocket peer whose pong is this late");
    public static final ConfigKey<Boolean> ENABLE_MONITORING = optional("enable_monitoring", bool(), false,
            WEBSOCKET_ONLY, "serve the session monitor on this entry's port");
    public static final ConfigKey<String> MONITOR_PATH = optional("monitor_path", path(), "/monitor",
            WEBSOCKET_ONLY, "the session monitor's path");
    public static final ConfigKey<Integer> MAX_LINE_LENGTH = optional("max_line_length", integer(1, SIXTEEN_MIB),
            8192, ALL, "longest input line in bytes");
    public static final ConfigKey<TelnetKeepalive> KEEPALIVE = optional("keepalive",
            ValueType.choice("keepalive", TelnetKeepalive::fromName, "nop, timing_mark or off"), TelnetKeepalive.NOP,
            TELNET_ONLY, "what idle telnet sessions are sent");
    public static final ConfigKey<Duration> KEEPALIVE_INTERVAL = optional("keepalive_interval", seconds(),
            Duration.ofSeconds(60), TELNET_ONLY, "how often idle telnet sessions are sent the keepalive, 0 = never");
    public static final ConfigKey<Integer> MAX_MESSAGE_SIZE = optional("max_message_size",
            integer(1024, SIXTEEN_MIB), 64 * 1024, WEBSOCKET_ONLY, "largest WebSocket message in bytes");
    public static final ConfigKey<String> MONITOR_TOKEN = optional("monitor_token", optionalString(), null,
            WEBSOCKET_ONLY, "the secret a monitor viewer must present");
    public static final ConfigKey<Integer> MAX_CONNECTIONS_PER_IP = optional("max_connections_per_ip",
            integer(0, MAX), 50, ALL, "concurrent sessions from one address, 0 = no limit");
    public static final ConfigKey<Integer> MAX_CONNECTION_RATE_PER_IP = optional("max_connection_rate_per_ip",
            integer(0, MAX), 20, ALL, "new connections per second from one address, 0 = no limit");
    public static final ConfigKey<Integer> MAX_OUTPUT_BUFFER = optional("max_output_buffer",
            integer(64 * 1024, MAX), 4 * 1024 * 1024, ALL,
            "bytes of output waiting for a client that does not read before the session is closed");
    public static final ConfigKey<Integer> MAX_SUBNEGOTIATION_LENGTH = optional("max_subnegotiation_length",
            integer(16, 65536), 1024, TELNET_ONLY, "longest telnet sub-negotiation kept, in bytes");
    public static final ConfigKey<Duration> DRAIN_TIMEOUT = optional("drain_timeout", seconds(),
            Duration.ofSeconds(5), ALL, "how long a stopping server lets sessions take their goodbye");
    public static final ConfigKey<Duration> WRITE_TIMEOUT = optional("write_timeout", seconds(),
            Duration.ofSeconds(30), ALL, "how long a write may wait for a client that does not read, 0 = no deadline");
    public static final ConfigKey<Integer> HANDLER_THREADS = optional("handler_threads", integer(1, 10_000), 64, ALL,
            "on Java 17, the most platform threads this entry's handler callbacks hold at once");
    public static final ConfigKey<Duration> TLS_HANDSHAKE_TIMEOUT = optional("tls_handshake_timeout",
            positiveSeconds(), Duration.ofSeconds(10), ALL, "how long a TLS client may take to complete its handshake");
    public static final ConfigKey<Integer> MAX_PENDING_CONNECTIONS = optional("max_pending_connections",
            integer(0, MAX), 100, WEBSOCKET_ONLY,
            "HTTP connections of the entry's port not (yet) upgraded to WebSocket, 0 = no limit");
    public static final ConfigKey<Duration> REQUEST_HEADER_TIMEOUT = optional("request_header_timeout", seconds(),
            Duration.ofSeconds(10), WEBSOCKET_ONLY,
            "how long an HTTP connection may take to send a request header, 0 = no deadline");
    public static final ConfigKey<Boolean> ENABLE_METRICS = optional("enable_metrics", bool(), false, WEBSOCKET_ONLY,
            "serve Prometheus text at metrics_path");
    public static final ConfigKey<String> METRICS_PATH = optional("metrics_path", path(), "/metrics", WEBSOCKET_ONLY,
            "the metrics endpoint's path");
    public static final ConfigKey<Boolean> ENABLE_HEALTH = optional("enable_health", bool(), false, WEBSOCKET_ONLY,
            "serve health_path, .../live and .../ready");
    public static final ConfigKey<String> HEALTH_PATH = optional("health_path", path(), "/health", WEBSOCKET_ONLY,
            "the health endpoint's path");
    public static final ConfigKey<Boolean> WEB_TERMINAL = optional("web_terminal", bool(), false, WEBSOCKET_ONLY,
            "serve the browser terminal page (ws_telnet) or line page (websocket) at / of this entry's port");
    public static final ConfigKey<Boolean> PROXY_PROTOCOL = optional("proxy_protocol", bool(), false, RAW_ONLY,
            "expect a PROXY protocol (v1 or v2) header from a load balancer");
    public static final ConfigKey<List<String>> TRUSTED_PROXIES = optional("trusted_proxies", stringList(),
            List.of(), WEBSOCKET_ONLY, "addresses whose X-Forwarded-For is believed on WebSocket handshakes");
    public static final ConfigKey<String> RECORD_SESSIONS = optional("record_sessions", optionalString(), null, ALL,
            "directory where each session is recorded as an asciicast v2 file; unset = no recording");
    public static final ConfigKey<Boolean> RECORD_INPUT = optional("record_input", bool(), false, ALL,
            "also record what clients type (privacy-sensitive; input the handler hides is never recorded)");
    public static final ConfigKey<Integer> RECORD_MAX_BYTES = optional("record_max_bytes",
            integer(4 * 1024, 1024 * 1024 * 1024), 1024 * 1024, ALL,
            "largest recording file of one session in bytes; recording stops there");
    public static final ConfigKey<Boolean> GMCP = optional("gmcp", bool(), null, TELNET_ONLY,
            "offer GMCP (telnet option 201): true or false whatever the handler declares; unset = as it declares");
    public static final ConfigKey<Boolean> MSDP = optional("msdp", bool(), null, TELNET_ONLY,
            "offer MSDP (telnet option 69): true or false whatever the handler declares; unset = as it declares");
    public static final ConfigKey<Boolean> MSSP = optional("mssp", bool(), null, TELNET_ONLY,
            "offer MSSP (telnet option 70): true or false whatever the handler declares; unset = as it declares");
    public static final ConfigKey<Map<String, String>> MSSP_VARIABLES = optional("mssp_variables",
            ValueType.stringMap(64), null, TELNET_ONLY,
            "MSSP variables sent besides NAME, PLAYERS and UPTIME (NAME here replaces the entry's name)");
    public static final ConfigKey<Compression> COMPRESSION = optional("compression", Compression.valueType(),
            null, TELNET_ONLY, "MUD compression offered to telnet clients: off, mccp2 or mccp2+mccp3; "
                    + "unset = as the handler declares with @MudProtocols, else off");
    public static final ConfigKey<String> DASHBOARD_PATH = optional("dashboard_path", path(), "/dashboard",
            WEBSOCKET_ONLY, "the operator dashboard's page (with enable_monitoring) and its recordings under it");

    /** Every key, in the order an entry is read (and its problems reported). */
    public static final List<ConfigKey<?>> ALL_KEYS = List.of(TRANSPORT, HANDLER_CLASS, HOST, PORT, MAX_CONNECTIONS,
            CONNECTION_TIMEOUT, WELCOME_MESSAGE, WS_PATH, ALLOW_ORIGINS, USE_SSL, SSL_CERT, SSL_KEY, PING_INTERVAL,
            PING_TIMEOUT, ENABLE_MONITORING, MONITOR_PATH, MAX_LINE_LENGTH, KEEPALIVE, KEEPALIVE_INTERVAL,
            MAX_MESSAGE_SIZE, MONITOR_TOKEN, MAX_CONNECTIONS_PER_IP, MAX_CONNECTION_RATE_PER_IP, MAX_OUTPUT_BUFFER,
            MAX_SUBNEGOTIATION_LENGTH, DRAIN_TIMEOUT, WRITE_TIMEOUT, HANDLER_THREADS, TLS_HANDSHAKE_TIMEOUT,
            MAX_PENDING_CONNECTIONS, REQUEST_HEADER_TIMEOUT, ENABLE_METRICS, METRICS_PATH, ENABLE_HEALTH, HEALTH_PATH,
            PROXY_PROTOCOL, TRUSTED_PROXIES, WEB_TERMINAL, RECORD_SESSIONS, RECORD_INPUT, RECORD_MAX_BYTES, GMCP, MSDP,
            MSSP, MSSP_VARIABLES, COMPRESSION, DASHBOARD_PATH);

    private static final Map<String, ConfigKey<?>> BY_NAME = ALL_KEYS.stream()
            .collect(Collectors.toUnmodifiableMap(ConfigKey::name, Function.identity()));

    private ServerKeys() {
    }

    /** The key called {@code name} in YAML. */
    public static Optional<ConfigKey<?>> byName(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
