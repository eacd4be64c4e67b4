package io.chuk.protocol.session;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The transport side of a session: what a raw connector or a WebSocket endpoint provides so a
 * {@link ProtocolSession} can drive it. Implementations never block.
 */
public interface SessionChannel {

    /** Told when a write finished. */
    interface WriteCallback {
        void succeeded();

        void failed(Throwable cause);
    }

    InetSocketAddress remoteAddress();

    /** The server's address the client connected to, or {@code null} when the transport cannot tell. */
    default InetSocketAddress localAddress() {
        return null;
    }

    /** The WebSocket handshake request, or {@code null} for raw sockets. */
    default io.chuk.protocol.api.RequestInfo request() {
        return null;
    }

    /**
     * The session this channel now serves. Called once by {@link SessionFactory#open}, before the
     * session starts, so a close that races with the start still reaches the session.
     */
    void attach(ProtocolSession session);

    /** The request path (with query) of a WebSocket handshake, or {@code null} for raw sockets. */
    default String requestPath() {
        return null;
    }

    /** The client's {@code User-Agent} header, or {@code null} when it sent none or has no such thing. */
    default String userAgent() {
        return null;
    }

    /**
     * Writes the buffers in order and calls back once they are all written. The session never
     * has more than one write in flight. A byte-stream channel writes them back to back; a
     * WebSocket channel sends one frame per buffer ({@code websocket}: text) or one frame for
     * the batch ({@code ws_telnet}: binary).
     */
    void write(ByteBuffer[] buffers, WriteCallback callback);

    /** Stops or resumes reading from the client (flow control); calling it again with the same value changes nothing. */
    void setInputPaused(boolean paused);

    /** Closes the connection now; the transport then reports {@link ProtocolSession#transportClosed}. */
    void close();

    /**
     * Closes the connection now because of a policy violation (such as a client that stops
     * reading); transports that can carry a reason (WebSocket close frames) do.
     */
    default void closeForViolation(String reason) {
        close();
    }
}
