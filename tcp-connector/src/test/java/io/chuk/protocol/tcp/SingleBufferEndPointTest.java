package io.chuk.protocol.tcp;

import io.chuk.protocol.testsupport.SocketPair;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real socket pair: the end point's side is a non-blocking channel, the peer a plain socket. */
class SingleBufferEndPointTest {

    private final ScheduledExecutorScheduler scheduler = new ScheduledExecutorScheduler();
    private SocketPair sockets;
    private Socket peer;
    private SingleBufferEndPoint endPoint;

    @BeforeEach
    void connect() throws Exception {
        scheduler.start();
        sockets = new SocketPair();
        peer = sockets.peer();
        endPoint = new SingleBufferEndPoint(sockets.channel(), null, null, scheduler);
    }

    @AfterEach
    void close() throws Exception {
        sockets.close();
        scheduler.stop();
    }

    @Test
    void oneBufferAndSeveralBuffersBothArriveWhole() throws Exception {
        ByteBuffer one = ByteBuffer.wrap("Echo: one\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(endPoint.flush(one));
        assertFalse(one.hasRemaining());
        ByteBuffer first = ByteBuffer.wrap("two ".getBytes(StandardCharsets.US_ASCII));
        ByteBuffer second = ByteBuffer.wrap("three\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(endPoint.flush(first, second));
        assertArrayEquals("Echo: one\r\ntwo three\r\n".getBytes(StandardCharsets.US_ASCII),
                read(peer.getInputStream(), 22));
    }

    @Test
    void aFullSocketTakesPartOfTheBufferAndSaysSo() throws Exception {
        ByteBuffer big = ByteBuffer.allocate(64 << 20); // far beyond any socket buffer, and the peer reads nothing
        assertFalse(endPoint.flush(big));
        assertTrue(big.position() > 0, "some of it was written");
        assertTrue(big.hasRemaining());
    }

    @Test
    void aSmallWriteOfSeveralBuffersThatTheSocketTakesInPartGoesOnWhereItStopped() throws Exception {
        ByteBuffer filler = ByteBuffer.allocate(64 << 20);
        assertFalse(endPoint.flush(filler), "the socket is full");
        byte[] header = {'[', 'h', ']'};
        byte[] payload = new byte[SingleBufferEndPoint.MERGE_LIMIT - header.length];
        Arrays.fill(payload, (byte) 'p');
        ByteBuffer first = ByteBuffer.wrap(header);
        ByteBuffer second = ByteBuffer.wrap(payload);

        int expected = filler.position() + header.length + payload.length;
        CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
            try {
                return read(peer.getInputStream(), expected);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int flushes = 0;
        while (!endPoint.flush(first, second)) {
            assertTrue(!first.hasRemaining() || second.position() == 0, "the header is taken before the payload");
            assertTrue(++flushes < 10_000_000, "the peer reads, so the socket takes the rest");
            Thread.onSpinWait();
        }
        assertFalse(first.hasRemaining());
        assertFalse(second.hasRemaining());
        byte[] bytes = received.get(30, TimeUnit.SECONDS);
        assertEquals(expected, bytes.length);
        byte[] tail = Arrays.copyOfRange(bytes, filler.position(), bytes.length);
        byte[] sent = new byte[header.length + payload.length];
        System.arraycopy(header, 0, sent, 0, header.length);
        System.arraycopy(payload, 0, sent, header.length, payload.length);
        assertArrayEquals(sent, tail);
    }

    @Test
    void nothingToWriteIsWrittenAtOnce() throws Exception {
        assertTrue(endPoint.flush());
        assertTrue(endPoint.flush(ByteBuffer.allocate(0), ByteBuffer.allocate(0)));
        ByteBuffer empty = ByteBuffer.allocate(0);
        ByteBuffer text = ByteBuffer.wrap("after\r\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(endPoint.flush(empty, text), "an empty buffer among others is passed over");
        assertArrayEquals("after\r\n".getBytes(StandardCharsets.US_ASCII), read(peer.getInputStream(), 7));
    }

    @Test
    void aWriteOfSeveralBuffersOverTheLimitArrivesWholeToo() throws Exception {
        byte[] big = new byte[SingleBufferEndPoint.MERGE_LIMIT + 1];
        Arrays.fill(big, (byte) 'b');
        ByteBuffer first = ByteBuffer.wrap(new byte[] {'<'});
        ByteBuffer second = ByteBuffer.wrap(big);
        assertTrue(endPoint.flush(first, second));
        byte[] bytes = read(peer.getInputStream(), big.length + 1);
        assertEquals('<', bytes[0]);
        assertEquals(big.length + 1, bytes.length);
        assertEquals('b', bytes[big.length]);
    }

    @Test
    void aWriteToAResetPeerFailsAsEndOfFile() throws Exception {
        peer.setSoLinger(true, 0);
        peer.close(); // RST
        ByteBuffer data = ByteBuffer.allocate(1024);
        assertThrows(EofException.class, () -> {
            for (int i = 0; i < 1000; i++) { // the first write may still be taken; a later one meets the reset
                data.clear();
                endPoint.flush(data);
            }
        });
    }

    @Test
    void anIdleTimeoutSwitchedOnCountsFromThenNotFromCreation() throws Exception {
        endPoint.setIdleTimeout(-1);
        long idleSince = System.nanoTime();
        endPoint.flush(ByteBuffer.wrap(new byte[] {'x'})); // with no timeout, activity is not recorded
        while (System.nanoTime() - idleSince < TimeUnit.MILLISECONDS.toNanos(300)) {
            Thread.onSpinWait(); // let the clock move on; nothing to wait for
        }
        endPoint.setIdleTimeout(60_000);
        assertTrue(endPoint.getIdleFor() < 250, "idle for " + endPoint.getIdleFor() + " ms right after switching on");
    }

    @Test
    void withShortReadsTakenAsDrainedTheReadAfterAShortOneFindsNothingWithoutReadingThenTheNextReadsOn() throws Exception {
        endPoint.takeShortReadsAsDrained();
        ByteBuffer buffer = BufferUtil.allocate(1024);
        sockets.sendFromPeer("first");
        assertEquals(5, endPoint.fill(buffer));

        sockets.sendFromPeer("second"); // waiting in the socket, but the short read above said it was drained
        assertEquals(0, endPoint.fill(buffer), "the read after a short one answers without a system call");
        assertEquals(6, endPoint.fill(buffer), "the one after that reads what came");
        assertEquals("firstsecond", BufferUtil.toString(buffer, StandardCharsets.US_ASCII));
    }

    @Test
    void aReadThatFillsTheBufferIsNotTakenAsDrained() throws Exception {
        endPoint.takeShortReadsAsDrained();
        ByteBuffer buffer = BufferUtil.allocate(4);
        sockets.sendFromPeer("full");
        assertEquals(4, endPoint.fill(buffer));
        sockets.sendFromPeer("more");
        BufferUtil.clear(buffer);
        assertEquals(4, endPoint.fill(buffer), "a full buffer may have left bytes behind: read again");
    }

    @Test
    void unlessAskedEveryReadIsARealOne() throws Exception {
        ByteBuffer buffer = BufferUtil.allocate(1024);
        sockets.sendFromPeer("first");
        assertEquals(5, endPoint.fill(buffer));
        sockets.sendFromPeer("second");
        assertEquals(6, endPoint.fill(buffer));
    }

    private static byte[] read(InputStream in, int length) throws Exception {
        byte[] bytes = new byte[length];
        int got = 0;
        while (got < length) {
            int n = in.read(bytes, got, length - got);
            if (n < 0) {
                break;
            }
            got += n;
        }
        return Arrays.copyOf(bytes, got);
    }
}
