package io.chuk.protocol.websocket;

import io.chuk.protocol.session.SessionChannel;

import java.nio.ByteBuffer;

/**
 * What a container adapter can do for one session's WebSocket beyond the portable Jakarta API,
 * handed to {@link SessionEndpoint#attach} once the endpoint has opened. The standalone Jetty
 * server builds one on Jetty's core WebSocket session: it stops reading without holding a thread,
 * and it frames the session's UTF-8 output as it is, where the Jakarta API would take a
 * {@code String} and encode it again. Without one, a session uses the portable API alone.
 */
public interface DirectWebSocket {

    /** Stops ({@code true}) or restarts ({@code false}) reading this WebSocket, without holding a thread. */
    void setInputPaused(boolean paused);

    /**
     * Sends each payload as one whole frame, in order and written together: text frames (the
     * payloads are UTF-8) or binary ones. {@code done} completes once all are written, or once
     * sending failed. The payloads are not changed, and are not read after {@code done}.
     */
    void send(boolean text, ByteBuffer[] payloads, SessionChannel.WriteCallback done);
}
