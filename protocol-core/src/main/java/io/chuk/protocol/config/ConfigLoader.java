package io.chuk.protocol.config;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the YAML configuration into {@link ProtocolConfig}, with the original's two forms:
 * a single server map at the top level, or {@code servers:} mapping names to server maps.
 *
 * <p>Unlike the original, every key is checked: unknown keys, wrong types, unknown transports,
 * ports out of range or used twice, and handler classes that are missing or are not handlers are
 * all reported together, each with the file and the key. So are hosts that are malformed or do
 * not resolve, and TLS files that cannot be used.
 *
 * <p>No file can make loading expensive: one larger than {@link #MAX_FILE_SIZE} bytes is refused
 * before it is parsed, the text must be UTF-8, SnakeYAML runs within the bounds of
 * {@link BoundedYaml}, and the whole load, host lookups included, gives up after
 * {@link #MAX_LOAD_TIME}.
 */
public final class ConfigLoader {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.config");

    static final Set<String> SERVER_KEYS = Set.of(
            "host", "port", "transport", "handler_class", "max_connections", "connection_timeout",
            "welcome_message", "ws_path", "allow_origins", "use_ssl", "ssl_cert", "ssl_key",
            "ping_interval", "ping_timeout", "enable_monitoring", "monitor_path", "max_line_length",
            "keepalive", "keepalive_interval", "max_message_size", "monitor_token",
            "max_connections_per_ip", "max_connection_rate_per_ip", "max_output_buffer", "max_subnegotiation_length",
            "drain_timeout", "write_timeout", "handler_threads", "tls_handshake_timeout",
            "proxy_protocol", "trusted_proxies",
            "enable_metrics", "metrics_path", "enable_health", "health_path",
            "max_pending_connections", "request_header_timeout");
    private static final Set<String> WEBSOCKET_ONLY_KEYS = Set.of(
            "ws_path", "allow_origins", "ping_interval", "ping_timeout", "enable_monitoring", "monitor_path",
            "max_message_size", "monitor_token", "trusted_proxies",
            "enable_metrics", "metrics_path", "enable_health", "health_path",
            "max_pending_connections", "request_header_timeout");
    private static final Set<String> TELNET_ONLY_KEYS = Set.of("keepalive", "keepalive_interval",
            "max_subnegotiation_length");
    private static final int MAX_LINE_LENGTH_LIMIT = 16 * 1024 * 1024;

    /** The largest configuration file, in bytes (1 MiB). */
    public static final int MAX_FILE_SIZE = ConfigText.MAX_BYTES;
    /** The longest a load may take, parsing and host lookups included. */
    public static final Duration MAX_LOAD_TIME = Duration.ofSeconds(5);

    private final ClassLoader classLoader;

    /** A loader resolving handler classes with {@code classLoader}. */
    public ConfigLoader(ClassLoader classLoader) {
        this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
    }

    /** A loader resolving handler classes with the thread's context class loader. */
    public ConfigLoader() {
        this(contextClassLoader());
    }

    public ProtocolConfig load(Path file) throws ConfigException {
        String source = file.toString();
        return parse(ConfigText.read(file, source), source);
    }

    /** Loads a configuration bundled on the class path (such as the echo sample's). */
    public ProtocolConfig loadResource(String resource) throws ConfigException {
        String source = "classpath:" + resource;
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new ConfigException(source, "", "resource not found");
            }
            return parse(ConfigText.read(in, source), source);
        } catch (IOException e) {
            throw new ConfigException(source, "", "cannot read the resource: " + e.getMessage());
        }
    }

    /**
     * Why {@code host} cannot be a bind address (malformed, or a name that does not resolve within
     * {@link #MAX_LOAD_TIME}), or empty if it can; for hosts given outside a file, such as on a command line.
     */
    public Optional<String> hostProblem(String host) {
        return BindHost.problem(host, Deadline.after(MAX_LOAD_TIME));
    }

    /** Parses YAML text; {@code source} names it in messages. */
    public ProtocolConfig parse(String yamlText, String source) throws ConfigException {
        ConfigText.checkLength(yamlText, source);
        Deadline deadline = Deadline.after(MAX_LOAD_TIME);
        Object document = BoundedYaml.load(yamlText, source, deadline);
        if (!(document instanceof Map<?, ?> top) || top.isEmpty()) {
            throw new ConfigException(source, "", "empty or invalid configuration (expected a map of settings)");
        }
        List<ConfigException.Problem> problems = new ArrayList<>();
        List<ServerConfig> servers = new ArrayList<>();
        if (top.containsKey("servers")) {
            for (Object key : top.keySet()) {
                if (!"servers".equals(key)) {
                    problems.add(new ConfigException.Problem(Preview.of(key),
                            "unknown top-level key (expected only 'servers')"));
                }
            }
            Object entries = top.get("servers");
            if (!(entries instanceof Map<?, ?> named) || named.isEmpty()) {
                problems.add(new ConfigException.Problem("servers", "must be a non-empty map of name to server settings"));
            } else {
                for (Map.Entry<?, ?> entry : named.entrySet()) {
                    String name = String.valueOf(entry.getKey());
                    String prefix = "servers." + Preview.of(name);
                    if (entry.getValue() instanceof Map<?, ?> server) {
                        readServer(name, prefix + ".", server, problems, deadline).ifPresent(servers::add);
                    } else {
                        problems.add(new ConfigException.Problem(prefix, "must be a map of server settings"));
                    }
                }
            }
        } else {
            Object transport = top.get("transport");
            String name = transport instanceof String t ? t : "server";
            readServer(name, "", top, problems, deadline).ifPresent(servers::add);
        }
        checkPorts(servers, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new ProtocolConfig(source, servers);
    }

    /**
     * Resolves a {@code handler_class} value: a Java class name ({@code com.example.EchoHandler})
     * or the original's {@code module:ClassName} form ({@code com.example:EchoHandler}).
     *
     * @throws IllegalArgumentException with a reason fit for a message
     */
    public Class<? extends BaseHandler> resolveHandler(String spec) {
        String trimmed = spec.trim();
        int colon = trimmed.indexOf(':');
        String className = colon < 0 ? trimmed
                : trimmed.substring(0, colon) + "." + trimmed.substring(colon + 1);
        if (trimmed.isEmpty() || (colon >= 0 && (colon == 0 || colon == trimmed.length() - 1
                || trimmed.indexOf(':', colon + 1) >= 0))) {
            throw new IllegalArgumentException("'" + Preview.of(spec) + "' is not a class name or 'package:ClassName'");
        }
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("handler class '" + Preview.of(className) + "' not found on the class path");
        }
        if (!BaseHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("'" + className + "' is not a handler (it must extend "
                    + BaseHandler.class.getName() + ")");
        }
        if (Modifier.isAbstract(type.getModifiers()) || type.isInterface()) {
            throw new IllegalArgumentException("handler class '" + className + "' is abstract");
        }
        return type.asSubclass(BaseHandler.class);
    }

    private Optional<ServerConfig> readServer(String name, String prefix, Map<?, ?> map,
                                              List<ConfigException.Problem> problems, Deadline deadline) {
        int before = problems.size();
        Map<String, Object> values = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!SERVER_KEYS.contains(key)) {
                problems.add(new ConfigException.Problem(prefix + Preview.of(key), "unknown key (known keys: "
                        + String.join(", ", new java.util.TreeSet<>(SERVER_KEYS)) + ")"));
            } else {
                values.put(key, entry.getValue());
            }
        }
        Fields fields = new Fields(prefix, values, problems);

        Transport transport = null;
        String transportName = fields.string("transport", null, true);
        if (transportName != null) {
            transport = Transport.fromName(transportName).orElse(null);
            if (transport == null) {
                problems.add(new ConfigException.Problem(prefix + "transport", "unknown transport '"
                        + Preview.of(transportName) + "' (expected telnet, tcp, websocket or ws_telnet)"));
            }
        }
        String handlerSpec = fields.string("handler_class", null, true);
        Class<? extends BaseHandler> handlerType = null;
        if (handlerSpec != null) {
            try {
                handlerType = resolveHandler(handlerSpec);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException.Problem(prefix + "handler_class", e.getMessage()));
            }
        }
        String host = fields.string("host", ServerConfig.DEFAULT_HOST, false);
        if (host.isBlank()) {
            problems.add(new ConfigException.Problem(prefix + "host", "must not be empty"));
        } else {
            BindHost.problem(host, deadline)
                    .ifPresent(reason -> problems.add(new ConfigException.Problem(prefix + "host", reason)));
        }
        Integer port = fields.integer("port", transport == null ? 0 : transport.defaultPort(), 0, 65535);
        Integer maxConnections = fields.integer("max_connections", ServerConfig.DEFAULT_MAX_CONNECTIONS, 0, Integer.MAX_VALUE);
        Duration connectionTimeout = fields.seconds("connection_timeout", ServerConfig.DEFAULT_CONNECTION_TIMEOUT);
        String welcome = fields.string("welcome_message", null, false);
        String wsPath = fields.path("ws_path", transport == null ? null : transport.defaultWsPath());
        List<String> origins = fields.stringList("allow_origins", List.of("*"));
        Boolean useSsl = fields.bool("use_ssl", false);
        String sslCert = emptyToNull(fields.string("ssl_cert", null, false));
        String sslKey = emptyToNull(fields.string("ssl_key", null, false));
        Duration pingInterval = fields.seconds("ping_interval", ServerConfig.DEFAULT_PING_INTERVAL);
        Duration pingTimeout = fields.seconds("ping_timeout", ServerConfig.DEFAULT_PING_TIMEOUT);
        Boolean monitoring = fields.bool("enable_monitoring", false);
        String monitorPath = fields.path("monitor_path", ServerConfig.DEFAULT_MONITOR_PATH);
        Integer maxLine = fields.integer("max_line_length", ServerConfig.DEFAULT_MAX_LINE_LENGTH, 1, MAX_LINE_LENGTH_LIMIT);
        TelnetKeepalive keepalive = ServerConfig.DEFAULT_KEEPALIVE;
        String keepaliveName = fields.string("keepalive", null, false);
        if (keepaliveName != null) {
            keepalive = TelnetKeepalive.fromName(keepaliveName).orElse(null);
            if (keepalive == null) {
                problems.add(new ConfigException.Problem(prefix + "keepalive", "unknown keepalive '"
                        + Preview.of(keepaliveName) + "' (expected nop, timing_mark or off)"));
            }
        }
        Duration keepaliveInterval = fields.seconds("keepalive_interval", ServerConfig.DEFAULT_KEEPALIVE_INTERVAL);
        Integer maxMessage = fields.integer("max_message_size", ServerConfig.DEFAULT_MAX_MESSAGE_SIZE, 1024, MAX_LINE_LENGTH_LIMIT);
        String monitorToken = emptyToNull(fields.string("monitor_token", null, false));
        Limits defaults = Limits.DEFAULTS;
        Limits limits = new Limits(
                fields.integer("max_connections_per_ip", defaults.maxConnectionsPerIp(), 0, Integer.MAX_VALUE),
                fields.integer("max_connection_rate_per_ip", defaults.maxConnectionRatePerIp(), 0, Integer.MAX_VALUE),
                fields.integer("max_output_buffer", defaults.maxOutputBuffer(), 64 * 1024, Integer.MAX_VALUE),
                fields.integer("max_subnegotiation_length", defaults.maxSubnegotiationLength(), 16, 65536),
                fields.seconds("drain_timeout", defaults.drainTimeout()),
                fields.seconds("write_timeout", defaults.writeTimeout()),
                fields.integer("handler_threads", defaults.handlerThreads(), 1, 10_000),
                fields.positiveSeconds("tls_handshake_timeout", defaults.tlsHandshakeTimeout()),
                fields.integer("max_pending_connections", defaults.maxPendingConnections(), 0, Integer.MAX_VALUE),
                fields.seconds("request_header_timeout", defaults.requestHeaderTimeout()));
        Observability observability = new Observability(
                fields.bool("enable_metrics", false), fields.path("metrics_path", Observability.OFF.metricsPath()),
                fields.bool("enable_health", false), fields.path("health_path", Observability.OFF.healthPath()));
        Boolean proxyProtocol = fields.bool("proxy_protocol", false);
        List<String> trustedProxies = fields.stringList("trusted_proxies", List.of());
        if (Boolean.TRUE.equals(proxyProtocol) && transport != null && transport.isWebSocket()) {
            problems.add(new ConfigException.Problem(prefix + "proxy_protocol",
                    "only for tcp and telnet; WebSocket entries use trusted_proxies and X-Forwarded-For"));
        }

        if (Boolean.TRUE.equals(useSsl)) {
            if (sslCert == null) {
                problems.add(new ConfigException.Problem(prefix + "ssl_cert", "required when use_ssl is true"));
            }
            if (sslKey == null) {
                problems.add(new ConfigException.Problem(prefix + "ssl_key", "required when use_ssl is true"));
            }
            if (sslCert != null && sslKey != null) {
                TlsFiles.check(prefix, sslCert, sslKey, problems);
            }
        }
        if (!Boolean.TRUE.equals(useSsl) && values.containsKey("tls_handshake_timeout")) {
            LOG.warn("{}tls_handshake_timeout has no effect without use_ssl", prefix);
        }
        if (transport != null && !transport.isWebSocket()) {
            for (String key : WEBSOCKET_ONLY_KEYS) {
                if (values.containsKey(key)) {
                    LOG.warn("{}{} has no effect on the {} transport", prefix, key, transport);
                }
            }
        }
        if (transport != null && !transport.speaksTelnet()) {
            for (String key : TELNET_ONLY_KEYS) {
                if (values.containsKey(key)) {
                    LOG.warn("{}{} has no effect on the {} transport", prefix, key, transport);
                }
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        String path = transport.isWebSocket() ? wsPath : null;
        if (transport.isWebSocket() && Boolean.TRUE.equals(monitoring) && monitorPath.equals(path)) {
            problems.add(new ConfigException.Problem(prefix + "monitor_path", "must differ from ws_path (" + path + ")"));
            return Optional.empty();
        }
        return Optional.of(new ServerConfig(name, host, port, transport, handlerType.getName(), handlerType,
                maxConnections, connectionTimeout, welcome, path, origins, useSsl, sslCert, sslKey,
                pingInterval, pingTimeout, monitoring, monitorPath, maxLine, keepalive, keepaliveInterval, maxMessage, monitorToken, limits, proxyProtocol, trustedProxies, observability));
    }

    private static void checkPorts(List<ServerConfig> servers, List<ConfigException.Problem> problems) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (ServerConfig server : servers) {
            if (server.port() == 0) {
                continue;
            }
            String previous = seen.putIfAbsent(server.port(), server.name());
            if (previous != null) {
                problems.add(new ConfigException.Problem("servers." + Preview.of(server.name()) + ".port",
                        "port " + server.port() + " is already used by server '" + previous + "'"));
            }
        }
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ConfigLoader.class.getClassLoader();
    }

    /** Typed reads of one server map, recording a problem for each wrong value. */
    private record Fields(String prefix, Map<String, Object> values, List<ConfigException.Problem> problems) {

        private void problem(String key, String reason) {
            problems.add(new ConfigException.Problem(prefix + key, reason));
        }

        String string(String key, String fallback, boolean required) {
            if (!values.containsKey(key) || values.get(key) == null) {
                if (required) {
                    problem(key, "required");
                }
                return fallback;
            }
            Object value = values.get(key);
            if (value instanceof String s) {
                return s;
            }
            problem(key, "must be a string, got " + describe(value));
            return fallback;
        }

        String path(String key, String fallback) {
            String value = string(key, fallback, false);
            if (value == null) {
                return null;
            }
            if (value.isBlank() || value.contains("?") || value.contains(" ")) {
                problem(key, "must be a URL path such as /ws, got '" + value + "'");
                return fallback;
            }
            return value.startsWith("/") ? value : "/" + value;
        }

        Integer integer(String key, int fallback, int min, int max) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (!(value instanceof Integer number)) {
                problem(key, "must be an integer, got " + describe(value));
                return fallback;
            }
            if (number < min || number > max) {
                problem(key, "must be between " + min + " and " + max + ", got " + number);
                return fallback;
            }
            return number;
        }

        Duration seconds(String key, Duration fallback) {
            if (!values.containsKey(key)) {
                return fallback;
            }
            Object value = values.get(key);
            if (value == null) {
                return Duration.ZERO; // the original's "null = none"
            }
            if (!(value instanceof Number number) || value instanceof java.math.BigInteger) {
                problem(key, "must be a number of seconds, got " + describe(value));
                return fallback;
            }
            double secondsValue = number.doubleValue();
            if (Double.isNaN(secondsValue) || secondsValue < 0 || secondsValue > 31_536_000) {
                problem(key, "must be between 0 and 31536000 seconds, got " + number);
                return fallback;
            }
            return Duration.ofMillis(Math.round(secondsValue * 1000));
        }

        /** Seconds for a deadline that must always apply: zero or null (which elsewhere means "none") is refused. */
        Duration positiveSeconds(String key, Duration fallback) {
            Duration value = seconds(key, fallback);
            if (value.isZero()) {
                problem(key, "must be more than 0 seconds, got " + values.get(key));
                return fallback;
            }
            return value;
        }

        Boolean bool(String key, boolean fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof Boolean b) {
                return b;
            }
            problem(key, "must be true or false, got " + describe(value));
            return fallback;
        }

        List<String> stringList(String key, List<String> fallback) {
            Object value = values.get(key);
            if (value == null) {
                return fallback;
            }
            if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
                return list.stream().map(String.class::cast).toList();
            }
            problem(key, "must be a list of strings, got " + describe(value));
            return fallback;
        }

        private static String describe(Object value) {
            String kind = value instanceof String ? "string" : value instanceof Boolean ? "boolean"
                    : value instanceof Number ? "number" : value instanceof List ? "list"
                    : value instanceof Map ? "map" : value.getClass().getSimpleName();
            return kind + " '" + Preview.of(value) + "'";
        }
    }
}
