package io.chuk.protocol.monitor;

import io.chuk.protocol.session.SessionRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A viewer's outbound queue: bounded in bytes and in messages, never blocking the thread that sends. */
class ViewerTest {

    private static final int BOUND = 10_000;

    private final SessionRegistry registry = new SessionRegistry();
    private final CountDownLatch closeMayReturn = new CountDownLatch(1);
    private SessionMonitor monitor;

    @AfterEach
    void stop() {
        closeMayReturn.countDown();
        if (monitor != null) {
            monitor.close();
        }
    }

    private static MonitorMessage message(int index, int textLength) {
        return MonitorMessage.traffic("server_message", "session-" + index, "x".repeat(textLength));
    }

    @Test
    @Timeout(30) // only a guard: a send that blocked on the close would hang here
    void aViewerThatNeverReadsIsDroppedBeforeItsBytesPassTheBoundAndClosedOnTheMonitorsThread() throws Exception {
        monitor = new SessionMonitor(registry, BOUND, 1000);
        FakeViewerConnection connection = new FakeViewerConnection(false, closeMayReturn);
        Viewer viewer = monitor.attach(connection);
        int sent = 0;
        while (monitor.viewers().contains(viewer) && sent < 100) {
            viewer.send(message(sent++, 900));
            assertTrue(viewer.queuedBytes() <= BOUND, "queued " + viewer.queuedBytes());
        }
        int size = message(0, 900).bytes();
        assertEquals(BOUND / size + 1, sent, "dropped by the first message that did not fit");
        assertTrue(viewer.peakQueuedBytes() <= BOUND && viewer.peakQueuedBytes() > BOUND - size, "peak " + viewer.peakQueuedBytes());
        assertTrue(FakeViewerConnection.await(() -> connection.closingThreads().size() == 1), "closed once");
        assertTrue(connection.closingThreads().get(0).startsWith("chuk-monitor-close-"), connection.closingThreads().toString());

        viewer.send(message(sent, 900));
        assertEquals(1, connection.texts().size(), "only the snapshot was ever handed to the connection");
        assertEquals(0, viewer.queuedBytes(), "nothing waits any more (the snapshot in flight is not counted)");
        assertEquals(List.of(), List.copyOf(monitor.viewers()));
    }

    @Test
    void manySmallMessagesDropAViewerAtTheCountBound() throws Exception {
        monitor = new SessionMonitor(registry, BOUND, 5);
        FakeViewerConnection connection = new FakeViewerConnection(false, closeMayReturn);
        Viewer viewer = monitor.attach(connection);
        for (int i = 0; i < 5; i++) {
            viewer.send(message(i, 1));
        }
        assertEquals(1, monitor.viewers().size(), "the snapshot is in flight and 5 wait: not yet past the bound");
        viewer.send(message(5, 1));
        assertEquals(0, monitor.viewers().size());
        assertTrue(FakeViewerConnection.await(() -> connection.closingThreads().size() == 1));
    }

    @Test
    void theSnapshotIsNotCountedAgainstTheByteBound() {
        monitor = new SessionMonitor(registry, BOUND, 1000);
        FakeViewerConnection connection = new FakeViewerConnection(false);
        Viewer viewer = new Viewer(connection, monitor, BOUND, 1000);
        viewer.start("{\"type\": \"active_sessions\", \"sessions\": [\"" + "s".repeat(3 * BOUND) + "\"]}");
        assertEquals(0, viewer.queuedBytes());
        MonitorMessage next = message(1, BOUND / 2);
        viewer.send(next);
        assertEquals(next.bytes(), viewer.queuedBytes());
        connection.completeOldest(true);
        assertEquals(2, connection.texts().size());
        connection.completeOldest(true);
        assertEquals(0, viewer.queuedBytes());
        assertEquals(0, connection.closingThreads().size());
    }

    @Test
    void aLongQueueDrainedBySendsThatCompleteAtOnceDoesNotDeepenTheStack() {
        monitor = new SessionMonitor(registry, Long.MAX_VALUE, 1000);
        FakeViewerConnection connection = new FakeViewerConnection(false);
        Viewer viewer = monitor.attach(connection);
        for (int i = 0; i < 900; i++) {
            viewer.send(message(i, 10));
        }
        assertEquals(1, connection.texts().size());
        connection.completeAtOnceFromNowOn();
        connection.completeOldest(true);
        assertEquals(901, connection.texts().size(), "all delivered, in one drain");
        List<Integer> depths = connection.stackDepths().subList(1, 901);
        assertTrue(Collections.max(depths) - Collections.min(depths) <= 2, "stack depths " + Collections.min(depths)
                + ".." + Collections.max(depths));
        assertEquals(0, viewer.queuedBytes());
    }

    @Test
    void aFailedSendStopsTheViewerAndLetsGoOfWhatWaited() {
        monitor = new SessionMonitor(registry, BOUND, 1000);
        FakeViewerConnection connection = new FakeViewerConnection(false);
        Viewer viewer = monitor.attach(connection);
        viewer.send(message(1, 100));
        viewer.send(message(2, 100));
        assertTrue(viewer.queuedBytes() > 0);
        connection.completeOldest(false);
        viewer.send(message(3, 100));
        assertEquals(0, viewer.queuedBytes());
        assertEquals(1, connection.texts().size(), "nothing more was sent");
        assertEquals(0, connection.closingThreads().size(), "the failing connection closes itself");
    }
}
