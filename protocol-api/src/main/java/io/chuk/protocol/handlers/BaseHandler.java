package io.chuk.protocol.handlers;

import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The root of every handler: one instance per session, receiving raw input.
 *
 * <p>The framework creates the instance through CDI (so fields may be {@code @Inject}ed),
 * attaches it to its session, then calls {@link #onConnect()}, {@link #sendWelcome()}, the
 * input callbacks and finally {@link #onDisconnect()}. For one session these calls run one at a
 * time and in order, never on a network thread, so a handler is plain sequential code; a slow
 * handler delays only its own session. The {@code send*} methods never block: output is queued,
 * and a client that does not read is throttled by pausing its input.
 *
 * <p>Extend {@link LineHandler} for line-based applications, {@link CharacterHandler} for
 * keystroke-based ones, and {@link TelnetHandler} for a full telnet experience.
 */
public abstract class BaseHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.handlers");

    /** What a session is told when the server stops, unless {@link #onServerShutdown()} says otherwise. */
    public static final String SHUTDOWN_MESSAGE = "Server is shutting down. Goodbye!";

    private HandlerContext context;
    private volatile boolean ended;

    /** Called by the framework once, before any callback. */
    public final void attach(HandlerContext handlerContext) {
        Objects.requireNonNull(handlerContext, "handlerContext");
        if (context != null) {
            throw new IllegalStateException("handler already attached to session " + context.session().id());
        }
        context = handlerContext;
    }

    /** The session this handler serves. */
    public final Session session() {
        return context().session();
    }

    /** The settings of the server entry this session came through. */
    public final ServerSettings config() {
        return context().config();
    }

    protected final HandlerContext context() {
        if (context == null) {
            throw new IllegalStateException("handler is not attached to a session yet");
        }
        return context;
    }

    // ---- lifecycle hooks -------------------------------------------------------------------

    /** The session opened; nothing has been sent yet. */
    public void onConnect() throws Exception {
        LOG.debug("Session {} connected from {}", session().id(), session().remoteAddress());
    }

    /** Sends the greeting. By default the configured {@code welcome_message}, if any. */
    public void sendWelcome() throws Exception {
        String welcome = welcomeMessage();
        if (welcome != null) {
            sendLine(welcome);
        }
    }

    /**
     * Raw input as it arrived (after transport decoding such as telnet's IAC handling).
     * Subclasses turn it into characters or lines.
     */
    public abstract void processData(byte[] data) throws Exception;

    /**
     * One message from a message-framed transport ({@code websocket}: one text frame). By default
     * it is handled like the same text typed and followed by Enter.
     */
    public void processMessage(String text) throws Exception {
        processData((text + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client reported its window size (telnet NAWS), at first and on every resize. The
     * current size is also in {@code session().terminal()}.
     */
    public void onWindowSize(int width, int height) throws Exception {
        // most handlers do not lay out their output
    }

    /** The input ended (the client closed its side); by default nothing more happens. */
    public void onEndOfInput() throws Exception {
        // Nothing buffered here; subclasses flush partial input.
    }

    /** The session closed, for whatever reason. Release resources here. */
    public void onDisconnect() throws Exception {
        LOG.debug("Session {} disconnected", session().id());
    }

    /**
     * The server is stopping: returns the line this session is told before it is closed. Called
     * in order with the other callbacks, so a handler busy past {@code drain_timeout} is closed
     * without it. The default is {@code Server is shutting down. Goodbye!}.
     */
    public String onServerShutdown() throws Exception {
        return SHUTDOWN_MESSAGE;
    }

    /**
     * A callback threw. The default logs it; the framework then ends the session with a message.
     */
    public void onError(Throwable error) {
        LOG.error("Error handling client {} (session {})", session().remoteAddress(), session().id(), error);
    }

    // ---- output --------------------------------------------------------------------------

    /** Sends one line of text (the transport adds CR LF, or frames it). Never blocks. */
    public void sendLine(String line) {
        context().sendLine(line);
    }

    /** Sends bytes unchanged (telnet transports escape IAC). Never blocks. */
    public void sendRaw(byte[] data) {
        context().sendRaw(data);
    }

    /**
     * Ends the session: sends {@code message} as a line if it is not {@code null}, then closes once
     * everything queued has been written. Later callbacks for this session are not delivered.
     */
    public void endSession(String message) {
        if (ended) {
            return;
        }
        ended = true;
        if (message != null) {
            sendLine(message);
        }
        context().close();
    }

    /** Whether {@link #endSession} was called or the session is closed. */
    public boolean isSessionEnded() {
        return ended || (context != null && !context.session().isOpen());
    }

    /** The configured {@code welcome_message}, or {@code null} when unset or empty. */
    protected String welcomeMessage() {
        String welcome = config().welcomeMessage();
        return welcome == null || welcome.isEmpty() ? null : welcome;
    }
}
