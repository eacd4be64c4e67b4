package io.chuk.protocol.session;

import io.chuk.protocol.api.Gmcp;
import io.chuk.protocol.api.Msdp;
import io.chuk.protocol.api.Session;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.TelnetKeepalive;
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
 * One client connection bound to its handler: the state machine that ties the parts of a session
 * together. Input is queued ({@link InputQueue}) and handed to the handler through the session's
 * {@link SerialExecutor}, so callbacks run one at a time and in order, and {@link InputDelivery}
 * hands each item to the handler (through the telnet layer where there is one); output is queued and
 * written one batch at a time ({@link OutputQueue}); {@link Backpressure} pauses reading when
 * either backs up; {@link SessionDeadlines} holds the idle, write and close time limits that the
 * host's sweeper checks; {@link SessionTaps} copies traffic to the monitor; {@link AwaitPump} runs
 * a callback's {@code await}.
 *
 * <p>Transports push input in ({@link #receive}, {@link #receiveMessage}, {@link #inputEnded})
 * from their network threads and report the end of the connection ({@link #transportClosed}).
 */
public final class ProtocolSession implements Session {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** How long a closing session may take to write its last output and be gone. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private enum State { OPEN, CLOSING, CLOSED }

    private final String id = UUID.randomUUID().toString();
    private final SessionFactory factory;
    private final SessionHost host;
    private final ServerConfig config;
    private final SessionChannel channel;
    /** The entry's transport, kept here: handlers ask for it per message. */
    private final Transport transport;
    private final InetSocketAddress remoteAddress;
    /** When the session started, in epoch milliseconds: a long, not an {@link Instant}, as sessions are many. */
    private final long startMillis = System.currentTimeMillis();
    private final long startNanos = System.nanoTime();
    /** The application's attributes, made at the first {@link #attributes()}: most sessions never have one. */
    private volatile Map<String, Object> attributes;
    private final SerialExecutor callbacks;
    /** The telnet layer on {@code telnet} and {@code ws_telnet}, else {@code null}. */
    private final TelnetStream telnet;
    private final SessionDeadlines deadlines;
    private final SessionTaps taps = new SessionTaps();
    private final OutputEncoder encoder;
    private final WriteLoop writes;

    /** Guards the queues, the backpressure state and the state machine. */
    private final Object lock = new Object();
    private final InputQueue input = new InputQueue();
    private final OutputQueue output = new OutputQueue();
    private final Backpressure backpressure = new Backpressure();
    private boolean drainScheduled;
    /** {@link #drainInput}, made once: it is scheduled for nearly every read. */
    private final Runnable drainTask = this::drainInput;
    /** Bytes from and to the client so far; guarded by the lock. */
    private long bytesReceived;
    private long bytesSent;
    private State state = State.OPEN;

    private final HandlerInvoker handler;
    /** What the handler sees of this session: only the public API. */
    private final HandlerSession view;
    /** What runs when the session ends. */
    private final CloseTasks closeTasks = new CloseTasks();
    /** Runs {@link #await}: the waiting thread delivers the session's input meanwhile. Made at the first await. */
    private volatile AwaitPump pump;
    /** What {@link #await} is parked on while it has no input to deliver, else {@code null}; guarded by the lock. */
    private CompletableFuture<?> parkedOn;
    /** Made at the first {@link #setInputHidden}; guarded by the lock. */
    private InputHiding hiding;
    private final InputDelivery delivery;
    /** The transport's own check on each sweep (WebSocket pings), else {@code null}. */
    private volatile LongConsumer livenessCheck;

    ProtocolSession(SessionFactory factory, SessionChannel channel) {
        this.factory = factory;
        this.host = factory.host();
        this.config = factory.config();
        this.channel = channel;
        this.remoteAddress = channel.remoteAddress();
        this.transport = config.transport();
        this.callbacks = new SerialExecutor(factory.callbackPool(), factory.nonBlockingHandler(), lock);
        this.handler = new HandlerInvoker(id, factory.statistics()) {
            @Override
            void callbackFailed() {
                closeWithMessage("An internal error occurred; closing the session.");
            }

            @Override
            void callbackEnded() {
                flushQueued();
            }
        };
        MudSettings mud = factory.mudSettings();
        this.telnet = config.transport().speaksTelnet()
                ? new TelnetStream(new TelnetSettings(config.limits().maxSubnegotiationLength(),
                        TelnetSettings.DEFAULT_MAX_TERMINAL_TYPES, true, true, TelnetOffers.of(mud, config)), mud, id,
                        this::enqueueOutput, this::switchOutputCompression) : null;
        this.encoder = new OutputEncoder(config.transport(), telnet, taps);
        this.writes = new WriteLoop(channel) {
            @Override
            ByteBuffer[] written(long bytes) {
                return ProtocolSession.this.written(bytes);
            }

            @Override
            void failed(Throwable cause) {
                writeFailed(cause);
            }
        };
        Duration keepalive = telnet != null && config.keepalive() != TelnetKeepalive.OFF ? config.keepaliveInterval() : Duration.ZERO;
        this.deadlines = new SessionDeadlines(config.connectionTimeout(), keepalive,
                config.limits().writeTimeout(), CLOSE_TIMEOUT, startNanos);
        this.delivery = new InputDelivery(id, remoteAddress, handler, telnet, taps) {
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
        return startTime().plusNanos(deadlines.lastInputNanos() - startNanos);
    }

    @Override
    public InetSocketAddress localAddress() {
        return channel.localAddress();
    }

    @Override
    public Map<String, Object> attributes() {
        Map<String, Object> map = attributes;
        if (map == null) {
            synchronized (lock) {
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

    @Override
    public boolean isOpen() {
        synchronized (lock) {
            return state == State.OPEN;
        }
    }

    /** The WebSocket request path (with query), or {@code null}. */
    public String requestPath() {
        return channel.requestPath();
    }

    /** The client's User-Agent, or {@code null}. */
    public String userAgent() {
        return channel.userAgent();
    }

    /** Bytes received from the client so far. */
    long bytesReceived() {
        synchronized (lock) {
            return bytesReceived;
        }
    }

    /** Bytes written to the client so far. */
    long bytesSent() {
        synchronized (lock) {
            return bytesSent;
        }
    }

    /** Bytes of output waiting for this client. */
    public long queuedOutputBytes() {
        synchronized (lock) {
            return output.bytes();
        }
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
        synchronized (lock) {
            if (state != State.OPEN) {
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
        synchronized (lock) {
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
            pump = waiter = new AwaitPump(this::flushQueued, this::nextWhileAwaiting, delivery::deliver, this::awaitEnded);
        }
        return waiter.await(stage.toCompletableFuture());
    }

    /** The pump's next item: taken under the lock, as input and the state change under it. */
    private Object nextWhileAwaiting(CompletableFuture<?> result) {
        Object item;
        Backpressure.Change change;
        synchronized (lock) {
            if (state != State.OPEN || !handler.usable()) {
                throw new SessionClosedException(id);
            }
            item = input.poll();
            change = backpressure.update(input.bytes(), output.bytes());
            parkedOn = item == null ? result : null;
        }
        applyFlowControl(change);
        return item;
    }

    private void awaitEnded() {
        synchronized (lock) {
            parkedOn = null;
        }
    }

    private void wakeAwait() {
        AwaitPump waiter = pump;
        if (waiter != null) {
            waiter.wake();
        }
    }

    boolean awaitingOnThisThread() {
        AwaitPump waiter = pump;
        return waiter != null && waiter.waitingOnThisThread();
    }

    /**
     * Whether a callback waits in {@link #await} with no input left to deliver: the session can
     * only move on when its client (or a timer) sends something. A test kit's point of quiet.
     */
    public boolean awaitingInput() {
        synchronized (lock) {
            return state == State.OPEN && parkedOn != null && !parkedOn.isDone() && input.size() == 0;
        }
    }

    /** Closes the session once its queued output is written (bounded by the close timeout). */
    public void close() {
        boolean closeNow;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            closeNow = beginClosing();
        }
        if (closeNow) {
            channel.close();
        } else {
            flushQueued(); // the end of a compressed stream may be all there is to write
        }
    }

    /** OPEN to CLOSING, under the lock; returns whether nothing is left to write (close at once). */
    private boolean beginClosing() {
        state = State.CLOSING;
        deadlines.closing(System.nanoTime());
        output.compressFromHere(false); // MCCP2: the client gets the end of its zlib stream before the close
        return output.isIdle();
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

    /** Whether reading from the client is paused right now (flow control). */
    public boolean inputPaused() {
        synchronized (lock) {
            return backpressure.paused();
        }
    }

    /** The connection is gone (closed by either side); the handler hears about it once. */
    public void transportClosed(Throwable cause) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            input.clear();
            output.clear();
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
        wakeAwait();
        callbacks.execute(() -> {
            closeTasks.runAll(task -> handler.run(task::run));
            handler.release();
        });
    }

    // ---- input ------------------------------------------------------------------------------

    /** Queues input for the handler; {@code received} counts toward statistics and idleness. */
    private void enqueueInput(Object item, long received) {
        Backpressure.Change change;
        boolean schedule;
        boolean flood;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            input.add(item);
            bytesReceived += received;
            flood = input.size() > 1 && input.bytes() > Backpressure.INPUT_LIMIT;
            change = backpressure.update(input.bytes(), output.bytes());
            schedule = !drainScheduled;
            drainScheduled = true;
        }
        if (flood) {
            // Only a transport that cannot pause reading gets here; its input is still bounded.
            cutOff("sent " + Backpressure.INPUT_LIMIT + " bytes more than its handler took",
                    "Input flood: the server cannot keep up");
            return;
        }
        if (received > 0) {
            deadlines.inputReceived(System.nanoTime());
        }
        applyFlowControl(change);
        wakeAwait();
        if (schedule) {
            callbacks.execute(drainTask);
        }
    }

    private void drainInput() {
        while (true) {
            Object item;
            Backpressure.Change change;
            boolean open;
            synchronized (lock) {
                item = input.poll();
                if (item == null) {
                    drainScheduled = false;
                    return;
                }
                change = backpressure.update(input.bytes(), output.bytes());
                open = state == State.OPEN;
            }
            applyFlowControl(change);
            if (open) {
                delivery.deliver(item);
            }
        }
    }

    /**
     * Tells the transport to stop or resume reading after a change. Changes are decided under the
     * lock but applied outside it, so two threads may apply theirs in the wrong order: each
     * applies the current state and again until it holds still, so the last word is the latest.
     */
    private void applyFlowControl(Backpressure.Change change) {
        if (change == Backpressure.Change.NONE) {
            return;
        }
        boolean paused = inputPaused();
        while (true) {
            if (paused) {
                LOG.debug("Session {}: input paused", id);
            }
            channel.setInputPaused(paused);
            boolean now = inputPaused();
            if (now == paused) {
                return;
            }
            paused = now;
        }
    }

    // ---- output -----------------------------------------------------------------------------

    void enqueueOutput(byte[] bytes) {
        enqueueOutput(bytes, false);
    }

    /** Queues output and starts writing; with {@code thenClose} the session starts closing after it. */
    private void enqueueOutput(byte[] bytes, boolean thenClose) {
        Backpressure.Change change = Backpressure.Change.NONE;
        ByteBuffer[] batch = null;
        boolean overflow;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            overflow = output.wouldExceed(bytes.length, config.limits().maxOutputBuffer());
            if (!overflow) {
                output.add(bytes);
                change = backpressure.update(input.bytes(), output.bytes());
                // Inside a callback, output waits for the callback's end so it leaves in one write,
                // unless there is already a lot of it.
                if (!handler.inCallback() || output.bytes() >= Backpressure.OUTPUT_HIGH_WATER) {
                    batch = output.startBatch(System.nanoTime());
                }
                if (thenClose) {
                    beginClosing(); // the channel closes once the output is written
                }
            }
        }
        if (overflow) {
            cutOff("is not reading (" + config.limits().maxOutputBuffer() + " bytes of output waiting)",
                    "Output buffer full: the client is not reading");
            return;
        }
        if (telnet != null) {
            taps.terminalOutput(bytes); // all telnet output passes here: lines, prompts, echo, negotiation
        }
        applyFlowControl(change);
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** MCCP2: queues {@code lastPlain}, then compresses (or stops compressing) all output after it, with nothing between. */
    private void switchOutputCompression(byte[] lastPlain, boolean compress) {
        ByteBuffer[] batch = null;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            output.add(lastPlain);
            output.compressFromHere(compress);
            if (!handler.inCallback()) {
                batch = output.startBatch(System.nanoTime());
            }
        }
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** Ends a session that broke one of its bounds, dropping what it had queued; {@code reason} goes to the client. */
    private void cutOff(String why, String reason) {
        if (markClosing(true)) {
            LOG.warn("Session {}: client {} {}; closing", id, remoteAddress, why);
            channel.closeForViolation(reason);
        }
    }

    /** Any state but CLOSED to CLOSING; returns false if already closed. */
    private boolean markClosing(boolean dropInput) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSING;
            deadlines.closing(System.nanoTime());
            if (dropInput) {
                input.clear();
            }
            return true;
        }
    }

    /** Starts writing what a callback queued, unless a write is already in flight. */
    private void flushQueued() {
        ByteBuffer[] batch;
        synchronized (lock) {
            batch = state == State.CLOSED ? null : output.startBatch(System.nanoTime());
        }
        if (batch != null) {
            writes.write(batch);
        }
    }

    /** Accounts a finished write; returns the next batch, or null when idle. */
    private ByteBuffer[] written(long written) {
        Backpressure.Change change;
        boolean closeNow;
        ByteBuffer[] batch;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return null;
            }
            bytesSent += written;
            batch = output.batchWritten(System.nanoTime());
            change = backpressure.update(input.bytes(), output.bytes());
            closeNow = batch == null && state == State.CLOSING;
        }
        applyFlowControl(change);
        if (closeNow) {
            channel.close();
        }
        return batch;
    }

    private void writeFailed(Throwable cause) {
        LOG.debug("Session {}: write failed: {}", id, cause.toString());
        synchronized (lock) {
            output.writeFailed();
        }
        forceClose();
    }

    /** Closes at once, dropping unwritten output. */
    void forceClose() {
        if (markClosing(false)) {
            channel.close();
        }
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
        long stalled;
        boolean open;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            stalled = output.stalledNanos(nowNanos);
            open = state == State.OPEN;
        }
        LongConsumer liveness = livenessCheck;
        if (open && liveness != null) {
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
        synchronized (lock) {
            return "Session[" + id + " " + transport() + " " + remoteAddress + " " + state
                    + " writing=" + output.isWriting() + " outbox=" + output.size() + " inbox=" + input.size()
                    + " paused=" + backpressure.paused() + " handler=" + handler.usable() + "]";
        }
    }
}
