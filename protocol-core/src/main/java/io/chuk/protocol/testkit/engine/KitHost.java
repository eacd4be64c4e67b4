package io.chuk.protocol.testkit.engine;

import io.chuk.protocol.api.Session;
import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import io.chuk.protocol.config.ServerKeys;
import io.chuk.protocol.config.TelnetKeepalive;
import io.chuk.protocol.handlers.BaseHandler;
import io.chuk.protocol.session.ProtocolSession;
import io.chuk.protocol.session.SessionFactory;
import io.chuk.protocol.session.SessionHost;
import io.chuk.protocol.testkit.HandlerTestKit;
import io.chuk.protocol.testkit.TestHost;
import io.chuk.protocol.testkit.TestSession;
import io.chuk.protocol.testkit.TestSessionOptions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A {@link TestHost}: a real {@link SessionHost} (so its sessions are in the process's session
 * directory) whose handler timers run on a {@link VirtualClock} and whose callbacks run on a
 * {@link QuietPool}. Handlers are created as the server creates them without a CDI container.
 */
final class KitHost implements TestHost {

    /** How often a wait for quiet looks again when no callback starts or ends. */
    private static final long RECHECK_MILLIS = 2;

    private final VirtualClock clock = new VirtualClock();
    private final QuietPool pool = new QuietPool();
    /** Every handler this host created (a host lives for one test): the kit finds a session's handler here. */
    private final Queue<BaseHandler> handlers = new ConcurrentLinkedQueue<>();
    private final SessionHost host = new SessionHost(this::createHandler, clock);
    private final Map<ServerConfig, SessionFactory> factories = new ConcurrentHashMap<>();
    private final List<KitSession> sessions = new CopyOnWriteArrayList<>();

    private HandlerFactory.Created createHandler(Class<? extends BaseHandler> type) throws Exception {
        HandlerFactory.Created created = HandlerFactory.reflective().create(type);
        handlers.add(created.handler());
        return created;
    }

    @Override
    public TestSession open(TestSessionOptions options) {
        return open(options, () -> {
        });
    }

    /** Opens a session; {@code afterClose} runs once the session has been closed through the kit. */
    KitSession open(TestSessionOptions options, Runnable afterClose) {
        KitChannel channel = new KitChannel(options);
        SessionFactory factory = factories.computeIfAbsent(config(options), c -> host.factoryFor(c, pool));
        SessionFactory.Admission admission = factory.open(channel);
        if (!admission.admitted()) {
            throw new IllegalStateException("session refused: " + admission.refusal());
        }
        KitSession session = new KitSession(this, channel, afterClose);
        sessions.add(session);
        awaitQuiet("open");
        session.started(handlerOf(admission.session().id()));
        return session;
    }

    /** The handler's own view of session {@code id}, or {@code null} when its handler could not be created. */
    private Session handlerOf(String id) {
        for (BaseHandler handler : handlers) {
            Session view = handler.session(); // attached: its session has been quiet since its start
            if (view.id().equals(id)) {
                return view;
            }
        }
        return null;
    }

    /**
     * The server entry a session comes through: the given options, the defaults otherwise, except
     * what real time would do behind the test's back (idle timeout, keepalives) and the per-address
     * limits, which every kit session (all from 127.0.0.1) would hit.
     */
    private static ServerConfig config(TestSessionOptions options) {
        Class<? extends BaseHandler> type = options.handlerClass();
        return ServerConfig.defaults("testkit-" + options.transport().yamlName(), "127.0.0.1", 0,
                        options.transport(), type).toBuilder()
                .set(ServerKeys.MAX_CONNECTIONS, 0)
                .set(ServerKeys.CONNECTION_TIMEOUT, Duration.ZERO)
                .set(ServerKeys.WELCOME_MESSAGE, options.welcomeMessage())
                .set(ServerKeys.MAX_LINE_LENGTH, options.maxLineLength())
                .set(ServerKeys.KEEPALIVE, TelnetKeepalive.OFF)
                .set(ServerKeys.MAX_CONNECTIONS_PER_IP, 0)
                .set(ServerKeys.MAX_CONNECTION_RATE_PER_IP, 0)
                .build();
    }

    void elapse(Duration time) {
        clock.advance(time, () -> awaitQuiet("a timer"));
        awaitQuiet("elapse");
    }

    /**
     * Waits until every session of this host is quiet: no callback runs, except ones parked in
     * {@code await} with no input. Fails after {@link HandlerTestKit#QUIET_TIMEOUT}.
     */
    void awaitQuiet(String after) {
        long deadline = System.nanoTime() + HandlerTestKit.QUIET_TIMEOUT.toNanos();
        try {
            while (!pool.quiet(this::parkedSessions)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("sessions not quiet within " + HandlerTestKit.QUIET_TIMEOUT.toSeconds()
                            + " s after " + after + ": " + sessions.stream().map(KitSession::describe)
                            .collect(Collectors.joining("; ")));
                }
                pool.awaitChange(RECHECK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sessions to get quiet", e);
        }
    }

    private int parkedSessions() {
        int parked = 0;
        for (ProtocolSession session : host.registry().sessions()) {
            if (session.awaitingInput()) {
                parked++;
            }
        }
        return parked;
    }

    void closed(KitSession session) {
        sessions.remove(session);
    }

    @Override
    public void close() {
        for (KitSession session : sessions) {
            session.channel().close();
        }
        sessions.clear();
        try {
            awaitQuiet("closing the host");
        } finally {
            host.close();
            pool.shutdown();
        }
    }
}
