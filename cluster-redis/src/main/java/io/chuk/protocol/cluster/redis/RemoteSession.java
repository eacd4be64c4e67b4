package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.SessionInfo;

import java.util.Set;

/**
 * A session of another node as this node knows it: its snapshot (with the {@code node} attribute)
 * and its rooms.
 */
record RemoteSession(String node, SessionInfo info, Set<String> rooms) {
    RemoteSession {
        rooms = Set.copyOf(rooms);
    }

    String id() {
        return info.id();
    }
}
