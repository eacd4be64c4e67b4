package io.chuk.protocol.cluster.redis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The bounded queue of one watched session's messages waiting for Redis. */
class WatchOutboxTest {

    @Test
    void oneDrainAtATimeAndTheNextOfferStartsTheNext() {
        WatchOutbox outbox = new WatchOutbox(10, 1000);
        assertEquals(WatchOutbox.Offer.QUEUED_START_DRAIN, outbox.offer("a"));
        assertEquals(WatchOutbox.Offer.QUEUED, outbox.offer("b"));
        assertEquals("a", outbox.poll());
        assertEquals("b", outbox.poll());
        assertNull(outbox.poll());
        assertEquals(WatchOutbox.Offer.QUEUED_START_DRAIN, outbox.offer("c"));
    }

    @Test
    void pastEitherBoundTrafficIsDroppedAndOnlyTheFirstDropIsReported() {
        WatchOutbox byCount = new WatchOutbox(2, 1000);
        byCount.offer("a");
        byCount.offer("b");
        assertEquals(WatchOutbox.Offer.DROPPED_FIRST, byCount.offer("c"));
        assertEquals(WatchOutbox.Offer.DROPPED, byCount.offer("d"));
        assertEquals(2, byCount.size());
        assertEquals(2, byCount.dropped());

        WatchOutbox byChars = new WatchOutbox(100, 10);
        assertEquals(WatchOutbox.Offer.QUEUED_START_DRAIN, byChars.offer("x".repeat(10)));
        assertEquals(WatchOutbox.Offer.DROPPED_FIRST, byChars.offer("y"));
        byChars.poll();
        assertEquals(WatchOutbox.Offer.QUEUED, byChars.offer("y"), "room again once sent; the drain still runs");
    }

    @Test
    void theClosingMessageIsKeptEvenWhenFullAndAnAbandonedQueueStartsAfresh() {
        WatchOutbox outbox = new WatchOutbox(1, 1000);
        outbox.offer("traffic");
        outbox.offerLast("ended");
        assertEquals(2, outbox.size());
        outbox.abandon();
        assertEquals(0, outbox.size());
        assertEquals(WatchOutbox.Offer.QUEUED_START_DRAIN, outbox.offer("again"));
    }
}
