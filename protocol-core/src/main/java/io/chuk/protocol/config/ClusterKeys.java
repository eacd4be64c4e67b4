package io.chuk.protocol.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static io.chuk.protocol.config.ConfigKey.Scope.ALL;
import static io.chuk.protocol.config.ConfigKey.optional;
import static io.chuk.protocol.config.ConfigKey.required;
import static io.chuk.protocol.config.ValueType.nonBlankString;
import static io.chuk.protocol.config.ValueType.optionalString;
import static io.chuk.protocol.config.ValueType.positiveSeconds;
import static io.chuk.protocol.config.ValueType.string;

/**
 * Every key of the top-level {@code cluster:} section, each declared once, and how the section is
 * read into a {@link ClusterConfig}.
 */
public final class ClusterKeys {

    /** The name of the top-level section. */
    public static final String SECTION = "cluster";
    /** How many heartbeats a node may miss before it is dropped, at least. */
    static final int MIN_BEATS_PER_TIMEOUT = 3;

    public static final ConfigKey<String> REDIS_URI = required("redis_uri", string(),
            "the Redis server, redis://[:password@]host[:port][/db] or rediss:// for TLS");
    public static final ConfigKey<String> NODE_NAME = optional("node_name", optionalString(), null, ALL,
            "this process's name in the cluster, default host name and pid");
    public static final ConfigKey<String> KEY_PREFIX = optional("key_prefix", nonBlankString(), "chuk:", ALL,
            "prefix of every Redis key and channel");
    public static final ConfigKey<Duration> HEARTBEAT_INTERVAL = optional("heartbeat_interval", positiveSeconds(),
            Duration.ofSeconds(2), ALL, "seconds between a node's republishing of its sessions");
    public static final ConfigKey<Duration> NODE_TIMEOUT = optional("node_timeout", positiveSeconds(),
            Duration.ofSeconds(6), ALL, "seconds after which a silent node and its sessions are dropped");

    public static final List<ConfigKey<?>> ALL_KEYS = List.of(REDIS_URI, NODE_NAME, KEY_PREFIX, HEARTBEAT_INTERVAL,
            NODE_TIMEOUT);

    private ClusterKeys() {
    }

    /** Reads the section; each refusal goes to {@code problems} under {@code cluster.KEY}. */
    static Optional<ClusterConfig> read(Object section, List<ConfigException.Problem> problems) {
        if (!(section instanceof Map<?, ?> map)) {
            problems.add(new ConfigException.Problem(SECTION, "must be a map with at least redis_uri"));
            return Optional.empty();
        }
        int before = problems.size();
        for (Object key : map.keySet()) {
            if (ALL_KEYS.stream().noneMatch(k -> k.name().equals(key))) {
                problems.add(new ConfigException.Problem(SECTION + "." + Preview.of(key), "unknown key (known keys: "
                        + String.join(", ", ALL_KEYS.stream().map(ConfigKey::name).sorted().toList()) + ")"));
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> given = (Map<String, ?>) map;
        String uri = read(REDIS_URI, given, problems);
        String node = read(NODE_NAME, given, problems);
        String prefix = read(KEY_PREFIX, given, problems);
        Duration interval = read(HEARTBEAT_INTERVAL, given, problems);
        Duration timeout = read(NODE_TIMEOUT, given, problems);
        if (uri != null) {
            uriProblem(uri).ifPresent(reason -> problems.add(problem(REDIS_URI, reason)));
        }
        if (node != null && !node.matches("[A-Za-z0-9._@-]{1,64}")) {
            problems.add(problem(NODE_NAME, "must be 1 to 64 letters, digits, '.', '_', '@' or '-'"));
        }
        if (timeout.compareTo(interval.multipliedBy(MIN_BEATS_PER_TIMEOUT)) < 0) {
            problems.add(problem(NODE_TIMEOUT, "must be at least " + MIN_BEATS_PER_TIMEOUT
                    + " x heartbeat_interval (" + interval.toMillis() / 1000.0 + " s)"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new ClusterConfig(uri, node != null ? node : defaultNodeName(), prefix, interval, timeout));
    }

    private static <T> T read(ConfigKey<T> key, Map<String, ?> given, List<ConfigException.Problem> problems) {
        Consumer<String> refused = reason -> problems.add(problem(key, reason));
        return key.read(given, null, refused);
    }

    private static ConfigException.Problem problem(ConfigKey<?> key, String reason) {
        return new ConfigException.Problem(SECTION + "." + key.name(), reason);
    }

    private static Optional<String> uriProblem(String uri) {
        try {
            URI parsed = new URI(uri.trim());
            String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("redis") && !scheme.equals("rediss")) {
                return Optional.of("must start with redis:// or rediss://"); // never echoed: it may hold a password
            }
            if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
                return Optional.of("has no host");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a URI: " + e.getReason());
        }
    }

    /** Host name and process id: unique per process on a network, and readable in logs. */
    static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        String cleaned = host.replaceAll("[^A-Za-z0-9._-]", "-");
        String name = cleaned + "-" + ProcessHandle.current().pid();
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }
}
