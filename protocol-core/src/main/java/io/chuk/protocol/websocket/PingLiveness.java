package io.chuk.protocol.websocket;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.session.ProtocolSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * WebSocket liveness ({@code ping_interval}, {@code ping_timeout}): a ping every interval, and a
 * peer whose pong is later than the timeout is closed (1011), so dead or frozen clients do not
 * hold sessions open. Pings also keep idle proxies from cutting the connection.
 *
 * <p>It keeps no timer of its own: the host's sweeper, which already visits every session about
 * every 100 ms for its time limits, calls {@link #check}. So a WebSocket session costs no
 * scheduled task, and thousands of them put nothing in the timer's queue. The Jakarta
 * {@code sendPing} blocks until the frame is written (also on Jetty's async remote), so the check
 * only decides and the ping is sent from the host's pool for blocking transport calls. No ping is
 * sent while a write is waiting for the client: that client is not reading, and the write timeout
 * deals with it. The answer is due {@code ping_timeout} after the ping was due, so a ping that
 * blocks, or waits in the pool, is ended by that deadline too, which closes the connection.
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
    private final long intervalNanos;
    private final long timeoutNanos;
    private final Executor sender;
    private long nextPingNanos;
    /** Whether a pong is awaited, and by when (only with a timeout). */
    private boolean awaiting;
    private long answerDeadlineNanos;
    private boolean sending;
    private boolean stopped;
    private long sequence;

    /**
     * @param interval time between pings; the first is due one interval after {@code nowNanos}
     * @param timeout  how long a pong may take; zero waits for ever
     * @param sender   where pings are sent (a send may block)
     */
    public PingLiveness(Peer peer, Duration interval, Duration timeout, Executor sender, long nowNanos) {
        this.peer = peer;
        this.intervalNanos = interval.toNanos();
        this.timeoutNanos = timeout.toNanos();
        this.sender = sender;
        this.nextPingNanos = nowNanos + intervalNanos;
    }

    /**
     * Pings {@code peer} on {@code session}'s sweeps from now on, per the entry's
     * {@code ping_interval} and {@code ping_timeout}; {@code null} when the entry has no interval.
     */
    public static PingLiveness watch(ProtocolSession session, Peer peer, ServerConfig config, Executor sender) {
        if (config.pingInterval().isZero()) {
            return null;
        }
        PingLiveness liveness = new PingLiveness(peer, config.pingInterval(), config.pingTimeout(), sender,
                System.nanoTime());
        session.checkLivenessWith(liveness::check);
        return liveness;
    }

    /** On the host's sweeper: sends the ping that is due, or closes a peer that did not answer. Never blocks. */
    public void check(long nowNanos) {
        boolean expired;
        boolean send = false;
        long payload = 0;
        synchronized (this) {
            if (stopped) {
                return;
            }
            expired = awaiting && timeoutNanos > 0 && nowNanos - answerDeadlineNanos >= 0;
            if (expired) {
                stopped = true; // closing: one close, and no more pings
            } else if (nowNanos - nextPingNanos >= 0) {
                nextPingNanos = nowNanos + intervalNanos;
                // A ping in flight, a pong awaited, or output stuck: nothing to add.
                send = !sending && !awaiting && peer.isOpen() && !peer.writing();
                if (send) {
                    sending = true;
                    awaiting = true;
                    answerDeadlineNanos = nowNanos + timeoutNanos; // from when it was due: a ping stuck in the pool counts
                    payload = ++sequence;
                }
            }
        }
        if (expired) {
            LOG.info("WebSocket {} did not answer a ping within {} ms; closing", peer.id(), timeoutNanos / 1_000_000);
            peer.closeUnanswered();
        } else if (send) {
            long ping = payload;
            try {
                sender.execute(() -> send(ping));
            } catch (RejectedExecutionException e) { // the host is stopping
                synchronized (this) {
                    sending = false;
                    awaiting = false;
                }
            }
        }
    }

    /** On the pool for blocking calls. */
    private void send(long payload) {
        synchronized (this) {
            if (stopped) {
                sending = false;
                return;
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
        awaiting = false;
    }

    public synchronized void stop() {
        stopped = true;
    }
}
