package io.chuk.protocol.cluster.redis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which nodes watch one session of this node, and what they want of it. Each node's watch is a
 * lease that its heartbeats renew: a node that stops renewing (it died, or lost Redis) loses its
 * lease {@code duration} after its last renewal, so no tap outlives its viewers for long. At most
 * {@code maxNodes} nodes at once. Times are {@link System#nanoTime()} values, passed in.
 */
final class WatchLeases {

    private record Lease(boolean lines, boolean terminal, long expiresAt) {
    }

    private final long durationNanos;
    private final int maxNodes;
    private final Map<String, Lease> leases = new HashMap<>();

    WatchLeases(long durationNanos, int maxNodes) {
        this.durationNanos = durationNanos;
        this.maxNodes = maxNodes;
    }

    /** Starts or renews {@code node}'s lease; false (and nothing changed) when it would pass the node bound. */
    synchronized boolean renew(String node, boolean lines, boolean terminal, long now) {
        if (!leases.containsKey(node) && leases.size() >= maxNodes) {
            return false;
        }
        leases.put(node, new Lease(lines, terminal, now + durationNanos));
        return true;
    }

    /** {@code node} stopped watching. */
    synchronized void remove(String node) {
        leases.remove(node);
    }

    /** Drops the leases not renewed in time; returns their nodes. */
    synchronized List<String> expire(long now) {
        List<String> expired = new ArrayList<>();
        leases.entrySet().removeIf(entry -> {
            boolean gone = now - entry.getValue().expiresAt() >= 0;
            if (gone) {
                expired.add(entry.getKey());
            }
            return gone;
        });
        return expired;
    }

    synchronized boolean isEmpty() {
        return leases.isEmpty();
    }

    /** Whether some node wants the line traffic. */
    synchronized boolean lines() {
        return leases.values().stream().anyMatch(Lease::lines);
    }

    /** Whether some node wants the terminal stream. */
    synchronized boolean terminal() {
        return leases.values().stream().anyMatch(Lease::terminal);
    }
}
