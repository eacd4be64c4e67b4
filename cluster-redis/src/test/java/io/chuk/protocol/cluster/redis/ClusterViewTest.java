package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The other nodes' sessions in memory: events, reloads, and which of the two wins. */
class ClusterViewTest {

    private static final Map<String, NodeMeta> NODES_B_C = Map.of(
            "b", new NodeMeta(Instant.EPOCH, List.of("chat")), "c", new NodeMeta(Instant.EPOCH, List.of("ws")));

    private final ClusterView view = new ClusterView();

    private static RemoteSession session(String node, String id, String... rooms) {
        return new RemoteSession(node, new SessionInfo(id, "chat", Transport.TCP, null, Instant.EPOCH, Map.of()),
                Set.of(rooms));
    }

    @Test
    void aReloadReplacesWhatItRead() {
        view.upsert(session("b", "old"), 1);
        view.replace(NODES_B_C, List.of(session("b", "s1", "lobby"), session("c", "s2", "lobby")), 10);
        assertEquals(Set.of("s1", "s2"), view.members("lobby"));
        assertTrue(view.find("old").isEmpty(), "gone from the store, so gone");
        assertEquals(2, view.count());
    }

    @Test
    void anEventNewerThanTheReloadWinsOverIt() {
        long reloadStarted = 100;
        view.upsert(session("b", "joined", "lobby"), reloadStarted + 1); // arrived while the reload read
        view.remove("s1", reloadStarted + 2);
        view.replace(NODES_B_C, List.of(session("b", "s1"), session("b", "joined")), reloadStarted);
        assertEquals(Set.of("joined"), view.members("lobby"), "the event's rooms, not the older read's");
        assertTrue(view.find("s1").isEmpty(), "a removal after the reload began stays removed");
        view.replace(NODES_B_C, List.of(session("b", "s1")), reloadStarted + 10);
        assertTrue(view.find("s1").isPresent(), "a later reload is believed again");
    }

    @Test
    void aNodeMissingFromTheReloadIsDroppedWithItsSessions() {
        view.replace(NODES_B_C, List.of(session("b", "s1"), session("c", "s2")), 1);
        view.replace(Map.of("b", NODES_B_C.get("b")), List.of(session("b", "s1"), session("c", "s2")), 2);
        assertEquals(Set.of("b"), view.nodes().keySet());
        assertTrue(view.find("s2").isEmpty(), "c's session went with c");
    }

    @Test
    void aNodeThatSaysGoodbyeOrARedisOutageEmptiesTheView() {
        view.replace(NODES_B_C, List.of(session("b", "s1"), session("c", "s2")), 1);
        view.dropNode("c");
        assertEquals(1, view.count());
        view.clear();
        assertEquals(0, view.count());
        assertTrue(view.nodes().isEmpty());
    }
}
