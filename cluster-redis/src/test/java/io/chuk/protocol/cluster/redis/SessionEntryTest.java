package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.api.Transport;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A session's published entry and a node's own record survive the trip through Redis text. */
class SessionEntryTest {

    @Test
    void aSessionRoundTripsWithItsRoomsAttributesAndNode() throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("nick", "al&ice=1 %zz ü\n");
        attributes.put("score", 42);
        SessionInfo info = new SessionInfo("id-1", "chat", Transport.WS_TELNET,
                new InetSocketAddress(InetAddress.getByName("2001:db8::7"), 4711), Instant.ofEpochMilli(1_700_000_000_123L),
                attributes);
        String text = SessionEntry.encode(info, Set.of("lobby", "a&b"));

        RemoteSession read = SessionEntry.decode("node-b", "id-1", text).orElseThrow();

        assertEquals("node-b", read.node());
        assertEquals(Set.of("lobby", "a&b"), read.rooms());
        SessionInfo back = read.info();
        assertEquals("id-1", back.id());
        assertEquals("chat", back.serverName());
        assertEquals(Transport.WS_TELNET, back.transport());
        assertEquals(info.remoteAddress(), back.remoteAddress());
        assertEquals(info.startTime(), back.startTime());
        assertEquals("al&ice=1 %zz ü\n", back.attribute("nick"));
        assertEquals("42", back.attribute("score"), "attributes travel as text");
        assertEquals("node-b", back.attribute(io.chuk.protocol.cluster.ClusterDirectory.NODE_ATTRIBUTE));
    }

    @Test
    void textThatIsNotAnEntryIsRefusedNotGuessed() {
        assertTrue(SessionEntry.decode("n", "x", "garbage").isEmpty());
        assertTrue(SessionEntry.decode("n", "x", "s=chat&t=carrier-pigeon").isEmpty());
        assertTrue(SessionEntry.decode("n", "x", "s=chat&t=tcp&st=soon").isEmpty());
        assertTrue(SessionEntry.decode("n", "x", null).isEmpty());
    }

    @Test
    void aNodeRecordRoundTrips() {
        NodeMeta meta = new NodeMeta(Instant.ofEpochMilli(5), List.of("chat", "ws"));
        assertEquals(meta, NodeMeta.decode(meta.encode()));
        assertEquals(new NodeMeta(Instant.EPOCH, List.of()), NodeMeta.decode("st=never"));
    }
}
