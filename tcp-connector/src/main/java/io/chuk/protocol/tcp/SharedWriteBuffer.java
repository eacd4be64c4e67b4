package io.chuk.protocol.tcp;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One direct buffer that a connector's connections take turns writing from. A socket write from
 * a heap buffer makes the JDK copy it into a per-thread temporary direct buffer, found through
 * thread-local lookups on every write; copying into this one instead costs one atomic exchange.
 * A write that cannot finish at once keeps the buffer until it does, and meanwhile (or for a
 * batch larger than {@link #SIZE}) other writes go the ordinary way. One buffer per connector:
 * nothing grows with connections or threads.
 */
final class SharedWriteBuffer {

    static final int SIZE = 8192;

    private final AtomicReference<ByteBuffer> free = new AtomicReference<>(ByteBuffer.allocateDirect(SIZE));

    /** The buffer, cleared and ready to fill, or {@code null} while a write holds it. */
    ByteBuffer take() {
        return free.getAndSet(null);
    }

    /** Hands the buffer back once its write has finished (or failed). */
    void give(ByteBuffer buffer) {
        free.set(buffer.clear());
    }
}
