package io.chuk.protocol.session;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.Transport;
import io.chuk.protocol.handlers.BaseHandler;
import io.chuk.protocol.handlers.HandlerContext;
import io.chuk.protocol.telnet.TelnetEngine;
import io.chuk.protocol.telnet.TelnetSettings;
import io.chuk.protocol.telnet.TerminalInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One client connection bound to its handler: the transport-neutral heart of the server.
 *
 * <p>Transports push input in ({@link #receive}, {@link #receiveMessage}, {@link #inputEnded})
 * from their network threads; it is queued and handed to the handler on the session's own
 * serial executor, so callbacks run one at a time, in order, off the network threads. Output is
 * queued and written one batch at a time. Both queues are bounded: past a high-water mark the
 * transport stops reading from the client until the backlog drains, and an output backlog past
 * its hard limit ends the session, so no client can make the server buffer without bound.
 */
public final class ProtocolSession implements Session, HandlerContext {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** Input waiting for the handler above which reading from the client pauses. */
    static final int INPUT_HIGH_WATER = 64 * 1024;
    static final int INPUT_LOW_WATER = 16 * 1024;
    /** Output waiting for the client above which reading from the client pauses. */
    static final int OUTPUT_HIGH_WATER = 64 * 1024;
    static final int OUTPUT_LOW_WATER = 16 * 1024;
    /** How long a closing session waits for its last output to be written. */
    static final Duration CLOSE_FLUSH_TIMEOUT = Duration.ofSeconds(5);

    private static final Object END_OF_INPUT = new Object();
    private static final byte[] CRLF = {'\r', '\n'};

    private enum State { OPEN, CLOSING, CLOSED }

    private final String id = UUID.randomUUID().toString();
    private final SessionFactory factory;
    private final SessionHost host;
    private final ServerConfig config;
    private final SessionChannel channel;
    private final InetSocketAddress remoteAddress;
    private final Instant startTime = Instant.now();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final SerialExecutor callbacks;
    /** The telnet layer on {@code telnet} and {@code ws_telnet}, else {@code null}. */
    private final TelnetStream telnet;

    private final Object lock = new Object();
    private final ArrayDeque<Object> inbox = new ArrayDeque<>();
    private final ArrayDeque<ByteBuffer> outbox = new ArrayDeque<>();
    private long inboxBytes;
    private long outboxBytes;
    private boolean writing;
    private boolean inputPaused;
    private boolean drainScheduled;
    private State state = State.OPEN;
    private ScheduledFuture<?> idleTimer;
    private ScheduledFuture<?> closeTimer;
    private ScheduledFuture<?> keepaliveTimer;

    private volatile long lastInputNanos = System.nanoTime();
    private volatile Instant lastActivity = startTime;
    private volatile boolean handlerFailed;
    /** The thread running a handler callback right now: its sends are flushed when it returns. */
    private volatile Thread callbackThread;

    private final java.util.List<SessionTap> taps = new java.util.concurrent.CopyOnWriteArrayList<>();

    private BaseHandler handler;
    private HandlerFactory.Created created;

    ProtocolSession(SessionFactory factory, SessionChannel channel) {
        this.factory = factory;
        this.host = factory.host();
        this.config = factory.config();
        this.channel = channel;
        this.remoteAddress = channel.remoteAddress();
        this.callbacks = new SerialExecutor(host.callbackPool());
        this.telnet = config.transport().speaksTelnet()
                ? new TelnetStream(new TelnetSettings(config.limits().maxSubnegotiationLength(),
                        TelnetSettings.DEFAULT_MAX_TERMINAL_TYPES, true, true), this::enqueueOutput) : null;
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
        return config.transport();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    @Override
    public Instant startTime() {
        return startTime;
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
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

    /** Bytes of output waiting for this client. */
    public long queuedOutputBytes() {
        synchronized (lock) {
            return outboxBytes;
        }
    }

    /** Starts copying this session's traffic to {@code tap} (the monitor's watchers). */
    public void addTap(SessionTap tap) {
        taps.add(tap);
    }

    public void removeTap(SessionTap tap) {
        taps.remove(tap);
    }

    private void tapInput(byte[] bytes) {
        if (!taps.isEmpty()) {
            tapInput(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private void tapInput(String text) {
        for (SessionTap tap : taps) {
            tap.input(text);
        }
    }

    private void tapOutput(String text) {
        for (SessionTap tap : taps) {
            tap.output(text);
        }
    }

    // ---- HandlerContext ----------------------------------------------------------------------

    @Override
    public Session session() {
        return this;
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public void sendLine(String line) {
        enqueueOutput(lineBytes(line), false);
    }

    /** A line as the transport sends it: one frame as it is, or followed by CR LF (telnet-escaped). */
    private byte[] lineBytes(String line) {
        if (!taps.isEmpty()) {
            tapOutput(messageFramed() ? line : line + "\r\n");
        }
        byte[] text = line.getBytes(StandardCharsets.UTF_8);
        if (messageFramed()) {
            return text;
        }
        byte[] bytes = new byte[text.length + 2];
        System.arraycopy(text, 0, bytes, 0, text.length);
        System.arraycopy(CRLF, 0, bytes, text.length, 2);
        return telnet != null ? telnet.encode(bytes) : bytes;
    }

    @Override
    public void sendRaw(byte[] data) {
        if (!taps.isEmpty()) {
            tapOutput(new String(data, StandardCharsets.UTF_8));
        }
        if (data.length > 0) {
            enqueueOutput(telnet != null ? telnet.encode(data) : data.clone(), false);
        }
    }

    @Override
    public void sendPrompt(String prompt) {
        if (messageFramed()) {
            return;
        }
        if (!taps.isEmpty()) {
            tapOutput(prompt);
        }
        byte[] bytes = prompt.getBytes(StandardCharsets.UTF_8);
        enqueueOutput(telnet != null ? telnet.encodePrompt(bytes) : bytes, false);
    }

    /** Whether the server echoes typed characters: telnet clients that agreed to WILL ECHO. */
    @Override
    public boolean serverEchoes() {
        return telnet != null && telnet.serverEchoes();
    }

    /** Closes the session once its queued output is written (bounded by a flush timeout). */
    @Override
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
        }
    }

    /** OPEN to CLOSING, under the lock; returns whether nothing is left to write (close at once). */
    private boolean beginClosing() {
        state = State.CLOSING;
        cancelIdleTimer();
        boolean closeNow = !writing && outbox.isEmpty();
        if (!closeNow) {
            closeTimer = host.timer().schedule(this::forceClose,
                    CLOSE_FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        }
        return closeNow;
    }

    /**
     * The server is stopping: once the handler's earlier callbacks are done, the client is told
     * the handler's {@link BaseHandler#onServerShutdown()} line and the session closes.
     */
    void shutdown() {
        callbacks.execute(() -> {
            String goodbye = SessionHost.SHUTDOWN_MESSAGE;
            if (handler != null && !handlerFailed) {
                try {
                    goodbye = handler.onServerShutdown();
                } catch (Exception | Error e) {
                    LOG.warn("Session {}: onServerShutdown failed", id, e);
                }
            }
            closeWithMessage(goodbye);
        });
    }

    /** Tells the client {@code message} (if not null), then closes. */
    public void closeWithMessage(String message) {
        if (message == null) {
            close();
        } else {
            // Queue the message and start closing in one step, so no other output can follow it.
            enqueueOutput(lineBytes(message), true);
        }
    }

    // ---- transport side -------------------------------------------------------------------------

    /** Starts the session: registers it, creates the handler and sends the welcome. */
    void start() {
        host.registry().add(this);
        scheduleIdleCheck(config.connectionTimeout());
        if (telnet != null) {
            scheduleKeepalive();
        }
        LOG.info("Session {} opened: {} from {} on server '{}'", id, transport(), remoteAddress, serverName());
        callbacks.execute(() -> {
            if (telnet != null) {
                // Negotiate at once, in the same write as the welcome: no dead time, nothing read is lost.
                invoke(() -> enqueueOutput(telnet.start()));
            }
            try {
                created = host.handlerFactory().create(config.handlerType());
                handler = created.handler();
                handler.attach(this);
            } catch (Exception | LinkageError e) {
                LOG.error("Session {}: cannot create handler {}", id, config.handlerClass(), e);
                handlerFailed = true;
                closeWithMessage("Server error: the session could not be started.");
                return;
            }
            invoke(() -> {
                handler.onConnect();
                handler.sendWelcome();
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
        enqueueInput(text, text.length() * 2L);
    }

    /** The client closed its sending side: remaining input is processed, then the session ends. */
    public void inputEnded() {
        enqueueInput(END_OF_INPUT, 0);
    }

    /** The connection is gone (closed by either side); the handler hears about it once. */
    public void transportClosed(Throwable cause) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            cancelIdleTimer();
            if (keepaliveTimer != null) {
                keepaliveTimer.cancel(false);
            }
            if (closeTimer != null) {
                closeTimer.cancel(false);
            }
            inbox.clear();
            outbox.clear();
            inboxBytes = 0;
            outboxBytes = 0;
        }
        if (cause != null) {
            LOG.debug("Session {} connection closed with {}", id, cause.toString());
        }
        factory.release(this);
        if (telnet != null) {
            factory.statistics().telnetEnded(telnet.peerSpeaksTelnet());
        }
        host.registry().remove(this);
        LOG.info("Session {} closed ({} from {})", id, transport(), remoteAddress);
        callbacks.execute(() -> {
            if (handler != null) {
                try {
                    handler.onDisconnect();
                } catch (Exception | LinkageError e) {
                    LOG.warn("Session {}: onDisconnect failed", id, e);
                }
                created.release();
                handler = null;
            }
        });
    }

    // ---- input ------------------------------------------------------------------------------

    private void enqueueInput(Object item, long size) {
        boolean pause = false;
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            inbox.add(item);
            inboxBytes += size;
            if (!inputPaused && inboxBytes > INPUT_HIGH_WATER) {
                inputPaused = pause = true;
            }
            if (drainScheduled) {
                item = null;
            } else {
                drainScheduled = true;
            }
        }
        if (size > 0) {
            factory.statistics().received(item instanceof byte[] bytes ? bytes.length : size / 2);
            lastInputNanos = System.nanoTime();
            lastActivity = Instant.now();
        }
        if (pause) {
            LOG.debug("Session {}: input paused ({} bytes waiting for the handler)", id, size);
            channel.setInputPaused(true);
        }
        if (item != null) {
            callbacks.execute(this::drainInput);
        }
    }

    private void drainInput() {
        while (true) {
            Object item;
            boolean resume;
            synchronized (lock) {
                item = inbox.poll();
                if (item == null) {
                    drainScheduled = false;
                    return;
                }
                inboxBytes -= item instanceof byte[] bytes ? bytes.length
                        : item instanceof String text ? text.length() * 2L : 0;
                resume = shouldResumeInput();
            }
            if (resume) {
                channel.setInputPaused(false);
            }
            if (handler == null || handlerFailed || !isOpen()) {
                continue;
            }
            if (item instanceof byte[] bytes) {
                deliverBytes(bytes);
            } else if (item instanceof String text) {
                tapInput(text);
                invoke(() -> handler.processMessage(text));
            } else {
                invoke(handler::onEndOfInput);
                close();
            }
        }
    }

    private void deliverBytes(byte[] bytes) {
        if (telnet == null) {
            tapInput(bytes);
            invoke(() -> handler.processData(bytes));
            return;
        }
        TelnetStream.Decoded decoded = telnet.receive(bytes);
        if (decoded.input().length > 0) {
            tapInput(decoded.input());
            invoke(() -> handler.processData(decoded.input()));
        }
        if (decoded.resized() && !handlerFailed) {
            TerminalInfo terminal = telnet.terminalInfo();
            invoke(() -> handler.onWindowSize(terminal.width(), terminal.height()));
        }
    }

    private boolean shouldResumeInput() {
        if (inputPaused && inboxBytes <= INPUT_LOW_WATER && outboxBytes <= OUTPUT_LOW_WATER) {
            inputPaused = false;
            return true;
        }
        return false;
    }

    private interface Callback {
        void run() throws Exception;
    }

    private void invoke(Callback callback) {
        callbackThread = Thread.currentThread();
        // Every log line a handler writes carries its session, transport and client.
        MDC.put("session", id);
        MDC.put("transport", transport().yamlName());
        MDC.put("remote", remoteAddress.toString());
        try {
            callback.run();
        } catch (Exception | Error e) { // any failure, also AssertionError: a throw must not wedge the session
            handlerFailed = true;
            factory.statistics().handlerFailed();
            try {
                handler.onError(e);
            } catch (RuntimeException nested) {
                LOG.error("Session {}: onError failed", id, nested);
            }
            closeWithMessage("An internal error occurred; closing the session.");
        } finally {
            MDC.remove("session");
            MDC.remove("transport");
            MDC.remove("remote");
            callbackThread = null;
            flushQueued();
        }
    }

    // ---- output -----------------------------------------------------------------------------

    private boolean messageFramed() {
        return config.transport() == Transport.WEBSOCKET;
    }

    private void enqueueOutput(byte[] bytes) {
        enqueueOutput(bytes, false);
    }

    /** Queues output and starts writing; with {@code thenClose} the session starts closing after it. */
    private void enqueueOutput(byte[] bytes, boolean thenClose) {
        boolean pause = false;
        boolean overflow = false;
        ByteBuffer[] batch = null;
        synchronized (lock) {
            if (state != State.OPEN) {
                return;
            }
            if (outboxBytes + bytes.length > config.limits().maxOutputBuffer()) {
                overflow = true;
            } else {
                outbox.add(ByteBuffer.wrap(bytes));
                outboxBytes += bytes.length;
                if (!inputPaused && outboxBytes > OUTPUT_HIGH_WATER) {
                    inputPaused = pause = true;
                }
                // Inside a callback, output waits for the callback's end so it leaves in one write,
                // unless there is already a lot of it.
                if (!writing && (Thread.currentThread() != callbackThread || outboxBytes >= OUTPUT_HIGH_WATER)) {
                    writing = true;
                    batch = takeBatch();
                }
                if (thenClose) {
                    beginClosing(); // the channel closes once the outbox drains
                }
            }
        }
        if (overflow) {
            LOG.warn("Session {}: client is not reading ({} bytes of output waiting); closing", id,
                    config.limits().maxOutputBuffer());
            synchronized (lock) {
                if (state == State.CLOSED) {
                    return;
                }
                state = State.CLOSING;
            }
            channel.closeForViolation("Output buffer full: the client is not reading");
            return;
        }
        if (pause) {
            LOG.debug("Session {}: input paused while the client catches up on output", id);
            channel.setInputPaused(true);
        }
        if (batch != null) {
            flush(batch);
        }
    }

    /** Starts writing what a callback queued, unless a write is already in flight. */
    private void flushQueued() {
        ByteBuffer[] batch = null;
        synchronized (lock) {
            if (!writing && !outbox.isEmpty() && state != State.CLOSED) {
                writing = true;
                batch = takeBatch();
            }
        }
        if (batch != null) {
            flush(batch);
        }
    }

    private ByteBuffer[] takeBatch() {
        ByteBuffer[] batch = outbox.toArray(ByteBuffer[]::new);
        outbox.clear();
        return batch;
    }

    /** Writes batches until the outbox is empty; completions that arrive inline loop here instead of recursing. */
    private void flush(ByteBuffer[] first) {
        ByteBuffer[] batch = first;
        while (batch != null) {
            BatchWrite write = new BatchWrite(batch);
            channel.write(batch, write);
            if (!write.returned()) {
                return; // completes later, on another thread, and continues from there
            }
            batch = write.next;
        }
    }

    private final class BatchWrite implements SessionChannel.WriteCallback {
        private static final int PENDING = 0;
        private static final int RETURNED = 1;
        private static final int COMPLETED_INLINE = 2;

        private final long size;
        private final java.util.concurrent.atomic.AtomicInteger phase = new java.util.concurrent.atomic.AtomicInteger();
        private ByteBuffer[] next;

        BatchWrite(ByteBuffer[] batch) {
            long total = 0;
            for (ByteBuffer buffer : batch) {
                total += buffer.remaining();
            }
            size = total;
        }

        /** Whether the write completed before {@code write} returned (the caller then continues). */
        boolean returned() {
            return !phase.compareAndSet(PENDING, RETURNED);
        }

        @Override
        public void succeeded() {
            ByteBuffer[] following = afterWrite(size);
            if (phase.compareAndSet(PENDING, COMPLETED_INLINE)) {
                next = following;
            } else if (following != null) {
                flush(following);
            }
        }

        @Override
        public void failed(Throwable cause) {
            LOG.debug("Session {}: write failed: {}", id, cause.toString());
            synchronized (lock) {
                writing = false;
            }
            phase.set(COMPLETED_INLINE);
            forceClose();
        }
    }

    /** Accounts a finished write; returns the next batch, or null when idle. */
    private ByteBuffer[] afterWrite(long written) {
        factory.statistics().sent(written);
        boolean resume;
        boolean closeNow = false;
        ByteBuffer[] batch = null;
        synchronized (lock) {
            outboxBytes -= written;
            resume = shouldResumeInput();
            if (state == State.CLOSED) {
                writing = false;
                return null;
            }
            if (outbox.isEmpty()) {
                writing = false;
                closeNow = state == State.CLOSING;
            } else {
                batch = takeBatch();
            }
        }
        if (resume) {
            channel.setInputPaused(false);
        }
        if (closeNow) {
            channel.close();
        }
        return batch;
    }

    /** Closes at once, dropping unwritten output. */
    void forceClose() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSING;
        }
        channel.close();
    }

    // ---- idle timeout -----------------------------------------------------------------------

    private void scheduleIdleCheck(Duration delay) {
        if (!config.hasConnectionTimeout()) {
            return;
        }
        synchronized (lock) {
            if (state == State.OPEN) {
                idleTimer = host.timer().schedule(this::checkIdle, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    private void checkIdle() {
        Duration timeout = config.connectionTimeout();
        Duration idle = Duration.ofNanos(System.nanoTime() - lastInputNanos);
        if (idle.compareTo(timeout) >= 0) {
            LOG.info("Connection timeout ({}s idle) for {} (session {})", timeout.toSeconds(), remoteAddress, id);
            closeWithMessage("Connection timed out after " + formatSeconds(timeout) + " of inactivity. Goodbye!");
        } else {
            scheduleIdleCheck(timeout.minus(idle));
        }
    }

    private static String formatSeconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " seconds" : String.format(java.util.Locale.ROOT, "%.1f seconds", millis / 1000.0);
    }

    // ---- telnet keepalive ---------------------------------------------------------------------

    private void scheduleKeepalive() {
        TelnetEngine.Keepalive kind = switch (config.keepalive()) {
            case NOP -> TelnetEngine.Keepalive.NOP;
            case TIMING_MARK -> TelnetEngine.Keepalive.TIMING_MARK;
            case OFF -> null;
        };
        long interval = config.keepaliveInterval().toMillis();
        if (kind == null || interval <= 0) {
            return;
        }
        synchronized (lock) {
            keepaliveTimer = host.timer().scheduleAtFixedRate(() -> {
                byte[] command = telnet.keepalive(kind);
                if (command != null) {
                    enqueueOutput(command); // a dead peer fails this write and the session closes
                }
            }, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    private void cancelIdleTimer() {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "Session[" + id + " " + transport() + " " + remoteAddress + " " + state + " writing=" + writing
                    + " outbox=" + outbox.size() + " inbox=" + inbox.size() + " paused=" + inputPaused
                    + " handler=" + (handler != null) + "]";
        }
    }
}
