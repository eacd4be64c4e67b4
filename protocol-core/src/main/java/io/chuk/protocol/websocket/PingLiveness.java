package io.chuk.protocol.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * WebSocket liveness ({@code ping_interval}, {@code ping_timeout}): a ping every interval, and a
 * peer whose pong is later than the timeout is closed (1011), so dead or frozen clients do not
 * hold sessions open. Pings also keep idle proxies from cutting the connection.
 */
final class PingLiveness {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    private final Session webSocket;
    private final WebSocketChannel channel;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private ScheduledFuture<?> pinger;
    private ScheduledFuture<?> deadline;
    private long sequence;

    PingLiveness(Session webSocket, WebSocketChannel channel, Duration timeout, ScheduledExecutorService timer) {
        this.webSocket = webSocket;
        this.channel = channel;
        this.timeout = timeout;
        this.timer = timer;
    }

    synchronized void start(Duration interval) {
        long millis = interval.toMillis();
        pinger = timer.scheduleAtFixedRate(this::ping, millis, millis, TimeUnit.MILLISECONDS);
    }

    private synchronized void ping() {
        if (!webSocket.isOpen() || deadline != null) {
            return; // still waiting for the last pong: its deadline decides
        }
        try {
            webSocket.getAsyncRemote().sendPing(ByteBuffer.allocate(Long.BYTES).putLong(0, ++sequence));
        } catch (IOException | IllegalStateException | IllegalArgumentException e) {
            LOG.debug("Ping to {} failed: {}", webSocket.getId(), e.toString());
            return;
        }
        if (!timeout.isZero()) {
            deadline = timer.schedule(this::expired, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void pongReceived() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }

    private void expired() {
        synchronized (this) {
            deadline = null;
        }
        LOG.info("WebSocket {} did not answer a ping within {} ms; closing", webSocket.getId(), timeout.toMillis());
        channel.close(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Ping timeout");
    }

    synchronized void stop() {
        if (pinger != null) {
            pinger.cancel(false);
        }
        if (deadline != null) {
            deadline.cancel(false);
        }
    }
}
