package io.chuk.protocol.session;

import io.chuk.protocol.compression.OutputDeflater;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Output waiting for a client, written one batch at a time: while a batch is in flight, new
 * output collects here and leaves as the next batch. It also remembers since when a batch has
 * been in flight, so a client that stops reading can be cut off after the write timeout.
 *
 * <p>MCCP2 compression happens here, as a batch is taken, because only here is output in the
 * order it goes on the wire: a switch queued between two outputs compresses exactly what follows
 * it, even within one batch, and each batch ends with a sync flush so the client can show it at
 * once. Sizes ({@link #bytes()}) count output before compression. Its items are output
 * ({@code ByteBuffer}) and {@link Switch}es, in order.
 * Not thread-safe: the session guards it with its lock.
 */
final class OutputQueue extends SmallQueue {

    private static final ByteBuffer[] NONE = new ByteBuffer[0];

    /** Queued between outputs: compression starts or (the stream is finished) stops here. */
    private enum Switch { COMPRESS, PLAIN }

    /** Bytes queued plus bytes of the batch in flight. */
    private long bytes;
    /** Bytes of the batch in flight, before compression. */
    private long inFlight;
    private boolean writing;
    /** Whether {@link #stalledNanos} has seen the batch in flight, and since when. */
    private boolean batchWatched;
    private long watchedSinceNanos;
    /** Whether output added now will be compressed; whether the next batch starts compressed. */
    private boolean compressingAtTail;
    private boolean compressing;
    /** Created at the first {@link Switch#COMPRESS} taken; ended by {@link #clear()}. */
    private OutputDeflater deflater;
    /** Whether a switch was ever queued: until then batches are taken as they are. */
    private boolean switched;
    private boolean cleared;

    /** Whether {@code size} more bytes would pass {@code limit}. */
    boolean wouldExceed(long size, long limit) {
        return bytes + size > limit;
    }

    void add(byte[] data) {
        append(ByteBuffer.wrap(data));
        bytes += data.length;
    }

    /**
     * Compresses everything added after this call, or, with {@code compress} false, ends the
     * compressed stream there (the client sees a complete zlib stream); the same state again changes nothing.
     */
    void compressFromHere(boolean compress) {
        if (compress != compressingAtTail && !cleared) {
            compressingAtTail = compress;
            switched = true;
            append(compress ? Switch.COMPRESS : Switch.PLAIN);
        }
    }

    long bytes() {
        return bytes;
    }

    boolean isIdle() {
        return !writing && isEmpty();
    }

    boolean isWriting() {
        return writing;
    }

    /**
     * Takes everything queued as the next batch and marks it in flight, or returns {@code null}
     * when a batch is already in flight or nothing is queued.
     */
    ByteBuffer[] startBatch() {
        if (writing || isEmpty()) {
            return null;
        }
        writing = true;
        batchWatched = false;
        return drain();
    }

    /**
     * A batch finished; returns the next batch (already in flight) or {@code null} when nothing
     * more is queued.
     */
    ByteBuffer[] batchWritten() {
        bytes -= inFlight;
        inFlight = 0;
        if (isEmpty()) {
            writing = false;
            return null;
        }
        batchWatched = false;
        return drain();
    }

    /** The batch in flight failed: nothing is in flight any more. */
    void writeFailed() {
        writing = false;
    }

    /**
     * How long the batch in flight has been waiting for the client, or 0 when none is, counted
     * from the first call that found it in flight: the sweeper asks every tick, so a batch's time
     * is known to within a tick without reading the clock for each batch.
     */
    long stalledNanos(long nowNanos) {
        if (!writing) {
            return 0;
        }
        if (!batchWatched) {
            batchWatched = true;
            watchedSinceNanos = nowNanos;
        }
        return nowNanos - watchedSinceNanos;
    }

    /** The session is over: drops what is queued and frees the compressor's native memory. */
    void clear() {
        dropAll();
        bytes = 0;
        cleared = true;
        compressingAtTail = false;
        if (deflater != null) {
            deflater.end();
            deflater = null;
        }
    }

    private ByteBuffer[] drain() {
        if (!switched) {
            return plainDrain();
        }
        List<ByteBuffer> batch = new ArrayList<>(size() + 1);
        long size = 0;
        for (Object entry = take(); entry != null; entry = take()) {
            if (entry == Switch.COMPRESS) {
                if (deflater == null) {
                    deflater = new OutputDeflater();
                }
                compressing = true;
            } else if (entry == Switch.PLAIN) {
                compressing = false;
                batch.add(ByteBuffer.wrap(deflater.finish()));
            } else {
                ByteBuffer data = (ByteBuffer) entry;
                size += data.remaining();
                if (compressing) {
                    deflater.add(data);
                } else {
                    batch.add(data);
                }
            }
        }
        inFlight = size;
        if (compressing) {
            byte[] flushed = deflater.flush();
            if (flushed.length > 0) {
                batch.add(ByteBuffer.wrap(flushed));
            }
        }
        return batch.toArray(NONE);
    }

    private ByteBuffer[] plainDrain() {
        ByteBuffer[] batch = takeAll(ByteBuffer[]::new);
        long size = 0;
        for (ByteBuffer buffer : batch) {
            size += buffer.remaining();
        }
        inFlight = size;
        return batch;
    }
}
