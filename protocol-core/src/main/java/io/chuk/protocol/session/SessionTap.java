package io.chuk.protocol.session;

/**
 * Sees a session's traffic as text, for the monitor: what the client typed (after transport
 * decoding) and what the server sent (before encoding). Called on session threads; must not block.
 */
public interface SessionTap {
    void input(String text);

    void output(String text);
}
