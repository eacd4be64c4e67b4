package io.chuk.protocol.session;

import java.nio.charset.StandardCharsets;

/**
 * Sees a session's traffic, for the monitor and for recordings: what the client typed (after
 * transport decoding) and what the server sent (before encoding), and the client's window size
 * changes. Called on session threads; must not block.
 */
public interface SessionTap {
    void input(String text);

    void output(String text);

    /** Input as bytes; a tap that decodes across chunks (a multi-byte character may be split) overrides this. */
    default void input(byte[] bytes) {
        input(new String(bytes, StandardCharsets.UTF_8));
    }

    /** Output as bytes ({@code sendRaw}); see {@link #input(byte[])}. */
    default void output(byte[] bytes) {
        output(new String(bytes, StandardCharsets.UTF_8));
    }

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
