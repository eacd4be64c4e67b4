package io.chuk.protocol.handlers;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.TelnetControl;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What a handler can do to its session. The framework provides it; a handler reaches it
 * through its own methods ({@link BaseHandler#sendLine}, {@link BaseHandler#session()}, ...).
 * Every method is safe to call from any thread and never blocks, except {@link #await}.
 */
public interface HandlerContext {

    /** A task scheduled with {@link #schedule}. */
    interface Scheduled {
        /** Stops the task from running; returns false if it already ran or was cancelled. */
        boolean cancel();
    }

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

    /** The live sessions of the whole process. */
    SessionDirectory directory();

    /** Telnet negotiation, on {@code telnet} and {@code ws_telnet}; empty on the other transports. */
    Optional<TelnetControl> telnet();

    /** GMCP of the session; the default, for contexts without telnet, never sends. */
    default Gmcp gmcp() {
        return Gmcp.none();
    }

    /** MSDP of the session; the default, for contexts without telnet, never sends. */
    default Msdp msdp() {
        return Msdp.none();
    }

    /**
     * Hides or shows what the user types. On {@code telnet} and {@code ws_telnet} the server takes
     * over echo ({@code WILL ECHO}) and echoes nothing while hidden; afterwards echo returns to
     * what it was. On {@code websocket} a client that connected with {@code ?hints=1} is sent the
     * hint frame (see the README); on {@code tcp} nothing can be hidden.
     */
    void setInputHidden(boolean hidden);

    /** Whether input is hidden right now. */
    boolean inputHidden();

    /**
     * Runs {@code task} after {@code delay}, in order with the session's other callbacks (one at
     * a time, as a callback); it does not run once the session has ended.
     */
    Scheduled schedule(Duration delay, Runnable task);

    /** Runs {@code task} once when the session ends, before {@link BaseHandler#onDisconnect()}. */
    void whenClosed(Runnable task);

    /**
     * Waits inside a callback for {@code stage} to complete, while this session's input keeps
     * being delivered (so an {@code ask} can be answered), and returns its value. It blocks the
     * calling thread: on Java 21+ a virtual thread, on Java 17 one of the entry's
     * {@code handler_threads}. Not allowed in {@link NonBlocking} handlers.
     *
     * @throws io.chuk.protocol.api.SessionClosedException if the session ends first
     * @throws IllegalStateException outside a callback of this session, or in a {@link NonBlocking} handler
     */
    <T> T await(CompletionStage<T> stage);

    /** Whether the calling thread is a callback of this session waiting in {@link #await}. */
    boolean awaiting();
}
