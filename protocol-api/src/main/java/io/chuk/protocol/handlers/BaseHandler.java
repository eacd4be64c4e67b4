package io.chuk.protocol.handlers;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.api.MudProtocol;
import io.chuk.protocol.api.ServerSettings;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.api.SessionDirectory;
import io.chuk.protocol.api.TelnetControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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
 *
 * <p>Dialogs: {@link CharacterHandler#ask(String)} and the {@code read*} methods return a
 * {@link CompletionStage} that the next input completes (or its timeout, or the session's end).
 * Its continuations run in the session's order like any callback. Where blocking is fine (Java
 * 21+, where callbacks run on virtual threads), {@link #await(CompletionStage)} turns it into
 * straight-line code: {@code String name = await(ask("Name: "));}.
 */
public abstract class BaseHandler {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.handlers");

    /** What a session is told when the server stops, unless {@link #onServerShutdown()} says otherwise. */
    public static final String SHUTDOWN_MESSAGE = "Server is shutting down. Goodbye!";

    private HandlerContext context;
    private PendingRead pending;
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

    /** The live sessions of the whole process: list them, message them, keep rooms. */
    public final SessionDirectory directory() {
        return context().directory();
    }

    /** Telnet option negotiation, on {@code telnet} and {@code ws_telnet}; empty on other transports. */
    public final Optional<TelnetControl> telnet() {
        return context().telnet();
    }

    /**
     * Hides what the user types (passwords) or shows it again; see
     * {@link HandlerContext#setInputHidden(boolean)} for what each transport can do.
     */
    public final void setInputHidden(boolean hidden) {
        context().setInputHidden(hidden);
    }

    /** GMCP of this session: never null; {@link Gmcp#enabled()} once a telnet client agreed (see {@link MudProtocols}). */
    public final Gmcp gmcp() {
        return context().gmcp();
    }

    /** MSDP of this session: never null; talks once a telnet client agreed (see {@link MudProtocols}). */
    public final Msdp msdp() {
        return context().msdp();
    }

    /**
     * Sends a GMCP message ({@code sendGmcp("Char.Vitals", Map.of("hp", 100))}); returns whether it
     * was sent (false unless the client agreed to GMCP). See {@link Gmcp#send}.
     */
    public final boolean sendGmcp(String packageName, Object value) {
        return gmcp().send(packageName, value);
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
     * Called by the framework with each input: a waiting {@link #readRaw} takes it, else
     * {@link #processData(byte[])} does.
     */
    public final void receive(byte[] data) throws Exception {
        if (readWaitingFor(PendingRead.Kind.RAW)) {
            pendingRead().complete(data);
        } else {
            processData(data);
        }
    }

    /**
     * Called by the framework with each message of a message-framed transport: a waiting
     * {@link #readRaw} takes it (as UTF-8), else {@link #processMessage(String)} does.
     */
    public final void receiveMessage(String text) throws Exception {
        if (readWaitingFor(PendingRead.Kind.RAW)) {
            pendingRead().complete(text.getBytes(StandardCharsets.UTF_8));
        } else {
            processMessage(text);
        }
    }

    /**
     * The next input as it arrives, before any line or character handling (the original's
     * {@code read_raw}): bytes on byte-stream transports, a message's UTF-8 on {@code websocket}.
     * Completes with {@link io.chuk.protocol.api.InputTimeoutException} after {@code timeout}
     * (zero = no timeout) and with {@link io.chuk.protocol.api.SessionClosedException} if the
     * session ends first.
     */
    public final CompletionStage<byte[]> readRaw(Duration timeout) {
        return pendingRead().start(PendingRead.Kind.RAW, timeout, false);
    }

    /**
     * Waits for {@code stage} inside a callback while this session's input keeps arriving, and
     * returns its value; see {@link HandlerContext#await(CompletionStage)}. A stage that failed
     * throws its cause (such as {@link io.chuk.protocol.api.InputTimeoutException}).
     */
    protected final <T> T await(CompletionStage<T> stage) {
        return context().await(stage);
    }

    /** What {@link #whenAnswered} runs: the value, or the failure (timeout, closed session). */
    @FunctionalInterface
    public interface Answered<T> {
        void accept(T value, Throwable failure) throws Exception;
    }

    /**
     * Runs {@code next} when {@code stage} (an {@code ask} or a {@code read*}) completes, within
     * the callback that completed it, so it runs in the session's order. Unlike a plain
     * {@code whenComplete}, whatever {@code next} throws is handled as a callback's exception:
     * {@link #onError} hears it and the session ends.
     */
    public final <T> void whenAnswered(CompletionStage<T> stage, Answered<? super T> next) throws Exception {
        java.util.concurrent.CompletableFuture<T> future = stage.toCompletableFuture();
        if (future.isDone()) { // refused at once (a read already waiting): the caller hears it now
            T value = future.isCompletedExceptionally() ? null : future.join();
            next.accept(value, future.isCompletedExceptionally() ? failureOf(future) : null);
            return;
        }
        stage.whenComplete((value, failure) -> {
            try {
                next.accept(value, unwrap(failure));
            } catch (Exception e) {
                pendingRead().continuationFailed(e);
            }
        });
    }

    private static Throwable failureOf(java.util.concurrent.CompletableFuture<?> failed) {
        try {
            failed.join();
            return null;
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return unwrap(e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException wrapped && wrapped.getCause() != null
                ? wrapped.getCause() : failure;
    }

    /**
     * A line another part of the application sent this session through the
     * {@link SessionDirectory} (a chat message, an announcement), in order with the other
     * callbacks. The default sends it; {@link CharacterHandler} also redraws a half-typed line.
     */
    public void onNotice(String line) throws Exception {
        sendLine(line);
    }

    /**
     * Called by the framework after each callback: input held back for an {@link #await}ed
     * dialog that did not ask again reaches the handler now.
     */
    public final void afterCallback() throws Exception {
        releaseTypedAhead();
    }

    /** The oldest line held back for an awaited dialog, or {@code null}. */
    String takeTypedAhead() {
        return null;
    }

    /** Hands held-back lines to the handler's callbacks. */
    void releaseTypedAhead() throws Exception {
        // a raw handler holds nothing back
    }

    /** Whether a dialog waits for {@code kind} of input (without making the dialog state). */
    final boolean readWaitingFor(PendingRead.Kind kind) {
        return pending != null && pending.waitingFor(kind);
    }

    final PendingRead pendingRead() {
        HandlerContext attached = context();
        if (pending == null) { // made at the first dialog: most sessions of most handlers never open one
            pending = new PendingRead(attached);
        }
        return pending;
    }

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

    /**
     * A GMCP message from the client: its package ({@code Core.Hello}) and its JSON text (empty
     * when it had none). {@code Core.Hello} and {@code Core.Supports.*} are also kept in
     * {@link #gmcp()}. Malformed JSON is logged and never reaches this method.
     */
    public void onGmcp(String packageName, String jsonText) throws Exception {
        // a handler that does not use GMCP ignores it
    }

    /**
     * An MSDP variable the client sent that is not a command ({@code LIST}, {@code REPORT},
     * {@code UNREPORT}, {@code SEND}, {@code RESET} are answered by the server): a {@code String},
     * a {@code List} (array) or a {@code Map} (table).
     */
    public void onMsdp(String variable, Object value) throws Exception {
        // a handler that does not use MSDP ignores it
    }

    /**
     * The client agreed to ({@code enabled}) or stopped a MUD protocol the server offered: the
     * moment to send GMCP state such as {@code Char.Vitals}, which is dropped before.
     */
    public void onMudProtocol(MudProtocol protocol, boolean enabled) throws Exception {
        // nothing to send by default
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
