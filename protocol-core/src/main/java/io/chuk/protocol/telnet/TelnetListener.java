package io.chuk.protocol.telnet;

import java.util.Map;

/**
 * Receives what a {@link TelnetEngine} decodes. Only {@link #onData} and {@link #onSend} are mandatory;
 * the rest default to doing nothing, so a transport implements just what it uses.
 */
public interface TelnetListener {
    /**
     * Application data, with telnet escaping removed. The array may be the caller's input
     * buffer and is only valid during the call: copy what you keep.
     */
    void onData(byte[] data, int off, int len);

    /** Bytes to write to the peer as they are (already escaped). A fresh array; keep it if you like. */
    void onSend(byte[] bytes);

    /** The peer sent its first telnet command: it is a telnet client, not a raw socket. Called once. */
    default void onNegotiationSeen() {
    }

    /** The client's (first, preferred) terminal type. Called once. */
    default void onTerminalType(String terminalType) {
    }

    /** The client's window size, at first report and on every change. */
    default void onWindowSize(int width, int height) {
    }

    /** The client's environment after each NEW-ENVIRON IS or INFO (an unmodifiable snapshot). */
    default void onEnvironment(Map<String, String> environment) {
    }

    /** A character set was agreed through CHARSET (for example "UTF-8"). */
    default void onCharset(String charset) {
    }

    /**
     * An option became enabled or disabled. {@code local} is our side (we WILL), otherwise the
     * peer's side (the peer WILL, we DO).
     */
    default void onOptionChanged(int option, boolean local, boolean enabled) {
    }

    /**
     * A complete, non-empty sub-negotiation of an option the engine does not interpret
     * itself (GMCP, MSDP, ...), unescaped and within {@link TelnetSettings#maxSubnegotiationLength()}.
     * The array is the engine's buffer, only valid during the call.
     */
    default void onSubnegotiation(int option, byte[] body, int off, int len) {
    }

    /**
     * The peer sent {@code IAC SB option IAC SE} (an empty body) for an option enabled on our
     * side. Return true when the peer's bytes after it are no longer telnet (MCCP3: they are
     * compressed): {@link TelnetEngine#receive} then stops right after the SE and says how far it read.
     */
    default boolean onEmptySubnegotiation(int option) {
        return false;
    }

    /** {@code IAC IP}: the user pressed the interrupt key (Ctrl-C in most clients). */
    default void onInterrupt() {
    }

    /** {@code IAC BRK}. */
    default void onBreak() {
    }

    /** {@code IAC AO}: discard output that is still queued. */
    default void onAbortOutput() {
    }

    /** {@code IAC EC}: erase the last character. */
    default void onEraseCharacter() {
    }

    /** {@code IAC EL}: erase the current line. */
    default void onEraseLine() {
    }
}
