package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;

import java.nio.ByteBuffer;

/**
 * The buffer a connection reads into. A read's bytes are copied out before {@code onFillable}
 * returns, so one direct buffer per reading thread serves every connection that thread reads
 * for (held by the thread itself where it is one of {@link ReadingThreads}, else in a
 * thread-local): no pool round trip per read (measurable at a hundred thousand reads a second), and
 * direct, so the socket reads straight into it. Reading threads are Jetty's selector and pool
 * threads, a bounded set, so this costs at most one {@link #SIZE} buffer per such thread. A read
 * that runs while its thread's buffer is in use (one fill triggered from inside another, as TLS
 * may do) borrows from the pool instead.
 */
final class ReadBuffers {

    static final int SIZE = 4096;

    private static final ThreadLocal<ThreadBuffer> BUFFERS = ThreadLocal.withInitial(ThreadBuffer::new);

    private ReadBuffers() {
    }

    /** A buffer to read into until {@link Lease#close}: cleared, in flush mode. */
    interface Lease extends AutoCloseable {
        ByteBuffer buffer();

        @Override
        void close();
    }

    static Lease lease(ByteBufferPool pool) {
        ThreadBuffer mine;
        if (Thread.currentThread() instanceof ReadingThreads.ReadingThread reading) {
            mine = reading.readBuffer;
            if (mine == null) {
                mine = reading.readBuffer = new ThreadBuffer();
            }
        } else {
            mine = BUFFERS.get();
        }
        if (mine.inUse) {
            return new PooledLease(pool.acquire(SIZE, true));
        }
        mine.inUse = true;
        return mine;
    }

    static final class ThreadBuffer implements Lease {
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(SIZE).limit(0);
        private boolean inUse;

        @Override
        public ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void close() {
            buffer.clear().limit(0);
            inUse = false;
        }
    }

    private record PooledLease(RetainableByteBuffer pooled) implements Lease {
        @Override
        public ByteBuffer buffer() {
            return pooled.getByteBuffer();
        }

        @Override
        public void close() {
            pooled.release();
        }
    }
}
