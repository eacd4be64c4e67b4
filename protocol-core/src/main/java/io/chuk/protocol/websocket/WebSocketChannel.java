package io.chuk.protocol.websocket;

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
import java.util.concurrent.ForkJoinPool;

/**
 * A session's transport over a Jakarta WebSocket: text frames (one per output line) for
 * {@code websocket}, binary frames (one per write batch, so echoed keystrokes are coalesced)
 * for {@code ws_telnet}. Uses only the portable async API, so it runs on Jetty and Tomcat alike.
 */
final class WebSocketChannel implements SessionChannel {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.websocket");

    /** How long a message callback may wait for a paused session to drain before re-checking. */
    private static final long PAUSE_CHECK_MILLIS = 1000;

    private final jakarta.websocket.Session webSocket;
    private final boolean textFrames;
    private final InetSocketAddress remoteAddress;
    private final Object pauseLock = new Object();
    private volatile ProtocolSession session;
    private boolean inputPaused;

    WebSocketChannel(jakarta.websocket.Session webSocket, boolean textFrames, InetSocketAddress remoteAddress) {
        this.webSocket = webSocket;
        this.textFrames = textFrames;
        this.remoteAddress = remoteAddress;
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

    @Override
    public String requestPath() {
        Object path = webSocket.getUserProperties().get(HandshakeCheck.PATH_PROPERTY);
        return path instanceof String text ? text : webSocket.getRequestURI().toString();
    }

    @Override
    public String userAgent() {
        Object agent = webSocket.getUserProperties().get(HandshakeCheck.USER_AGENT_PROPERTY);
        return agent instanceof String text ? text : null;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        if (textFrames) {
            sendText(buffers, 0, callback);
        } else {
            int total = 0;
            for (ByteBuffer buffer : buffers) {
                total += buffer.remaining();
            }
            ByteBuffer frame = ByteBuffer.allocate(total);
            for (ByteBuffer buffer : buffers) {
                frame.put(buffer);
            }
            frame.flip();
            webSocket.getAsyncRemote().sendBinary(frame, completion(callback, null));
        }
    }

    private void sendText(ByteBuffer[] buffers, int index, WriteCallback callback) {
        if (index == buffers.length) {
            callback.succeeded();
            return;
        }
        String text = StandardCharsets.UTF_8.decode(buffers[index]).toString();
        webSocket.getAsyncRemote().sendText(text, completion(callback, () -> sendText(buffers, index + 1, callback)));
    }

    private static SendHandler completion(WriteCallback callback, Runnable next) {
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

    /**
     * The Jakarta API cannot stop reading, so a paused session instead holds the container's
     * message callback here: that connection's reads stop until the handler catches up.
     */
    @Override
    public void setInputPaused(boolean paused) {
        synchronized (pauseLock) {
            inputPaused = paused;
            if (!paused) {
                pauseLock.notifyAll();
            }
        }
    }

    /** Blocks the calling (container) thread while input is paused and the socket is open. */
    void awaitInputResumed() {
        synchronized (pauseLock) {
            while (inputPaused && webSocket.isOpen()) {
                try {
                    pauseLock.wait(PAUSE_CHECK_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
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
     * Closes with a code and reason. The Jakarta close may block until the close frame is written
     * (Tomcat's does), so it runs off the caller's thread: callers include the shared timer.
     */
    void close(CloseReason.CloseCode code, String reason) {
        setInputPaused(false);
        ForkJoinPool.commonPool().execute(() -> {
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
