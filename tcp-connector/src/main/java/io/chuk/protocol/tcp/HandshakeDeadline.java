package io.chuk.protocol.tcp;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslHandshakeListener;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closes one TLS connection whose handshake is not complete within {@code tls_handshake_timeout}
 * of its opening. The deadline is total, not an idle timeout, so a client trickling handshake
 * bytes cannot hold the socket any longer than a silent one.
 */
final class HandshakeDeadline implements SslHandshakeListener, Connection.Listener {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.tcp");

    private final Scheduler scheduler;
    private final Duration timeout;
    /** Set once the handshake ended either way, the connection closed, or the deadline fired. */
    private final AtomicBoolean settled = new AtomicBoolean();
    private volatile Scheduler.Task expiry;

    HandshakeDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        expiry = scheduler.schedule(() -> expire(connection), timeout);
    }

    @Override
    public void handshakeSucceeded(Event event) {
        settle();
    }

    @Override
    public void handshakeFailed(Event event, Throwable failure) {
        settle();
    }

    @Override
    public void onClosed(Connection connection) {
        settle();
    }

    private void settle() {
        settled.set(true);
        Scheduler.Task task = expiry;
        if (task != null) {
            task.cancel();
        }
    }

    private void expire(Connection connection) {
        if (settled.compareAndSet(false, true)) {
            LOG.debug("TLS handshake from {} not complete within {} ms; closing",
                    connection.getEndPoint().getRemoteSocketAddress(), timeout.toMillis());
            connection.getEndPoint().close(new TimeoutException("TLS handshake timeout"));
        }
    }
}
