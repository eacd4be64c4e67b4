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
import java.util.TreeSet;
import java.util.stream.Collectors;

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

    /** The YAML names of every server key, for messages listing them. */
    static final Set<String> SERVER_KEYS = ServerKeys.ALL_KEYS.stream().map(ConfigKey::name)
            .collect(Collectors.toUnmodifiableSet());

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
        Optional<ClusterConfig> cluster = top.containsKey(ClusterKeys.SECTION)
                ? ClusterKeys.read(top.get(ClusterKeys.SECTION), problems) : Optional.empty();
        if (top.containsKey("servers")) {
            for (Object key : top.keySet()) {
                if (!"servers".equals(key) && !ClusterKeys.SECTION.equals(key)) {
                    problems.add(new ConfigException.Problem(Preview.of(key),
                            "unknown top-level key (expected only 'servers' and 'cluster')"));
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
            Map<Object, Object> server = new LinkedHashMap<>(top);
            server.remove(ClusterKeys.SECTION); // beside the single server's keys, not one of them
            Object transport = server.get("transport");
            String name = transport instanceof String t ? t : "server";
            readServer(name, "", server, problems, deadline).ifPresent(servers::add);
        }
        checkPorts(servers, problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new ProtocolConfig(source, servers, cluster);
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
        Map<String, Object> given = new HashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (ServerKeys.byName(key).isEmpty()) {
                problems.add(new ConfigException.Problem(prefix + Preview.of(key), "unknown key (known keys: "
                        + String.join(", ", new TreeSet<>(SERVER_KEYS)) + ")"));
            } else {
                given.put(key, entry.getValue());
            }
        }
        Transport transport = ServerKeys.TRANSPORT.read(given, null,
                reason -> problems.add(new ConfigException.Problem(prefix + ServerKeys.TRANSPORT.name(), reason)));
        ServerConfig.Builder entry = ServerConfig.builder(name, transport);
        for (ConfigKey<?> key : ServerKeys.ALL_KEYS) {
            if (key != ServerKeys.TRANSPORT) {
                readInto(entry, key, given, transport, prefix, problems);
            }
        }

        String handlerSpec = entry.get(ServerKeys.HANDLER_CLASS);
        if (handlerSpec != null) {
            try {
                entry.handlerType(resolveHandler(handlerSpec));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigException.Problem(prefix + ServerKeys.HANDLER_CLASS.name(), e.getMessage()));
            }
        }
        BindHost.problem(entry.get(ServerKeys.HOST), deadline).ifPresent(reason ->
                problems.add(new ConfigException.Problem(prefix + ServerKeys.HOST.name(), reason)));
        checkTls(prefix, entry, given, problems);
        RecordingDirectory.problem(entry.get(ServerKeys.RECORD_SESSIONS)).ifPresent(reason ->
                problems.add(new ConfigException.Problem(prefix + ServerKeys.RECORD_SESSIONS.name(), reason)));
        if (transport != null) {
            checkScopes(prefix, entry, given, transport, problems);
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        if (!transport.isWebSocket()) {
            entry.set(ServerKeys.WS_PATH, null);
        }
        String path = entry.get(ServerKeys.WS_PATH);
        if (transport.isWebSocket() && entry.get(ServerKeys.ENABLE_MONITORING)
                && entry.get(ServerKeys.MONITOR_PATH).equals(path)) {
            problems.add(new ConfigException.Problem(prefix + ServerKeys.MONITOR_PATH.name(),
                    "must differ from ws_path (" + path + ")"));
            return Optional.empty();
        }
        String dashboard = entry.get(ServerKeys.DASHBOARD_PATH);
        if (transport.isWebSocket() && entry.get(ServerKeys.ENABLE_MONITORING)
                && (dashboard.equals(path) || dashboard.equals(entry.get(ServerKeys.MONITOR_PATH)))) {
            problems.add(new ConfigException.Problem(prefix + ServerKeys.DASHBOARD_PATH.name(),
                    "must differ from ws_path and monitor_path (" + dashboard + ")"));
            return Optional.empty();
        }
        if (transport.isWebSocket() && entry.get(ServerKeys.WEB_TERMINAL) && path.equals("/")) {
            problems.add(new ConfigException.Problem(prefix + ServerKeys.WEB_TERMINAL.name(),
                    "needs ws_path other than / (the page is served at /)"));
            return Optional.empty();
        }
        if (transport.isWebSocket() && !httpPathsDiffer(entry, prefix, problems)) {
            return Optional.empty();
        }
        return Optional.of(entry.build());
    }

    /** Every HTTP path one WebSocket entry serves is served once: a clash is reported under the later key. */
    private static boolean httpPathsDiffer(ServerConfig.Builder entry, String prefix, List<ConfigException.Problem> problems) {
        Map<String, String> served = new LinkedHashMap<>();
        served.put(entry.get(ServerKeys.WS_PATH), ServerKeys.WS_PATH.name());
        if (entry.get(ServerKeys.WEB_TERMINAL)) {
            served.put("/", ServerKeys.WEB_TERMINAL.name());
        }
        if (entry.get(ServerKeys.ENABLE_MONITORING)) {
            served.putIfAbsent(entry.get(ServerKeys.MONITOR_PATH), ServerKeys.MONITOR_PATH.name());
        }
        List<Map.Entry<ConfigKey<String>, String>> more = new ArrayList<>();
        if (entry.get(ServerKeys.ENABLE_METRICS)) {
            more.add(Map.entry(ServerKeys.METRICS_PATH, entry.get(ServerKeys.METRICS_PATH)));
        }
        if (entry.get(ServerKeys.ENABLE_HEALTH)) {
            String health = entry.get(ServerKeys.HEALTH_PATH);
            more.add(Map.entry(ServerKeys.HEALTH_PATH, health));
            more.add(Map.entry(ServerKeys.HEALTH_PATH, health + "/live"));
            more.add(Map.entry(ServerKeys.HEALTH_PATH, health + "/ready"));
        }
        for (Map.Entry<ConfigKey<String>, String> path : more) {
            String owner = served.putIfAbsent(path.getValue(), path.getKey().name());
            if (owner != null) {
                problems.add(new ConfigException.Problem(prefix + path.getKey().name(),
                        "path " + path.getValue() + " is already served by " + owner));
                return false;
            }
        }
        return true;
    }

    private static <T> void readInto(ServerConfig.Builder entry, ConfigKey<T> key, Map<String, Object> given,
                                     Transport transport, String prefix, List<ConfigException.Problem> problems) {
        entry.set(key, key.read(given, transport,
                reason -> problems.add(new ConfigException.Problem(prefix + key.name(), reason))));
    }

    private static void checkTls(String prefix, ServerConfig.Builder entry, Map<String, Object> given,
                                 List<ConfigException.Problem> problems) {
        String sslCert = entry.get(ServerKeys.SSL_CERT);
        String sslKey = entry.get(ServerKeys.SSL_KEY);
        if (entry.get(ServerKeys.USE_SSL)) {
            if (sslCert == null) {
                problems.add(new ConfigException.Problem(prefix + "ssl_cert", "required when use_ssl is true"));
            }
            if (sslKey == null) {
                problems.add(new ConfigException.Problem(prefix + "ssl_key", "required when use_ssl is true"));
            }
            if (sslCert != null && sslKey != null) {
                TlsFiles.check(prefix, sslCert, sslKey, problems);
            }
        } else if (given.containsKey(ServerKeys.TLS_HANDSHAKE_TIMEOUT.name())) {
            LOG.warn("{}tls_handshake_timeout has no effect without use_ssl", prefix);
        }
    }

    /**
     * Keys given for a transport they do not apply to are ignored with a warning. Raw-only keys are
     * the exception: {@code proxy_protocol: true} on a WebSocket entry is refused, because a
     * WebSocket client's address comes from {@code trusted_proxies} instead, and {@code false} is harmless.
     */
    private static void checkScopes(String prefix, ServerConfig.Builder entry, Map<String, Object> given,
                                    Transport transport, List<ConfigException.Problem> problems) {
        if (entry.get(ServerKeys.PROXY_PROTOCOL) && !ServerKeys.PROXY_PROTOCOL.scope().appliesTo(transport)) {
            problems.add(new ConfigException.Problem(prefix + ServerKeys.PROXY_PROTOCOL.name(),
                    "only for tcp and telnet; WebSocket entries use trusted_proxies and X-Forwarded-For"));
        }
        for (ConfigKey<?> key : ServerKeys.ALL_KEYS) {
            if (key.scope() != ConfigKey.Scope.RAW_ONLY && given.containsKey(key.name())
                    && !key.scope().appliesTo(transport)) {
                LOG.warn("{}{} has no effect on the {} transport", prefix, key.name(), transport);
            }
        }
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

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ConfigLoader.class.getClassLoader();
    }
}
