package io.chuk.protocol.standalone;

import org.eclipse.jetty.io.ManagedSelector;
import io.chuk.protocol.tcp.SingleBufferEndPoint;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A socket end point whose reads can be switched to run on the selector thread that saw them.
 *
 * <p>Jetty's WebSocket connection declares its reads blocking, because a Jakarta endpoint may
 * block in {@code onMessage}; so Jetty hands every read to a pool thread and wakes another to go
 * on selecting, two thread switches per message. The session endpoint never blocks there: it
 * queues input for the handler's own executor, or runs a handler marked non-blocking, and it
 * pauses input by holding a frame back, not by waiting. Once such a session has opened, {@link
 * #readOnSelector()} declares the connection's read callback non-blocking, and Jetty then runs it
 * on the selector thread, as it runs our own telnet and tcp connections.
 *
 * <p>Jetty's WebSocket connection reads until a read finds nothing; from the same switch on, a
 * short read is taken as having drained the socket ({@link #takeShortReadsAsDrained()}), so each
 * frame costs one read, not two.
 */
final class SelectorReadEndPoint extends SingleBufferEndPoint {

    private volatile boolean readOnSelector;
    /** The last callback registered, with its non-blocking twin: a connection registers the same one each time. */
    private volatile Twin last;

    SelectorReadEndPoint(SocketChannel channel, ManagedSelector selector, SelectionKey key, Scheduler scheduler) {
        super(channel, selector, key, scheduler);
    }

    /** From now on, reads run on the selector thread, one per frame. */
    void readOnSelector() {
        readOnSelector = true;
        takeShortReadsAsDrained();
    }

    @Override
    public void fillInterested(Callback callback) {
        super.fillInterested(readOnSelector ? nonBlocking(callback) : callback);
    }

    @Override
    public boolean tryFillInterested(Callback callback) {
        return super.tryFillInterested(readOnSelector ? nonBlocking(callback) : callback);
    }

    private Callback nonBlocking(Callback callback) {
        if (Invocable.getInvocationType(callback) == Invocable.InvocationType.NON_BLOCKING) {
            return callback;
        }
        Twin twin = last;
        if (twin == null || twin.callback != callback) {
            twin = new Twin(callback, Callback.from(Invocable.InvocationType.NON_BLOCKING, callback::succeeded, callback::failed));
            last = twin;
        }
        return twin.nonBlocking;
    }

    private record Twin(Callback callback, Callback nonBlocking) {
    }
}
