package io.chuk.protocol.cluster.redis;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The other nodes' sessions, in memory, so directory reads never wait for Redis: kept current by
 * their events and replaced by every reload of the store. An event newer than the reload that
 * started before it wins over that reload, so a reload never brings back what an event just
 * changed.
 */
final class ClusterView {

    private final Map<String, RemoteSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, NodeMeta> nodes = new ConcurrentHashMap<>();
    /** When each session last changed by an event (nanoTime), removals included. */
    private final Map<String, Long> changed = new HashMap<>();

    synchronized void upsert(RemoteSession session, long now) {
        sessions.put(session.id(), session);
        changed.put(session.id(), now);
    }

    synchronized void remove(String id, long now) {
        sessions.remove(id);
        changed.put(id, now);
    }

    /** A node left: its sessions go at once. */
    synchronized void dropNode(String node) {
        nodes.remove(node);
        sessions.values().removeIf(s -> s.node().equals(node));
    }

    /**
     * The store as a reload read it, begun at {@code startedAt}: every live node but this one, with
     * its sessions. Nodes missing from it are gone, with their sessions.
     */
    synchronized void replace(Map<String, NodeMeta> liveNodes, Collection<RemoteSession> stored, long startedAt) {
        Map<String, RemoteSession> fresh = new HashMap<>();
        for (RemoteSession session : stored) {
            fresh.put(session.id(), session);
        }
        Set<String> ids = new HashSet<>(fresh.keySet());
        ids.addAll(sessions.keySet());
        for (String id : ids) {
            Long at = changed.get(id);
            if (at != null && at - startedAt > 0) {
                continue; // an event after the reload began is newer than what it read
            }
            RemoteSession read = fresh.get(id);
            if (read != null) {
                sessions.put(id, read);
            } else {
                sessions.remove(id);
            }
        }
        changed.values().removeIf(at -> at - startedAt <= 0);
        nodes.keySet().retainAll(liveNodes.keySet());
        nodes.putAll(liveNodes);
        sessions.values().removeIf(s -> !liveNodes.containsKey(s.node()));
    }

    /** The store is out of reach: nothing of the other nodes is known any more. */
    synchronized void clear() {
        sessions.clear();
        nodes.clear();
        changed.clear();
    }

    Optional<RemoteSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    Collection<RemoteSession> sessions() {
        return List.copyOf(sessions.values());
    }

    int count() {
        return sessions.size();
    }

    Set<String> members(String room) {
        Set<String> members = new HashSet<>();
        for (RemoteSession session : sessions.values()) {
            if (session.rooms().contains(room)) {
                members.add(session.id());
            }
        }
        return members;
    }

    Map<String, NodeMeta> nodes() {
        return Map.copyOf(nodes);
    }
}
