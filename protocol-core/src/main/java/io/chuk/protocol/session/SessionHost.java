package io.chuk.protocol.session;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What all sessions of a process share: the registry, the handler factory, one timer thread
 * that sweeps every session's time limits, and a small pool for transport work that may block
 * (such as a WebSocket ping or close on containers whose API blocks). One per process
 * (standalone) or per web application (WAR). Each server entry has its own callback executor
 * ({@link CallbackPools}), so a slow entry never delays another.
 *
 * <p>The timer only runs short, non-blocking tasks: anything that may block goes to
 * {@link #blockingTasks()}.
 */
public final class SessionHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** How often the sweeper checks idle, write and close time limits. */
    static final Duration SWEEP_INTERVAL = Duration.ofMillis(100);
    /** Threads for transport work that may block; such work is bounded by its own timeouts. */
    private static final int BLOCKING_THREADS = 8;

    private final HandlerFactory handlerFactory;
    private final SessionClock clock;
    private final SessionRegistry registry = new SessionRegistry();
    private final List<ExecutorService> callbackPools = new CopyOnWriteArrayList<>();
    private final List<String> serverNames = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            CallbackPools.daemonThreads("chuk-timer-"));
    private final ThreadPoolExecutor blockingTasks = new ThreadPoolExecutor(BLOCKING_THREADS, BLOCKING_THREADS,
            30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), CallbackPools.daemonThreads("chuk-transport-"));

    public SessionHost(HandlerFactory handlerFactory) {
        this(handlerFactory, null);
    }

    /**
     * A host whose handler timers run on {@code clock} (a test's virtual clock), or on the host's
     * timer thread when it is {@code null}.
     */
    public SessionHost(HandlerFactory handlerFactory, SessionClock clock) {
        this.handlerFactory = handlerFactory;
        this.clock = clock != null ? clock : SessionClock.on(timer);
        blockingTasks.allowCoreThreadTimeOut(true);
        long tick = SWEEP_INTERVAL.toMillis();
        timer.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.MILLISECONDS);
        io.chuk.protocol.directory.LocalSessionDirectory.instance().attach(registry);
    }

    /** A factory that opens sessions for one server entry, with the entry's own callback executor. */
    public SessionFactory factoryFor(ServerConfig config) {
        ExecutorService pool = CallbackPools.create(config.name(), config.limits().handlerThreads());
        callbackPools.add(pool);
        return factoryFor(config, pool);
    }

    /**
     * A factory whose handler callbacks run on {@code callbackPool}, which the caller owns and
     * shuts down (a test kit counts what runs there to know when its sessions are quiet).
     */
    public SessionFactory factoryFor(ServerConfig config, Executor callbackPool) {
        serverNames.add(config.name());
        io.chuk.protocol.directory.LocalSessionDirectory.instance().serverStarted(config.name());
        return new SessionFactory(config, this, callbackPool);
    }

    public SessionRegistry registry() {
        return registry;
    }

    /** Whether handler callbacks run on virtual threads (Java 21+) rather than bounded pools. */
    public static boolean virtualThreads() {
        return CallbackPools.virtualThreads();
    }

    HandlerFactory handlerFactory() {
        return handlerFactory;
    }

    /** The shared timer: for short, non-blocking tasks only. */
    ScheduledExecutorService timer() {
        return timer;
    }

    /** Where the sessions' handler timers wait. */
    SessionClock clock() {
        return clock;
    }

    /** A bounded pool for transport calls that may block (each must be bounded by a timeout). */
    ExecutorService blockingTasks() {
        return blockingTasks;
    }

    private void sweep() {
        long now = System.nanoTime();
        registry.forEach(session -> {
            try {
                session.checkDeadlines(now);
            } catch (RuntimeException e) {
                LOG.warn("Session {}: checking time limits failed", session.id(), e);
            }
        });
    }

    /**
     * Says goodbye to every live session at once (each with its handler's
     * {@link io.chuk.protocol.handlers.BaseHandler#onServerShutdown()} line) and closes them,
     * waiting at most {@code timeout}; sessions still open then are closed hard.
     *
     * @return whether every session had closed within the timeout
     */
    public boolean closeAllSessions(Duration timeout) throws InterruptedException {
        var sessions = registry.sessions();
        if (!sessions.isEmpty()) {
            LOG.info("Closing {} session(s)", sessions.size());
        }
        for (ProtocolSession session : sessions) {
            session.shutdown();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (registry.size() > 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20); // polling a shrinking set during shutdown only
        }
        boolean clean = registry.size() == 0;
        for (ProtocolSession session : registry.sessions()) {
            session.forceClose();
        }
        return clean;
    }

    @Override
    public void close() {
        var directory = io.chuk.protocol.directory.LocalSessionDirectory.instance();
        directory.detach(registry);
        serverNames.forEach(directory::serverStopped);
        timer.shutdownNow();
        blockingTasks.shutdownNow();
        for (ExecutorService pool : callbackPools) {
            pool.shutdown();
        }
        try {
            for (ExecutorService pool : callbackPools) {
                if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
                    pool.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            callbackPools.forEach(ExecutorService::shutdownNow);
            Thread.currentThread().interrupt();
        }
    }
}
