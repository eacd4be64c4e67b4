package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.io.ManagedSelector;
import org.eclipse.jetty.io.SocketChannelEndPoint;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A socket end point that writes a single buffer with a plain write. Jetty's flushes every write
 * as a gathering one ({@code writev}), even of one buffer, and a session's output batch is one
 * buffer: the JDK's gathering path sets up an I/O vector for it each time, and the kernel copies
 * that vector in, both for nothing. A small write of several buffers, such as a WebSocket frame's
 * header and payload, is copied into one and written plainly too, as Netty writes a small frame.
 *
 * <p>Once {@link #takeShortReadsAsDrained()} is called, a read that filled less than the room it
 * had is taken as having drained the socket, as Netty takes it, and the read after it answers
 * "nothing yet" without a system call. A connection that reads until a read finds nothing (Jetty's
 * WebSocket and TLS connections, and ours) then makes one read per message instead of two. That
 * answer is always safe: a reader that gets it registers fill interest, and the selector,
 * level-triggered, reports at once any bytes that came meanwhile.
 *
 * <p>It also reads the clock only while it has an idle timeout: Jetty's end point records the time
 * of every read and write for it, and our sessions time themselves on the host's sweeper, so
 * unless {@code connection_timeout} sets Jetty's timeout as a backstop, those two clock reads per
 * message are for nothing too.
 */
public class SingleBufferEndPoint extends SocketChannelEndPoint {

    /** The most bytes of several buffers copied into one for a plain write: a copy of this much is cheap next to a system call. */
    static final int MERGE_LIMIT = 2048;

    private volatile boolean shortReadsDrain;
    /** Whether the last read filled less than the room it had; read and written by the one reader at a time. */
    private boolean drained;

    public SingleBufferEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    /** From now on, a short read counts as having emptied the socket: see the class comment. */
    public void takeShortReadsAsDrained() {
        shortReadsDrain = true;
    }

    @Override
    public int fill(ByteBuffer buffer) throws IOException {
        if (drained) {
            drained = false;
            return 0;
        }
        int room = buffer.capacity() - buffer.limit();
        int filled = super.fill(buffer);
        drained = shortReadsDrain && filled > 0 && filled < room;
        return filled;
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        if (buffers.length == 1) {
            write(buffers[0]);
            return !buffers[0].hasRemaining();
        }
        int total = 0;
        for (ByteBuffer buffer : buffers) {
            total += buffer.remaining();
            if (total > MERGE_LIMIT) {
                return super.flush(buffers);
            }
        }
        if (total == 0) {
            return true;
        }
        ByteBuffer merged = ByteBuffer.allocate(total);
        for (ByteBuffer buffer : buffers) {
            merged.put(buffer.duplicate());
        }
        int flushed = write(merged.flip());
        for (ByteBuffer buffer : buffers) {
            int taken = Math.min(flushed, buffer.remaining());
            buffer.position(buffer.position() + taken);
            flushed -= taken;
        }
        return !merged.hasRemaining();
    }

    private int write(ByteBuffer buffer) throws IOException {
        int flushed;
        try {
            flushed = getChannel().write(buffer);
        } catch (IOException e) {
            throw new EofException(e);
        }
        if (flushed > 0) {
            notIdle();
        }
        return flushed;
    }

    @Override
    public void notIdle() {
        if (getIdleTimeout() > 0) {
            super.notIdle();
        }
    }

    /** A timeout switched on counts from now, not from the last activity recorded before it. */
    @Override
    public void setIdleTimeout(long idleTimeout) {
        if (idleTimeout > 0 && getIdleTimeout() <= 0) {
            super.notIdle();
        }
        super.setIdleTimeout(idleTimeout);
    }
}
