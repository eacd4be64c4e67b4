package io.chuk.protocol.config;

import io.chuk.protocol.config.testhandlers.GoodHandler;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The top-level {@code cluster:} section: read beside either form, checked key by key, documented. */
class ClusterConfigTest {

    private static final String SOURCE = "cluster.yaml";
    private static final String SERVER = "transport: tcp\nport: 0\nhandler_class: " + GoodHandler.class.getName() + "\n";
    private static final String TABLE_HEADER = "| `cluster:` key | default | meaning |";

    private final ConfigLoader loader = new ConfigLoader(ClusterConfigTest.class.getClassLoader());

    private ProtocolConfig parse(String yaml) throws ConfigException {
        return loader.parse(yaml, SOURCE);
    }

    private static String servers() {
        return "servers:\n  chat:\n" + SERVER.lines().map(l -> "    " + l).collect(Collectors.joining("\n")) + "\n";
    }

    private ConfigException.Problem onlyProblem(String yaml) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains(SOURCE + ": " + e.problems().get(0).key() + ": "), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void withoutTheSectionThereIsNoCluster() throws Exception {
        assertTrue(parse(servers()).cluster().isEmpty());
        assertTrue(parse(SERVER).cluster().isEmpty());
    }

    @Test
    void everyKeyIsReadBesideServers() throws Exception {
        ClusterConfig cluster = parse(servers() + "cluster:\n  redis_uri: redis://10.0.0.5:6380/2\n  node_name: a-1\n"
                + "  key_prefix: 'app:'\n  heartbeat_interval: 0.5\n  node_timeout: 1.5\n").cluster().orElseThrow();
        assertEquals(new ClusterConfig("redis://10.0.0.5:6380/2", "a-1", "app:", Duration.ofMillis(500),
                Duration.ofMillis(1500)), cluster);
    }

    @Test
    void defaultsApplyAndTheSingleServerFormAllowsTheSection() throws Exception {
        ProtocolConfig config = parse(SERVER + "cluster:\n  redis_uri: redis://127.0.0.1:6379\n");
        assertEquals(1, config.servers().size());
        ClusterConfig cluster = config.cluster().orElseThrow();
        assertEquals("chuk:", cluster.keyPrefix());
        assertEquals(Duration.ofSeconds(2), cluster.heartbeatInterval());
        assertEquals(Duration.ofSeconds(6), cluster.nodeTimeout());
        assertTrue(cluster.nodeName().endsWith("-" + ProcessHandle.current().pid()), cluster.nodeName());
    }

    @Test
    void aMissingUriIsRequired() {
        ConfigException.Problem problem = onlyProblem(servers() + "cluster:\n  node_name: a\n");
        assertEquals("cluster.redis_uri", problem.key());
        assertEquals("required", problem.reason());
    }

    @Test
    void aUriOfAnotherSchemeIsRefusedWithoutEchoingIt() {
        ConfigException.Problem problem = onlyProblem(servers() + "cluster:\n  redis_uri: http://user:secret@h:1\n");
        assertEquals("cluster.redis_uri", problem.key());
        assertTrue(problem.reason().contains("redis://"), problem.reason());
        assertFalse(problem.reason().contains("secret"), problem.reason());
    }

    @Test
    void unknownKeysWrongTypesAndBadNamesAreEachReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(servers()
                + "cluster:\n  redis_uri: redis://h\n  nodes: 3\n  heartbeat_interval: fast\n  node_name: 'a b'\n"));
        assertEquals(List.of("cluster.nodes", "cluster.heartbeat_interval", "cluster.node_name"),
                e.problems().stream().map(ConfigException.Problem::key).toList(), e.getMessage());
    }

    @Test
    void theTimeoutMustCoverThreeHeartbeats() {
        ConfigException.Problem problem = onlyProblem(servers()
                + "cluster:\n  redis_uri: redis://h\n  heartbeat_interval: 2\n  node_timeout: 5\n");
        assertEquals("cluster.node_timeout", problem.key());
        assertTrue(problem.reason().contains("at least 3 x heartbeat_interval"), problem.reason());
    }

    @Test
    void theSectionMustBeAMap() {
        ConfigException.Problem problem = onlyProblem(servers() + "cluster: redis://h\n");
        assertEquals("cluster", problem.key());
    }

    @Test
    void otherTopLevelKeysBesideServersAreStillRefused() {
        ConfigException.Problem problem = onlyProblem(servers() + "clustr:\n  redis_uri: redis://h\n");
        assertEquals("clustr", problem.key());
    }

    @Test
    void theReadmeClusterTableListsExactlyTheDeclaredKeys() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int start = lines.indexOf(TABLE_HEADER);
        assertTrue(start >= 0, "README has the table '" + TABLE_HEADER + "'");
        TreeSet<String> documented = new TreeSet<>();
        Pattern name = Pattern.compile("`([a-z_]+)`");
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            Matcher matcher = name.matcher(lines.get(i).split("\\|")[1]);
            while (matcher.find()) {
                documented.add(matcher.group(1));
            }
        }
        assertEquals(ClusterKeys.ALL_KEYS.stream().map(ConfigKey::name).collect(Collectors.toCollection(TreeSet::new)),
                documented);
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isRegularFile(dir.resolve("protocol-core/pom.xml"))) {
                return dir.resolve("README.md");
            }
        }
        throw new AssertionError("no README.md above " + Path.of("").toAbsolutePath());
    }
}
