package io.chuk.protocol.handlers;

import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.api.Session;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hand-written {@link HandlerContext} that records every call as a readable event:
 * {@code LINE:text}, {@code RAW:text} (bytes decoded as UTF-8), {@code PROMPT:text}, {@code CLOSE}.
 */
final class FakeHandlerContext implements HandlerContext {

    private final ServerConfig config;
    private final boolean serverEchoes;
    private final List<String> events = new ArrayList<>();
    private final List<byte[]> rawWrites = new ArrayList<>();
    private final FakeSession session = new FakeSession();
    private int closeCount;
    private boolean inputHidden;
    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<Runnable> closeTasks = new ArrayList<>();

    FakeHandlerContext(ServerConfig config, boolean serverEchoes) {
        this.config = config;
        this.serverEchoes = serverEchoes;
    }

    /** A context for {@code handlerType} with default settings on the telnet transport. */
    static FakeHandlerContext forHandler(Class<? extends BaseHandler> handlerType, boolean serverEchoes) {
        return new FakeHandlerContext(ServerConfig.defaults("test", "127.0.0.1", 0, Transport.TELNET, handlerType),
                serverEchoes);
    }

    /** A context like {@link #forHandler} but with another {@code max_line_length}. */
    static FakeHandlerContext withMaxLineLength(Class<? extends BaseHandler> handlerType, boolean serverEchoes,
                                                int maxLineLength) {
        return new FakeHandlerContext(ServerConfig.defaults("test", "127.0.0.1", 0, Transport.TELNET, handlerType)
                .with(ServerKeys.MAX_LINE_LENGTH, maxLineLength), serverEchoes);
    }

    /** A context like {@link #forHandler} but with a welcome message. */
    static FakeHandlerContext withWelcome(Class<? extends BaseHandler> handlerType, String welcome) {
        return new FakeHandlerContext(ServerConfig.defaults("test", "127.0.0.1", 0, Transport.TELNET, handlerType)
                .with(ServerKeys.WELCOME_MESSAGE, welcome), false);
    }

    List<String> events() {
        return events;
    }

    List<byte[]> rawWrites() {
        return rawWrites;
    }

    int closeCount() {
        return closeCount;
    }

    void clear() {
        events.clear();
        rawWrites.clear();
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public ServerConfig config() {
        return config;
    }

    @Override
    public void sendLine(String line) {
        events.add("LINE:" + line);
    }

    @Override
    public void sendRaw(byte[] data) {
        rawWrites.add(data.clone());
        events.add("RAW:" + new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void sendPrompt(String prompt) {
        events.add("PROMPT:" + prompt);
    }

    @Override
    public boolean serverEchoes() {
        return serverEchoes;
    }

    @Override
    public void close() {
        closeCount++;
        session.open = false;
        events.add("CLOSE");
        closeTasks.forEach(Runnable::run);
    }

    @Override
    public io.chuk.protocol.api.SessionDirectory directory() {
        throw new UnsupportedOperationException("no directory in this fake");
    }

    @Override
    public java.util.Optional<io.chuk.protocol.api.TelnetControl> telnet() {
        return java.util.Optional.empty();
    }

    @Override
    public void setInputHidden(boolean hidden) {
        inputHidden = hidden;
        events.add("HIDDEN:" + hidden);
    }

    @Override
    public boolean inputHidden() {
        return inputHidden;
    }

    /** Records the task; {@link #runScheduled()} runs the ones not cancelled, as if their time had come. */
    @Override
    public Scheduled schedule(java.time.Duration delay, Runnable task) {
        boolean[] cancelled = new boolean[1];
        scheduled.add(() -> {
            if (!cancelled[0]) {
                task.run();
            }
        });
        return () -> {
            boolean was = !cancelled[0];
            cancelled[0] = true;
            return was;
        };
    }

    void runScheduled() {
        List<Runnable> due = new ArrayList<>(scheduled);
        scheduled.clear();
        due.forEach(Runnable::run);
    }

    @Override
    public void whenClosed(Runnable task) {
        closeTasks.add(task);
    }

    @Override
    public boolean awaiting() {
        return false;
    }

    @Override
    public <T> T await(java.util.concurrent.CompletionStage<T> stage) {
        throw new UnsupportedOperationException("the fake cannot wait; use the test kit");
    }

    private static final class FakeSession implements Session {
        private final Instant start = Instant.now();
        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private volatile boolean open = true;

        @Override
        public String id() {
            return "fake-session";
        }

        @Override
        public String serverName() {
            return "test";
        }

        @Override
        public Transport transport() {
            return Transport.TELNET;
        }

        @Override
        public InetSocketAddress remoteAddress() {
            return InetSocketAddress.createUnresolved("client.example", 40000);
        }

        @Override
        public Instant startTime() {
            return start;
        }

        @Override
        public Instant lastActivity() {
            return start;
        }

        @Override
        public Map<String, Object> attributes() {
            return attributes;
        }

        @Override
        public java.util.Optional<io.chuk.protocol.api.TerminalInfo> terminal() {
            return java.util.Optional.empty();
        }

        @Override
        public InetSocketAddress localAddress() {
            return InetSocketAddress.createUnresolved("server.example", 8023);
        }

        @Override
        public java.util.Optional<io.chuk.protocol.api.RequestInfo> request() {
            return java.util.Optional.empty();
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }
}
