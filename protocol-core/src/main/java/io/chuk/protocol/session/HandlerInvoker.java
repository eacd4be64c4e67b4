package io.chuk.protocol.session;

import io.chuk.protocol.cdi.HandlerFactory;
import io.chuk.protocol.handlers.BaseHandler;
import io.chuk.protocol.handlers.HandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * A session's handler: created through the handler factory (CDI), each callback run with the
 * session's logging context, and the error policy: a callback that throws anything ends its
 * session (never the server), and the handler gets no further input. Called only from the
 * session's serial executor, one callback at a time.
 *
 * <p>Abstract, as Jetty's {@code WriteFlusher} is: the session says what follows a callback by
 * subclassing, so no callback object is kept per session for it.
 */
abstract class HandlerInvoker {

    private static final Logger LOG = LoggerFactory.getLogger("io.chuk.protocol.session");

    /** A handler callback. */
    interface Callback {
        void run(BaseHandler handler) throws Exception;
    }

    final String sessionId;
    private final SessionStatistics statistics;
    private BaseHandler handler;
    /** Releases {@link #handler}: kept instead of the factory's wrapper, one object less per session. */
    private Runnable releaser;
    private volatile boolean failed;
    /** The thread running a callback right now: its sends are batched until it returns. */
    private volatile Thread callbackThread;

    HandlerInvoker(String sessionId, SessionStatistics statistics) {
        this.sessionId = sessionId;
        this.statistics = statistics;
    }

    /** A callback failed: the client is told so and the session closes. */
    abstract void callbackFailed();

    /** A callback returned: what it sent may now leave in one write. */
    abstract void callbackEnded();

    /** Creates and attaches the handler; returns false (logged, marked failed) if it cannot be made. */
    boolean create(HandlerFactory factory, Class<? extends BaseHandler> type, HandlerContext context) {
        try {
            HandlerFactory.Created created = factory.create(type);
            handler = created.handler();
            releaser = created.releaser();
            handler.attach(context);
            return true;
        } catch (Exception | LinkageError e) {
            LOG.error("Session {}: cannot create handler {}", sessionId, type.getName(), e);
            failed = true;
            return false;
        }
    }

    /** Whether the handler exists and has not failed: it may get input. */
    boolean usable() {
        return handler != null && !failed;
    }

    /** Whether the calling thread is inside one of this session's callbacks. */
    boolean inCallback() {
        return Thread.currentThread() == callbackThread;
    }

    /** Runs a callback of a usable handler; a failure ends the session. */
    void invoke(Callback callback) {
        if (!usable()) {
            return;
        }
        call(callback, !inCallback());
    }

    /** Runs framework work (such as the telnet opening) as a callback, so its output is batched too. */
    void run(ThrowingRunnable work) {
        call(h -> work.run(), false);
    }

    /** Runs one callback (no wrapper made per call: this runs per message) under the error policy. */
    private void call(Callback callback, boolean outermost) {
        Thread outer = callbackThread; // set when a callback waiting in await delivers input itself
        callbackThread = Thread.currentThread();
        String previousContext = SessionLogContext.enter(sessionId);
        try {
            callback.run(handler);
            if (outermost && usable()) {
                handler.afterCallback(); // lines held back for an awaited dialog that asked no more
            }
        } catch (io.chuk.protocol.api.SessionClosedException e) {
            // A dialog outlived its session: nothing failed, and there is no one left to tell.
            LOG.debug("Session {}: {}", sessionId, e.getMessage());
        } catch (Exception | Error e) { // any failure, also AssertionError: a throw must not wedge the session
            failed = true;
            statistics.handlerFailed();
            try {
                if (handler != null) {
                    handler.onError(e);
                }
            } catch (RuntimeException nested) {
                LOG.error("Session {}: onError failed", sessionId, nested);
            }
            callbackFailed();
        } finally {
            SessionLogContext.restore(previousContext);
            callbackThread = outer;
            callbackEnded();
        }
    }

    /** The line the client is told when the server stops: the handler's choice when it is usable. */
    String shutdownLine(String fallback) {
        if (!usable()) {
            return fallback;
        }
        try {
            return handler.onServerShutdown();
        } catch (Exception | Error e) {
            LOG.warn("Session {}: onServerShutdown failed", sessionId, e);
            return fallback;
        }
    }

    /** The session ended: the handler hears {@code onDisconnect} once and is released. */
    void release() {
        if (handler == null) {
            return;
        }
        try {
            handler.onDisconnect();
        } catch (Exception | LinkageError e) {
            LOG.warn("Session {}: onDisconnect failed", sessionId, e);
        }
        releaser.run();
        handler = null;
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
