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
 * that vector in, both for nothing.
 */
public class SingleBufferEndPoint extends SocketChannelEndPoint {

    public SingleBufferEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    @Override
    public boolean flush(ByteBuffer... buffers) throws IOException {
        if (buffers.length != 1) {
            return super.flush(buffers);
        }
        ByteBuffer buffer = buffers[0];
        int flushed;
        try {
            flushed = getChannel().write(buffer);
        } catch (IOException e) {
            throw new EofException(e);
        }
        if (flushed > 0) {
            notIdle();
        }
        return !buffer.hasRemaining();
    }
}
