package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.directory.LocalSessionDirectory;
import io.chuk.protocol.session.ProtocolSession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's sessions that other nodes' monitors watch: a {@link WatchedSession} tap on each,
 * kept while some node's lease on it lasts. At most {@link #MAX_WATCHED} sessions and
 * {@link #MAX_WATCHER_NODES} nodes per session; a request past that is answered
 * {@link Message#REFUSED} on the requesting node's channel.
 */
final class WatchServer {

    /** Sessions of this node tapped for other nodes at once. */
    static final int MAX_WATCHED = 64;
    /** Nodes watching one session at once. */
    static final int MAX_WATCHER_NODES = 16;

    private final LocalSessionDirectory local;
    private final ClusterNode node;
    private final Keys keys;
    private final long leaseNanos;
    private final Map<String, WatchedSession> watched = new ConcurrentHashMap<>();

    WatchServer(LocalSessionDirectory local, ClusterNode node, Keys keys, Duration lease) {
        this.local = local;
        this.node = node;
        this.keys = keys;
        this.leaseNanos = lease.toNanos();
    }

    /** Node {@code from} watches (or renews its watch of) session {@code id}; on the receiving thread. */
    synchronized void watch(String from, String id, boolean lines, boolean terminal, long now) {
        Optional<ProtocolSession> session = local.live(id);
        if (session.isEmpty()) {
            node.publish(keys.watch(id), WatchTraffic.ended(node.name()));
            return;
        }
        WatchedSession tap = watched.get(id);
        boolean fresh = tap == null;
        if (fresh && watched.size() >= MAX_WATCHED) {
            refuse(from, id, MAX_WATCHED + " sessions of this node are watched already");
            return;
        }
        if (fresh) {
            tap = new WatchedSession(id, keys.watch(id), node, new WatchLeases(leaseNanos, MAX_WATCHER_NODES));
        }
        boolean hadTerminal = tap.terminal();
        if (!tap.leases().renew(from, lines, terminal, now)) {
            refuse(from, id, MAX_WATCHER_NODES + " nodes watch it already");
            return;
        }
        tap.streamsChanged();
        if (fresh) {
            watched.put(id, tap);
            session.get().addTap(tap);
            ClusterNode.LOG.info("Node '{}' watches session {} of this node", from, id);
            if (local.live(id).isEmpty()) {
                sessionEnded(id); // it ended while the tap went on: the end listener may have missed it
                return;
            }
        }
        if (tap.terminal() && !hadTerminal) {
            WatchedSession started = tap;
            session.get().terminal().ifPresent(t -> started.windowSize(t.width(), t.height()));
        }
    }

    /** Node {@code from} stopped watching session {@code id}. */
    synchronized void unwatch(String from, String id) {
        WatchedSession tap = watched.get(id);
        if (tap != null) {
            tap.leases().remove(from);
            tap.streamsChanged();
            if (tap.leases().isEmpty()) {
                remove(id, "node '" + from + "' stopped watching");
            }
        }
    }

    /** A session of this node ended: its watchers are told, after the traffic queued before. */
    synchronized void sessionEnded(String id) {
        WatchedSession tap = watched.remove(id);
        if (tap != null) {
            tap.close(WatchTraffic.ended(node.name()));
            ClusterNode.LOG.info("Remote watch of session {} ended: the session ended", id);
        }
    }

    /** Drops the leases their nodes did not renew in time, and the taps nobody holds a lease on. */
    synchronized void expire(long now) {
        for (Map.Entry<String, WatchedSession> entry : List.copyOf(watched.entrySet())) {
            WatchedSession tap = entry.getValue();
            List<String> gone = tap.leases().expire(now);
            if (!gone.isEmpty()) {
                tap.streamsChanged();
                if (tap.leases().isEmpty()) {
                    remove(entry.getKey(), "the lease of " + gone + " expired");
                }
            }
        }
    }

    /** This node leaves the cluster: every tap goes. */
    synchronized void close() {
        for (String id : List.copyOf(watched.keySet())) {
            remove(id, "this node left the cluster");
        }
    }

    private void remove(String id, String why) {
        WatchedSession tap = watched.remove(id);
        if (tap != null) {
            local.live(id).ifPresent(session -> session.removeTap(tap));
            ClusterNode.LOG.info("Remote watch of session {} ended: {}", id, why);
        }
    }

    private void refuse(String from, String id, String why) {
        ClusterNode.LOG.warn("Refused node '{}' watching session {}: {}", from, id, why);
        node.publish(keys.inbox(from), Message.of(Message.REFUSED, node.name()).add("i", id).encode());
    }
}
