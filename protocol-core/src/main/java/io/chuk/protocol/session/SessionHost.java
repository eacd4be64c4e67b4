package io.chuk.protocol.session;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What all sessions of a process share: the pool their callbacks run on, a timer, the registry
 * and the handler factory. One per process (standalone) or per web application (WAR).
 *
 * <p>The callback pool grows with the number of sessions whose handlers are busy at the same
 * moment, not with the number of connections: an idle session holds no thread, and a handler
 * that blocks holds only its own.
 */
public final class SessionHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** What every session is told when the server stops. */
    public static final String SHUTDOWN_MESSAGE = "Server is shutting down. Goodbye!";

    private final HandlerFactory handlerFactory;
    private final SessionRegistry registry = new SessionRegistry();
    private final ExecutorService callbackPool = Executors.newCachedThreadPool(threads("chuk-session-"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(threads("chuk-timer-"));

    public SessionHost(HandlerFactory handlerFactory) {
        this.handlerFactory = handlerFactory;
    }

    /** A factory that opens sessions for one server entry. */
    public SessionFactory factoryFor(ServerConfig config) {
        return new SessionFactory(config, this);
    }

    public SessionRegistry registry() {
        return registry;
    }

    HandlerFactory handlerFactory() {
        return handlerFactory;
    }

    ExecutorService callbackPool() {
        return callbackPool;
    }

    ScheduledExecutorService timer() {
        return timer;
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
        timer.shutdownNow();
        callbackPool.shutdown();
        try {
            if (!callbackPool.awaitTermination(2, TimeUnit.SECONDS)) {
                callbackPool.shutdownNow();
            }
        } catch (InterruptedException e) {
            callbackPool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
