package io.chuk.protocol.handlers;

import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Session;

/**
 * What a handler can do to its session. The framework provides it; a handler reaches it
 * through its own methods ({@link BaseHandler#sendLine}, {@link BaseHandler#session()}, ...).
 * Every method is safe to call from any thread and never blocks.
 */
public interface HandlerContext {

    Session session();

    /** The server entry the session belongs to. */
    ServerSettings config();

    /** Sends one line; the transport adds its line ending (CR LF) or frames it (WebSocket). */
    void sendLine(String line);

    /** Sends bytes as they are (telnet transports still escape IAC). */
    void sendRaw(byte[] data);

    /** Sends a prompt: bytes with no line ending, skipped on the message-framed {@code websocket} transport. */
    void sendPrompt(String prompt);

    /** Whether the server echoes what the client types (telnet character mode). */
    boolean serverEchoes();

    /** Closes the session once everything sent so far has been written. */
    void close();
}
