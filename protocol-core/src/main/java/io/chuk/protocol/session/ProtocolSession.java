package io.chuk.protocol.session;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.api.RequestInfo;
import io.chuk.protocol.api.SessionClosedException;
import io.chuk.protocol.api.SessionInfo;
import io.chuk.protocol.directory.LocalSessionDirectory;
import io.chuk.protocol.handlers.BaseHandler;
import io.chuk.protocol.handlers.HandlerContext;
import io.chuk.protocol.telnet.TelnetSettings;
import io.chuk.protocol.api.TerminalInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;

/**
 * One client connection bound to its handler. What moves its data (the queues, flow control and
 * the open/closing/closed state machine) is {@link SessionFlow}, which this extends; this adds the
 * handler and its callbacks: they run through the session's {@link SerialExecutor}, one at a time
 * and in order, and {@link InputDelivery} hands each item to the handler (through the telnet layer
 * where there is one), under {@link HandlerInvoker}'s error policy. {@link SessionDeadlines}
 * holds the idle, write and close time limits that the host's sweeper checks;
 * {@link SessionTaps} copies traffic to the monitor; {@link AwaitPump} runs a callback's
 * {@code await}.
 *
 * <p>Transports push input in ({@link #receive}, {@link #receiveMessage}, {@link #inputEnded})
 * from their network threads and report the end of the connection ({@link #transportClosed}).
 */
public final class ProtocolSession extends SessionFlow implements Session {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** How long a closing session may take to write its last output and be gone. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final SessionFactory factory;
    private final SessionHost host;
    private final ServerConfig config;
    /** The entry's transport, kept here: handlers ask for it per message. */
    private final Transport transport;
    private final InetSocketAddress remoteAddress;
    /** When the session started, in epoch milliseconds: a long, not an {@link Instant}, as sessions are many. */
    private final long startMillis = System.currentTimeMillis();
    /** The application's attributes, made at the first {@link #attributes()}: most sessions never have one. */
    private volatile Map<String, Object> attributes;
    /** The telnet layer on {@code telnet} and {@code ws_telnet}, else {@code null}. */
    private final TelnetStream telnet;
    private final SessionTaps taps = new SessionTaps();
    private final OutputEncoder encoder;

    /** The handler, and what each input item means to it. */
    private final InputDelivery handler;
    /** What the handler sees of this session: only the public API. */
    private final HandlerSession view;
    /** What runs when the session ends. */
    private final CloseTasks closeTasks = new CloseTasks();
    /** Runs {@link #await}: the waiting thread delivers the session's input meanwhile. Made at the first await. */
    private volatile AwaitPump pump;
    /** Made at the first {@link #setInputHidden}; guarded by the lock. */
    private InputHiding hiding;
    /** The transport's own check on each sweep (WebSocket pings), else {@code null}. */
    private volatile LongConsumer livenessCheck;

    ProtocolSession(SessionFactory factory, SessionChannel channel) {
        super(UUID.randomUUID().toString(), channel, factory.deadlineLimits(),
                factory.config().limits().maxOutputBuffer(), factory.callbackPool(), factory.nonBlockingHandler());
        this.factory = factory;
        this.host = factory.host();
        this.config = factory.config();
        this.remoteAddress = channel.remoteAddress();
        this.transport = config.transport();
        MudSettings mud = factory.mudSettings();
        this.telnet = config.transport().speaksTelnet()
                ? new TelnetStream(new TelnetSettings(config.limits().maxSubnegotiationLength(),
                        TelnetSettings.DEFAULT_MAX_TERMINAL_TYPES, true, true, TelnetOffers.of(mud, config)), mud, id,
                        this::enqueueOutput, this::switchOutputCompression) : null;
        this.encoder = new OutputEncoder(config.transport(), telnet, taps);
        this.handler = new InputDelivery(id, factory.statistics(), remoteAddress, telnet, taps) {
            @Override
            void callbackFailed() {
                closeWithMessage("An internal error occurred; closing the session.");
            }

            @Override
            void callbackEnded() {
                flushQueued();
            }

            @Override
            void close(String message) {
                closeWithMessage(message);
            }

            @Override
            void close() {
                ProtocolSession.this.close();
            }
        };
        this.view = new HandlerSession(this, telnet == null ? null : new TelnetControls(telnet, this::enqueueOutput));
    }

    // ---- what the flow asks of the session ------------------------------------------------------

    @Override
    void deliver(Object item) {
        handler.deliver(item);
    }

    @Override
    boolean inCallback() {
        return handler.inCallback();
    }

    @Override
    void inputQueued() {
        AwaitPump waiter = pump;
        if (waiter != null) {
            waiter.wake();
        }
    }

    @Override
    void outputQueued(byte[] bytes) {
        if (telnet != null) {
            taps.terminalOutput(bytes); // all telnet output passes here: lines, prompts, echo, negotiation
        }
    }

    // ---- Session ----------------------------------------------------------------------------

    @Override
    public String id() {
        return id;
    }

    @Override
    public String serverName() {
        return config.name();
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Instant startTime() {
        return Instant.ofEpochMilli(startMillis);
    }

    @Override
    public Instant lastActivity() {
        return startTime().plusNanos(deadlines.lastInputNanos(System.nanoTime()) - deadlines.startNanos());
    }

    @Override
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> map = attributes;
        if (map == null) {
            synchronized (this) {
                map = attributes;
                if (map == null) {
                    attributes = map = new ConcurrentHashMap<>(4);
                }
            }
        }
        return map;
    }

    @Override
    public Optional<RequestInfo> request() {
        return Optional.ofNullable(channel.request());
    }

    /** A snapshot for the session directory. */
    public SessionInfo info() {
        Map<String, Object> map = attributes;
        return new SessionInfo(id, serverName(), transport(), remoteAddress, startTime(), map == null ? Map.of() : map);
    }

    @Override
    public Optional<TerminalInfo> terminal() {
        return telnet == null ? Optional.empty() : Optional.of(telnet.terminalInfo());
    }

    /** The WebSocket request path (with query), or {@code null}. */
    public String requestPath() {
        return channel.requestPath();
    }

    /** The client's User-Agent, or {@code null}. */
    public String userAgent() {
        return channel.userAgent();
    }

    /** Starts copying this session's traffic to {@code tap} (the monitor's watchers). */
    public void addTap(SessionTap tap) {
        taps.add(tap);
    }

    public void removeTap(SessionTap tap) {
        taps.remove(tap);
    }

    // ---- what the handler can do (through its HandlerSession) --------------------------------

    public ServerConfig config() {
        return config;
    }

    public void sendLine(String line) {
        enqueueOutput(encoder.line(line), false);
    }

    public void sendRaw(byte[] data) {
        byte[] bytes = encoder.raw(data);
        if (bytes.length > 0) {
            enqueueOutput(bytes, false);
        }
    }

    public void sendPrompt(String prompt) {
        byte[] bytes = encoder.prompt(prompt);
        if (bytes.length > 0) {
            enqueueOutput(bytes, false);
        }
    }

    /** GMCP of this session: {@link Gmcp#none()} unless the entry offers it on telnet. */
    Gmcp gmcp() {
        return telnet == null || telnet.gmcp() == null ? Gmcp.none() : telnet.gmcp();
    }

    /** MSDP of this session: {@link Msdp#none()} unless the entry offers it on telnet. */
    Msdp msdp() {
        return telnet == null || telnet.msdp() == null ? Msdp.none() : telnet.msdp();
    }

    /** Whether the server echoes typed characters: telnet clients that agreed to WILL ECHO. */
    public boolean serverEchoes() {
        return telnet != null && telnet.serverEchoes();
    }

    /** Hides or shows what the client types; see {@link InputHiding}. Nothing changes once the session closes. */
    void setInputHidden(boolean hidden) {
        InputHiding part;
        synchronized (this) {
            if (!isOpen()) {
                return;
            }
            if (hiding == null) {
                hiding = new InputHiding(telnet, config.transport(), channel.request(), this::sendLine);
            }
            part = hiding;
        }
        part.set(hidden);
    }

    /** Whether the handler hides what the client types (a password): recordings leave such input out. */
    public boolean inputHidden() {
        InputHiding part;
        synchronized (this) {
            part = hiding;
        }
        return part != null && part.hidden();
    }

    /** A line from the session directory: the handler's {@code onNotice}, in order with its other callbacks. */
    public void notice(String line) {
        enqueueTask(h -> h.onNotice(line), line.length() * 2L);
    }

    /** Runs {@code task} as a callback after {@code delay}, unless the session has ended. */
    HandlerContext.Scheduled schedule(Duration delay, Runnable task) {
        SessionTask scheduled = new SessionTask(h -> task.run(), 0);
        HandlerContext.Scheduled timer = host.clock().schedule(delay, () -> enqueue(scheduled));
        return () -> {
            boolean pending = scheduled.cancel();
            timer.cancel();
            return pending;
        };
    }

    void whenClosed(Runnable task) {
        closeTasks.add(task);
    }

    private void enqueueTask(HandlerInvoker.Callback callback, long size) {
        enqueue(new SessionTask(callback, size));
    }

    private void enqueue(SessionTask task) {
        enqueueInput(task, 0);
    }

    /**
     * Blocks the calling callback until {@code stage} completes, delivering this session's input
     * (and its timers and notices) meanwhile, on this thread, one item at a time.
     */
    <T> T await(CompletionStage<T> stage) {
        if (!handler.inCallback()) {
            throw new IllegalStateException("await() must be called from a callback of session " + id);
        }
        if (factory.nonBlockingHandler()) {
            throw new IllegalStateException("await() blocks, and " + config.handlerType().getName()
                    + " is @NonBlocking: chain the CompletionStage instead");
        }
        AwaitPump waiter = pump;
        if (waiter == null) {
            // Callbacks run one at a time, so only one thread gets here.
            pump = waiter = new AwaitPump(this::flushQueued, this::nextAwaited, handler::deliver, this::awaitEnded);
        }
        return waiter.await(stage.toCompletableFuture());
    }

    /** The pump's next item, or {@code null}; once the handler failed there is none to deliver. */
    private Object nextAwaited(CompletableFuture<?> result) {
        if (!handler.usable()) {
            throw new SessionClosedException(id);
        }
        return nextWhileAwaiting(result);
    }

    boolean awaitingOnThisThread() {
        AwaitPump waiter = pump;
        return waiter != null && waiter.waitingOnThisThread();
    }

    /**
     * The server is stopping: once the handler's earlier callbacks are done, the client is told
     * the handler's {@link BaseHandler#onServerShutdown()} line and the session closes.
     */
    void shutdown() {
        callbacks.execute(() -> closeWithMessage(handler.shutdownLine(BaseHandler.SHUTDOWN_MESSAGE)));
    }

    /** Tells the client {@code message} (if not null), then closes. */
    public void closeWithMessage(String message) {
        if (message == null) {
            close();
        } else {
            // Queue the message and start closing in one step, so no other output can follow it.
            enqueueOutput(encoder.line(message), true);
        }
    }

    // ---- transport side -------------------------------------------------------------------------

    /** Starts the session: registers it, creates the handler and sends the welcome. */
    void start() {
        host.registry().add(this);
        LOG.info("Session {} opened: {} from {} on server '{}'", id, transport(), remoteAddress, serverName());
        callbacks.execute(() -> {
            if (telnet != null) {
                // Negotiate at once, in the same write as the welcome: no dead time, nothing read is lost.
                handler.run(() -> enqueueOutput(telnet.start()));
            }
            if (!handler.create(host.handlerFactory(), config.handlerType(), view)) {
                closeWithMessage("Server error: the session could not be started.");
                return;
            }
            handler.invoke(h -> {
                h.onConnect();
                h.sendWelcome();
            });
        });
    }

    /** Input bytes from a byte-stream or binary-frame transport. */
    public void receive(ByteBuffer data) {
        byte[] copy = new byte[data.remaining()];
        data.get(copy);
        enqueueInput(copy, copy.length);
    }

    /** One text message from a message-framed transport. */
    public void receiveMessage(String text) {
        enqueueInput(text, text.length());
    }

    /** The client closed its sending side: remaining input is processed, then the session ends. */
    public void inputEnded() {
        enqueueInput(InputQueue.END_OF_INPUT, 0);
    }

    /** The connection is gone (closed by either side); the handler hears about it once. */
    public void transportClosed(Throwable cause) {
        if (!markClosed()) {
            return;
        }
        if (cause != null) {
            LOG.debug("Session {} connection closed with {}", id, cause.toString());
        }
        factory.release(this);
        if (telnet != null) {
            factory.statistics().telnetEnded(telnet.peerSpeaksTelnet());
            telnet.close();
        }
        host.registry().remove(this);
        LocalSessionDirectory.instance().sessionEnded(id);
        LOG.info("Session {} closed ({} from {})", id, transport(), remoteAddress);
        inputQueued(); // an await looks again, and finds the session closed
        callbacks.execute(() -> {
            closeTasks.runAll(task -> handler.run(task::run));
            handler.release();
        });
    }

    void enqueueOutput(byte[] bytes) {
        enqueueOutput(bytes, false);
    }


    // ---- time limits (called by the host's sweeper; never blocks) -------------------------------

    /**
     * Has the host's sweeper, which checks the session's time limits about every 100 ms, also run
     * {@code check} (with the time) while the session is open: a transport's own liveness, such as
     * WebSocket pings, then needs no timer per connection. {@code check} must not block.
     */
    public void checkLivenessWith(LongConsumer check) {
        livenessCheck = check;
    }

    void checkDeadlines(long nowNanos) {
        long stalled = stalledNanos(nowNanos);
        if (stalled < 0) {
            return; // closed
        }
        LongConsumer liveness = livenessCheck;
        if (liveness != null && isOpen()) {
            liveness.accept(nowNanos);
        }
        switch (deadlines.check(nowNanos, stalled)) {
            case CLOSE_TIMEOUT -> {
                LOG.info("Session {}: not closed within {} s; dropping it", id, CLOSE_TIMEOUT.toSeconds());
                channel.close();
                transportClosed(new TimeoutException("close timed out"));
            }
            case WRITE_TIMEOUT -> cutOff("is not reading (nothing written for "
                    + formatSeconds(config.limits().writeTimeout()) + ")", "Write timeout: the client is not reading");
            case IDLE_TIMEOUT -> {
                Duration timeout = config.connectionTimeout();
                LOG.info("Connection timeout ({}s idle) for {} (session {})", timeout.toSeconds(), remoteAddress, id);
                closeWithMessage("Connection timed out after " + formatSeconds(timeout) + " of inactivity. Goodbye!");
            }
            case KEEPALIVE -> {
                byte[] command = telnet.keepalive(config.keepalive());
                if (command != null) {
                    enqueueOutput(command); // a dead peer fails this write and the session closes
                }
            }
            case NONE -> {
            }
        }
    }

    private static String formatSeconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " seconds"
                : String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    @Override
    public String toString() {
        return "Session[" + id + " " + transport() + " " + remoteAddress + " " + flowState()
                + " handler=" + handler.usable() + "]";
    }
}
