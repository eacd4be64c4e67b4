package io.chuk.protocol.websocket;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * A session's transport over a Jakarta WebSocket: text frames (one per output line) for
 * {@code websocket}, binary frames (one per write batch, so echoed keystrokes are coalesced)
 * for {@code ws_telnet}. Uses only the portable async API, so it runs on Jetty and Tomcat alike.
 *
 * <p>Pausing input: where the container can stop reading ({@link InputSuspension}), no thread waits. Elsewhere the container's message callback waits while the session is paused, which
 * stops that connection's reads; at most {@link #MAX_PARKED} callbacks of the process wait at
 * once, and a session that cannot park keeps reading into its bounded input queue.
 */
final class WebSocketChannel implements SessionChannel {

    /** Where Jetty and Tomcat put the server's socket address of a WebSocket session. */
    private static final String LOCAL_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.localAddress";

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    /** How long a message callback may wait for a paused session to drain before re-checking. */
    private static final long PAUSE_CHECK_MILLIS = 1000;
    /** Container threads that may wait for paused sessions at once, process-wide. */
    static final int MAX_PARKED = 16;
    private static final Semaphore PARKING = new Semaphore(MAX_PARKED);
    /** How long a closing WebSocket may take before the container drops the connection. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final jakarta.websocket.Session webSocket;
    private final boolean textFrames;
    private final InetSocketAddress remoteAddress;
    private final Executor blockingTasks;
    private final InputSuspension suspension;
    private final Object pauseLock = new Object();
    private volatile ProtocolSession session;
    private volatile boolean writing;
    private boolean inputPaused;
    private boolean suspended;

    WebSocketChannel(jakarta.websocket.Session webSocket, boolean textFrames, InetSocketAddress remoteAddress,
                     Executor blockingTasks) {
        this.webSocket = webSocket;
        this.textFrames = textFrames;
        this.remoteAddress = remoteAddress;
        this.blockingTasks = blockingTasks;
        this.suspension = InputSuspension.of(webSocket);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public void attach(ProtocolSession opened) {
        session = opened;
    }

    /** The session on this WebSocket, or {@code null} when it was refused. */
    ProtocolSession session() {
        return session;
    }

    /** Whether a write is waiting for the client right now (pings then stay back). */
    boolean writing() {
        return writing;
    }

    @Override
    public String requestPath() {
        RequestInfo handshake = handshake();
        if (handshake == null || handshake.path() == null) {
            return webSocket.getRequestURI().toString();
        }
        return handshake.query().isEmpty() ? handshake.path() : handshake.path() + "?" + handshake.query();
    }

    @Override
    public InetSocketAddress localAddress() {
        Object address = webSocket.getUserProperties().get(LOCAL_ADDRESS_PROPERTY);
        return address instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public RequestInfo request() {
        RequestInfo handshake = handshake();
        if (handshake == null) {
            return null;
        }
        String subprotocol = webSocket.getNegotiatedSubprotocol();
        return subprotocol == null || subprotocol.isEmpty() ? handshake
                : new RequestInfo(handshake.path(), handshake.query(), handshake.parameters(), handshake.headers(), subprotocol);
    }

    @Override
    public String userAgent() {
        RequestInfo handshake = handshake();
        return handshake == null ? null : handshake.header("User-Agent").orElse(null);
    }

    /** The handshake as {@link HandshakeCheck} kept it, or {@code null}. */
    private RequestInfo handshake() {
        Object request = webSocket.getUserProperties().get(HandshakeCheck.REQUEST_PROPERTY);
        return request instanceof RequestInfo info ? info : null;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        writing = true;
        WriteCallback done = new WriteCallback() {
            @Override
            public void succeeded() {
                writing = false;
                callback.succeeded();
            }

            @Override
            public void failed(Throwable cause) {
                writing = false;
                callback.failed(cause);
            }
        };
        if (textFrames) {
            sendText(buffers, 0, done);
        } else {
            webSocket.getAsyncRemote().sendBinary(WebSocketOutput.joined(buffers), completion(done, null));
        }
    }

    private void sendText(ByteBuffer[] buffers, int index, WriteCallback callback) {
        if (index == buffers.length) {
            callback.succeeded();
            return;
        }
        String text = textOf(buffers[index]);
        webSocket.getAsyncRemote().sendText(text, completion(callback, () -> sendText(buffers, index + 1, callback)));
    }

    /** The UTF-8 text of an output buffer; the session's buffers wrap arrays, which decode without a decoder object. */
    private static String textOf(ByteBuffer buffer) {
        if (buffer.hasArray()) {
            return new String(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining(), StandardCharsets.UTF_8);
        }
        return StandardCharsets.UTF_8.decode(buffer).toString();
    }

    private SendHandler completion(WriteCallback callback, Runnable next) {
        return (SendResult result) -> {
            if (!result.isOK()) {
                callback.failed(result.getException());
            } else if (next != null) {
                next.run();
            } else {
                callback.succeeded();
            }
        };
    }

    @Override
    public void setInputPaused(boolean paused) {
        synchronized (pauseLock) {
            inputPaused = paused;
            if (paused != suspended && webSocket.isOpen() && suspension.supported()
                    && suspension.apply(webSocket, paused)) {
                suspended = paused;
            }
            if (!paused) {
                pauseLock.notifyAll();
            }
        }
    }

    /**
     * Called by the container's message callback after handing a message on: where reads cannot
     * be suspended, waits while the session is paused (if a parking place is free).
     */
    void afterMessage() {
        if (!needsParking() || !PARKING.tryAcquire()) {
            return;
        }
        try {
            synchronized (pauseLock) {
                while (inputPaused && !suspended && webSocket.isOpen()) {
                    pauseLock.wait(PAUSE_CHECK_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            PARKING.release();
        }
    }

    private boolean needsParking() {
        synchronized (pauseLock) {
            return inputPaused && !suspended;
        }
    }

    @Override
    public void close() {
        close(CloseReason.CloseCodes.NORMAL_CLOSURE, "Session ended");
    }

    @Override
    public void closeForViolation(String reason) {
        close(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
    }

    /**
     * Closes with a code and reason. A peer that never answers is dropped by the container once
     * the close timeout passes without traffic. The Jakarta close may block until the close frame
     * is written (Tomcat's does), so it runs on the host's pool for blocking transport calls.
     */
    void close(CloseReason.CloseCode code, String reason) {
        setInputPaused(false);
        try {
            webSocket.setMaxIdleTimeout(CLOSE_TIMEOUT.toMillis());
        } catch (IllegalStateException e) {
            return; // already closed
        }
        blockingTasks.execute(() -> {
            try {
                if (webSocket.isOpen()) {
                    webSocket.close(new CloseReason(code, reason));
                }
            } catch (IOException | IllegalStateException e) {
                LOG.debug("Closing WebSocket {} failed: {}", webSocket.getId(), e.toString());
            }
        });
    }
}
