package io.chuk.protocol.standalone;

import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionChannel;
import io.chuk.protocol.websocket.PingLiveness;
import io.chuk.protocol.websocket.WebSocketOutput;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A session's transport over Jetty's core WebSocket session: text frames (one per output line,
 * written together) for {@code websocket}, one binary frame per write batch for
 * {@code ws_telnet}, so echoed keystrokes are coalesced. The session's UTF-8 bytes are framed as
 * they are. Every call here is asynchronous, closing too, so nothing blocks a thread. Pausing is
 * the endpoint's: it stops asking Jetty for frames.
 */
final class CoreWebSocketChannel implements SessionChannel, PingLiveness.Peer {

    /** How long a closing WebSocket may take before Jetty drops the connection. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final CoreSession core;
    private final CoreSessionEndpoint endpoint;
    private final boolean textFrames;
    private final InetSocketAddress remoteAddress;
    private final RequestInfo handshake;
    private volatile ProtocolSession session;
    private volatile boolean writing;

    CoreWebSocketChannel(CoreSession core, CoreSessionEndpoint endpoint, boolean textFrames,
                         InetSocketAddress remoteAddress, RequestInfo handshake) {
        this.core = core;
        this.endpoint = endpoint;
        this.textFrames = textFrames;
        this.remoteAddress = remoteAddress;
        this.handshake = handshake;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public InetSocketAddress localAddress() {
        return core.getLocalAddress() instanceof InetSocketAddress inet ? inet : null;
    }

    @Override
    public RequestInfo request() {
        String subprotocol = core.getNegotiatedSubProtocol();
        return subprotocol == null || subprotocol.isEmpty() ? handshake
                : new RequestInfo(handshake.path(), handshake.query(), handshake.parameters(), handshake.headers(), subprotocol);
    }

    @Override
    public String requestPath() {
        return handshake.query() == null || handshake.query().isEmpty() ? handshake.path()
                : handshake.path() + "?" + handshake.query();
    }

    @Override
    public String userAgent() {
        return handshake.header("User-Agent").orElse(null);
    }

    @Override
    public void attach(ProtocolSession opened) {
        session = opened;
    }

    @Override
    public void write(ByteBuffer[] buffers, WriteCallback callback) {
        if (buffers.length == 0) {
            callback.succeeded();
            return;
        }
        writing = true;
        if (!textFrames) {
            core.sendFrame(new Frame(OpCode.BINARY, WebSocketOutput.joined(buffers)), new Batch(1, callback), false);
            return;
        }
        Batch batch = new Batch(buffers.length, callback);
        for (int i = 0; i < buffers.length; i++) {
            boolean more = i < buffers.length - 1; // batched frames are written with the last one
            core.sendFrame(new Frame(OpCode.TEXT, buffers[i].slice()), batch, more);
        }
    }

    @Override
    public void setInputPaused(boolean paused) {
        endpoint.setPaused(paused);
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL, "Session ended");
    }

    @Override
    public void closeForViolation(String reason) {
        close(CloseStatus.POLICY_VIOLATION, reason);
    }

    /**
     * Closes with a code and reason. Reading goes on, for the peer's close frame; a peer that
     * never answers is dropped once the close timeout passes without traffic.
     */
    void close(int code, String reason) {
        endpoint.setPaused(false);
        core.setIdleTimeout(CLOSE_TIMEOUT);
        core.close(code, reason, Callback.NOOP);
    }

    // PingLiveness.Peer

    @Override
    public boolean isOpen() {
        return core.isOutputOpen();
    }

    @Override
    public boolean writing() {
        return writing;
    }

    @Override
    public void sendPing(ByteBuffer payload) {
        core.sendFrame(new Frame(OpCode.PING, payload), Callback.NOOP, false);
    }

    @Override
    public void closeUnanswered() {
        close(CloseStatus.SERVER_ERROR, "Ping timeout");
    }

    @Override
    public String id() {
        ProtocolSession opened = session;
        return opened != null ? opened.id() : String.valueOf(remoteAddress);
    }

    /** Completes a write once every frame of it has been written, or failed. */
    private final class Batch extends AtomicInteger implements Callback {
        private final WriteCallback done;
        private volatile Throwable failure;

        Batch(int frames, WriteCallback done) {
            super(frames);
            this.done = done;
        }

        @Override
        public void succeeded() {
            frameDone();
        }

        @Override
        public void failed(Throwable cause) {
            if (failure == null) {
                failure = cause;
            }
            frameDone();
        }

        private void frameDone() {
            if (decrementAndGet() != 0) {
                return;
            }
            writing = false;
            Throwable cause = failure;
            if (cause == null) {
                done.succeeded();
            } else {
                done.failed(cause);
            }
        }
    }
}
