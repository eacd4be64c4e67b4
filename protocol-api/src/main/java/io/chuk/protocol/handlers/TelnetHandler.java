package io.chuk.protocol.handlers;

/**
 * A handler for terminal users: lines with quit words and a prompt on every transport, and on
 * the {@code telnet} and {@code ws_telnet} transports the telnet session the transport
 * negotiated (terminal type, window size, echo).
 *
 * <p>Override {@link #onCommandSubmitted(String)} to answer commands, or
 * {@link #processLine(String)} to see every line.
 */
public abstract class TelnetHandler extends LineHandler {

    /** Answers {@code Echo: <command>}, as the original's default does. */
    @Override
    public void onCommandSubmitted(String command) throws Exception {
        sendLine("Echo: " + command);
    }
}
