package io.chuk.protocol.api;

/**
 * Telnet option negotiation from a handler, on the {@code telnet} and {@code ws_telnet}
 * transports. Every request goes through the server's RFC 1143 negotiation, so it never loops and
 * never sends what the state already says; raw IAC bytes are never needed. Option codes are in
 * {@link TelnetOptions}. Safe to call from any thread.
 */
public interface TelnetControl {

    /** Whether the server performs {@code option} (it said WILL and the client agreed, or the reverse). */
    boolean isEnabledLocally(int option);

    /** Whether the client performs {@code option}. */
    boolean isEnabledRemotely(int option);

    /** Offers ({@code WILL}) or refuses ({@code WONT}) an option on the server's side; returns whether anything was sent. */
    boolean requestLocal(int option, boolean enable);

    /** Asks the client to perform ({@code DO}) or stop ({@code DONT}) an option; returns whether anything was sent. */
    boolean requestRemote(int option, boolean enable);

    /**
     * Character mode (the server echoes and suppresses go-ahead: every keystroke reaches the
     * handler as typed) or line mode (the client edits and echoes a line, and sends it on Enter).
     */
    void setCharacterMode(boolean characterMode);

    /** Whether the server echoes, that is, the session is in character mode. */
    boolean characterMode();

    /** Sends {@code IAC GA} (go ahead), which MUD clients take as the end of a prompt. */
    void sendGoAhead();

    /** Sends {@code IAC EOR} (end of record, RFC 885) when the client agreed to EOR; returns whether it was sent. */
    boolean sendEndOfRecord();
}
