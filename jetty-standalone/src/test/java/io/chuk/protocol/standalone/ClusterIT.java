package io.chuk.protocol.standalone;

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
 * {@code redis-server}: one chat across the nodes, a node killed with SIGKILL, Redis stopped and
 * started again. The phases run in order on the same cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final double HEARTBEAT = 1;
    private static final double NODE_TIMEOUT = 3;
    /** Slack for a /who round trip and a loaded machine, on top of the node timeout. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    private static final Duration WITHIN = Duration.ofSeconds(15);

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
    @Order(5)
    void withRedisDownEveryNodeServesItsOwnSessionsAndSaysDegraded() throws Exception {
        logBeforeOutage = a.process.output().length();
        redis.stop();
        a.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}");
        b.awaitHealth("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}");
        assertEquals("200 {\"status\": \"UP\", \"cluster\": \"DEGRADED\"}", a.health("/health/ready"));
        alice.whoUntil(nicks -> nicks.equals(Set.of("alice", "dave")), WITHIN, "only A's own users");
        alice.say("still here on A");
        dave.await("<alice> still here on A");
        assertEquals(Set.of("bob"), bob.who(), "B serves its own session");
        bob.say("/me waves alone");
        bob.await("* bob waves alone");
    }

    @Test
    @Order(6)
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
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
