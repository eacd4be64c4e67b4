package io.chuk.protocol.websocket;

import io.chuk.protocol.session.ProtocolSession;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * How a whole WebSocket message becomes a session's input, whichever container adapter read it.
 * {@code websocket}: a text message is input text (a frame is a line), and a binary one is read
 * as UTF-8 text. {@code ws_telnet}: messages of either kind are bytes of the telnet stream.
 */
public final class WebSocketInput {

    private WebSocketInput() {
    }

    /** @param textTransport whether the entry is {@code websocket} (not {@code ws_telnet}) */
    public static void text(ProtocolSession session, boolean textTransport, String message) {
        if (textTransport) {
            session.receiveMessage(message);
        } else {
            session.receive(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** @param textTransport whether the entry is {@code websocket} (not {@code ws_telnet}) */
    public static void binary(ProtocolSession session, boolean textTransport, ByteBuffer message) {
        if (textTransport) {
            session.receiveMessage(StandardCharsets.UTF_8.decode(message).toString());
        } else {
            session.receive(message);
        }
    }
}
