package io.chuk.protocol.standalone;

import io.chuk.protocol.testsupport.SocketPair;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real socket pair: the end point's side is a non-blocking channel, the peer a plain socket. */
class SelectorReadEndPointTest {

    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
    private SocketPair sockets;
    private Selector readable;
    private SelectorReadEndPoint endPoint;

    @BeforeEach
    void connect() throws Exception {
        scheduler.start();
        sockets = new SocketPair();
        readable = Selector.open();
        sockets.channel().register(readable, SelectionKey.OP_READ);
        endPoint = new SelectorReadEndPoint(sockets.channel(), null, null, scheduler);
    }

    @AfterEach
    void close() throws Exception {
        readable.close();
        sockets.close();
        scheduler.stop();
    }

    @Test
    void onTheSelectorTheReadAfterAShortOneFindsNothingWithoutReadingThenTheNextReadsOn() throws Exception {
        endPoint.readOnSelector();
        ByteBuffer buffer = BufferUtil.allocate(1024);
        send("first");
        assertEquals(5, endPoint.fill(buffer));

        send("second"); // waiting in the socket, but the short read above said it was drained
        assertEquals(0, endPoint.fill(buffer), "the read after a short one answers without a system call");
        assertEquals(6, endPoint.fill(buffer), "the one after that reads what came");
        assertEquals("firstsecond", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
    }

    @Test
    void aReadThatFillsTheBufferIsNotTakenAsDrained() throws Exception {
        endPoint.readOnSelector();
        ByteBuffer buffer = BufferUtil.allocate(4);
        send("full");
        assertEquals(4, endPoint.fill(buffer));
        send("more");
        BufferUtil.clear(buffer);
        assertEquals(4, endPoint.fill(buffer), "a full buffer may have left bytes behind: read again");
    }

    @Test
    void beforeReadsMoveToTheSelectorEveryReadIsARealOne() throws Exception {
        ByteBuffer buffer = BufferUtil.allocate(1024);
        send("first");
        assertEquals(5, endPoint.fill(buffer));
        send("second");
        assertEquals(6, endPoint.fill(buffer));
    }

    /** Sends bytes from the peer and waits until the end point's channel can read them. */
    private void send(String text) throws Exception {
        OutputStream out = sockets.peer().getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        readable.selectedKeys().clear();
        assertTrue(readable.select(10_000) > 0, "the bytes arrive");
    }
}
