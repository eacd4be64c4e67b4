package io.chuk.protocol.websocket;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The ping decisions, driven by the sweeper's clock alone: no timer, no sleeps. */
class PingLivenessTest {

    private static final long SECOND = 1_000_000_000L;

    /** A peer that records its pings; pings are sent on the checking thread. */
    private static final class RecordingPeer implements PingLiveness.Peer {
        final List<Long> pings = new ArrayList<>();
        int closes;
        boolean writing;
        boolean open = true;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean writing() {
            return writing;
        }

        @Override
        public void sendPing(ByteBuffer payload) {
            pings.add(payload.getLong(0));
        }

        @Override
        public void closeUnanswered() {
            closes++;
        }

        @Override
        public String id() {
            return "test";
        }
    }

    private final RecordingPeer peer = new RecordingPeer();

    private PingLiveness liveness(Duration timeout) {
        return new PingLiveness(peer, Duration.ofSeconds(10), timeout, Runnable::run, 0);
    }

    @Test
    void pingsOnceAnIntervalAndNotAgainUntilAnswered() {
        PingLiveness liveness = liveness(Duration.ofSeconds(5));
        liveness.check(9 * SECOND);
        assertEquals(List.of(), peer.pings, "nothing before the first interval");
        liveness.check(10 * SECOND);
        assertEquals(List.of(1L), peer.pings);
        liveness.check(10 * SECOND + 1);
        assertEquals(List.of(1L), peer.pings, "one ping per interval");

        liveness.pongReceived();
        liveness.check(19 * SECOND);
        assertEquals(List.of(1L), peer.pings, "the next one waits for its interval");
        liveness.check(20 * SECOND);
        assertEquals(List.of(1L, 2L), peer.pings, "each ping carries its own payload");
        assertEquals(0, peer.closes);
    }

    @Test
    void aPeerThatDoesNotAnswerIsClosedOnceAndPingedNoMore() {
        PingLiveness liveness = liveness(Duration.ofSeconds(3));
        liveness.check(10 * SECOND);
        assertEquals(1, peer.pings.size());
        liveness.check(12 * SECOND);
        assertEquals(0, peer.closes, "still within the timeout");
        liveness.check(13 * SECOND);
        assertEquals(1, peer.closes);
        liveness.check(100 * SECOND);
        assertEquals(1, peer.closes, "closed once");
        assertEquals(1, peer.pings.size(), "no ping after giving up");
    }

    @Test
    void anAnswerInTimeKeepsThePeer() {
        PingLiveness liveness = liveness(Duration.ofSeconds(3));
        liveness.check(10 * SECOND);
        liveness.pongReceived();
        liveness.check(15 * SECOND);
        assertEquals(0, peer.closes);
    }

    @Test
    void withoutATimeoutAPeerIsNeverClosed() {
        PingLiveness liveness = liveness(Duration.ZERO);
        liveness.check(10 * SECOND);
        liveness.check(Long.MAX_VALUE / 2);
        assertEquals(0, peer.closes);
        assertEquals(1, peer.pings.size(), "still awaiting the first answer");
    }

    @Test
    void noPingWhileAWriteWaitsForTheClientOrAfterStop() {
        PingLiveness liveness = liveness(Duration.ofSeconds(5));
        peer.writing = true;
        liveness.check(10 * SECOND);
        assertEquals(List.of(), peer.pings, "a stuck write is the write timeout's business");
        peer.writing = false;
        liveness.check(15 * SECOND);
        assertEquals(List.of(), peer.pings, "a skipped ping waits for the next interval");
        liveness.check(20 * SECOND);
        assertEquals(List.of(1L), peer.pings);

        liveness.pongReceived();
        liveness.stop();
        liveness.check(100 * SECOND);
        assertEquals(List.of(1L), peer.pings);
        assertEquals(0, peer.closes);
    }
}
