package io.chuk.protocol.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chuk.protocol.testsupport.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three launcher processes (nodes A, B, C) running the chat sample on tcp, joined through a real
 * {@code redis-server}: one chat across the nodes, a monitor on A listing and watching a session on
 * C, a node killed with SIGKILL, Redis stopped and started again. The phases run in order on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final double HEARTBEAT = 1;
    private static final double NODE_TIMEOUT = 3;
    /** Slack for a /who round trip and a loaded machine, on top of the node timeout. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(15);
    /** Monitor messages a test skips at most while looking for one. */
    private static final int MAX_EVENTS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private RedisServer redis;
    private ClusterNodeProcess a;
    private ClusterNodeProcess b;
    private ClusterNodeProcess c;
    private ChatUser alice;
    private ChatUser dave;
    private ChatUser bob;
    private ChatUser carol;
    private final List<AutoCloseable> open = new ArrayList<>();
    /** How much of node A's log was written before Redis stopped. */
    private int logBeforeOutage;

    @BeforeAll
    void startCluster(@TempDir Path configs) throws Exception {
        dir = configs;
        redis = track(new RedisServer());
        a = track(node("a"));
        b = track(node("b"));
        c = track(node("c"));
        for (ClusterNodeProcess node : List.of(a, b, c)) {
            node.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"UP\"}");
        }
        alice = track(ChatUser.login(a.chatPort, "alice"));
        dave = track(ChatUser.login(a.chatPort, "dave"));
        bob = track(ChatUser.login(b.chatPort, "bob"));
        carol = track(ChatUser.login(c.chatPort, "carol"));
    }

    private ClusterNodeProcess node(String name) throws Exception {
        return ClusterNodeProcess.start(dir, name, ClusterNodeProcess.clusterSection(redis, name, HEARTBEAT, NODE_TIMEOUT),
                false);
    }

    private <T extends AutoCloseable> T track(T resource) {
        open.add(0, resource);
        return resource;
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (AutoCloseable resource : open) {
            resource.close();
        }
    }

    @Test
    @Order(1)
    void aUserOnOneNodeSeesEveryNodesUsersInWho() throws Exception {
        alice.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave", "bob", "carol")), WITHIN, "everyone of A, B and C");
        carol.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave", "bob", "carol")), WITHIN, "everyone seen from C");
    }

    @Test
    @Order(2)
    void chatFromNodeBReachesTheRoomOnNodesAAndC() throws Exception {
        bob.say("hello from B");
        alice.await("<bob> hello from B");
        dave.await("<bob> hello from B");
        carol.await("<bob> hello from B");
    }

    @Test
    @Order(3)
    void aWhisperCrossesNodes() throws Exception {
        alice.say("/msg carol psst from A");
        alice.await("-> carol: psst from A");
        carol.await("*alice* psst from A");
        carol.say("/msg bob and from C");
        bob.await("*carol* and from C");
    }

    @Test
    @Order(4)
    void aMonitorOnAListsAndWatchesASessionOnC() throws Exception {
        try (ChatUser erin = ChatUser.login(c.chatPort, "erin"); WsClient viewer = WsClient.connect(a.monitorUri())) {
            nextOfType(viewer, "active_sessions");
            alice.whoUntil(nicks -> nicks.contains("erin"), WITHIN, "erin on C known to A");

            viewer.send("{\"type\": \"list_sessions\"}");
            JsonNode list = nextOfType(viewer, "active_sessions");
            assertEquals("UP", list.path("cluster").textValue(), list.toString());
            assertEquals("a", sessionOf(list, "alice").path("node").textValue(), "a local session names its node");
            JsonNode listed = sessionOf(list, "erin");
            assertEquals("c", listed.path("node").textValue(), listed.toString());
            assertEquals("tcp", listed.path("transport").textValue());
            assertEquals("chat", listed.path("server").textValue());
            assertEquals("127.0.0.1", listed.path("client").path("remote_addr").path(0).textValue());
            String id = listed.path("id").textValue();
            viewer.send("{\"type\": \"get_session\", \"session_id\": \"" + id + "\"}");
            JsonNode updated = nextOfType(viewer, "session_updated").path("session");
            assertEquals(id, updated.path("id").textValue());
            assertEquals("c", updated.path("node").textValue());

            watch(viewer, id);
            erin.say("/watched");
            assertEquals("/watched\n", traffic(viewer, "client_input", id, "/watched"));
            assertTrue(traffic(viewer, "server_message", id, "Unknown command /watched.").startsWith("Unknown command"));

            viewer.send("{\"type\": \"inject_input\", \"session_id\": \"" + id + "\", \"text\": \"/injected\\n\"}");
            JsonNode result = nextOfType(viewer, "admin_result");
            assertEquals("ok", result.path("status").textValue(), result.toString());
            erin.await("Unknown command /injected.");
            traffic(viewer, "server_message", id, "Unknown command /injected.");

            viewer.send("{\"type\": \"stop_watching\", \"session_id\": \"" + id + "\"}");
            assertEquals("stopped", nextOfType(viewer, "watch_response").path("status").textValue());
            c.process.awaitLine("Remote watch of session " + id + " ended: node 'a' stopped watching");
            erin.say("/unwatched");
            erin.await("Unknown command /unwatched.");
            watch(viewer, id);
            erin.say("/rewatched");
            List<String> seen = new ArrayList<>();
            traffic(viewer, "server_message", id, "Unknown command /rewatched.", seen);
            assertTrue(seen.stream().noneMatch(text -> text.contains("/unwatched")),
                    "traffic of C's session while nobody watched it reached the viewer: " + seen);

            erin.close();
            JsonNode ended = nextOfType(viewer, "session_ended").path("session");
            assertEquals(id, ended.path("id").textValue());
            assertEquals("disconnected", ended.path("status").textValue());
            assertEquals("c", ended.path("node").textValue());
            c.process.awaitLine("Remote watch of session " + id + " ended: the session ended");
            viewer.send("{\"type\": \"stop_watching\", \"session_id\": \"" + id + "\"}");
            assertEquals("error", nextOfType(viewer, "watch_response").path("status").textValue(), "the watch is over");
        }
    }

    /** Watches a session and waits until its node has tapped it, so what it says next is relayed. */
    private void watch(WsClient viewer, String id) throws Exception {
        viewer.send("{\"type\": \"watch_session\", \"session_id\": \"" + id + "\"}");
        JsonNode response = nextOfType(viewer, "watch_response");
        assertEquals("success", response.path("status").textValue(), response.toString());
        c.process.awaitLine("Node 'a' watches session " + id + " of this node");
    }

    private static String traffic(WsClient viewer, String type, String id, String containing) throws Exception {
        return traffic(viewer, type, id, containing, new ArrayList<>());
    }

    /** Skips to the watched session's {@code type} event whose text contains {@code containing}; collects every text on the way. */
    private static String traffic(WsClient viewer, String type, String id, String containing, List<String> seen)
            throws Exception {
        for (int i = 0; i < MAX_EVENTS; i++) {
            JsonNode event = nextOfType(viewer, type);
            String text = event.path("data").path("text").textValue();
            assertEquals(id, event.path("session_id").textValue(), event.toString());
            seen.add(text);
            if (text.contains(containing)) {
                return text;
            }
        }
        throw new AssertionError("no " + type + " with '" + containing + "' in " + MAX_EVENTS + " events: " + seen);
    }

    /** The next monitor message of {@code type}, skipping others (at most {@link #MAX_EVENTS}). */
    private static JsonNode nextOfType(WsClient viewer, String type) throws Exception {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < MAX_EVENTS; i++) {
            String event = viewer.next();
            assertTrue(event.startsWith("TEXT "), event);
            JsonNode message = JSON.readTree(event.substring("TEXT ".length()));
            if (type.equals(message.path("type").textValue())) {
                return message;
            }
            skipped.add(event);
        }
        throw new AssertionError("no " + type + " in " + MAX_EVENTS + " events: " + skipped);
    }

    private static JsonNode sessionOf(JsonNode activeSessions, String nick) {
        for (JsonNode session : activeSessions.path("sessions")) {
            if (nick.equals(session.path("attributes").path("nick").textValue())) {
                return session;
            }
        }
        throw new AssertionError(nick + " not in " + activeSessions);
    }

    @Test
    @Order(5)
    void aKilledNodesUsersVanishWithinTheNodeTimeout() throws Exception {
        long killed = System.nanoTime();
        c.process.kill();
        Duration bound = Duration.ofMillis((long) (NODE_TIMEOUT * 1000)).plus(SLACK);
        // Each node drops C at its own reload after C's hash expired: both within the node timeout.
        for (ChatUser user : List.of(alice, bob)) {
            user.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave", "bob")), WITHIN, "carol gone with node C");
            Duration gone = Duration.ofNanos(System.nanoTime() - killed);
            assertTrue(gone.compareTo(bound) <= 0, "carol vanished for " + user.nick + " after " + gone.toMillis()
                    + " ms, bound " + bound.toMillis() + " ms");
        }
    }

    @Test
    @Order(6)
    void withRedisDownEveryNodeServesItsOwnSessionsAndSaysDegraded() throws Exception {
        logBeforeOutage = a.process.output().length();
        redis.stop();
        a.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}");
        b.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}");
        assertEquals("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}", a.health("/health/ready"));
        alice.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave")), WITHIN, "only A's own users");
        try (WsClient viewer = WsClient.connect(a.monitorUri())) {
            JsonNode list = nextOfType(viewer, "active_sessions");
            assertEquals("DEGRADED", list.path("cluster").textValue(), list.toString());
            assertEquals(Set.of("alice", "dave"), nicks(list), "the monitor falls back to A's own sessions");
        }
        alice.say("still here on A");
        dave.await("<alice> still here on A");
        assertEquals(Set.of("bob"), bob.who(), "B serves its own session");
        bob.say("/me waves alone");
        bob.await("* bob waves alone");
    }

    @Test
    @Order(7)
    void whenRedisIsBackTheNodesRejoinByThemselves() throws Exception {
        redis.start();
        a.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"UP\"}");
        b.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"UP\"}");
        alice.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave", "bob")), WITHIN, "B's users again");
        bob.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave", "bob")), WITHIN, "A's users again");
        alice.say("/msg bob back together");
        bob.await("*alice* back together");
        bob.say("hello again");
        dave.await("<bob> hello again");
        String log = a.process.output().substring(logBeforeOutage);
        assertEquals(1, count(log, "Cluster degraded"), "one warning for the outage:\n" + log);
        assertEquals(1, count(log, "rejoined"), log);
        assertEquals(1, count(log, "Monitor session lists hold only the sessions of node 'a'"), log);
    }

    private static Set<String> nicks(JsonNode activeSessions) {
        Set<String> nicks = new java.util.TreeSet<>();
        activeSessions.path("sessions").forEach(session -> nicks.add(session.path("attributes").path("nick").textValue()));
        return nicks;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
