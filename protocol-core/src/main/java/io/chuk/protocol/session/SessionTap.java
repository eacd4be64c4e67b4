package io.chuk.protocol.session;

/**
 * Sees a session's traffic as text, for the monitor: what the client typed (after transport
 * decoding) and what the server sent (before encoding). Called on session threads; must not block.
 */
public interface SessionTap {
    void input(String text);

    void output(String text);

    /**
     * On {@code telnet} and {@code ws_telnet}: the bytes the client's terminal receives, in order,
     * with the telnet layer taken out (commands and negotiation removed, {@code IAC IAC} as 0xFF):
     * the output above plus echo, prompts and everything written raw. The array is not reused.
     */
    default void terminalOutput(byte[] bytes) {
    }

    /** On {@code telnet} and {@code ws_telnet}: the client reported a new window size (NAWS). */
    default void windowSize(int width, int height) {
    }
}
