package io.chuk.protocol.tcp;

import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.session.SessionFactory;
import org.eclipse.jetty.io.AbstractConnection;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;

/**
 * One raw socket ({@code tcp} or {@code telnet}) driving a {@link ProtocolSession}: reads run
 * on Jetty's selector thread (a non-blocking connection: {@link #onFillable} only reads and
 * queues, so Jetty need not hand each read to a pool thread, and handlers marked non-blocking run
 * right there), writes are Jetty endpoint writes, and no thread is held while the socket is quiet. Reading stops while the session asks for a pause and resumes
 * with a new fill interest.
 *
 * <p>Behind TLS the session (and its {@code max_connections} slot) is opened only once the
 * handshake has completed, so clients that never finish one hold no slot.
 */
final class SessionConnection extends AbstractConnection.NonBlocking implements SessionChannel, Connection.UpgradeTo {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.tcp");

    private final SessionFactory factory;
    private final ByteBufferPool bufferPool;
    private final SharedWriteBuffer writeBuffer;
    private static final VarHandle PARKED;

    static {
        try {
            PARKED = MethodHandles.lookup().findVarHandle(SessionConnection.class, "parked", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Whether the session asks for no more input. Fields, not atomic objects: two objects less per connection. */
    private volatile boolean paused;
    /** True while reading is stopped and no fill interest is registered; changed by compare-and-set ({@link #PARKED}). */
    private volatile boolean parked;
    private volatile ProtocolSession session;
    /** Bytes read by a connection before us (the PROXY protocol reader), delivered first. */
    private ByteBuffer upgradeBytes;
    /** Set by the TLS layer, from inside one of our fills, when the handshake completes. */
    private volatile boolean handshakeComplete;

    SessionConnection(EndPoint endPoint, Executor executor, ByteBufferPool bufferPool, SharedWriteBuffer writeBuffer,
                      SessionFactory factory) {
        super(endPoint, executor);
        this.factory = factory;
        this.bufferPool = bufferPool;
        this.writeBuffer = writeBuffer;
    }

    @Override
    public void onOpen() {
        super.onOpen();
        if (getEndPoint() instanceof SslConnection.SslEndPoint tls) {
            // Our fills drive the handshake; the one that completes it lets onFillable admit the client.
            tls.getSslConnection().addHandshakeListener(new SslHandshakeListener() {
                @Override
                public void handshakeSucceeded(Event event) {
                    handshakeComplete = true;
                }
            });
            fillInterested();
        } else if (admit()) {
            fillInterested();
        }
    }

    /** Opens the session, or tells the client why not and closes; returns whether it was opened. */
    private boolean admit() {
        SessionFactory.Admission admission = factory.open(this);
        if (!admission.admitted()) {
            refuse(admission.refusal());
            return false;
        }
        if (upgradeBytes != null) {
            session.receive(upgradeBytes);
            upgradeBytes = null;
        }
        return true;
    }

    private void refuse(String reason) {
        ByteBuffer message = ByteBuffer.wrap((reason + "\r\n").getBytes(StandardCharsets.UTF_8));
        getEndPoint().write(Callback.from(() -> getEndPoint().close(), failure -> getEndPoint().close()), message);
    }

    @Override
    public void onFillable() {
        ReadBuffers.Lease lease = ReadBuffers.lease(bufferPool);
        try {
            ByteBuffer bytes = lease.buffer();
            while (true) {
                if (paused) {
                    parked = true;
                    // A resume that raced with parking must not be lost: whoever un-parks reads on.
                    if (paused || !PARKED.compareAndSet(this, true, false)) {
                        return;
                    }
                }
                BufferUtil.clear(bytes);
                int filled = getEndPoint().fill(bytes);
                if (session == null) {
                    // Behind TLS: no data arrives until the handshake completes, and only then is a session opened.
                    if (filled < 0) {
                        getEndPoint().close();
                        return;
                    }
                    if (!handshakeComplete) {
                        fillInterested();
                        return;
                    }
                    if (!admit()) {
                        return;
                    }
                }
                if (filled > 0) {
                    session.receive(bytes);
                } else if (filled == 0) {
                    fillInterested();
                    return;
                } else {
                    session.inputEnded();
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("Read failed for {}: {}", remoteAddress(), e.toString());
            getEndPoint().close(e);
        } finally {
            lease.close();
        }
    }

    @Override
    public void onUpgradeTo(ByteBuffer buffer) {
        if (buffer != null && buffer.hasRemaining()) {
            upgradeBytes = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
        }
    }

    @Override
    public void attach(ProtocolSession opened) {
        session = opened;
    }

    @Override
    public void setInputPaused(boolean pause) {
        paused = pause;
        if (!pause && PARKED.compareAndSet(this, true, false)) {
            fillInterested();
        }
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        ByteBuffer direct = BufferUtil.remaining(buffers) <= SharedWriteBuffer.SIZE ? writeBuffer.take() : null;
        if (direct == null) {
            getEndPoint().write(new WriteCompletion(callback, null, null), buffers);
            return;
        }
        for (ByteBuffer buffer : buffers) {
            direct.put(buffer);
        }
        getEndPoint().write(new WriteCompletion(callback, writeBuffer, direct), direct.flip());
    }

    /**
     * A write's completion, handed to the session's callback after the shared buffer (if the
     * write used it) is free again; one object per write, and it never blocks.
     */
    private record WriteCompletion(WriteCallback callback, SharedWriteBuffer shared, ByteBuffer used) implements Callback {
        @Override
        public void succeeded() {
            release();
            callback.succeeded();
        }

        @Override
        public void failed(Throwable cause) {
            release();
            callback.failed(cause);
        }

        private void release() {
            if (used != null) {
                shared.give(used);
            }
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }
    }

    @Override
    public InetSocketAddress remoteAddress() {
        SocketAddress address = getEndPoint().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet : InetSocketAddress.createUnresolved(String.valueOf(address), 0);
    }

    @Override
    public InetSocketAddress localAddress() {
        SocketAddress address = getEndPoint().getLocalSocketAddress();
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public void close() {
        getEndPoint().close();
    }

    @Override
    public boolean onIdleExpired(TimeoutException timeout) {
        // Sessions run their own idle timeout (with a goodbye); this only reaps sockets left behind.
        LOG.debug("Idle socket {} closed by the connector", remoteAddress());
        return true;
    }

    @Override
    public void onClose(Throwable cause) {
        super.onClose(cause);
        ProtocolSession current = session;
        if (current != null) {
            current.transportClosed(cause);
        }
    }
}
