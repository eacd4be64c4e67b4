package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.api.Room;
import io.chuk.protocol.directory.LocalSessionDirectory;

import java.util.HashSet;
import java.util.Set;

/**
 * A room across the cluster: each node keeps its own sessions' memberships (published with their
 * entries), and the room is the union. A node adds and removes only its own sessions.
 */
final class ClusterRoom implements Room {

    private final Room local;
    private final ClusterNode node;
    private final ClusterView view;

    ClusterRoom(String name, LocalSessionDirectory local, ClusterNode node, ClusterView view) {
        this.local = local.room(name);
        this.node = node;
        this.view = view;
    }

    @Override
    public String name() {
        return local.name();
    }

    @Override
    public boolean join(String sessionId) {
        boolean joined = local.join(sessionId);
        if (joined) {
            node.sessionChanged(sessionId);
        }
        return joined;
    }

    @Override
    public boolean leave(String sessionId) {
        boolean left = local.leave(sessionId);
        if (left) {
            node.sessionChanged(sessionId);
        }
        return left;
    }

    @Override
    public Set<String> members() {
        Set<String> members = new HashSet<>(local.members());
        members.addAll(view.members(name()));
        return Set.copyOf(members);
    }

    @Override
    public int broadcast(String line) {
        return broadcastExcept(null, line);
    }

    @Override
    public int broadcastExcept(String exceptSessionId, String line) {
        int sent = local.broadcastExcept(exceptSessionId, line);
        Set<String> remote = view.members(name());
        remote.remove(exceptSessionId);
        if (!remote.isEmpty()) {
            node.roomBroadcast(name(), exceptSessionId, line);
        }
        return sent + remote.size();
    }
}
