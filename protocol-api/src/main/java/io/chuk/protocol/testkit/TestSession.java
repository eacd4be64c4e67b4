package io.chuk.protocol.testkit;

import io.chuk.protocol.api.Session;

import java.time.Duration;
import java.util.List;

/**
 * One handler session driven in memory: the test plays the client. Every method returns only once
 * the session is quiet (its input handled, its callbacks finished or waiting in {@code await} for
 * more input); a session that does not get quiet within {@link HandlerTestKit#QUIET_TIMEOUT} fails
 * the call with an {@link AssertionError} describing its state. Methods may be called from one
 * test thread at a time.
 */
public interface TestSession extends AutoCloseable {

    /** The session as the handler sees it ({@code session()} in the handler): id, transport, terminal, attributes. */
    Session session();

    /**
     * Types {@code line} and presses Enter the way the transport carries it: telnet and
     * {@code ws_telnet} end it with CR LF, {@code tcp} with LF, and on {@code websocket} the line is
     * one text frame.
     */
    void sendLine(String line);

    /**
     * Types {@code text} without Enter (characters as UTF-8 on the byte-stream transports).
     *
     * @throws IllegalStateException on {@code websocket}, which carries whole messages only
     */
    void type(String text);

    /** Sends raw wire bytes; on the telnet transports they may hold IAC sequences. */
    void sendBytes(byte[] bytes);

    /**
     * Sends one text frame as it is.
     *
     * @throws IllegalStateException on a transport other than {@code websocket}
     */
    void sendFrame(String text);

    /**
     * The client's window changed: sends telnet NAWS with the new size.
     *
     * @throws IllegalStateException when the transport is not telnet or the client did not agree to NAWS
     */
    void resize(int width, int height);

    /** The client closes its sending side (a half-close): the handler's {@code onEndOfInput} follows. */
    void endInput();

    /**
     * Every complete line the session has shown so far, as UTF-8 text without its line ending:
     * telnet commands are stripped, CR LF and CR NUL are read as a terminal reads them (a line ends
     * at LF). On {@code websocket} each text frame is one line. A prompt without a line ending is not
     * a line yet (see {@link #text()}).
     */
    List<String> lines();

    /** The complete lines shown since the previous call of this method (or since the session opened). */
    List<String> takeLines();

    /**
     * Everything the session has shown, as a terminal would have received it: UTF-8 text with
     * telnet commands stripped, CR LF read as {@code "\n"} and CR NUL as {@code "\r"}, prompts
     * included. On {@code websocket} each frame is followed by {@code "\n"}.
     */
    String text();

    /** Every byte the session wrote to its client, unchanged (telnet negotiation included). */
    byte[] bytes();

    /** Whether the session has ended: the handler called {@code endSession}, a callback failed, or it was closed. */
    boolean isClosed();

    /**
     * Moves the virtual clock on by {@code time}, running the handler timers whose time comes in
     * order (the timeouts of {@code ask} and the {@code read*} methods, {@code schedule}); a timer
     * that schedules another within the span sees it run too. The clock is shared by the sessions
     * of one {@link TestHost}. Real time never fires these timers.
     */
    void elapse(Duration time);

    /** Closes the connection (as a client that hangs up) and waits until the handler has heard of it. */
    @Override
    void close();
}
