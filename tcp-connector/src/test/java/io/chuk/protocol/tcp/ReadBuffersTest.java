package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReadBuffersTest {

    private final ByteBufferPool pool = new ArrayByteBufferPool();

    @Test
    void aReadingThreadReusesItsOwnBufferAndANestedReadBorrowsAnother() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        Thread thread = ReadingThreads.named("test-reader").newThread(() -> {
            ByteBuffer first;
            try (ReadBuffers.Lease lease = ReadBuffers.lease(pool)) {
                first = lease.buffer();
                first.limit(3);
                try (ReadBuffers.Lease nested = ReadBuffers.lease(pool)) {
                    seen.add(nested.buffer() != first);
                }
            }
            try (ReadBuffers.Lease again = ReadBuffers.lease(pool)) {
                seen.add(again.buffer() == first);
                seen.add(again.buffer().remaining() == 0); // handed back cleared, in flush mode
                seen.add(first.isDirect());
            }
            seen.add(((ReadingThreads.ReadingThread) Thread.currentThread()).readBuffer != null);
        });
        assertTrue(thread.getName().matches("test-reader-\\d+"), thread.getName());
        thread.start();
        thread.join(TimeUnit.SECONDS.toMillis(10));
        assertEquals(List.of(true, true, true, true, true), seen);
    }

    @Test
    void otherThreadsKeepABufferEachInAThreadLocal() throws Exception {
        ByteBuffer mine;
        try (ReadBuffers.Lease lease = ReadBuffers.lease(pool)) {
            mine = lease.buffer();
        }
        try (ReadBuffers.Lease lease = ReadBuffers.lease(pool)) {
            assertSame(mine, lease.buffer());
        }
        ByteBuffer[] theirs = new ByteBuffer[1];
        Thread other = new Thread(() -> {
            try (ReadBuffers.Lease lease = ReadBuffers.lease(pool)) {
                theirs[0] = lease.buffer();
            }
        });
        other.start();
        other.join(TimeUnit.SECONDS.toMillis(10));
        assertNotSame(mine, theirs[0]);
    }
}
