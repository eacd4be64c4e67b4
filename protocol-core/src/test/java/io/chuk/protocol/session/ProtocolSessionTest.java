package io.chuk.protocol.session;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;
import io.chuk.protocol.api.Transport;
import io.chuk.protocol.handlers.BaseHandler;
import io.chuk.protocol.handlers.TelnetHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtocolSessionTest {

    private static final long WAIT_SECONDS = 5;
    private static final String ERROR_MESSAGE = "An internal error occurred; closing the session.";

    /** What the test handlers report to the running test. Replaced before each test. */
    static final class Probe {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger overlaps = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();
        final CountDownLatch gate = new CountDownLatch(1);
        final CountDownLatch blocked = new CountDownLatch(1);

        /** The next event, or fails after a timeout. */
        String next() throws InterruptedException {
            String event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(event, "no handler event within " + WAIT_SECONDS + " s");
            return event;
        }
    }

    static volatile Probe probe;

    /**
     * A telnet-style handler driven by the test. Lines: {@code boom} throws, {@code block} waits
     * for {@link Probe#gate}, {@code send N} sends N lines of 1 KiB, lines starting with {@code .}
     * are recorded without any answer, anything else is echoed. Every callback checks that no
     * other callback of the same session is running.
     */
    public static class ProbeHandler extends TelnetHandler {
        private final AtomicInteger active = new AtomicInteger();

        private void enter() {
            if (active.incrementAndGet() > 1) {
                probe.overlaps.incrementAndGet();
            }
            long until = System.nanoTime() + 20_000; // widen the window in which an overlap would show
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }

        private void exit() {
            active.decrementAndGet();
        }

        @Override
        public void onConnect() throws Exception {
            enter();
            try {
                super.onConnect();
                probe.events.add("connect");
            } finally {
                exit();
            }
        }

        @Override
        public void sendWelcome() throws Exception {
            enter();
            try {
                super.sendWelcome();
                probe.events.add("welcome");
            } finally {
                exit();
            }
        }

        @Override
        public void processData(byte[] data) throws Exception {
            enter();
            try {
                super.processData(data);
            } finally {
                exit();
            }
        }

        @Override
        public void processMessage(String text) throws Exception {
            enter();
            try {
                super.processMessage(text);
            } finally {
                exit();
            }
        }

        @Override
        public void processLine(String line) throws Exception {
            probe.lines.add(line);
            probe.events.add("line:" + line);
            if (line.equals("boom")) {
                throw new IllegalStateException("boom");
            }
            if (line.equals("assert")) {
                throw new AssertionError("assert");
            }
            if (line.equals("block")) {
                probe.blocked.countDown();
                assertTrue(probe.gate.await(WAIT_SECONDS * 2, TimeUnit.SECONDS));
                return;
            }
            if (line.startsWith("send ")) {
                String kilobyte = "y".repeat(1023);
                for (int i = Integer.parseInt(line.substring(5)); i > 0; i--) {
                    sendLine(kilobyte);
                }
                return;
            }
            if (line.startsWith(".")) {
                return;
            }
            super.processLine(line);
        }

        @Override
        public void onDisconnect() throws Exception {
            enter();
            try {
                super.onDisconnect();
                probe.disconnects.incrementAndGet();
                probe.events.add("disconnect");
            } finally {
                exit();
            }
        }

        @Override
        public void onError(Throwable error) {
            probe.errors.incrementAndGet();
            probe.events.add("error:" + error.getMessage());
            super.onError(error);
        }
    }

    /** A handler whose construction fails. */
    public static class BrokenHandler extends TelnetHandler {
        public BrokenHandler() {
            throw new IllegalStateException("cannot construct");
        }
    }

    /** {@link HandlerFactory#reflective()}, counting releases. */
    static final class CountingFactory implements HandlerFactory {
        private final HandlerFactory reflective = HandlerFactory.reflective();
        final AtomicInteger releases = new AtomicInteger();
        final BlockingQueue<BaseHandler> created = new LinkedBlockingQueue<>();
        final CountDownLatch firstRelease = new CountDownLatch(1);

        @Override
        public Created create(Class<? extends BaseHandler> type) throws Exception {
            Created inner = reflective.create(type);
            created.add(inner.handler());
            return new Created(inner.handler(), () -> {
                inner.release();
                releases.incrementAndGet();
                firstRelease.countDown();
            });
        }
    }

    private final CountingFactory handlerFactory = new CountingFactory();
    private final SessionHost host = new SessionHost(handlerFactory);
    private final List<FakeSessionChannel> channels = new ArrayList<>();
    private ScheduledExecutorService ticker;

    @BeforeEach
    void newProbe() {
        probe = new Probe();
    }

    @AfterEach
    void tearDown() {
        probe.gate.countDown();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        for (ProtocolSession session : host.registry().sessions()) {
            session.forceClose();
        }
        host.close();
        channels.forEach(FakeSessionChannel::shutdown);
    }

    private static ServerConfig config(Transport transport, String welcome, Duration timeout, int maxConnections) {
        return ServerConfig.builder("test-" + transport, transport).handlerType(ProbeHandler.class)
                .set(ServerKeys.HOST, "127.0.0.1").set(ServerKeys.PORT, 0)
                .set(ServerKeys.MAX_CONNECTIONS, maxConnections).set(ServerKeys.CONNECTION_TIMEOUT, timeout)
                .set(ServerKeys.WELCOME_MESSAGE, welcome).build();
    }

    private static ServerConfig tcp(String welcome) {
        return config(Transport.TCP, welcome, ServerKeys.CONNECTION_TIMEOUT.defaultFor(Transport.TCP), 100);
    }

    private FakeSessionChannel channel(FakeSessionChannel.Completion completion) {
        FakeSessionChannel channel = new FakeSessionChannel(completion);
        channels.add(channel);
        return channel;
    }

    private ProtocolSession open(SessionFactory factory, FakeSessionChannel channel) {
        return channel.bind(factory.open(channel).session());
    }

    private ProtocolSession open(ServerConfig config, FakeSessionChannel channel) {
        return open(host.factoryFor(config), channel);
    }

    private static void receive(ProtocolSession session, String text) {
        session.receive(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertAwaited(boolean condition, String what, FakeSessionChannel channel) {
        assertTrue(condition, () -> what + "; output so far: " + channel.output().replace("\r", "\\r").replace("\n", "\\n")
                + "; pauses " + channel.pauses() + "; closes " + channel.closeCount());
    }

    // ---- opening and welcome ----------------------------------------------------------------------

    @Test
    void openCallsOnConnectThenSendsWelcomeWithCrLfOnTcp() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp("Welcome!"), channel);
        assertNotNull(session);
        assertEquals("connect", probe.next());
        assertEquals("welcome", probe.next());
        assertAwaited(channel.awaitOutputContaining("Welcome!\r\n> "), "welcome and prompt", channel);
        assertEquals("Welcome!\r\n> ", channel.output());
        assertTrue(session.isOpen());
        assertEquals(Transport.TCP, session.transport());
        assertEquals("test-tcp", session.serverName());
        assertSame(channel.remoteAddress(), session.remoteAddress());
        assertSame(session, host.registry().find(session.id()).orElseThrow());
        assertEquals(0, channel.closeCount());
    }

    @Test
    void echoIsSentWithCrLfOnTcp() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        receive(session, "hello\r\n");
        assertAwaited(channel.awaitOutputContaining("Echo: hello\r\n> "), "echo", channel);
        assertEquals("> Echo: hello\r\n> ", channel.output());
    }

    @Test
    void websocketSendsOneBufferPerLineWithoutCrLfAndNoPrompt() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(config(Transport.WEBSOCKET, "Welcome!", Duration.ofSeconds(300), 10), channel);
        session.receiveMessage("hi");
        session.receiveMessage("again");
        assertAwaited(channel.awaitBuffers(3), "three frames", channel);
        assertAwaited(channel.awaitOutputContaining("Echo: again"), "second echo", channel);
        assertEquals(List.of("Welcome!", "Echo: hi", "Echo: again"), channel.buffers());
    }

    @Test
    void wsTelnetIsAByteStreamWithCrLfAndPrompt() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(config(Transport.WS_TELNET, "W", Duration.ofSeconds(300), 10), channel);
        receive(session, "x\r\n");
        assertAwaited(channel.awaitOutputContaining("Echo: x\r\n> "), "echo", channel);
        String opening = "\uFFFD\uFFFD\u0001\uFFFD\uFFFD\u0003\uFFFD\uFFFD\u0003\uFFFD\uFFFD\u0018\uFFFD\uFFFD\u001F\uFFFD\uFFFD\"";
        assertEquals(opening + "W\r\n> Echo: x\r\n> ", channel.output(),
                "telnet negotiation first (IAC bytes read as U+FFFD here), then the welcome");
    }

    @Test
    void handlerThatCannotBeCreatedClosesTheSessionWithAMessage() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ServerConfig broken = ServerConfig.defaults("broken", "127.0.0.1", 0, Transport.TCP, BrokenHandler.class)
                .with(ServerKeys.MAX_CONNECTIONS, 10);
        open(broken, channel);
        assertAwaited(channel.awaitClosed(), "closed", channel);
        assertEquals("Server error: the session could not be started.\r\n", channel.output());
        assertEquals(0, host.registry().size());
    }

    // ---- input ----------------------------------------------------------------------------------

    @Test
    void inputReachesProcessLineInOrderAcrossManySmallReceives() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        StringBuilder all = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(".line " + i);
            all.append(".line ").append(i).append(i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\n" : "\r");
        }
        byte[] bytes = all.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += 3) {
            session.receive(ByteBuffer.wrap(bytes, i, Math.min(3, bytes.length - i)));
        }
        for (int i = 0; i < 300; i++) {
            assertEquals("line:.line " + i, nextLineEvent());
        }
        assertEquals(expected, List.copyOf(probe.lines));
    }

    private String nextLineEvent() throws InterruptedException {
        while (true) {
            String event = probe.next();
            if (event.startsWith("line:")) {
                return event;
            }
        }
    }

    @Test
    void callbacksOfOneSessionNeverRunConcurrently() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.ASYNC);
        ProtocolSession session = open(tcp("hi"), channel);
        int threads = 4;
        int perThread = 150;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread sender = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        receive(session, "t" + id + " " + i + "\n");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            sender.start();
            senders.add(sender);
        }
        start.countDown();
        for (Thread sender : senders) {
            sender.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        }
        for (int i = 0; i < threads * perThread; i++) {
            assertTrue(nextLineEvent().startsWith("line:t"));
        }
        session.closeWithMessage("bye");
        assertTrue(handlerFactory.firstRelease.await(WAIT_SECONDS, TimeUnit.SECONDS), "session ended");
        assertEquals(threads * perThread, probe.lines.size());
        assertEquals(0, probe.overlaps.get(), "callbacks overlapped");
        assertEquals(1, probe.disconnects.get());
        assertEquals(1, channel.maxWritesInFlight(), "never more than one write in flight");
    }

    @Test
    void asyncWriteCompletionsKeepOutputInOrder() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.ASYNC);
        ProtocolSession session = open(tcp(null), channel);
        StringBuilder expected = new StringBuilder("> ");
        for (int i = 0; i < 200; i++) {
            receive(session, "m" + i + "\n");
            expected.append("Echo: m").append(i).append("\r\n> ");
        }
        assertAwaited(channel.awaitOutputContaining("Echo: m199\r\n> "), "all echoes", channel);
        assertEquals(expected.toString(), channel.output());
        assertEquals(1, channel.maxWritesInFlight());
    }

    @Test
    void endOfInputDeliversThePartialLineThenCloses() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        receive(session, "partial");
        session.inputEnded();
        assertAwaited(channel.awaitClosed(), "closed", channel);
        assertEquals("> Echo: partial\r\n> ", channel.outputAtClose());
    }

    @Test
    void quitClosesOnlyAfterTheGoodbyeIsWritten() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.ASYNC);
        ProtocolSession session = open(tcp(null), channel);
        receive(session, "quit\r\n");
        assertAwaited(channel.awaitClosed(), "closed", channel);
        assertEquals("> Goodbye!\r\n", channel.outputAtClose());
        assertFalse(session.isOpen());
        assertEquals("disconnect", lastEvent());
    }

    private String lastEvent() throws InterruptedException {
        String event;
        do {
            event = probe.next();
        } while (!event.equals("disconnect"));
        return event;
    }

    // ---- handler errors ---------------------------------------------------------------------------

    @Test
    void handlerExceptionCallsOnErrorTellsTheClientAndClosesOnlyThatSession() throws Exception {
        FakeSessionChannel failing = channel(FakeSessionChannel.Completion.INLINE);
        FakeSessionChannel healthy = channel(FakeSessionChannel.Completion.INLINE);
        SessionFactory factory = host.factoryFor(tcp(null));
        ProtocolSession bad = open(factory, failing);
        ProtocolSession good = open(factory, healthy);

        receive(bad, "boom\r\nnever\r\n");
        assertAwaited(failing.awaitClosed(), "failing session closed", failing);
        assertEquals("> " + ERROR_MESSAGE + "\r\n", failing.outputAtClose());
        assertEquals(1, probe.errors.get());
        assertTrue(probe.events.contains("error:boom"));
        assertFalse(probe.lines.contains("never"), "no input after the error reaches the handler");
        assertFalse(bad.isOpen());

        receive(good, "still here\r\n");
        assertAwaited(healthy.awaitOutputContaining("Echo: still here\r\n"), "other session answers", healthy);
        assertTrue(good.isOpen());
        assertEquals(0, healthy.closeCount());
        assertEquals(1, host.registry().size());
    }

    @Test
    void handlerThrowingAnErrorIsTreatedLikeAnExceptionAndDoesNotWedgeTheSession() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        receive(session, "assert\r\n");
        receive(session, "after\r\n");
        assertAwaited(channel.awaitClosed(), "session closed after the handler's AssertionError", channel);
        assertEquals("> " + ERROR_MESSAGE + "\r\n", channel.outputAtClose());
        assertTrue(probe.events.contains("error:assert"), "onError was called");
        assertFalse(probe.lines.contains("after"));
        assertFalse(session.isOpen());
    }

    // ---- flow control -----------------------------------------------------------------------------

    @Test
    void inputFloodWhileTheHandlerIsBusyPausesAndThenResumesInput() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        receive(session, "block\n");
        assertTrue(probe.blocked.await(WAIT_SECONDS, TimeUnit.SECONDS), "handler is blocked");

        String kibLine = "." + "x".repeat(1022) + "\n"; // 1024 bytes, recorded quietly
        int chunks = Backpressure.INPUT_HIGH_WATER / 1024; // exactly at the high-water mark: not yet paused
        for (int i = 0; i < chunks; i++) {
            receive(session, kibLine);
        }
        assertEquals(List.of(), channel.pauses(), "not paused at exactly the high-water mark");
        receive(session, kibLine);
        assertEquals(List.of(true), channel.pauses(), "paused past the high-water mark");
        for (int i = 0; i < 10; i++) {
            receive(session, kibLine);
        }
        assertEquals(List.of(true), channel.pauses(), "paused once");

        probe.gate.countDown();
        assertAwaited(channel.awaitPauses(List.of(true, false)), "input resumed", channel);
        receive(session, "done\n");
        assertAwaited(channel.awaitOutputContaining("Echo: done"), "handler caught up", channel);
        assertEquals(1 + chunks + 11 + 1, probe.lines.size());
        assertEquals(List.of(true, false), channel.pauses());
    }

    @Test
    void outputThatIsNotWrittenPausesInputThenClosesTheSessionPastTheLimit() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.NEVER);
        ProtocolSession session = open(tcp(null), channel);
        assertEquals("welcome", nextEvent("welcome"));

        receive(session, "send 70\n"); // about 70 KiB: past 64 KiB
        assertAwaited(channel.awaitPauses(List.of(true)), "input paused for output backlog", channel);
        assertEquals(0, channel.closeCount(), "not closed below the hard limit");
        assertTrue(session.isOpen());

        receive(session, "send 4100\n"); // past 4 MiB in total
        assertAwaited(channel.awaitClosed(), "closed past the hard limit", channel);
        assertFalse(session.isOpen());
        assertEquals(List.of(true), channel.pauses(), "input is not resumed by the overflow");
        assertEquals(1, channel.buffers().size(), "only the first write ever reached the channel");
    }

    private String nextEvent(String wanted) throws InterruptedException {
        String event;
        do {
            event = probe.next();
        } while (!event.equals(wanted));
        return event;
    }

    // ---- idle timeout -----------------------------------------------------------------------------

    @Test
    void idleSessionIsToldAndClosedAfterTheConnectionTimeout() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        long start = System.nanoTime();
        open(config(Transport.TCP, null, Duration.ofMillis(200), 10), channel);
        assertAwaited(channel.awaitClosed(), "closed by the idle timeout", channel);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(elapsedMillis >= 190, "closed too early: after " + elapsedMillis + " ms");
        assertTrue(channel.outputAtClose().endsWith(
                        "Connection timed out after 0.2 seconds of inactivity. Goodbye!\r\n"),
                channel.outputAtClose());
    }

    @Test
    void idleTimeoutMessageDoesNotDependOnTheDefaultLocale() throws Exception {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
            open(config(Transport.TCP, null, Duration.ofMillis(200), 10), channel);
            assertAwaited(channel.awaitClosed(), "closed by the idle timeout", channel);
            assertTrue(channel.outputAtClose().endsWith(
                            "Connection timed out after 0.2 seconds of inactivity. Goodbye!\r\n"),
                    channel.outputAtClose());
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void idleTimeoutInWholeSecondsSaysSeconds() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        open(config(Transport.TCP, null, Duration.ofSeconds(1), 10), channel);
        assertAwaited(channel.awaitClosed(), "closed by the idle timeout", channel);
        assertTrue(channel.outputAtClose().endsWith("Connection timed out after 1 seconds of inactivity. Goodbye!\r\n"),
                channel.outputAtClose());
    }

    @Test
    void sessionReceivingInputIsNotClosedByTheIdleTimeout() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(config(Transport.TCP, null, Duration.ofMillis(200), 10), channel);
        CountDownLatch tenTicks = new CountDownLatch(10);
        ticker = Executors.newSingleThreadScheduledExecutor();
        ticker.scheduleAtFixedRate(() -> {
            receive(session, ".tick\n");
            tenTicks.countDown();
        }, 50, 50, TimeUnit.MILLISECONDS);
        assertTrue(tenTicks.await(WAIT_SECONDS, TimeUnit.SECONDS));
        // 0.5 s of input every 50 ms: more than twice the timeout, yet the session stays open.
        assertEquals(0, channel.closeCount(), channel.output());
        assertTrue(session.isOpen());
        assertFalse(channel.output().contains("timed out"));

        ticker.shutdownNow();
        assertAwaited(channel.awaitClosed(), "closed once the input stops", channel);
        assertTrue(channel.outputAtClose().contains("Connection timed out"), channel.outputAtClose());
    }

    @Test
    void zeroConnectionTimeoutNeverTimesOut() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(config(Transport.TCP, null, Duration.ZERO, 10), channel);
        assertFalse(channel.await(() -> channel.closeCount() > 0, Duration.ofMillis(300)),
                "closed although connection_timeout is zero");
        assertTrue(session.isOpen());
    }

    // ---- admission and registry ------------------------------------------------------------------

    @Test
    void maxConnectionsRefusesPastTheLimitAndFreesASlotWhenASessionCloses() throws Exception {
        SessionFactory factory = host.factoryFor(config(Transport.TCP, null, Duration.ofSeconds(300), 2));
        ProtocolSession first = open(factory, channel(FakeSessionChannel.Completion.INLINE));
        ProtocolSession second = open(factory, channel(FakeSessionChannel.Completion.INLINE));
        FakeSessionChannel refusedChannel = channel(FakeSessionChannel.Completion.INLINE);
        assertNotNull(first);
        assertNotNull(second);
        assertNull(factory.open(refusedChannel).session());
        assertEquals(2, factory.activeCount());
        assertEquals(2, host.registry().size());
        assertEquals(List.of(), refusedChannel.buffers(), "the factory leaves the refusal message to the transport");

        first.transportClosed(null);
        assertEquals(1, factory.activeCount());
        assertNotNull(open(factory, channel(FakeSessionChannel.Completion.INLINE)));
        assertEquals(2, factory.activeCount());
    }

    @Test
    void zeroMaxConnectionsIsUnlimited() {
        SessionFactory factory = host.factoryFor(config(Transport.TCP, null, Duration.ofSeconds(300), 0));
        for (int i = 0; i < 20; i++) {
            assertNotNull(open(factory, channel(FakeSessionChannel.Completion.INLINE)));
        }
        assertEquals(20, factory.activeCount());
    }

    @Test
    void stopAcceptingRefusesNewSessions() {
        SessionFactory factory = host.factoryFor(tcp(null));
        factory.stopAccepting();
        assertNull(factory.open(channel(FakeSessionChannel.Completion.INLINE)).session());
        assertEquals(0, host.registry().size());
    }

    @Test
    void registryListenersHearStartAndEndExactlyOncePerSession() throws Exception {
        Map<String, AtomicInteger> started = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> ended = new ConcurrentHashMap<>();
        CountDownLatch allEnded = new CountDownLatch(3);
        host.registry().addListener(new SessionListener() {
            @Override
            public void sessionStarted(Session session) {
                started.computeIfAbsent(session.id(), k -> new AtomicInteger()).incrementAndGet();
            }

            @Override
            public void sessionEnded(Session session) {
                assertTrue(started.containsKey(session.id()), "ended before started");
                ended.computeIfAbsent(session.id(), k -> new AtomicInteger()).incrementAndGet();
                allEnded.countDown();
            }
        });
        SessionFactory factory = host.factoryFor(tcp(null));
        FakeSessionChannel quitting = channel(FakeSessionChannel.Completion.ASYNC);
        ProtocolSession byQuit = open(factory, quitting);
        ProtocolSession byTransport = open(factory, channel(FakeSessionChannel.Completion.INLINE));
        ProtocolSession byServer = open(factory, channel(FakeSessionChannel.Completion.INLINE));

        receive(byQuit, "quit\n");
        byTransport.transportClosed(new java.io.IOException("reset"));
        byTransport.transportClosed(null);
        byServer.closeWithMessage("bye");
        byServer.forceClose();
        byServer.close();

        assertTrue(allEnded.await(WAIT_SECONDS, TimeUnit.SECONDS), "ended: " + ended);
        for (ProtocolSession session : List.of(byQuit, byTransport, byServer)) {
            assertEquals(1, started.get(session.id()).get(), "started once");
            assertEquals(1, ended.get(session.id()).get(), "ended once");
        }
        assertEquals(3, started.size());
        assertEquals(0, host.registry().size());
    }

    @Test
    void closeAllSessionsSaysGoodbyeToEachAndReportsThatTheyClosed() throws Exception {
        SessionFactory factory = host.factoryFor(tcp(null));
        List<FakeSessionChannel> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            FakeSessionChannel channel = channel(i == 0 ? FakeSessionChannel.Completion.INLINE
                    : FakeSessionChannel.Completion.ASYNC);
            open(factory, channel);
            open.add(channel);
        }
        assertEquals(3, host.registry().size());
        assertTrue(host.closeAllSessions(Duration.ofSeconds(WAIT_SECONDS)));
        for (FakeSessionChannel channel : open) {
            assertEquals(1, channel.closeCount());
            assertTrue(channel.outputAtClose().endsWith("Server is shutting down. Goodbye!\r\n"), channel.outputAtClose());
        }
        assertEquals(0, host.registry().size());
        assertEquals(0, factory.activeCount());
    }

    @Test
    void closeWithMessageIsTheLastOutputEvenWhenOtherOutputRacesIt() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        assertEquals("welcome", nextEvent("welcome"));
        // Another thread (here: the writer itself) sends just after the goodbye was queued.
        channel.onWriteOf("Goodbye!", () -> session.sendLine("intruder"));
        session.closeWithMessage("Goodbye!");
        assertAwaited(channel.awaitClosed(), "closed", channel);
        assertEquals("> Goodbye!\r\n", channel.outputAtClose());
        assertFalse(channel.output().contains("intruder"));
    }

    @Test
    void closeAllSessionsReportsFalseWhenAChannelDoesNotFinishWriting() throws Exception {
        FakeSessionChannel stuck = channel(FakeSessionChannel.Completion.NEVER);
        ProtocolSession session = open(tcp(null), stuck);
        assertEquals("welcome", nextEvent("welcome"));
        assertFalse(host.closeAllSessions(Duration.ofMillis(200)));
        assertEquals(1, stuck.closeCount(), "straggler closed hard");
        assertFalse(session.isOpen());
        assertEquals(0, host.registry().size());
    }

    @Test
    void transportClosedTwiceCallsOnDisconnectOnce() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        assertEquals("welcome", nextEvent("welcome"));
        session.transportClosed(null);
        session.transportClosed(new java.io.IOException("again"));
        assertTrue(handlerFactory.firstRelease.await(WAIT_SECONDS, TimeUnit.SECONDS), "handler released");
        assertEquals(1, probe.disconnects.get());
        assertEquals(1, handlerFactory.releases.get());
        assertFalse(session.isOpen());
        assertEquals(0, channel.closeCount(), "a transport-side close is not echoed back to the channel");
    }

    @Test
    void inputAfterCloseIsIgnored() throws Exception {
        FakeSessionChannel channel = channel(FakeSessionChannel.Completion.INLINE);
        ProtocolSession session = open(tcp(null), channel);
        session.transportClosed(null);
        receive(session, "late\n");
        session.receiveMessage("late");
        assertTrue(handlerFactory.firstRelease.await(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(probe.lines.contains("late"));
    }
}
