package io.chuk.protocol.cluster.redis;

import java.util.ArrayDeque;

/**
 * The messages of one remotely watched session waiting to be published: session threads add,
 * the sending thread takes. Bounded by {@code maxMessages} and {@code maxChars}; past either,
 * traffic is dropped and counted, and the first drop of the watch is reported once (the caller
 * logs it). The closing message is always kept, so the watchers learn that the session ended.
 */
final class WatchOutbox {

    /** What {@link #offer} did. */
    enum Offer { QUEUED, QUEUED_START_DRAIN, DROPPED, DROPPED_FIRST }

    private final int maxMessages;
    private final long maxChars;
    // guarded by this
    private final ArrayDeque<String> queue = new ArrayDeque<>();
    private long chars;
    private boolean draining;
    private long dropped;

    WatchOutbox(int maxMessages, long maxChars) {
        this.maxMessages = maxMessages;
        this.maxChars = maxChars;
    }

    /** Queues a message; the caller starts a drain when told to. */
    synchronized Offer offer(String message) {
        if (queue.size() >= maxMessages || chars + message.length() > maxChars) {
            dropped++;
            return dropped == 1 ? Offer.DROPPED_FIRST : Offer.DROPPED;
        }
        return add(message);
    }

    /** Queues the closing message whatever the bounds: one message, once per watch. */
    synchronized Offer offerLast(String message) {
        return add(message);
    }

    private Offer add(String message) {
        queue.add(message);
        chars += message.length();
        if (draining) {
            return Offer.QUEUED;
        }
        draining = true;
        return Offer.QUEUED_START_DRAIN;
    }

    /** The next message to publish, or null: the drain is over, and the next offer starts one. */
    synchronized String poll() {
        String next = queue.poll();
        if (next == null) {
            draining = false;
        } else {
            chars -= next.length();
        }
        return next;
    }

    /** The drain could not be started: what waits is let go. */
    synchronized void abandon() {
        queue.clear();
        chars = 0;
        draining = false;
    }

    synchronized long dropped() {
        return dropped;
    }

    synchronized int size() {
        return queue.size();
    }
}
