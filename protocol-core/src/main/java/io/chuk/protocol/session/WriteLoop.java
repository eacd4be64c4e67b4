package io.chuk.protocol.session;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes batch after batch to a channel, one in flight at a time. A write that completes before
 * {@link SessionChannel#write} returns (the common case on a socket with room) is continued by
 * the loop, not by recursion from its completion, so a long run of inline completions uses no
 * stack; one that completes later continues from the thread that completed it. The session
 * subclasses it for what follows each write, as Jetty's endpoints subclass {@code WriteFlusher}.
 */
abstract class WriteLoop {

    private final SessionChannel channel;

    WriteLoop(SessionChannel channel) {
        this.channel = channel;
    }

    /** Told the bytes of each finished batch; returns the next batch, or {@code null} when none is queued. */
    abstract ByteBuffer[] written(long bytes);

    /** Told when a write failed: nothing is in flight any more. */
    abstract void failed(Throwable cause);

    /** Writes {@code first} and every batch that follows it, until the session has none queued. */
    void write(ByteBuffer[] first) {
        ByteBuffer[] batch = first;
        while (batch != null) {
            BatchWrite write = new BatchWrite(batch);
            channel.write(batch, write);
            if (!write.returned()) {
                return; // completes later, on another thread, and continues from there
            }
            batch = write.next;
        }
    }

    private final class BatchWrite extends AtomicInteger implements SessionChannel.WriteCallback {
        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int COMPLETED_INLINE = 2;

        private final long size;
        private ByteBuffer[] next;

        BatchWrite(ByteBuffer[] batch) {
            long total = 0;
            for (ByteBuffer buffer : batch) {
                total += buffer.remaining();
            }
            size = total;
        }

        /** Whether the write completed before {@code write} returned (the loop then continues). */
        boolean returned() {
            return !compareAndSet(PENDING, RETURNED);
        }

        @Override
        public void succeeded() {
            ByteBuffer[] following = written(size);
            if (compareAndSet(PENDING, COMPLETED_INLINE)) {
                next = following;
            } else if (following != null) {
                write(following);
            }
        }

        @Override
        public void failed(Throwable cause) {
            set(COMPLETED_INLINE);
            WriteLoop.this.failed(cause);
        }
    }
}
