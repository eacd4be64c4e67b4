package io.chuk.protocol.websocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket liveness ({@code ping_interval}, {@code ping_timeout}): a ping every interval, and a
 * peer whose pong is later than the timeout is closed (1011), so dead or frozen clients do not
 * hold sessions open. Pings also keep idle proxies from cutting the connection.
 *
 * <p>The Jakarta {@code sendPing} blocks until the frame is written (also on Jetty's async
 * remote), so the timer only decides and the ping is sent from the host's pool for blocking
 * transport calls. No ping is sent while a write is waiting for the client: that client is not
 * reading, and the write timeout deals with it. A ping that blocks anyway is ended by its own
 * deadline, which closes the connection.
 */
public final class PingLiveness {

    /** The WebSocket being watched, as the container adapter offers it. */
    public interface Peer {
        boolean isOpen();

        /** Whether a write is waiting for the client right now (pings then stay back). */
        boolean writing();

        /** Sends a ping; may block until it is written. */
        void sendPing(ByteBuffer payload) throws IOException;

        /** Closes the connection because no pong came in time (1011, "Ping timeout"). */
        void closeUnanswered();

        /** Names the connection in the log. */
        String id();
    }

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    private final Peer peer;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final Executor sender;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> deadline;
    private boolean sending;
    private boolean stopped;
    private long sequence;

    public PingLiveness(Peer peer, Duration timeout, ScheduledExecutorService timer, Executor sender) {
        this.peer = peer;
        this.timeout = timeout;
        this.timer = timer;
        this.sender = sender;
    }

    public synchronized void start(Duration interval) {
        long millis = interval.toMillis();
        pinger = timer.scheduleAtFixedRate(this::due, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** On the timer: never blocks. */
    private synchronized void due() {
        if (stopped || sending || deadline != null || !peer.isOpen() || peer.writing()) {
            return; // a ping in flight, a pong awaited, or output stuck: nothing to add
        }
        sending = true;
        long payload = ++sequence;
        sender.execute(() -> send(payload));
    }

    /** On the pool for blocking calls. */
    private void send(long payload) {
        synchronized (this) {
            if (stopped) {
                sending = false;
                return;
            }
            if (!timeout.isZero()) {
                deadline = timer.schedule(this::expired, timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        try {
            peer.sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, payload));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            LOG.debug("Ping to {} failed: {}", peer.id(), e.toString());
        } finally {
            synchronized (this) {
                sending = false;
            }
        }
    }

    public synchronized void pongReceived() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expired() {
        synchronized (this) {
            deadline = null;
            if (stopped) {
                return;
            }
        }
        LOG.info("WebSocket {} did not answer a ping within {} ms; closing", peer.id(), timeout.toMillis());
        peer.closeUnanswered();
    }

    public synchronized void stop() {
        stopped = true;
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
