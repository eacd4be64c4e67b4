package io.chuk.protocol.session;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;

/**
 * Output waiting for a client, written one batch at a time: while a batch is in flight, new
 * output collects here and leaves as the next batch. It also remembers since when a batch has
 * been in flight, so a client that stops reading can be cut off after the write timeout.
 * Not thread-safe: the session guards it with its lock.
 */
final class OutputQueue {

    private static final ByteBuffer[] NONE = new ByteBuffer[0];

    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>(4);
    /** Bytes queued plus bytes of the batch in flight. */
    private long bytes;
    private boolean writing;
    private long writeStartedNanos;

    /** Whether {@code size} more bytes would pass {@code limit}. */
    boolean wouldExceed(long size, long limit) {
        return bytes + size > limit;
    }

    void add(byte[] data) {
        pending.add(ByteBuffer.wrap(data));
        bytes += data.length;
    }

    long bytes() {
        return bytes;
    }

    boolean isIdle() {
        return !writing && pending.isEmpty();
    }

    boolean isWriting() {
        return writing;
    }

    /**
     * Takes everything queued as the next batch and marks it in flight, or returns {@code null}
     * when a batch is already in flight or nothing is queued.
     */
    ByteBuffer[] startBatch(long nowNanos) {
        if (writing || pending.isEmpty()) {
            return null;
        }
        writing = true;
        writeStartedNanos = nowNanos;
        return drain();
    }

    /**
     * A batch of {@code written} bytes finished; returns the next batch (already in flight) or
     * {@code null} when nothing more is queued.
     */
    ByteBuffer[] batchWritten(long written, long nowNanos) {
        bytes -= written;
        if (pending.isEmpty()) {
            writing = false;
            return null;
        }
        writeStartedNanos = nowNanos;
        return drain();
    }

    /** The batch in flight failed: nothing is in flight any more. */
    void writeFailed() {
        writing = false;
    }

    /** How long the batch in flight has been waiting for the client, or 0 when none is. */
    long stalledNanos(long nowNanos) {
        return writing ? nowNanos - writeStartedNanos : 0;
    }

    int size() {
        return pending.size();
    }

    void clear() {
        pending.clear();
        bytes = 0;
    }

    private ByteBuffer[] drain() {
        ByteBuffer[] batch = pending.toArray(NONE);
        pending.clear();
        return batch;
    }
}
