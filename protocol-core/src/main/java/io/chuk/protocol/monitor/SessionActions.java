package io.chuk.protocol.monitor;

import io.chuk.protocol.api.Transport;
import io.chuk.protocol.session.ProtocolSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What an operator's kick and input injection do to a live session: one place, used by the
 * monitor for this node's sessions and by a cluster node for requests from other nodes' monitors.
 */
public final class SessionActions {

    /** The longest text an action may carry. */
    public static final int MAX_TEXT_CHARS = 4096;

    private SessionActions() {
    }

    /** {@link #kick} when {@code kick}, else {@link #inject}. */
    public static void apply(boolean kick, ProtocolSession session, String text) {
        if (kick) {
            kick(session, text);
        } else {
            inject(session, text);
        }
    }

    /** Sends {@code message} to the client, then closes the session. */
    public static void kick(ProtocolSession session, String message) {
        session.closeWithMessage(message);
    }

    /**
     * Input as if the session's user typed it, through the transport's own entry: one message on
     * {@code websocket}, bytes elsewhere (UTF-8 never holds 0xFF, so telnet needs no IAC escaping).
     */
    public static void inject(ProtocolSession session, String text) {
        if (session.transport() == Transport.WEBSOCKET) {
            session.receiveMessage(text);
        } else {
            session.receive(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
