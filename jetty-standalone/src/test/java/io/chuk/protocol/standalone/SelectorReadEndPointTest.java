package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.SocketPair;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A real socket pair: the end point's side is a non-blocking channel, the peer a plain socket.
 * How a drained read behaves is {@code SingleBufferEndPointTest}'s; here, when it starts.
 */
class SelectorReadEndPointTest {

    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
    private SocketPair sockets;
    private SelectorReadEndPoint endPoint;

    @BeforeEach
    void connect() throws Exception {
        scheduler.start();
        sockets = new SocketPair();
        endPoint = new SelectorReadEndPoint(sockets.channel(), null, null, scheduler);
    }

    @AfterEach
    void close() throws Exception {
        sockets.close();
        scheduler.stop();
    }

    @Test
    void shortReadsCountAsHavingDrainedTheSocketOnlyOnceReadsRunOnTheSelector() throws Exception {
        ByteBuffer buffer = BufferUtil.allocate(1024);
        sockets.sendFromPeer("GET");
        assertEquals(3, endPoint.fill(buffer));
        sockets.sendFromPeer(" /ws");
        assertEquals(4, endPoint.fill(buffer), "the upgrade request is read as Jetty reads it");

        endPoint.readOnSelector();
        sockets.sendFromPeer("frame");
        assertEquals(5, endPoint.fill(buffer));
        sockets.sendFromPeer("next");
        assertEquals(0, endPoint.fill(buffer), "one read per frame");
        assertEquals(4, endPoint.fill(buffer));
        assertEquals("GET /wsframenext", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
    }
}
