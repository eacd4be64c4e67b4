package io.chuk.protocol.cluster.redis;

import io.chuk.protocol.session.SessionTap;

import java.util.List;

/**
 * The tap on a session of this node that other nodes' monitors watch: it turns the traffic the
 * watchers want into {@link WatchTraffic} messages and queues them in a bounded
 * {@link WatchOutbox}, which the cluster's sending thread publishes on the session's channel.
 * Runs on session threads and never blocks.
 */
final class WatchedSession implements SessionTap {

    /** Messages one watched session may have waiting for Redis. */
    static final int MAX_QUEUED_MESSAGES = 1000;
    /** Characters one watched session may have waiting for Redis (about 1 MiB). */
    static final long MAX_QUEUED_CHARS = 1024 * 1024;

    private final String sessionId;
    private final String channel;
    private final ClusterNode node;
    private final WatchLeases leases;
    private final WatchOutbox outbox = new WatchOutbox(MAX_QUEUED_MESSAGES, MAX_QUEUED_CHARS);
    private volatile boolean lines;
    private volatile boolean terminal;

    WatchedSession(String sessionId, String channel, ClusterNode node, WatchLeases leases) {
        this.sessionId = sessionId;
        this.channel = channel;
        this.node = node;
        this.leases = leases;
    }

    WatchLeases leases() {
        return leases;
    }

    /** The leases changed: the tap follows what the watching nodes now want. */
    void streamsChanged() {
        lines = leases.lines();
        terminal = leases.terminal();
    }

    boolean terminal() {
        return terminal;
    }

    @Override
    public void input(String text) {
        if (lines) {
            queue(WatchTraffic.text(node.name(), WatchTraffic.INPUT, text));
        }
    }

    @Override
    public void output(String text) {
        if (lines) {
            queue(WatchTraffic.text(node.name(), WatchTraffic.OUTPUT, text));
        }
    }

    @Override
    public void terminalOutput(byte[] bytes) {
        if (terminal) {
            queue(WatchTraffic.terminal(node.name(), bytes));
        }
    }

    @Override
    public void windowSize(int width, int height) {
        if (terminal) {
            queue(List.of(WatchTraffic.size(node.name(), width, height)));
        }
    }

    /** The last message of the watch (ended, refused), after everything queued before it. */
    void close(String message) {
        start(outbox.offerLast(message));
    }

    private void queue(List<String> messages) {
        for (String message : messages) {
            WatchOutbox.Offer offer = outbox.offer(message);
            if (offer == WatchOutbox.Offer.DROPPED_FIRST) {
                ClusterNode.LOG.warn("Remote watch of session {}: more than {} messages or {} characters wait for "
                        + "Redis; dropping its traffic until they are sent", sessionId, MAX_QUEUED_MESSAGES,
                        MAX_QUEUED_CHARS);
            }
            start(offer);
        }
    }

    private void start(WatchOutbox.Offer offer) {
        if (offer == WatchOutbox.Offer.QUEUED_START_DRAIN && !node.submit(redis -> drain(redis))) {
            outbox.abandon(); // degraded or the sending queue is full: nobody to tell now
        }
    }

    private void drain(RedisConnections redis) {
        for (String message = outbox.poll(); message != null; message = outbox.poll()) {
            redis.async().publish(channel, message);
        }
    }
}
