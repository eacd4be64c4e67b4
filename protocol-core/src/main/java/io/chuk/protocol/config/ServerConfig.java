package io.chuk.protocol.config;

import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import static io.chuk.protocol.config.ServerKeys.*;

/**
 * One server entry: a listener with its transport and the handler class every session gets.
 * Immutable: the entry's name, its loaded handler class, and one value for every key of
 * {@link ServerKeys} (whose declarations give the keys' meanings, types and defaults). The
 * accessors below are named after those keys; build other entries with {@link #builder} or
 * {@link #with}.
 */
public final class ServerConfig implements ServerSettings {

    /** The {@code host} default, for bind addresses given outside a file. */
    public static final String DEFAULT_HOST = HOST.defaultFor(null);

    private final String name;
    private final Class<? extends BaseHandler> handlerType;
    private final Map<ConfigKey<?>, Object> values;
    private final Limits limits;
    private final Observability observability;

    private ServerConfig(Builder builder) {
        this.name = Objects.requireNonNull(builder.name, "name");
        this.handlerType = Objects.requireNonNull(builder.handlerType, "handlerType");
        Map<ConfigKey<?>, Object> copy = new HashMap<>();
        for (ConfigKey<?> key : ALL_KEYS) {
            Object value = builder.values.get(key);
            if (value == null && !key.nullable()) {
                throw new NullPointerException(key.name());
            }
            copy.put(key, value instanceof List<?> list ? List.copyOf(list)
                    : value instanceof Map<?, ?> map ? Collections.unmodifiableMap(new java.util.LinkedHashMap<>(map))
                    : value);
        }
        this.values = Collections.unmodifiableMap(copy);
        this.limits = new Limits(get(MAX_CONNECTIONS_PER_IP), get(MAX_CONNECTION_RATE_PER_IP), get(MAX_OUTPUT_BUFFER),
                get(MAX_SUBNEGOTIATION_LENGTH), get(DRAIN_TIMEOUT), get(WRITE_TIMEOUT), get(HANDLER_THREADS),
                get(TLS_HANDSHAKE_TIMEOUT), get(MAX_PENDING_CONNECTIONS), get(REQUEST_HEADER_TIMEOUT));
        this.observability = new Observability(get(ENABLE_METRICS), get(METRICS_PATH), get(ENABLE_HEALTH),
                get(HEALTH_PATH));
    }

    /**
     * A builder for an entry called {@code name} on {@code transport}, every key at its default for
     * that transport; {@link Builder#handlerType} must be given before {@link Builder#build}.
     */
    public static Builder builder(String name, Transport transport) {
        return new Builder(name, transport);
    }

    /**
     * A server entry with every optional key at its default, as used by the launcher's
     * direct-handler mode ({@code protocol-server.jar com.example.MyHandler --port 8000}).
     */
    public static ServerConfig defaults(String name, String host, int port, Transport transport,
                                        Class<? extends BaseHandler> handlerType) {
        return builder(name, transport).handlerType(handlerType).set(HOST, host).set(PORT, port).build();
    }

    /** A builder starting from this entry. */
    public Builder toBuilder() {
        Builder builder = new Builder(name, transport());
        builder.values.putAll(values);
        builder.handlerType = handlerType;
        return builder;
    }

    /** This entry with {@code key} set to {@code value}. */
    public <T> ServerConfig with(ConfigKey<T> key, T value) {
        return toBuilder().set(key, value).build();
    }

    /** This entry with another bind address and port (used by the CLI's overrides and by tests). */
    public ServerConfig withAddress(String newHost, int newPort) {
        return toBuilder().set(HOST, newHost).set(PORT, newPort).build();
    }

    /** The setting of {@code key}; {@code null} only for keys that may be unset. */
    public <T> T get(ConfigKey<T> key) {
        return key.cast(values.get(key));
    }

    /** The entry's name under {@code servers:} (the transport name in the single-server form). */
    @Override
    public String name() {
        return name;
    }

    /** The loaded handler class. */
    public Class<? extends BaseHandler> handlerType() {
        return handlerType;
    }

    /** The handler's Java class name, as resolved from {@code handler_class}. */
    public String handlerClass() {
        return get(HANDLER_CLASS);
    }

    @Override
    public String host() {
        return get(HOST);
    }

    @Override
    public int port() {
        return get(PORT);
    }

    @Override
    public Transport transport() {
        return get(TRANSPORT);
    }

    @Override
    public int maxConnections() {
        return get(MAX_CONNECTIONS);
    }

    @Override
    public Duration connectionTimeout() {
        return get(CONNECTION_TIMEOUT);
    }

    @Override
    public String welcomeMessage() {
        return get(WELCOME_MESSAGE);
    }

    /** {@code ws_path}, {@code null} for raw transports. */
    public String wsPath() {
        return get(WS_PATH);
    }

    public List<String> allowOrigins() {
        return get(ALLOW_ORIGINS);
    }

    public boolean useSsl() {
        return get(USE_SSL);
    }

    public String sslCert() {
        return get(SSL_CERT);
    }

    public String sslKey() {
        return get(SSL_KEY);
    }

    public Duration pingInterval() {
        return get(PING_INTERVAL);
    }

    public Duration pingTimeout() {
        return get(PING_TIMEOUT);
    }

    public boolean enableMonitoring() {
        return get(ENABLE_MONITORING);
    }

    public String monitorPath() {
        return get(MONITOR_PATH);
    }

    @Override
    public int maxLineLength() {
        return get(MAX_LINE_LENGTH);
    }

    /** {@code gmcp}: offer GMCP regardless of the handler, {@code null} = as the handler declares. */
    public Boolean gmcp() {
        return get(GMCP);
    }

    /** {@code msdp}: offer MSDP regardless of the handler, {@code null} = as the handler declares. */
    public Boolean msdp() {
        return get(MSDP);
    }

    /** {@code mssp}: offer MSSP regardless of the handler, {@code null} = as the handler declares. */
    public Boolean mssp() {
        return get(MSSP);
    }

    /** {@code mssp_variables}, empty when unset. */
    public Map<String, String> msspVariables() {
        Map<String, String> variables = get(MSSP_VARIABLES);
        return variables == null ? Map.of() : variables;
    }

    public TelnetKeepalive keepalive() {
        return get(KEEPALIVE);
    }

    public Duration keepaliveInterval() {
        return get(KEEPALIVE_INTERVAL);
    }

    public Compression compression() {
        return get(COMPRESSION);
    }

    public int maxMessageSize() {
        return get(MAX_MESSAGE_SIZE);
    }

    /** {@code dashboard_path}: the operator dashboard of an entry with the monitor. */
    public String dashboardPath() {
        return get(DASHBOARD_PATH);
    }

    public String monitorToken() {
        return get(MONITOR_TOKEN);
    }

    /** {@code web_terminal}: the browser page at {@code /} of this entry's port. */
    public boolean webTerminal() {
        return get(WEB_TERMINAL);
    }

    public boolean proxyProtocol() {
        return get(PROXY_PROTOCOL);
    }

    public List<String> trustedProxies() {
        return get(TRUSTED_PROXIES);
    }

    /** Per-address, output and protocol limits: a view of this entry's limit keys. */
    public Limits limits() {
        return limits;
    }

    /** The metrics and health endpoints: a view of this entry's observability keys. */
    public Observability observability() {
        return observability;
    }

    /** Whether a session may stay idle forever. */
    public boolean hasConnectionTimeout() {
        return !connectionTimeout().isZero();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServerConfig that && name.equals(that.name) && handlerType == that.handlerType
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, handlerType, values);
    }

    @Override
    public String toString() {
        return ALL_KEYS.stream().map(key -> key.name() + "=" + values.get(key))
                .collect(Collectors.joining(", ", "ServerConfig[name=" + name + ", ", "]"));
    }

    /** Collects an entry's settings; not thread-safe. */
    public static final class Builder {

        private final String name;
        private final Map<ConfigKey<?>, Object> values = new HashMap<>();
        private Class<? extends BaseHandler> handlerType;

        private Builder(String name, Transport transport) {
            this.name = name;
            for (ConfigKey<?> key : ALL_KEYS) {
                values.put(key, key.defaultFor(transport));
            }
            values.put(TRANSPORT, transport);
        }

        public <T> Builder set(ConfigKey<T> key, T value) {
            values.put(Objects.requireNonNull(key, "key"), value);
            return this;
        }

        /** The handler class, which also sets {@code handler_class} to its name. */
        public Builder handlerType(Class<? extends BaseHandler> type) {
            this.handlerType = Objects.requireNonNull(type, "handlerType");
            return set(HANDLER_CLASS, type.getName());
        }

        /** The setting {@code key} has so far. */
        public <T> T get(ConfigKey<T> key) {
            return key.cast(values.get(key));
        }

        /** @throws NullPointerException naming a key that may not be unset, or the handler type */
        public ServerConfig build() {
            return new ServerConfig(this);
        }
    }
}
